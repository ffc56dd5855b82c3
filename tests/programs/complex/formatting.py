z = 1.5 + 2.25j
print(format(z), format(z, ''), format(z, '20'), format(z, '<20'), format(z, '^20'), format(z, '*>20'))
print(format(z, '.2f'), format(z, '.3e'), format(z, 'g'), format(z, '.1'), format(z, '+'), format(z, ' '), format(z, '.2'))
print(format(2j, ''), format(2j, '+'), format(2j, '.2f'), format(-0.0-1j, ''), format(complex(-0.0, 1), 'g'))
print(format(123456.789+9876543.21j, ',.2f'), format(1e20+1j, 'e'), format(1j, 'E'), format(complex('nan+infj'), 'F'))
print(f'{z:>30.4f}|', f'{z!r:>12}', '{:.1f}'.format(3-4j), '{0.real} {0.imag}'.format(z))
print(z.__format__('.1f'), format(1+2j, '#.0f'), format(1+2j, 'n'))
for spec in ['010', '=10', '%', 'd', 'x', 's', '010.2f']:
    try:
        print(format(z, spec))
    except ValueError as e:
        print(spec, e)
