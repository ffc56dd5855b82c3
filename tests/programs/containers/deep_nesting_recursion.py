a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
try:
    a == b
except RecursionError as e:
    print("RecursionError:", e)
try:
    repr(a)
except RecursionError as e:
    print("RecursionError:", e)
print(a == a)
