total = 0

def add(n):
    global total
    total += n

for i in range(5):
    add(i)
print(total)

def shadow():
    total = "local"
    return total

print(shadow(), total)
