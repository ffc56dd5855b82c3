d = {"a": 1, "b": 2}
for key in d:
    print("visiting", key)
    d[key + key] = 0
