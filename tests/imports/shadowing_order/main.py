import colorsys
print(colorsys.WHO)
import sys
print(sys.__name__, hasattr(sys, 'FAKE'))
