total = sum(x * x for x in values, 0)
