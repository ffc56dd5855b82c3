# except* inside loops and functions, with counters.
counts = {}
for i in range(6):
    excs = []
    if i % 2 == 0:
        excs.append(ValueError(i))
    if i % 3 == 0:
        excs.append(TypeError(i))
    excs.append(KeyError(i))
    try:
        raise ExceptionGroup(f"round {i}", excs)
    except* ValueError as e:
        counts["V"] = counts.get("V", 0) + len(e.exceptions)
    except* TypeError as e:
        counts["T"] = counts.get("T", 0) + len(e.exceptions)
    except* KeyError as e:
        counts["K"] = counts.get("K", 0) + len(e.exceptions)
print(sorted(counts.items()))

def handle(g):
    result = "none"
    try:
        raise g
    except* ArithmeticError as e:
        for sub in e.exceptions:
            if isinstance(sub, OverflowError):
                result = "overflow found"
                break
            continue
    return result

print(handle(ExceptionGroup("x", [ZeroDivisionError(), OverflowError()])))
