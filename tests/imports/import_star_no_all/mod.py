import sys as _sys
public = 'yes'
_secret = 'no'
def func(): pass
class K: pass
