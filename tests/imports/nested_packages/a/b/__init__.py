print('a.b')
