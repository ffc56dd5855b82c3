"""Times ast.parse (source to node objects) and compile() of the resulting trees on the ten
largest modules of the running interpreter's standard library (best of 3).
Run: python3 bench/ast_parse.py; kaa bench/ast_parse.py"""
import ast
import os
import time

lib = os.path.dirname(os.__file__)
files = sorted((os.path.getsize(os.path.join(lib, f)), f) for f in os.listdir(lib) if f.endswith(".py"))
sources = []
for _, name in files[-10:]:
    with open(os.path.join(lib, name), encoding="utf-8") as f:
        sources.append(f.read())


def best(fn):
    times = []
    for _ in range(3):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


trees = [ast.parse(s) for s in sources]
nodes = sum(1 for t in trees for _ in ast.walk(t))
parse = best(lambda: [ast.parse(s) for s in sources])
build = best(lambda: [compile(t, "<ast>", "exec") for t in trees])
print(f"{len(sources)} modules, {sum(len(s) for s in sources) // 1024} KiB, {nodes} nodes")
print(f"ast.parse      {parse:.3f} s")
print(f"compile(tree)  {build:.3f} s")
