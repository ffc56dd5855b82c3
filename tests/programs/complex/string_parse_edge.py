cases = ['1', '1.5', '-1.5e3', 'j', 'J', '+j', '-j', '2j', '2J', '1+j', '1-j', '1+1j', '(1+1j)', ' 1+1j ', '\t(2-3j)\n', '1e1+1e1j',
         'inf', '-inf', 'infj', '-infj', 'nan', 'nanj', 'inf+nanj', 'Infinity-1j', '1_000+2_000j', '.5+.5j', '5.-5.j',
         '', ' ', '(', ')', '()', '(1', '1)', '1+', '+', '-', 'j1', '1j1', '1+2', '1 + 2j', '1+2jj', 'abc', '1e', '1__0', '_1', '1_', '((1))', '1+-2j', '0x10', '1.2.3']
for c in cases:
    try:
        print(repr(c), complex(c))
    except ValueError as e:
        print(repr(c), e)
