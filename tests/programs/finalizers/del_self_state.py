# __del__ sees the object's attributes and may call its methods.
class Account:
    total_closed = 0
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
    def summary(self):
        return f"{self.owner}: {self.balance}"
    def __del__(self):
        Account.total_closed += self.balance
        print("closing", self.summary())

a = Account("ann", 10)
b = Account("bob", 32)
del a
del b
print(Account.total_closed)
