for i in x:
    if i:
        pass
   y = 1
