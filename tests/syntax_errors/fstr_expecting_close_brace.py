x = f'{name'
