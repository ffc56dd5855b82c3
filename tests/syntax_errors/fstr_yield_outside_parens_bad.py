x = f'{yield from}'
