top = __import__('pkg.sub')
print(top.__name__)
leaf = __import__('pkg.sub', fromlist=['V'])
print(leaf.__name__, leaf.V)
rel = __import__('sub', globals={'__package__': 'pkg', '__name__': 'pkg.x'}, fromlist=['V'], level=1)
print(rel.__name__)
pk = __import__('', globals={'__package__': 'pkg', '__name__': 'pkg.x'}, fromlist=['sub'], level=1)
print(pk.__name__)
try:
    __import__('')
except ValueError as e:
    print(type(e).__name__, e)
