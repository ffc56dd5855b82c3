PUBLIC = 'public'
_private = 'private'
def helper():
    return 'helped'
