import a
print(a.A(), a.b.B(), a.b.c.C())
import sys
print([m for m in ('a', 'b', 'c') if m in sys.modules])
