x = f'{name!}'
