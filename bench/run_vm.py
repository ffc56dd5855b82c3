#!/usr/bin/env python3
"""VM benchmark: runs every bench/vm/*.py under CPython 3.11 and under Kaa and compares them.

Each program prints a checksum line; both interpreters must print the same stdout and exit with
the same status, otherwise the benchmark is reported as FAIL and not timed. Runs alternate
(CPython, Kaa, CPython, Kaa, ...) so slow drifts of the machine hit both sides alike. For each
side the median wall time and the median peak RSS (GNU `/usr/bin/time -f %M`, else os.wait4's
rusage) are reported.

    python3 bench/run_vm.py                      # target/release/kaa, 5 runs each
    python3 bench/run_vm.py --kaa target-bench/release/kaa --runs 7
    python3 bench/run_vm.py --only fib,nbody
    python3 bench/run_vm.py --write-readme       # also replace the table in README.md

The CPython used is /usr/bin/python3.11 (Debian's optimized build) when present, otherwise the
`python3` on PATH (with a warning); `--python` overrides both. Timings taken while other heavy
jobs run are noise: the script prints the load average before and after, and warns when it is
higher than the number of CPUs allows for a quiet measurement.
"""

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(ROOT, "bench", "vm")
README = os.path.join(ROOT, "README.md")
START = "<!-- vm-bench:start -->"
END = "<!-- vm-bench:end -->"


def find_python(explicit):
    if explicit:
        return explicit
    if os.access("/usr/bin/python3.11", os.X_OK):
        return "/usr/bin/python3.11"
    fallback = shutil.which("python3")
    if not fallback:
        sys.exit("error: neither /usr/bin/python3.11 nor python3 found")
    print(f"warning: /usr/bin/python3.11 not found; using {fallback} (timings may not be comparable)",
          file=sys.stderr)
    return fallback


