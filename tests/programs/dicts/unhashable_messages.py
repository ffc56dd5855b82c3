for bad in ([], {}, set(), ([],), {1: 2}.keys() if False else [1]):
    try:
        {bad: 1}
    except TypeError as e:
        print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] in {1: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.get([])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1}.add({})
except TypeError as e:
    print(type(e).__name__, e)
print([] in [[]], {} in [{}])
