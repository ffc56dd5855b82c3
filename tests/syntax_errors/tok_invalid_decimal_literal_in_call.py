print(3rd)
