import a
print(a.from_b(), a.b.from_a())
import sys
print(sys.modules['a'] is a, sys.modules['b'] is a.b)
