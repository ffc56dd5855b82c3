import _random

r = _random.Random(42)
print([r.random() for _ in range(5)])
print([r.getrandbits(k) for k in (1, 5, 31, 32, 33, 64, 100, 0)])
r.seed(0); print(r.random())
r.seed(-42); print(r.random())
r.seed(2**100 + 7); print(r.random())
r.seed(12345678901234567890); print(r.getrandbits(200))
r.seed(3.5); print(r.random())
r.seed(True); print(r.random())
r.seed((1, 2)); print(r.random())
r.seed('abc'); print(type(r.random()).__name__)
st = r.getstate()
print(len(st), st[-1])
a = [r.random() for _ in range(3)]
r.setstate(st)
print(a == [r.random() for _ in range(3)])
r2 = _random.Random()
print(0 <= r2.random() < 1)
for bad in [lambda: r.getrandbits(-1), lambda: r.setstate((1, 2)), lambda: r.setstate([0] * 625),
            lambda: r.setstate(tuple([0] * 624 + [625])), lambda: _random.Random(1, 2), lambda: r.getrandbits(1.5),
            lambda: _random.Random(x=1), lambda: r.seed(1, 2)]:
    try:
        bad()
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
class Sub(_random.Random):
    def __init__(self, x):
        self.seed(x * 2)
s = Sub(21)
print(s.random() == _random.Random(42).random())
