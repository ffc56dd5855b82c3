KIND = 'module file wins'
