D = 'disk'
