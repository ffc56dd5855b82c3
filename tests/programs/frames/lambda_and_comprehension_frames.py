import sys
# Code names of lambda, comprehension and class-body frames.
name = lambda: sys._getframe().f_code.co_name
print(name())
print([sys._getframe().f_code.co_name for _ in range(1)])
print(next(sys._getframe().f_code.co_name for _ in range(1)))
class Body:
    where = sys._getframe().f_code.co_name
    back = sys._getframe().f_back.f_code.co_name
print(Body.where, Body.back)
print({k: sys._getframe(1).f_code.co_name for k in "a"})
