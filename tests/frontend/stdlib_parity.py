#!/usr/bin/env python3
"""Stdlib parity: Kaa's front end against CPython 3.11 on every module of the standard library.

For each `*.py` under the stdlib of the running python3 (sysconfig's 'stdlib' path, without
site-packages), three views are compared:

    tokens   kaa --tokens FILE     vs  python3 -m tokenize -e FILE
    ast      kaa --ast FILE        vs  python3 -m ast FILE
    ast-a    kaa --ast -a FILE     vs  python3 -m ast -a FILE

A file is "identical" when stdout is byte-for-byte the same and both exit 0; "both rejected" when
both exit non-zero and, where CPython names a line, Kaa names the same one (the first
`File "...", line N` of its stderr). Anything else is a difference, and the script exits 1.

CPython's outputs are computed in-process by worker processes, the way the `-m` commands compute
them; before trusting that, a sample of files is run through the real `python3 -m ...` commands
and must agree byte for byte (the script fails otherwise). Kaa runs as a subprocess per file.

    python3 tests/frontend/stdlib_parity.py --kaa target/release/kaa
    python3 tests/frontend/stdlib_parity.py --kaa ... --views ast --limit 200
    python3 tests/frontend/stdlib_parity.py --kaa ... --diff ast /usr/lib/python3.11/os.py
    python3 tests/frontend/stdlib_parity.py --kaa ... --report differences.txt

--cache FILE keeps CPython's results between runs (keyed by file size, mtime and Python version).
"""

import argparse
import concurrent.futures
import difflib
import hashlib
import io
import json
import multiprocessing
import os
import re
import subprocess
import sys
import sysconfig
import time

VIEWS = {
    "tokens": (["--tokens"], ["-m", "tokenize", "-e"]),
    "ast": (["--ast"], ["-m", "ast"]),
    "ast-a": (["--ast", "-a"], ["-m", "ast", "-a"]),
}
CACHE_VERSION = 2
KAA_TIMEOUT = 120


def fail(msg):
    print(f"stdlib_parity.py: {msg}", file=sys.stderr)
    sys.exit(2)


def check_python():
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        fail(f"needs CPython 3.11 as python3, this is {sys.implementation.name} {sys.version.split()[0]} "
             f"({sys.executable})")


def stdlib_files():
    root = sysconfig.get_paths()["stdlib"]
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                out.append(os.path.join(dirpath, name))
    return root, out


# ---------------------------------------------------------------------------------------------
# CPython's outputs, computed in-process exactly as the -m commands compute them.

def ref_tokens(path):
    """`python -m tokenize -e PATH`: (exit status, stdout bytes, line of the error or None)."""
    import tokenize
    try:
        with open(path, "rb") as f:
            tokens = list(tokenize.tokenize(f.readline))
        buf = io.StringIO()
        for token in tokens:
            token_range = "%d,%d-%d,%d:" % (token.start + token.end)
            buf.write("%-20s%-15s%-15r" % (token_range, tokenize.tok_name[token.exact_type], token.string))
            buf.write("\n")
        return 0, buf.getvalue().encode("utf-8"), None
    except IndentationError as err:
        return 1, b"", err.args[1][1]
    except tokenize.TokenError as err:
        return 1, b"", err.args[1][0]
    except SyntaxError as err:
        return 1, b"", err.lineno
    except Exception:
        return 1, b"", None


def ref_ast(path, tree_cache):
    """`python -m ast [-a] PATH` for both forms: {view: (exit status, stdout, error line)}."""
    import ast
    try:
        with open(path, "rb") as f:
            source = f.read()
        tree = ast.parse(source, path, "exec", type_comments=True)
    except SyntaxError as err:
        return {v: (1, b"", err.lineno) for v in ("ast", "ast-a")}
    except Exception:
        return {v: (1, b"", None) for v in ("ast", "ast-a")}
    out = {}
    for view, attrs in (("ast", False), ("ast-a", True)):
        try:
            text = ast.dump(tree, include_attributes=attrs, indent=3) + "\n"
            out[view] = (0, text.encode("utf-8"), None)
        except Exception:
            out[view] = (1, b"", None)
    return out


def reference(path, views):
    import warnings
    warnings.simplefilter("ignore")
    res = {}
    if "tokens" in views:
        res["tokens"] = ref_tokens(path)
    if "ast" in views or "ast-a" in views:
        res.update({v: r for v, r in ref_ast(path, None).items() if v in views})
    return res


def digest(b):
    return hashlib.sha1(b).hexdigest()


