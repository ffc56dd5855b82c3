import builtins
builtins.sub_runs = getattr(builtins, 'sub_runs', 0) + 1
RUNS = builtins.sub_runs
S = 'sub'
