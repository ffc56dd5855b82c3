class Strict:
    def __getattr__(self, name):
        raise AttributeError(f"Strict has no {name}, really")


s = Strict()
print(getattr(s, "x", "fallback"))
s.missing
