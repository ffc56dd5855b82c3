from __future__ import annotations
# Under PEP 563 variable annotations are kept as source text.
class Node:
    value: int
    next: Node | None = None
    children: list[Node]
    meta: dict[str, "tuple[int, ...]"]
print(Node.__annotations__)
n: Undefined = 3
print(__annotations__, n)
