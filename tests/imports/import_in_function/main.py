def load():
    import pkg.sub as s
    from pkg import helper
    import pkg.sub
    return s.V, helper.H, pkg.__name__
print(load())
print('pkg' in globals())
class C:
    import pkg.helper as h
print(C.h.H)
