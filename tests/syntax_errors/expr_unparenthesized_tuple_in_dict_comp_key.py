d = {x, y: 1 for x, y in z}
