for expr in ['(1+2j) // 2', '(1+2j) % 2', '(1+2j) < 2', '1j > 1j', '0j ** -1', '0j ** 1j', 'pow(1j, 2, 3)', '1j / 0', '1 / 0j',
             '1.5 / 0j', 'int(1j)', 'float(1j)', 'round(1j)', '(1+2j) + "a"', 'divmod(1j, 2)', 'complex.conjugate(1)',
             '(1e200+1e200j) ** 1.5', '10j ** 400', '1j & 1', '~1j', 'range(1j)']:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
