class A: pass
class B(A, metaclass=Meta, **kw):
    x: int
    y: 'str' = 'y'
    def __init__(self): self.z = 1
    @property
    def p(self): return self.z
    class Inner(object):
        pass
