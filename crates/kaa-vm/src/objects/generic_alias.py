# types.GenericAlias: what `list[int]` makes (PEP 585). Compiled into Kaa, on first use.


def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    return repr(obj)


def _parameters(args):
    found = []
    for arg in args:
        if isinstance(arg, type) and not isinstance(arg, GenericAlias):
            continue
        if hasattr(arg, '__typing_subst__'):
            if arg not in found:
                found.append(arg)
        else:
            for p in getattr(arg, '__parameters__', ()):
                if p not in found:
                    found.append(p)
    return tuple(found)


class GenericAlias:
    def __init__(self, origin, args, /):
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, '__origin__', origin)
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _parameters(args))
        object.__setattr__(self, '__unpacked__', False)

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __repr__(self):
        if not self.__args__:
            return f'{_type_repr(self.__origin__)}[()]'
        return f"{_type_repr(self.__origin__)}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __getitem__(self, items):
        params = self.__parameters__
        if not params:
            raise TypeError(f'{self!r} is not a generic class')
        if not isinstance(items, tuple):
            items = (items,)
        if len(items) != len(params):
            raise TypeError(f"Too {'many' if len(items) > len(params) else 'few'} arguments for {self!r}; "
                            f'actual {len(items)}, expected {len(params)}')
        subst = dict(zip(params, items))
        new_args = []
        for arg in self.__args__:
            if isinstance(arg, type) and not isinstance(arg, GenericAlias):
                new_args.append(arg)
            elif hasattr(arg, '__typing_subst__'):
                new_args.append(subst[arg])
            else:
                sub = getattr(arg, '__parameters__', ())
                if sub:
                    arg = arg[tuple(subst[p] for p in sub)]
                new_args.append(arg)
        return GenericAlias(self.__origin__, tuple(new_args))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __reduce__(self):
        import operator
        return operator.getitem, (self.__origin__, self.__args__)

    def __setattr__(self, name, value):
        if name in ('__origin__', '__args__', '__parameters__'):
            raise AttributeError('readonly attribute')
        object.__setattr__(self, name, value)


def _unionable(obj):
    return obj is None or isinstance(obj, (type, GenericAlias, UnionType))


def _union(a, b):
    # `X | Y` of types: a types.UnionType (NotImplemented for other operands).
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for part in (a, b):
        for arg in (part.__args__ if isinstance(part, UnionType) else (part,)):
            if arg is None:
                arg = type(None)
            if arg not in args:
                args.append(arg)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class UnionType:
    def __init__(self, args, /):
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _parameters(args))

    def __repr__(self):
        return ' | '.join('None' if a is type(None) else _type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError('isinstance() argument 2 cannot be a parameterized generic')
        return any(issubclass(cls, arg) for arg in self.__args__)

    def __getitem__(self, items):
        params = self.__parameters__
        if not params:
            raise TypeError(f'{self!r} is not a generic class')
        if not isinstance(items, tuple):
            items = (items,)
        subst = dict(zip(params, items))
        result = None
        for arg in self.__args__:
            if hasattr(arg, '__typing_subst__'):
                arg = subst[arg]
            elif getattr(arg, '__parameters__', ()):
                arg = arg[tuple(subst[p] for p in arg.__parameters__)]
            result = arg if result is None else result | arg
        return result

    def __setattr__(self, name, value):
        raise AttributeError('readonly attribute')


GenericAlias.__module__ = 'types'
UnionType.__module__ = 'types'
