z = complex(3.14159, -2.71828)
print(f'{z}', f'{z:.2f}', f'{z:10.1f}|', f'{z:<30}|', f'{z!s:>25}', '{:e}'.format(z), '{0:g}'.format(z))
print('%s | %r' % (z, z))
for spec in ['', '+', ' ', '.0f', '#.0f', '12.3e', '^30.4g', 'z.1f', ',']:
    print(repr(spec), format(z, spec), format(-z, spec), format(complex(-0.0, 0.0), spec))
try:
    '%d' % z
except TypeError as e:
    print(e)
try:
    '%f' % z
except TypeError as e:
    print(e)
