def parse(text):
    try:
        value = int(text)
    except ValueError as e:
        print("bad:", e)
        return None
    except (TypeError, KeyError):
        return -1
    else:
        print("parsed", value)
        return value
    finally:
        print("done", text)


def cleanup_order():
    log = []
    try:
        try:
            raise KeyError("k")
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("caught")
    return log


def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        raise


parse("12")
parse("x")
print(cleanup_order())
try:
    reraise()
except ArithmeticError as err:
    print(type(err).__name__)
