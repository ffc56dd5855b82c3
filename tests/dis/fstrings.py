name = "kaa"
width = 8
value = 3.14159
items = [1, 2, 3]
print(f"hello {name}!")
print(f"{name!r:>{width}}|{value:.2f}|{value!s}")
print(f"{len(items)} items, first={items[0]}, sum={sum(items):05d}")
print(f"{{literal}} {name.upper()} {'nested'} {value:{width}.{2}f}")
print(f"{name=} {value*2=:.1f}")
