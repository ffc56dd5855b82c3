total = 1 + \  # add
    2
