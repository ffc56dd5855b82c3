# Dunder methods returning the wrong kind of value.
class BadLen:
    def __len__(self):
        return -1


class BadBool:
    def __bool__(self):
        return 1


class BadIter:
    def __iter__(self):
        return 5


class StrLen:
    def __len__(self):
        return "3"


for label, thunk in (("len<0", lambda: len(BadLen())), ("bool", lambda: bool(BadBool())),
                     ("iter", lambda: iter(BadIter())), ("for", lambda: [x for x in BadIter()]),
                     ("lenstr", lambda: len(StrLen()))):
    try:
        print(label, thunk())
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)
if BadBool():
    print("unreachable")
