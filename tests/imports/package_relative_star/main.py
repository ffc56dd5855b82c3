import pkg
print(sorted(k for k in vars(pkg) if not k.startswith('__')))
