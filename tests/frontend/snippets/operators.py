x = a + b - c * d / e // f % g ** h @ i
x = a << b >> c & d | e ^ ~f
x = -a + +b - -c
x = a < b <= c > d >= e == f != g
x = a is b is not c in d not in e
x = not a and b or c
x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 2; x **= 2; x @= m
x >>= 1; x <<= 1; x &= 1; x |= 1; x ^= 1
x = a if b else c
x = (y := 10)
x = [*a, *b]; y = {**a, **b}; z = (*a, *b)
x = a[1:2, ::3, ...]; x = a[:]; x = a[::]
x = 2 ** -1
x = a.b.c(d)(e)[f]
