# Three ways of writing the same loop.
out1 = []
for i in range(1, 16):
    if i % 15 == 0:
        out1.append("FizzBuzz")
    elif i % 3 == 0:
        out1.append("Fizz")
    elif i % 5 == 0:
        out1.append("Buzz")
    else:
        out1.append(str(i))
out2 = ["Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0) or str(i) for i in range(1, 16)]
out3 = []
i = 0
while True:
    i += 1
    if i > 15:
        break
    word = ""
    if not i % 3:
        word += "Fizz"
    if not i % 5:
        word += "Buzz"
    out3.append(word or str(i))
print(out1 == out2 == out3)
print(" ".join(out1))
