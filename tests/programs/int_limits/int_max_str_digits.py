import sys
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
big = 10 ** 5000
for f in (str, repr, lambda n: f"{n}", lambda n: "%d" % n, lambda n: format(n, ","), hex):
    try:
        print(len(f(big)))
    except ValueError as e:
        print("ValueError", e)
try:
    int("7" * 4301)
except ValueError as e:
    print("ValueError", e)
print(len(str(int("7" * 4300))))
for a in [(), ('x',), (1, 2), (5,), (-1,), (641,)]:
    try:
        print(sys.set_int_max_str_digits(*a), sys.get_int_max_str_digits())
    except Exception as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=0)
print(len(str(big)), sys.flags.int_max_str_digits)
sys.set_int_max_str_digits(700)
try:
    str(10 ** 700)
except ValueError as e:
    print("ValueError", e)
print(len(str(10 ** 699)), len(str(-10 ** 699)))
