e = ImportError('boom')
print(e.name, e.path, e.msg)
e2 = ImportError('boom', name='mod', path='/p')
print(e2.name, e2.path, e2.args, str(e2))
class MyErr(ImportError): pass
e3 = MyErr('x', name='n')
print(e3.name, type(e3).__name__)
e4 = ModuleNotFoundError("No module named 'q'", name='q')
print(repr(e4), e4.name)
try:
    ImportError('x', bogus=1)
except TypeError as t:
    print(t)
try:
    import no_such_module_for_attrs
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.msg)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.msg)
try:
    raise ImportError('custom', name='mine')
except ImportError as e:
    print(e, e.name, e.args)
