# Instances with __call__ behave like functions; bound methods keep their instance.
class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x * self.k


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        return self.balance


triple = Multiplier(3)
print(triple(5), callable(triple), sorted([3, 1, 2], key=Multiplier(-1)))
acct = Account("ann")
dep = acct.deposit
dep(10)
dep(5)
print(acct.balance, dep.__self__ is acct, dep.__func__ is Account.deposit, Account.deposit(acct, 1))
funcs = [triple, Multiplier(0), abs, lambda v: v - 1]
print([f(-4) for f in funcs])
Account("x")(1)
