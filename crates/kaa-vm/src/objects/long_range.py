# range() with bounds beyond 64 bits (`range(1 << 1000)`): rare, so written in Python and
# compiled into Kaa on first use. Its iterator is its own type, as CPython's longrange_iterator.


class longrange_iterator:
    def __init__(self, start, step, count):
        self._next = start
        self._step = step
        self._left = count

    def __iter__(self):
        return self

    def __next__(self):
        if self._left <= 0:
            raise StopIteration
        value = self._next
        self._next += self._step
        self._left -= 1
        return value

    def __length_hint__(self):
        return max(self._left, 0)


class range:
    def __init__(self, start, stop, step):
        self.start = start
        self.stop = stop
        self.step = step

    def _count(self):
        if self.step > 0:
            n = (self.stop - self.start + self.step - 1) // self.step
        else:
            n = (self.start - self.stop - self.step - 1) // -self.step
        return max(n, 0)

    def __len__(self):
        n = self._count()
        if n > 0x7FFFFFFFFFFFFFFF:
            raise OverflowError('Python int too large to convert to C ssize_t')
        return n

    def __bool__(self):
        return self._count() > 0

    def __iter__(self):
        return longrange_iterator(self.start, self.step, self._count())

    def __reversed__(self):
        n = self._count()
        return longrange_iterator(self.start + (n - 1) * self.step, -self.step, n)

    def __contains__(self, value):
        if not isinstance(value, int):
            return any(value == v for v in self)
        if self.step > 0:
            inside = self.start <= value < self.stop
        else:
            inside = self.stop < value <= self.start
        return inside and (value - self.start) % self.step == 0

    def __getitem__(self, index):
        n = self._count()
        if isinstance(index, slice):
            start, stop, step = _indices(index, n)
            return _make(self.start + start * self.step, self.start + stop * self.step, self.step * step)
        index = index.__index__()
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError('range object index out of range')
        return self.start + index * self.step

    def index(self, value):
        if value in self:
            return (value - self.start) // self.step
        raise ValueError(f'{value!r} is not in range')

    def count(self, value):
        return int(value in self)

    def __eq__(self, other):
        if not isinstance(other, (range, type(range_builtin(0)))):
            return NotImplemented
        n, m = self._count(), len(other)
        if n != m:
            return False
        if n == 0:
            return True
        if self.start != other.start:
            return False
        return n == 1 or self.step == other.step

    def __hash__(self):
        n = self._count()
        if n == 0:
            return hash((n, None, None))
        if n == 1:
            return hash((n, self.start, None))
        return hash((n, self.start, self.step))

    def __repr__(self):
        if self.step == 1:
            return f'range({self.start}, {self.stop})'
        return f'range({self.start}, {self.stop}, {self.step})'


def _indices(s, n):
    # slice.indices for a sequence of length n.
    step = 1 if s.step is None else s.step.__index__()
    if step == 0:
        raise ValueError('slice step cannot be zero')
    lower, upper = (-1, n - 1) if step < 0 else (0, n)

    def clamp(v, default):
        if v is None:
            return default
        v = v.__index__()
        if v < 0:
            v = max(v + n, lower)
        return min(v, upper)

    return clamp(s.start, upper if step < 0 else lower), clamp(s.stop, lower if step < 0 else upper), step


def _make(start, stop, step):
    try:
        return range_builtin(start, stop, step)
    except OverflowError:
        return range(start, stop, step)


range_builtin = __builtins__['range']
