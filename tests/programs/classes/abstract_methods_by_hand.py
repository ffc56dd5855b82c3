
import abc
# __abstractmethods__ assigned by hand on an ordinary class, and emptied again.
class Plain:
    pass
Plain.__abstractmethods__ = frozenset({'b', 'a'})
try:
    Plain()
except TypeError as e:
    print('TypeError', e)
try:
    object.__new__(Plain)
except TypeError as e:
    print('TypeError', e)
Plain.__abstractmethods__ = frozenset()
print(type(Plain()).__name__)
class K(abc.ABC):
    @classmethod
    @abc.abstractmethod
    def make(cls): ...
    @staticmethod
    @abc.abstractmethod
    def helper(): ...
print(sorted(K.__abstractmethods__), K.__dict__['make'].__isabstractmethod__)
p = property(lambda s: 1)
print(p.__isabstractmethod__, property().__isabstractmethod__)
