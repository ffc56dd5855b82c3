{a, b} = s
