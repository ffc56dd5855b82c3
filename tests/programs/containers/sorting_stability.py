# sorted() is stable; key functions and reverse; sorting mixed types fails.
people = [("bob", 25), ("amy", 30), ("cat", 25), ("dan", 30), ("eve", 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people), sorted(people, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=lambda w: w.lower()), sorted(words, key=len))
print(sorted("hello"), sorted({3: 1, 1: 2}), sorted([]), sorted([2.5, 1, True]))
nums = [3, 1, 2]
nums.sort(reverse=True)
print(nums, min(people, key=lambda p: p[1]), max("abc"))
sorted([1, "a"])
