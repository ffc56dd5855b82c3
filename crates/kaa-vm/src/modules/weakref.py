# The pure-Python half of Kaa's native weakref module (see weakref.rs). Dead entries are
# dropped lazily, whenever a container is looked at, instead of by callbacks.

WeakMethod = None


class WeakValueDictionary:
    def __init__(self, other=(), /, **kwargs):
        self.data = {}
        self.update(other, **kwargs)

    def _purge(self):
        for key in [k for k, r in self.data.items() if r() is None]:
            del self.data[key]

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = ref(value)

    def __delitem__(self, key):
        self._purge()
        del self.data[key]

    def __contains__(self, key):
        r = self.data.get(key)
        return r is not None and r() is not None

    def __len__(self):
        self._purge()
        return len(self.data)

    def __iter__(self):
        return self.keys()

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def keys(self):
        for k, r in list(self.data.items()):
            if r() is not None:
                yield k

    def values(self):
        for r in list(self.data.values()):
            o = r()
            if o is not None:
                yield o

    def items(self):
        for k, r in list(self.data.items()):
            o = r()
            if o is not None:
                yield k, o

    def itervaluerefs(self):
        yield from [r for r in self.data.values() if r() is not None]

    def valuerefs(self):
        return list(self.itervaluerefs())

    def get(self, key, default=None):
        r = self.data.get(key)
        if r is None:
            return default
        o = r()
        return default if o is None else o

    def pop(self, key, *default):
        r = self.data.pop(key, None)
        o = None if r is None else r()
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, r = self.data.popitem()
            o = r()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), /, **kwargs):
        if hasattr(other, "items"):
            other = other.items()
        for key, value in other:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        self.data.clear()

    def copy(self):
        new = WeakValueDictionary()
        new.update(self.items())
        return new

    __copy__ = copy


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _purge(self):
        for r in [r for r in self.data if r() is None]:
            del self.data[r]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            r = ref(key)
        except TypeError:
            return False
        return r in self.data

    def __len__(self):
        self._purge()
        return len(self.data)

    def __iter__(self):
        return self.keys()

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def keys(self):
        for r in list(self.data):
            o = r()
            if o is not None:
                yield o

    def values(self):
        for r, v in list(self.data.items()):
            if r() is not None:
                yield v

    def items(self):
        for r, v in list(self.data.items()):
            o = r()
            if o is not None:
                yield o, v

    def keyrefs(self):
        return [r for r in self.data if r() is not None]

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def popitem(self):
        while True:
            r, v = self.data.popitem()
            o = r()
            if o is not None:
                return o, v

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for key, value in dict:
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self.data.clear()

    def copy(self):
        new = WeakKeyDictionary()
        new.update(self.items())
        return new

    __copy__ = copy


class WeakSet:
    def __init__(self, data=None):
        self.data = {}
        if data is not None:
            self.update(data)

    def _purge(self):
        for r in [r for r in self.data if r() is None]:
            del self.data[r]

    def __iter__(self):
        for r in list(self.data):
            o = r()
            if o is not None:
                yield o

    def __len__(self):
        self._purge()
        return len(self.data)

    def __contains__(self, item):
        try:
            r = ref(item)
        except TypeError:
            return False
        return r in self.data

    def add(self, item):
        self.data[ref(item)] = None

    def discard(self, item):
        self.data.pop(ref(item), None)

    def remove(self, item):
        del self.data[ref(item)]

    def pop(self):
        while True:
            r, _ = self.data.popitem()
            o = r()
            if o is not None:
                return o

    def clear(self):
        self.data.clear()

    def update(self, other):
        for item in other:
            self.add(item)

    def copy(self):
        return WeakSet(self)

    __copy__ = copy

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, set(self))


class finalize:
    _registry = {}
    _counter = 0

    def __init__(self, obj, func, /, *args, **kwargs):
        self._func = func
        self._args = args
        self._kwargs = kwargs
        self._ref = ref(obj, self._fire)
        finalize._counter += 1
        self._index = finalize._counter
        self.atexit = True
        finalize._registry[self._index] = self

    def _fire(self, wr):
        self()

    def __call__(self, _=None):
        if finalize._registry.pop(self._index, None) is not None:
            return self._func(*self._args, **self._kwargs)

    def detach(self):
        obj = self._ref()
        if obj is not None and finalize._registry.pop(self._index, None) is not None:
            return (obj, self._func, self._args, self._kwargs)

    def peek(self):
        obj = self._ref()
        if obj is not None and self._index in finalize._registry:
            return (obj, self._func, self._args, self._kwargs)

    @property
    def alive(self):
        return self._index in finalize._registry

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return "<finalize object at %#x; dead>" % id(self)
        return "<finalize object at %#x; for %r at %#x>" % (id(self), type(obj).__name__, id(obj))


def _run_exit_finalizers():
    pending = sorted(finalize._registry.items(), reverse=True)
    for index, f in pending:
        if f.atexit:
            f()
