# while/else and for/else for searches; else runs only without break.
def first_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return None
    return d


print([(n, first_divisor(n)) for n in (2, 9, 15, 17, 49, 97)])
for word in ("apple", "sky", "rhythm"):
    for ch in word:
        if ch in "aeiou":
            print(word, "has vowel", ch)
            break
    else:
        print(word, "has no vowel")
for i in range(0):
    print("never")
else:
    print("empty loop else")
