BASE = 'base'