def version_of(python):
    out = subprocess.run([python, "-c", "import sys, platform; print(platform.python_implementation(), "
                          "sys.version.split()[0])"], capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd):
    """Runs cmd; returns (stdout bytes, stderr bytes, exit status, wall seconds, peak RSS in KiB).

    The peak RSS comes from GNU time (`/usr/bin/time -f %M`) when it is installed. Without it, it
    comes from os.wait4's rusage of the child, which on Linux also counts the pages the child
    inherited from this (much bigger) Python process before its exec, so small programs read high.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        full = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file.name] + cmd if GNU_TIME else cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=BENCH_DIR,
                                env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0"))
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        maxrss = usage.ru_maxrss
        if GNU_TIME:
            lines = [l for l in rss_file.read().splitlines() if l.strip().isdigit()]
            if lines:
                maxrss = int(lines[-1])
        out.seek(0)
        err.seek(0)
        return out.read(), err.read(), proc.returncode, wall, maxrss


def tail(data, lines=6):
    text = data.decode("utf-8", "replace").rstrip("\n").splitlines()
    return "\n".join("    " + line for line in text[-lines:]) or "    (empty)"


def load_average():
    try:
        return os.getloadavg()
    except OSError:
        return None


def geomean(values):
    values = [v for v in values if v > 0]
    if not values:
        return float("nan")
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kaa", default=os.path.join(ROOT, "target", "release", "kaa"),
                    help="the kaa binary (default: target/release/kaa)")
    ap.add_argument("--python", help="the CPython to compare with (default: /usr/bin/python3.11)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per interpreter (default 5)")
    ap.add_argument("--only", help="comma-separated benchmark names (file names without .py)")
    ap.add_argument("--write-readme", action="store_true",
                    help=f"replace the table between {START} and {END} in README.md")
    args = ap.parse_args()

    kaa = os.path.abspath(args.kaa)
    if not os.access(kaa, os.X_OK):
        sys.exit(f"error: {kaa} is not an executable (build it: cargo build --release -p kaa)")
    python = find_python(args.python)
    py_version = version_of(python)
    names = sorted(f[:-3] for f in os.listdir(BENCH_DIR) if f.endswith(".py"))
    if args.only:
        wanted = args.only.split(",")
        unknown = [w for w in wanted if w not in names]
        if unknown:
            sys.exit(f"error: unknown benchmark(s): {', '.join(unknown)}; have {', '.join(names)}")
        names = [n for n in names if n in wanted]

    ncpu = os.cpu_count() or 1
    load_before = load_average()
    print(f"CPython: {python} ({py_version})\nKaa:     {kaa}\nruns:    {args.runs} each, alternating")
    if not GNU_TIME:
        print("warning: /usr/bin/time not found; peak RSS includes this runner's inherited pages",
              file=sys.stderr)
    if load_before:
        print(f"load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f} ({ncpu} CPUs)")
        if load_before[0] > max(0.5, ncpu - 1.5):
            print("warning: the machine is busy; these timings are noisy", file=sys.stderr)
    print()

    rows = []
    failures = []
    for name in names:
        path = os.path.join(BENCH_DIR, name + ".py")
        py_cmd = [python, path]
        kaa_cmd = [kaa, path]
        # A checking run: the outputs must agree before anything is timed.
        want = run_once(py_cmd)
        got = run_once(kaa_cmd)
        if want[0] != got[0] or want[2] != got[2]:
            failures.append(name)
            print(f"FAIL {name}: Kaa's output differs from CPython's")
            print(f"  CPython (exit {want[2]}) stdout:\n{tail(want[0])}")
            print(f"  Kaa (exit {got[2]}) stdout:\n{tail(got[0])}")
            if got[1]:
                print(f"  Kaa stderr:\n{tail(got[1])}")
            rows.append((name, None))
            continue
        if want[2] != 0:
            print(f"note: {name} exits with status {want[2]} under both interpreters")
        times = {"py": [], "kaa": []}
        rss = {"py": [], "kaa": []}
        ok = True
        for _ in range(args.runs):
            for side, cmd in (("py", py_cmd), ("kaa", kaa_cmd)):
                out, _, code, wall, maxrss = run_once(cmd)
                if out != want[0] or code != want[2]:
                    ok = False
                times[side].append(wall)
                rss[side].append(maxrss / 1024.0)
        if not ok:
            failures.append(name)
            print(f"FAIL {name}: a timed run printed something else than the checking run")
            rows.append((name, None))
            continue
        r = {
            "py_s": statistics.median(times["py"]),
            "kaa_s": statistics.median(times["kaa"]),
            "py_mb": statistics.median(rss["py"]),
            "kaa_mb": statistics.median(rss["kaa"]),
        }
        r["time_ratio"] = r["kaa_s"] / r["py_s"]
        r["mem_ratio"] = r["kaa_mb"] / r["py_mb"]
        rows.append((name, r))
        print(f"{name:14} CPython {r['py_s']:.3f}s  Kaa {r['kaa_s']:.3f}s  x{r['time_ratio']:.2f}   "
              f"{r['py_mb']:.1f} MB / {r['kaa_mb']:.1f} MB", flush=True)

    load_after = load_average()
    table = ["| benchmark | CPython s | Kaa s | time Kaa/CPython | CPython MB | Kaa MB | memory Kaa/CPython |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, r in rows:
        if r is None:
            table.append(f"| {name} | FAIL | FAIL | – | – | – | – |")
        else:
            table.append(f"| {name} | {r['py_s']:.3f} | {r['kaa_s']:.3f} | {r['time_ratio']:.2f} | "
                         f"{r['py_mb']:.1f} | {r['kaa_mb']:.1f} | {r['mem_ratio']:.2f} |")
    measured = [r for _, r in rows if r is not None]
    gm_time = geomean([r["time_ratio"] for r in measured])
    gm_mem = geomean([r["mem_ratio"] for r in measured])
    table.append(f"| **geometric mean** | | | **{gm_time:.2f}** | | | **{gm_mem:.2f}** |")
    load_note = ""
    if load_before and load_after:
        load_note = f", 1-minute load average {load_before[0]:.1f} before / {load_after[0]:.1f} after on {ncpu} CPUs"
    footer = (f"Median of {args.runs} alternating runs (wall time, peak RSS) per program under {py_version} "
              f"(`{python}`) and Kaa{load_note}. Ratios above 1 mean Kaa is slower or bigger. "
              f"Reproduce with `python3 bench/run_vm.py`.")
    print()
    print("\n".join(table))
    print()
    print(footer)
    if failures:
        print(f"\nFAIL: {len(failures)} benchmark(s) differ from CPython: {', '.join(failures)}", file=sys.stderr)

    if args.write_readme:
        text = open(README, encoding="utf-8").read()
        if START not in text or END not in text:
            sys.exit(f"error: README.md has no {START} ... {END} markers")
        head, rest = text.split(START, 1)
        _, after = rest.split(END, 1)
        block = "\n" + "\n".join(table) + "\n\n" + footer + "\n"
        with open(README, "w", encoding="utf-8") as f:
            f.write(head + START + block + END + after)
        print("README.md updated")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
