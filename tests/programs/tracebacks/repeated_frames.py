# Recursion: repeated identical traceback lines are collapsed.
def down(n):
    if n == 0:
        raise RecursionError("bottom reached")
    return down(n - 1)

down(30)
