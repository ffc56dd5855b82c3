# A class implementing __iter__/__next__ next to an equivalent generator.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


def countdown(start):
    while start > 0:
        yield start
        start -= 1


print(list(Countdown(5)), list(countdown(5)))
c = Countdown(2)
print(next(c), next(c), next(c, "empty"))
print(sum(Countdown(100)), sorted(countdown(4)))
print([x for x in Countdown(3)], tuple(countdown(2)), list(enumerate(countdown(2))))
