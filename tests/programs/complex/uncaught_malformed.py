print(complex('1+2j'))
complex('1+2x')
