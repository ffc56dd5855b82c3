# Methods and attributes of ints and floats.
print((255).bit_length(), (0).bit_length(), (-1024).bit_length(), (10 ** 30).bit_length())
print((7).real, (7).imag, (7).numerator, (7).denominator, (5).conjugate())
print((2.5).is_integer(), (3.0).is_integer(), (0.75).as_integer_ratio())
print(int.__name__, float.__name__)
