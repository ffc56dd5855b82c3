def greet(name, greeting="Hello", *, punctuation="!"):
    return f"{greeting}, {name}{punctuation}"

print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet(name="Grace", greeting="Welcome"))
print(greet("Alan", punctuation="?"))
