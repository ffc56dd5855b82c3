import builtins
builtins.runs = getattr(builtins, 'runs', 0) + 1
RUNS = builtins.runs
print('running counted')
