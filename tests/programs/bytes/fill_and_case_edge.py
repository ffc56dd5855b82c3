for w in [-1, 0, 1, 4, 5, 6, 9]:
    print(w, b'abcd'.center(w, b'.'), b'abc'.center(w, b'.'), b'abcd'.ljust(w, b'.'), b'abcd'.rjust(w, b'.'), b'-12'.zfill(w), b'+'.zfill(w))
for s in [b'', b'a', b'A', b'aB1', b'hello WORLD', b'\xc0\xe0', b'i\xcc\x87', b'ABC def', b'a1b2', b'Title Case Here', b'Not title Case']:
    print(s, s.title(), s.capitalize(), s.swapcase(), s.istitle(), s.islower(), s.isupper(), s.isalnum(), s.isalpha())
