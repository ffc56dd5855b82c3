items = [**a]
