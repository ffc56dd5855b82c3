s = bf'{x}'
