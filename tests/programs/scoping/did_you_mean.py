import math
class Point:
    def __init__(self):
        self.value = 1
        self.velocity = 2
def run(kind):
    count = 1
    try:
        if kind == 0:
            print(cuont)
        elif kind == 1:
            prnt("x")
        elif kind == 2:
            Point().valeu
        elif kind == 3:
            math.sqr(4)
        elif kind == 4:
            "abc".uper()
        elif kind == 5:
            Point.valu
        elif kind == 6:
            zzzzzz
    except (NameError, AttributeError) as e:
        print(type(e).__name__, e)
for k in range(7):
    run(k)
lenght = 3
print(lengt)
