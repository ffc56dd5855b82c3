import _functools as ft

print(ft.reduce(lambda a, b: a + b, [1, 2, 3, 4]), ft.reduce(lambda a, b: a * b, range(1, 6), 10))
print(ft.reduce(lambda a, b: a + b, [], 'init'), ft.reduce(max, [3, 9, 2]), ft.reduce(lambda a, b: a + b, ['x']))
def check(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: ft.reduce(lambda a, b: a + b, []))
check(lambda: ft.reduce(lambda a, b: a + b, 5))
check(lambda: ft.reduce(len))
check(lambda: ft.reduce(lambda a, b: a + b, [1, 'a']))
def cmp(a, b):
    return (a > b) - (a < b)
key = ft.cmp_to_key(cmp)
print(sorted([5, 2, 9, 1], key=key), sorted('banana', key=ft.cmp_to_key(lambda a, b: ord(b) - ord(a))))
k1, k2 = key(1), key(2)
print(k1 < k2, k1 > k2, k1 == key(1), k1 != k2, k1 <= k2, k2 >= k1, k1.obj)
check(lambda: k1 < 5)
print(k1.__hash__ is None)
check(lambda: ft.cmp_to_key())
print(max([3, 1, 2], key=ft.cmp_to_key(cmp)), min('hello', key=ft.cmp_to_key(cmp)))
