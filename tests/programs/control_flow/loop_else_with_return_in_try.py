# Interplay of break/continue/return with try/finally inside loops.
def scan(items):
    log = []
    for x in items:
        try:
            if x < 0:
                log.append("neg")
                continue
            if x == 0:
                log.append("zero")
                break
            if x > 100:
                return log + ["big"]
            log.append(x)
        finally:
            log.append("|")
    else:
        log.append("else")
    return log


print(scan([1, -1, 2]))
print(scan([1, 0, 2]))
print(scan([5, 500, 6]))
