H = 'h'
