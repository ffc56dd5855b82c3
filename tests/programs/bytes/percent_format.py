print(b'%s and %s' % (b'one', bytearray(b'two')))
print(b'%d items, %5.2f, %x, %X, %o, %i' % (3, 2.5, 255, 255, 8, -4))
print(b'%-5d|%05d|%+d' % (1, 2, 3))
print(b'%c%c%c' % (72, b'i', bytearray(b'!')))
print(b'%r %a' % ('é', b'x'))
print(b'%b' % memoryview(b'mv'))
print(b'%%' % (), b'100%%' % ())
print(b'%(name)s is %(age)d' % {b'name': b'Bob', b'age': 30})
print(bytearray(b'%s!') % b'hey', type(bytearray(b'%s') % b'x').__name__)
print(b'%.2s' % b'abcdef', b'%5s|%-5s|' % (b'ab', b'cd'))
print(b'%s' % b'single')

class WithBytes:
    def __bytes__(self):
        return b'dunder'
print(b'[%s]' % WithBytes())
for expr in ["b'%s' % 'a'", "b'%d %s' % (1,)", "b'%c' % 300", "b'%c' % 'a'", "b'%x' % 'a'", "b'%s' % (1, 2)", "b'%b' % 1", "b'%y' % 1", "b'%s %s' % (b'a', b'b', b'c')"]:
    try:
        print(eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
