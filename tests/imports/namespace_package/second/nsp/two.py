Y = 'two'
