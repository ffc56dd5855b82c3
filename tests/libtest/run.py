#!/usr/bin/env python3
"""Runs CPython 3.11's own test modules (the installed Lib/test) under Kaa and under python3,
and counts the test cases that pass on Kaa among those that pass on CPython.

    python3 tests/libtest/run.py                 # all modules, prints the table
    python3 tests/libtest/run.py test_int test_bool
    python3 tests/libtest/run.py --write-readme  # also replaces the README's table

Each module runs in its own process per interpreter (tests/libtest/driver.py), with a time
limit; a module that crashes the interpreter, hangs or fails to import is reported as such.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DRIVER = os.path.join(ROOT, "tests", "libtest", "driver.py")
README = os.path.join(ROOT, "README.md")
TABLE_START = "<!-- libtest-table-start -->"
TABLE_END = "<!-- libtest-table-end -->"

MODULES = """
test_grammar test_int test_long test_float test_bool test_complex test_str test_unicode
test_string test_format test_fstring test_bytes test_list test_tuple test_dict test_set
test_range test_slice test_sort test_class test_descr test_super test_exceptions test_raise
test_generators test_scope test_with test_contextlib test_itertools test_functools
test_collections test_math test_json test_re test_random test_bisect test_heapq test_enum
test_dataclasses test_operator test_types test_unpack test_patma test_compare test_iter
test_genexps test_listcomps test_dictcomps test_global test_syntax test_struct test_textwrap
test_abc test_copy test_statistics test_fractions test_decimal test_datetime test_typing
test_builtin
""".split()

# Where a module's tests depend on CPython internals Kaa deliberately does not have, the table
# says so next to its figures (nothing is subtracted from the counts).
NOTES = {}


def reference_python():
    exe = os.environ.get("PYTHON", "python3")
    try:
        version = subprocess.run(
            [exe, "-c", "import sys; print(sys.version_info[:2] == (3, 11), sys.prefix)"],
            capture_output=True, text=True, check=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        sys.exit(f"libtest: the reference CPython 3.11 ({exe}) is missing: install python3.11")
    if version[0] != "True":
        sys.exit(f"libtest: {exe} is not CPython 3.11")
    return exe, os.path.join(version[1], "lib", "python3.11")


def run_module(command, module, timeout, env):
    """Runs one test module; returns (per-test outcomes, status text)."""
    with tempfile.NamedTemporaryFile("r", suffix=".outcomes", delete=False) as f:
        path = f.name
    started = time.monotonic()
    try:
        proc = subprocess.run(
            command + [DRIVER, "test." + module, path],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            timeout=timeout, env=env, cwd=tempfile.gettempdir(),
        )
        status = None if proc.returncode == 0 else f"exit {proc.returncode}"
        stderr_tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
    except subprocess.TimeoutExpired:
        status, stderr_tail = f"timeout {timeout}s", []
    elapsed = time.monotonic() - started
    outcomes, done, import_error = {}, False, None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            kind, _, rest = line.rstrip("\n").partition(" ")
            if kind == "done":
                done = True
            elif kind == "import-error":
                import_error = rest
            else:
                previous = outcomes.get(rest)
                # A test with any failing subtest fails, whatever else was recorded for it.
                if previous not in ("fail", "error"):
                    outcomes[rest] = kind
    os.unlink(path)
    if import_error:
        status = "import failed: " + import_error
    elif status is None and not done:
        status = "did not finish"
    elif status is not None and stderr_tail:
        status += ": " + stderr_tail[0]
    return outcomes, status, elapsed


def passed(outcomes):
    return {t for t, k in outcomes.items() if k in ("pass", "xfail")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="test modules (default: the whole list)")
    parser.add_argument("--kaa", default=os.path.join(ROOT, "target", "release", "kaa"))
    parser.add_argument("--timeout", type=int, default=300, help="seconds per module and run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--write-readme", action="store_true")
    parser.add_argument("--json", help="also write the per-module figures here")
    args = parser.parse_args()
    modules = args.modules or MODULES
    python, stdlib = reference_python()
    if not os.path.exists(args.kaa):
        sys.exit(f"libtest: {args.kaa} is missing: run cargo build --release first")
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    kaa_env = dict(env, KAA_STDLIB=stdlib)

    def both(module):
        cpython = run_module([python], module, args.timeout * 4, env)
        kaa = run_module([args.kaa], module, args.timeout, kaa_env)
        return module, cpython, kaa

    rows = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for module, cpython, kaa in pool.map(both, modules):
            reference = passed(cpython[0])
            on_kaa = passed(kaa[0]) & reference
            rows.append({
                "module": module,
                "passed": len(on_kaa),
                "total": len(reference),
                "kaa_status": kaa[1],
                "cpython_status": cpython[1],
                "kaa_seconds": round(kaa[2], 1),
                "cpython_seconds": round(cpython[2], 1),
            })
            print(f"{module:20} {len(on_kaa):5}/{len(reference):<5} {kaa[1] or ''}", flush=True)
    table = render(rows)
    print()
    print(table)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    if args.write_readme:
        write_readme(table)


def render(rows):
    lines = [
        "| module | passed on Kaa / passed on CPython | % | note |",
        "|---|---:|---:|---|",
    ]
    passed_sum = total_sum = 0
    for r in rows:
        passed_sum += r["passed"]
        total_sum += r["total"]
        percent = 100.0 * r["passed"] / r["total"] if r["total"] else 0.0
        note = "; ".join(x for x in (r["kaa_status"], NOTES.get(r["module"])) if x)
        if r["cpython_status"]:
            note = "; ".join(x for x in (note, "CPython: " + r["cpython_status"]) if x)
        note = note.replace("|", "\\|")
        if len(note) > 120:
            note = note[:117] + "..."
        lines.append(f"| {r['module']} | {r['passed']}/{r['total']} | {percent:.1f} | {note} |")
    percent = 100.0 * passed_sum / total_sum if total_sum else 0.0
    lines.append(f"| **total** | **{passed_sum}/{total_sum}** | **{percent:.1f}** | |")
    return "\n".join(lines)


def write_readme(table):
    with open(README, encoding="utf-8") as f:
        text = f.read()
    start, end = text.find(TABLE_START), text.find(TABLE_END)
    if start < 0 or end < start:
        sys.exit(f"libtest: README.md lacks the {TABLE_START} … {TABLE_END} markers")
    text = text[: start + len(TABLE_START)] + "\n" + table + "\n" + text[end:]
    with open(README, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
