def f(a, b):
    # type: (int, str) -> None
    pass

def g(
    a,  # type: int
    b,  # type: str
):
    # type: (...) -> None
    pass

x = []  # type: List[int]
for i in x:  # type: int
    pass
with open('f') as fh:  # type: IO
    pass
y = 1  # type: ignore
z = 2  # type: ignore[assignment]
