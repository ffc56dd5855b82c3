total = 0
for i in range(50):
    total += i
    if i == 25:
        del total
        total = 1000
print(total)
x = 1
def show(): return x
for i in range(3):
    x = i * 2
print(show(), x)
exec("y = 5")
print(y)
