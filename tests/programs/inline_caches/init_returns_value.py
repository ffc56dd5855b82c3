class R:
    def __init__(self):
        return 0
for i in range(2):
    try:
        R()
    except TypeError as e:
        print(e)
R()
