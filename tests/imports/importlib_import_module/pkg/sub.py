V = 'sub value'
