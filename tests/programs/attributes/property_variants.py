class Account:
    def __init__(self):
        self._balance = 0

    @property
    def balance(self):
        "The balance."
        return self._balance

    @balance.setter
    def balance(self, v):
        if v < 0:
            raise ValueError("negative")
        self._balance = v

    @balance.deleter
    def balance(self):
        print("deleting balance")
        self._balance = 0

    readonly = property(lambda self: "ro")


a = Account()
a.balance = 10
print(a.balance)
del a.balance
print(a.balance)
try:
    a.balance = -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    a.readonly = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del a.readonly
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Account.balance).__name__, Account.readonly.fget(a))


class Sub(Account):
    @property
    def balance(self):
        return super().balance * 100


s = Sub()
s._balance = 3
print(s.balance)
try:
    s.balance = 4
except AttributeError as e:
    print(type(e).__name__, e)
