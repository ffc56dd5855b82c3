class lazy:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, cls):
        if obj is None:
            return self
        print("computing", self.name)
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class Circle:
    def __init__(self, r):
        self.r = r

    @lazy
    def area(self):
        return 3 * self.r * self.r


c = Circle(2)
print(c.area)
print(c.area)
print(c.__dict__)


class Method:
    def __init__(self, f):
        self.f = f

    def __get__(self, obj, cls):
        if obj is None:
            return self.f
        return lambda *a: self.f(obj, *a)


class K:
    @Method
    def add(self, n):
        return self.base + n

    base = 10


print(K().add(5), K.add(K(), 1))


class Counter:
    calls = 0

    def __get__(self, obj, cls):
        Counter.calls += 1
        return Counter.calls


class UsesCounter:
    n = Counter()


u = UsesCounter()
print(u.n, u.n, UsesCounter.n)
