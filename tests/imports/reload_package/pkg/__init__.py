import builtins
builtins.pkg_runs = getattr(builtins, 'pkg_runs', 0) + 1
RUNS = builtins.pkg_runs
