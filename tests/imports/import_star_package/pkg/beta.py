B = 'beta'
