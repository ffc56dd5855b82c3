import one
print(one.VALUE)
