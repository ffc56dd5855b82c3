class S:
    pass
s = S()
log = []
for i in range(4):
    if i == 2:
        def hook(self, name, value):
            log.append((name, value))
            object.__setattr__(self, name, value * 10)
        S.__setattr__ = hook
    s.v = i
    log.append(s.v)
print(log)
