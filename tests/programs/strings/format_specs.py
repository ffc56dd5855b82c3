# format() and f-string format specs: alignment, fill, sign, width, precision, grouping, types.
n = 1234567
x = -3.14159
s = "kaa"
print(f"[{s:>8}] [{s:<8}] [{s:^8}] [{s:*^9}] [{s:.2}]")
print(f"[{n:,}] [{n:_}] [{n:>12,}] [{n:+d}] [{-n: d}] [{n:010d}]")
print(f"[{n:x}] [{n:X}] [{n:o}] [{n:b}] [{n:#x}] [{n:#o}] [{255:#b}]")
print(f"[{x:.3f}] [{x:10.2f}] [{x:<10.1f}] [{x:+.0f}] [{abs(x):e}] [{x:.3E}] [{x:g}]")
print(f"[{0.5:%}] [{0.125:.1%}] [{1e20:g}] [{1e-7:g}] [{123456789.0:,.2f}]")
print(format(42, "05"), format(3.5, ""), format("t", "^5"), format(True, "d"), format(7, "c") == chr(7))
print(f"{'nested {braces}'}", f"{{}}", f"{n!r:>10}", f"{s!r:^9}")
