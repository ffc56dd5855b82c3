ok = a and
