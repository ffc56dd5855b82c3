print("hello, world)
