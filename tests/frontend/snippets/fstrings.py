name = "x"
width = 10
a = f"hello {name}"
b = f"{name!r} {name!s} {name!a}"
c = f"{name:>{width}} {3.14159:.2f} {1000000:,}"
d = f"{name=} {width = } {name=!r:>20}"
e = f"{{literal}} {'nested'} {f'{name}'}"
f = f"""multi
{name}
line"""
g = rf"\d{name}" + fR"{width}\n" + Rf'{1}'
h = f"{'a' if name else 'b'}" f"{[x for x in range(3)]}" f"{ {1: 2}[1] }"
i = f'{name}' 'plain' f"{width}"
j = f"{(lambda: 1)()}"
k = f"{x:{'>'}{10}}" if False else ''
l = f'{3!r:^10}' f"{-1:+}" f"{1_000:_}" f"{0.5:%}"
