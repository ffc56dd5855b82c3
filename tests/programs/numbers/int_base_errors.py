# int() with explicit bases: valid cases and each error message.
print(int("z", 36), int("Z", 36), int("777", 8), int("-ff", 16), int("0", 2), int("1" * 70, 2) > 2 ** 68)
for text, base in (("12", 1), ("12", 37), ("2", 2), ("g", 16), (" ", 10)):
    try:
        int(text, base)
    except ValueError as e:
        print("ValueError:", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError:", e)
