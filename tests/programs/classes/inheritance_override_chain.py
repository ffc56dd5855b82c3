# Template-method pattern: base algorithm calls hooks overridden in subclasses.
class Report:
    def render(self):
        return "\n".join([self.header()] + self.body() + [self.footer()])

    def header(self):
        return "== " + self.title() + " =="

    def title(self):
        return "report"

    def body(self):
        return []

    def footer(self):
        return "-- end --"


class Sales(Report):
    def __init__(self, rows):
        self.rows = rows

    def title(self):
        return "sales"

    def body(self):
        return [f"{k}: {v:>6.2f}" for k, v in self.rows]


class ShortSales(Sales):
    def footer(self):
        return super().footer().upper() + f" ({len(self.rows)} rows)"


print(Report().render())
print(Sales([("north", 12.5), ("south", 7)]).render())
print(ShortSales([("east", 1)]).render())
