# Unbounded recursion ends in RecursionError; catching it lets the program go on.
def down(n):
    return down(n + 1)


def count_depth(n):
    try:
        return count_depth(n + 1)
    except RecursionError:
        return n


try:
    down(0)
except RecursionError as e:
    print("caught:", e)
depth = count_depth(0)
print("depth is large:", depth > 500)
down(0)
