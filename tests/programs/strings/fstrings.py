name = "Kaa"
version = 3.11
count = 42
print(f"{name} runs Python {version}")
print(f"{count:5d}|{count:<5}|{count:^7}|{count:>6}|{count:05d}")
print(f"{3.14159:.2f} {2.5:e} {1234567.891:,.2f} {0.25:%} {1e-7:g}")
print(f"{255:x} {255:#X} {8:b} {8:#o} {1000000:_}")
print(f"{name!r} {name:>8} {name:*^9} {name:.2}")
print(f"{'nested ' + name} {[1, 2][1]} {count * 2 + 1}")
width = 10
print(f"{'x':{width}}|")
