[a, b] += c
