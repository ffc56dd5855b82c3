x = len(items))
