x: int
y: list[int] = []
z.attr: str = 'a'
w[0]: int = 1
(v): int = 2
