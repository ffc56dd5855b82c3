G = 'gamma'
