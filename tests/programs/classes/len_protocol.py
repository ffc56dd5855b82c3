class A:
    def __len__(self): return 3
class B:
    def __len__(self): return -1
class C:
    def __len__(self): return 2**70
class D:
    def __len__(self): return "x"
class E:
    def __len__(self): return True
for k in (A, E):
    print(len(k()), bool(k()))
for k in (B, C, D):
    try:
        len(k())
    except Exception as e:
        print(type(e).__name__, e)
match [1, 2]:
    case [a, b]:
        print(a, b)
x = 5
print(x, len)
class B:
    def __len__(self): return -1
try:
    bool(B())
except ValueError as e:
    print(e)
class Z:
    def __len__(self): return 0
print(bool(Z()), not Z())