def reference_summary(args):
    path, views = args
    res = reference(path, views)
    # A line of 0 (some decoding errors) means "no line", as it does for Kaa.
    return path, {v: (rc, digest(out), line or None) for v, (rc, out, line) in res.items()}


# ---------------------------------------------------------------------------------------------
# Running programs

LINE_RE = re.compile(rb'^  File "(?:.*)", line (\d+)', re.M)
TOKENIZE_ERR_RE = re.compile(rb":(\d+):\d+: error: ")
# Source-decoding errors print no `File` line (as `python3 FILE` does); their message names the line.
DECODE_ERR_RE = re.compile(rb"^SyntaxError: .* on line (\d+)", re.M)


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return p


def error_line(stderr, first=True):
    found = LINE_RE.findall(stderr)
    if found:
        return int(found[0] if first else found[-1])
    m = TOKENIZE_ERR_RE.search(stderr) or DECODE_ERR_RE.search(stderr)
    return int(m.group(1)) if m else None


def run_kaa(kaa, view, path):
    p = run([kaa] + VIEWS[view][0] + [path], KAA_TIMEOUT)
    if p is None:
        return ("timeout", "", None, "timed out")
    crashed = p.returncode < 0 or b"panicked" in p.stderr or p.returncode not in (0, 1)
    line = error_line(p.stderr) if p.returncode != 0 else None
    note = p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] if p.returncode else []
    return ("crash" if crashed else p.returncode, digest(p.stdout), line, note[0][:150] if note else "")


# ---------------------------------------------------------------------------------------------

