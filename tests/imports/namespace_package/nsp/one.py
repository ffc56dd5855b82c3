X = 'one'
