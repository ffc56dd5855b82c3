result = max(a b)
