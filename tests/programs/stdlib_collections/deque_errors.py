from _collections import deque

def check(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)

check(lambda: deque().pop())
check(lambda: deque().popleft())
check(lambda: deque([1])[1])
check(lambda: deque([1])[-2])
check(lambda: deque([1])['a'])
check(lambda: deque([1, 2])[0:1])
check(lambda: deque([1]).index(5))
check(lambda: deque(['a']).index('zz'))
check(lambda: deque([1]).remove(5))
check(lambda: deque(maxlen=-1))
check(lambda: deque(maxlen='a'))
check(lambda: deque([], 1, 2))
check(lambda: deque(1))
check(lambda: deque([1], maxlen=1).insert(0, 5))
check(lambda: deque([1]) + [2])
check(lambda: deque([1]) * 'a')
check(lambda: deque().rotate('a'))
check(lambda: deque().rotate(1.5))
check(lambda: deque().append())
check(lambda: deque().append(1, 2))
check(lambda: deque().pop(1))
check(lambda: deque().extend(5))
check(lambda: deque().insert(1))
check(lambda: deque.append(5, 1))
check(lambda: deque([1, 'a']) < deque([1, 2]))
check(lambda: deque(foo=1))

d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e)
d = deque([1, 2, 3])
it = iter(d)
next(it)
d.pop()
check(lambda: next(it))
check(lambda: next(it))
d = deque([1, 2, 3])
it = iter(d)
d[0] = 9
print(list(it))

class Bad:
    def __eq__(self, other):
        d.clear()
        return False
d = deque([Bad(), 2, 3])
check(lambda: d.count(5))
d = deque([Bad(), 2, 3])
check(lambda: d.remove(7))
del d[5]
