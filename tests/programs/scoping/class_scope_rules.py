# Class bodies: names visible in the body but not inside methods or comprehensions' inner scopes.
factor = 100


class Scale:
    factor = 3
    doubled = factor * 2
    values = [factor * i for i in range(3)]

    def get(self):
        return factor


print(Scale.factor, Scale.doubled, Scale.values, Scale().get())


def outer():
    hidden = "function local"

    class Inner:
        seen = hidden

        def method(self):
            return hidden

    return Inner


I = outer()
print(I.seen, I().method())
