x = a\b
