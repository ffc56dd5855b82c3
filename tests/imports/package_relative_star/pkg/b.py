def fb(): pass
_priv = 1
