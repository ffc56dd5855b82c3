x = f'{name!z}'
