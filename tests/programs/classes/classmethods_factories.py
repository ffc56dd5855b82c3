# Alternative constructors with classmethod, staticmethod helpers, subclass-aware factories.
class Date:
    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day

    @classmethod
    def parse(cls, text):
        y, m, d = text.split("-")
        return cls(int(y), int(m), int(d))

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    def __repr__(self):
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"


class Holiday(Date):
    pass


print(Date.parse("2024-02-29"), Holiday.parse("2023-12-25"))
print([y for y in (1900, 2000, 2023, 2024) if Date.is_leap(y)])
h = Holiday.parse("2020-01-01")
print(h.is_leap(h.year), type(h) is Holiday, isinstance(h, Date))
