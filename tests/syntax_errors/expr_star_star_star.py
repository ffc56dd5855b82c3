x = a *** b
