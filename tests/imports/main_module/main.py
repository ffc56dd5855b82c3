import sys
main = sys.modules['__main__']
print(main.__name__, main is sys.modules[__name__])
TOKEN = 'main token'
import user
print(user.seen)
import __main__
print(__main__.TOKEN)
if __name__ == '__main__':
    print('running as script')
