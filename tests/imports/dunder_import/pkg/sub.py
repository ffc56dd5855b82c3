V = 'v'
