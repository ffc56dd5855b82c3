# An error inside an except* clause body that is not re-raised by the clause itself.
def process(items):
    try:
        raise ExceptionGroup("batch", [ValueError(i) for i in items])
    except* ValueError as group:
        return_values = [int(str(e)) * 2 for e in group.exceptions]
        print(return_values)
        missing = {}["key"]

process([1, 2])
