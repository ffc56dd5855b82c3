def check(v):
    assert v > 0, f"expected a positive number, got {v}"
    return v

print(check(1))
check(-1)
