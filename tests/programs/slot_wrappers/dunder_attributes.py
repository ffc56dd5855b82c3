# Special methods of built-in types reached as attributes (slot wrappers).
print(int.__add__(1, 2), (1).__add__(2), int.__add__(1, 1.5))
print(float.__add__(1.5, 1), float.__radd__(1.5, 2), int.__radd__(3, 4))
print(str.__len__("abc"), [1, 2].__len__(), {1: 2}.__len__())
print(int.__index__(7), (7).__index__(), int.__int__(True), float.__int__(2.9))
print(int.__repr__(5), float.__repr__(1.5), str.__repr__("a'b"), list.__repr__([1, 'x']))
print(dict.__getitem__({1: 2}, 1), list.__getitem__([5, 6], -1), str.__getitem__("hey", 1))
print(int.__lt__(1, 2), int.__eq__(1, 1.0), float.__eq__(1.0, 1), int.__ne__(3, 4))
print(str.__mod__("%d-%s", (3, "x")), str.__add__("a", "b"), str.__mul__("ab", 3))
print(int.__bool__(0), float.__bool__(0.5), list.__contains__([1, 2], 2), str.__contains__("abc", "bc"))
print(int.__neg__(5), int.__invert__(5), float.__neg__(2.5), int.__abs__(-3), float.__abs__(-0.5))
print(int.__hash__(3) == hash(3), str.__hash__("x") == hash("x"), tuple.__hash__((1, 2)) == hash((1, 2)))
print(list.__hash__, dict.__hash__, set.__hash__)
print(float.__floor__(2.5), float.__ceil__(2.5), float.__trunc__(-2.5), int.__floor__(4))
print(float.__round__(2.567, 2), int.__round__(15, -1), float.__divmod__(7.5, 2), int.__rdivmod__(3, 10))
print(int.__pow__(2, 10), int.__pow__(2, 10, 1000), int.__rpow__(2, 3))
print(int.__format__(255, 'x'), float.__format__(1.5, '.3f'), str.__format__('ab', '>4'))
print(frozenset.__or__(frozenset({1}), frozenset({2})) == {1, 2}, set.__and__({1, 2}, [2]))
print(dict.__or__({1: 2}, {3: 4}), dict.__or__({1: 2}, [3]))
l = [1]
print(list.__iadd__(l, (2, 3)) is l, l, list.__imul__(l, 2), l)
d = {}
dict.__setitem__(d, 'k', 'v'); print(d); dict.__delitem__(d, 'k'); print(d)
print(list(list.__iter__([1, 2])), list(list.__reversed__([1, 2, 3])), list(dict.__reversed__({1: 0, 2: 0})))
print(int.__getnewargs__(5), str.__getnewargs__('s'), tuple.__getnewargs__((1,)))
print(int.__str__ is object.__str__, float.__str__ is object.__str__, str.__str__ is object.__str__)
print(object.__eq__ is object.__eq__, object.__init__ is object.__init__)
class C: pass
print(C.__init__ is object.__init__, C.__repr__ is object.__repr__, C.__hash__ is object.__hash__)
c = C()
print(c.__eq__(c), c.__eq__(1), c.__ne__(1), c.__lt__(c), c.__format__('') == str(c), c.__init__())
print(C.__subclasshook__(), object.__subclasshook__(), c.__sizeof__() > 0)
print(sorted(k for k in int.__dict__ if k in ('__add__', 'bit_length', 'from_bytes', '__index__')))
print(dict.fromkeys('ab'), str.maketrans('a', 'b'))
for bad in ["int.__add__('a', 1)", "str.__len__(3)", "int.__add__(1)", "list.__getitem__([], 0)",
            "c.__format__('x')", "int.__add__(1, 2, 3)", "dict.__getitem__({}, 'k')"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
