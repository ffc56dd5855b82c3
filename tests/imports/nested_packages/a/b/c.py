print('a.b.c')
DEEP = 'deep value'
