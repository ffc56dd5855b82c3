# Function attributes used by the standard library at import time.
def f(a, b=2, *, c=3, d):
    "doc"
    return a
print(f.__module__, f.__closure__, f.__kwdefaults__, f.__defaults__, f.__name__, f.__qualname__, f.__doc__)
print(f.__globals__ is globals(), type(f.__builtins__).__name__, f.__code__.co_name)
def outer():
    x = 1
    y = [2]
    def inner():
        return x, y
    return inner
g = outer()
print(len(g.__closure__), [type(c).__name__ for c in g.__closure__], g.__closure__[0].cell_contents)
print(g.__qualname__)
g.__qualname__ = 'renamed'
g.__name__ = 'r'
print(g.__qualname__, g.__name__)
f.__annotations__
import types
print(types.FunctionType, types.CellType, types.MethodType, types.BuiltinFunctionType)
print(types.GetSetDescriptorType.__name__, types.WrapperDescriptorType.__name__ is not None)
print(type(f) is types.FunctionType, isinstance(len, types.BuiltinFunctionType))
print(types.new_class('K', (object,)).__name__)
