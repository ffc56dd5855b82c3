class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field


def validate(record):
    if "name" not in record:
        raise ValidationError("name", "missing")
    try:
        age = int(record["age"])
    except ValueError as exc:
        raise ValidationError("age", "not a number") from exc
    if age < 0:
        raise ValidationError("age", "negative")
    return age


def process(records):
    ok = 0
    for r in records:
        try:
            validate(r)
        except ValidationError as e:
            print("invalid", e.field, e, e.__cause__ is not None)
            continue
        ok += 1
    return ok


print(process([{"name": "a", "age": "3"}, {"age": "1"}, {"name": "b", "age": "x"}, {"name": "c", "age": "-1"}]))