def sample_check(files, refs, views, jobs, size):
    """Runs the real `python3 -m ...` commands on `size` files and checks the in-process results."""
    rejected = [f for f in files if any(refs[f][v][0] != 0 for v in views)]
    stride = max(1, len(files) // max(1, size - min(len(rejected), size // 3)))
    sample = sorted(set(rejected[: size // 3] + files[::stride]))[:size]
    jobs_list = [(f, v) for f in sample for v in views]

    def one(fv):
        f, v = fv
        p = run([sys.executable] + VIEWS[v][1] + [f], 300)
        if p is None:
            return f, v, "timeout"
        rc = 0 if p.returncode == 0 else 1
        line = None if rc == 0 else error_line(p.stderr, first=False)
        want = refs[f][v]
        got = (rc, digest(p.stdout), line)
        if got[:2] != want[:2] or (rc and want[2] is not None and line != want[2]):
            return f, v, f"in-process {want} but `python3 -m` gives {got}"
        return f, v, None

    bad = []
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for f, v, problem in ex.map(one, jobs_list):
            if problem:
                bad.append(f"{v} {f}: {problem}")
    if bad:
        fail("the in-process reference differs from the real commands:\n  " + "\n  ".join(bad))
    return len(sample)


def load_cache(path):
    if not path or not os.path.exists(path):
        return {}
    try:
        with open(path) as f:
            data = json.load(f)
    except (OSError, ValueError):
        return {}
    if data.get("version") != CACHE_VERSION or data.get("python") != sys.version:
        return {}
    return data.get("files", {})


def save_cache(path, cache):
    if not path:
        return
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump({"version": CACHE_VERSION, "python": sys.version, "files": cache}, f)
    os.replace(tmp, path)


def show_diff(kaa, view, path):
    want = reference(path, [view])[view]
    p = run([kaa] + VIEWS[view][0] + [path], KAA_TIMEOUT)
    print(f"CPython: exit {want[0]}, error line {want[2]}")
    print(f"Kaa:     exit {p.returncode}\n{p.stderr.decode('utf-8', 'replace')}")
    a = want[1].decode("utf-8", "replace").splitlines(keepends=True)
    b = p.stdout.decode("utf-8", "replace").splitlines(keepends=True)
    sys.stdout.writelines(difflib.unified_diff(a, b, "cpython", "kaa", n=2))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kaa", required=True, help="the kaa binary")
    ap.add_argument("--views", default="tokens,ast,ast-a", help="comma-separated: tokens,ast,ast-a")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    ap.add_argument("--match", default="", help="only files whose path contains this")
    ap.add_argument("--sample", type=int, default=50, help="files checked against the real -m commands")
    ap.add_argument("--cache", default="", help="JSON file keeping CPython's results between runs")
    ap.add_argument("--report", default="", help="write every difference to this file")
    ap.add_argument("--show", type=int, default=5, help="differing file names shown per view")
    ap.add_argument("--diff", nargs=2, metavar=("VIEW", "FILE"), help="show one file's difference")
    args = ap.parse_args()
    check_python()
    kaa = os.path.abspath(args.kaa)
    if not os.access(kaa, os.X_OK):
        fail(f"no kaa binary at {kaa}")
    if args.diff:
        return show_diff(kaa, args.diff[0], os.path.abspath(args.diff[1]))
    views = [v.strip() for v in args.views.split(",") if v.strip()]
    for v in views:
        if v not in VIEWS:
            fail(f"unknown view {v!r}")
    root, files = stdlib_files()
    if args.match:
        files = [f for f in files if args.match in f]
    if args.limit:
        files = files[: args.limit]
    if not files:
        fail(f"no stdlib files found under {root}")
    t0 = time.time()

    # 1. CPython's results (in-process, 2 worker processes), with the cache.
    cache = load_cache(args.cache)
    refs, todo = {}, []
    for f in files:
        st = os.stat(f)
        key = f"{st.st_size}:{st.st_mtime_ns}"
        c = cache.get(f)
        if c and c["key"] == key and all(v in c["views"] for v in views):
            refs[f] = {v: tuple(r) for v, r in c["views"].items()}
        else:
            todo.append(f)
    if todo:
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(args.jobs) as pool:
            for f, res in pool.imap_unordered(reference_summary, [(f, views) for f in todo], chunksize=4):
                refs[f] = res
                st = os.stat(f)
                cache[f] = {"key": f"{st.st_size}:{st.st_mtime_ns}", "views": res}
        save_cache(args.cache, cache)
    t_ref = time.time() - t0

    # 2. The in-process results must be what the real commands print.
    n_sample = sample_check(files, refs, views, args.jobs, args.sample) if args.sample else 0
    t_sample = time.time() - t0 - t_ref

    # 3. Kaa, one process per file and view.
    jobs = [(v, f) for f in files for v in views]
    kaa_res = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        for (v, f), r in zip(jobs, ex.map(lambda vf: run_kaa(kaa, *vf), jobs)):
            kaa_res[(v, f)] = r
    t_kaa = time.time() - t0 - t_ref - t_sample

    # 4. Compare.
    rows, report, any_diff = [], [], False
    for v in views:
        same = both_rejected = crashed = 0
        diffs = []
        for f in files:
            want_rc, want_hash, want_line = refs[f][v]
            got_rc, got_hash, got_line, note = kaa_res[(v, f)]
            rel = os.path.relpath(f, root)
            if got_rc in ("crash", "timeout"):
                crashed += 1
                diffs.append((rel, f"kaa {got_rc}: {note}"))
            elif want_rc == 0 and got_rc == 0 and want_hash == got_hash:
                same += 1
            elif want_rc != 0 and got_rc != 0 and (want_line is None or want_line == got_line):
                both_rejected += 1
            elif want_rc == 0 and got_rc == 0:
                diffs.append((rel, "output differs"))
            elif want_rc == 0:
                diffs.append((rel, f"kaa rejects it: line {got_line}: {note}"))
            elif got_rc == 0:
                diffs.append((rel, f"CPython rejects it (line {want_line}), kaa accepts it"))
            else:
                diffs.append((rel, f"both reject, CPython at line {want_line}, kaa at line {got_line}: {note}"))
        any_diff |= bool(diffs)
        rows.append((v, len(files), same, len(diffs), both_rejected, crashed, diffs))
        report += [f"{v}\t{rel}\t{why}" for rel, why in diffs]

    print(f"stdlib parity: {len(files)} files under {root} (CPython {sys.version.split()[0]})")
    print(f"  CPython reference {t_ref:.0f}s ({len(todo)} computed, {len(files) - len(todo)} cached), "
          f"sample of {n_sample} files checked against `python3 -m ...` {t_sample:.0f}s, kaa {t_kaa:.0f}s")
    print(f"{'view':<8}{'files':>7}{'identical':>11}{'different':>11}{'both-rejected':>15}{'kaa-crash':>11}")
    for v, n, same, nd, br, cr, _ in rows:
        print(f"{v:<8}{n:>7}{same:>11}{nd:>11}{br:>15}{cr:>11}")
    for v, n, same, nd, br, cr, diffs in rows:
        if diffs:
            print(f"first differing files ({v}):")
            for rel, why in diffs[: args.show]:
                print(f"  {rel}: {why}")
    if args.report:
        with open(args.report, "w") as fh:
            fh.write("\n".join(report) + "\n")
        print(f"all differences written to {args.report}")
    sys.exit(1 if any_diff else 0)


if __name__ == "__main__":
    main()
