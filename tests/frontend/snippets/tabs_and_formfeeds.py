if x:
	if y:
		pass
	else:
		pass
z = 1
if a:
        b = 1
