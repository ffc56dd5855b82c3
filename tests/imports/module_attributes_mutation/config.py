SETTING = 'initial'
OTHER = 1
