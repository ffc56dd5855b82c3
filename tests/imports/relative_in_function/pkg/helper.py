def value():
    return 'helped late'
