import sys
# Walking f_back from a deep call up to the module.
def chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return names

def a():
    return b()

def b():
    return [chain()][0]

class K:
    def method(self):
        return a()

print(chain())
print(a())
print(K().method())
print([chain() for _ in range(1)][0])
