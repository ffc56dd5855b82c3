bases = [1j, 1+1j, -1, 2, 0.5j, -2-2j, 1e-3+1e3j]
exps = [0, 1, 2, 3, -1, -2, 0.5, 1j, 2+1j, 101, -101]
for b in bases:
    out = []
    for e in exps:
        try:
            out.append(repr(b ** e))
        except Exception as ex:
            out.append(type(ex).__name__ + ':' + str(ex))
    print(b, out)
print(pow(1+2j, 3), pow(2, 1j), 0j ** 0, 0j ** 2, (0j) ** (2+0j))
for code in ['0j ** -2', '0j ** (1+1j)', '(1e200j) ** 3', '10 ** (1000+0j)']:
    try:
        print(eval(code))
    except Exception as e:
        print(code, type(e).__name__, e)
