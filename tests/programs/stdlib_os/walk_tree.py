# os.walk over a small tree: top-down, bottom-up, pruning, onerror, and the generator suspended
# between directories while the caller mutates `dirs`.
import os
import tempfile

with tempfile.TemporaryDirectory() as top:
    for d in ["a/b/c", "a/d", "e", "f/g"]:
        os.makedirs(os.path.join(top, d))
    for f in ["x.txt", "a/y.txt", "a/b/z.txt", "a/b/c/w.txt", "e/v.txt", "f/g/u.txt"]:
        with open(os.path.join(top, f), "w") as fh:
            fh.write(f)

    def rel(p):
        return os.path.relpath(p, top)

    seen = sorted((rel(root), sorted(dirs), sorted(files)) for root, dirs, files in os.walk(top))
    for row in seen:
        print(row)

    order = [rel(root) for root, dirs, files in os.walk(top, topdown=False)]
    # Bottom-up: every directory comes after all of its subdirectories.
    print(sorted(order))
    print(all(order.index(p) < order.index(os.path.dirname(p) or ".") for p in order if p != "."))

    # Pruning in place while the generator is suspended at its yield.
    pruned = []
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d != "a")
        pruned.append(rel(root))
    print(sorted(pruned))

    # Partial iteration, then the generator is dropped mid-walk.
    w = os.walk(top)
    first = next(w)
    print(rel(first[0]), sorted(first[1]))
    del w

    errors = []
    print(list(os.walk(os.path.join(top, "missing"), onerror=lambda e: errors.append(type(e).__name__))))
    print(errors)

    total = sum(len(files) for _, _, files in os.walk(top))
    print("files", total)
