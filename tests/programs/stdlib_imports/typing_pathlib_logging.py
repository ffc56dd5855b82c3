import io
import logging
import typing
from pathlib import PurePosixPath
from typing import Any, Callable, Generic, NamedTuple, Optional, TypeVar, Union

T = TypeVar('T')
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
class Pair(NamedTuple):
    left: int
    right: str = 'r'
print(Optional[int], Union[int, str], Callable[[int], str], Box[int], typing.List[int])
print(Pair(1), Pair._fields, typing.get_type_hints(Pair), Box(3).item)
print(typing.io.__name__)
p = PurePosixPath('/usr/lib/python3.11/typing.py')
print(p.name, p.suffix, p.stem, p.parent, p.parts[:3], p.with_suffix('.pyc'), p.relative_to('/usr'))
stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))
log = logging.getLogger('demo')
log.addHandler(handler)
log.setLevel(logging.INFO)
log.info('hello %s', 'world')
log.debug('hidden')
log.warning('careful')
print(stream.getvalue(), end='')
