G = 'good'
