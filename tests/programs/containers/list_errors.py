# Errors from list operations.
items = [1, 2, 3]
for thunk in (lambda: items[3], lambda: items.pop(7), lambda: [].pop(), lambda: items.remove(9),
              lambda: items.index(9), lambda: items["0"]):
    try:
        thunk()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    items[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    items[0:3:2] = [1]
except ValueError as e:
    print("ValueError:", e)
items[-4] = 0
