#!/usr/bin/env python3
"""The benchmark suite: the workloads of pyperformance, in programs of our own (bench/suite/bm_*.py),
plus start-up (`-c pass`), run under CPython 3.11 and under Kaa side by side.

Every program prints a checksum; Kaa's stdout and exit status must equal CPython's, otherwise the
benchmark is reported as FAIL (with the first difference) and not timed. Runs alternate (CPython,
Kaa, CPython, Kaa, ...) so drifts of a shared machine hit both sides alike. Per benchmark and side:
the median wall time and the median peak RSS (GNU `/usr/bin/time -f %M`, else os.wait4's rusage);
then the ratios Kaa/CPython and their geometric means over the benchmarks that ran.

    python3 bench/suite/run.py                    # target/release/kaa, 3 timed runs each
    python3 bench/suite/run.py --runs 5 --only nbody,go
    python3 bench/suite/run.py --write-readme     # also replace the table in README.md
    python3 bench/suite/run.py --check --quick    # outputs only, small sizes (what CI runs)

`--quick` passes `--quick` to every program, which then runs a much smaller size (the checksum
differs from a full run, but both interpreters still have to agree). The CPython is
/usr/bin/python3.11 (Debian's optimized build) when present, else `python3`; `--python` overrides.
Timings taken while other heavy jobs run are noise: the load average is printed and reported.
"""

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

SUITE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(SUITE))
README = os.path.join(ROOT, "README.md")
START = "<!-- suite-bench:start -->"
END = "<!-- suite-bench:end -->"
STARTUP = "startup"
STARTUP_RUNS = 20  # start-up is short: more runs per side, same alternation
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def find_python(explicit):
    if explicit:
        return explicit
    if os.access("/usr/bin/python3.11", os.X_OK):
        return "/usr/bin/python3.11"
    fallback = shutil.which("python3")
    if not fallback:
        sys.exit("error: neither /usr/bin/python3.11 nor python3 found")
    print(f"warning: /usr/bin/python3.11 not found; using {fallback}", file=sys.stderr)
    return fallback


def version_of(python):
    out = subprocess.run([python, "-c", "import sys, platform; print(platform.python_implementation(), "
                          "sys.version.split()[0])"], capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


def run_once(cmd, timeout):
    """(stdout, stderr, exit status, wall seconds, peak RSS KiB); status None on timeout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        full = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file.name] + cmd if GNU_TIME else cmd
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=SUITE, env=env)
        # A blocking wait with a kill timer: Popen.wait(timeout) polls in steps of up to 50 ms,
        # which quantized the wall times of these sub-second programs.
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        proc.wait()
        wall = time.perf_counter() - t0
        timed_out = not timer.is_alive()
        timer.cancel()
        if timed_out:
            out.seek(0)
            return out.read(), b"timed out after %ds" % timeout, None, timeout, 0
        maxrss = 0
        if GNU_TIME:
            lines = [line for line in rss_file.read().splitlines() if line.strip().isdigit()]
            if lines:
                maxrss = int(lines[-1])
        out.seek(0)
        err.seek(0)
        return out.read(), err.read(), proc.returncode, wall, maxrss


def first_difference(want, got):
    a = want.decode("utf-8", "replace").splitlines()
    b = got.decode("utf-8", "replace").splitlines()
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<missing>"
        y = b[i] if i < len(b) else "<missing>"
        if x != y:
            return f"line {i + 1}: CPython {x[:70]!r}, Kaa {y[:70]!r}"
    return "same stdout, different exit status"


def last_line(data):
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return lines[-1][:110] if lines else "(no output)"


def geomean(values):
    values = [v for v in values if v > 0]
    return math.exp(sum(map(math.log, values)) / len(values)) if values else float("nan")


def commands(name, python, kaa, quick):
    if name == STARTUP:
        return [python, "-c", "pass"], [kaa, "-c", "pass"]
    path = os.path.join(SUITE, f"bm_{name}.py")
    extra = ["--quick"] if quick else []
    return [python, path] + extra, [kaa, path] + extra


def measure(name, python, kaa, args):
    """One row: {"status": "ok", timings...} or {"status": "FAIL"/"differs", "why": ...}."""
    py_cmd, kaa_cmd = commands(name, python, kaa, args.quick)
    want = run_once(py_cmd, args.timeout)
    if want[2] != 0:
        return {"status": "FAIL", "why": f"CPython fails: {last_line(want[1])}"}
    got = run_once(kaa_cmd, args.timeout)
    if got[2] is None:
        return {"status": "FAIL", "why": f"Kaa timed out after {args.timeout}s"}
    if got[2] != 0:
        return {"status": "FAIL", "why": f"Kaa fails (exit {got[2]}): {last_line(got[1])}"}
    if got[0] != want[0]:
        return {"status": "differs", "why": first_difference(want[0], got[0])}
    if args.check:
        return {"status": "ok"}
    runs = STARTUP_RUNS if name == STARTUP else args.runs
    times = {"py": [], "kaa": []}
    rss = {"py": [], "kaa": []}
    for _ in range(runs):
        for side, cmd in (("py", py_cmd), ("kaa", kaa_cmd)):
            out, _, code, wall, maxrss = run_once(cmd, args.timeout)
            if out != want[0] or code != 0:
                return {"status": "differs", "why": f"a timed {side} run printed something else"}
            times[side].append(wall)
            rss[side].append(maxrss / 1024.0)
    r = {"status": "ok", "runs": runs,
         "py_s": statistics.median(times["py"]), "kaa_s": statistics.median(times["kaa"]),
         "py_mb": statistics.median(rss["py"]), "kaa_mb": statistics.median(rss["kaa"])}
    r["time_ratio"] = r["kaa_s"] / r["py_s"]
    r["mem_ratio"] = r["kaa_mb"] / r["py_mb"] if r["py_mb"] else float("nan")
    return r


def table_of(rows, python, py_version, args, load_before, load_after):
    lines = ["| benchmark | CPython s | Kaa s | time Kaa/CPython | CPython MB | Kaa MB | memory Kaa/CPython |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, r in rows:
        if r["status"] == "ok":
            lines.append(f"| {name} | {r['py_s']:.3f} | {r['kaa_s']:.3f} | {r['time_ratio']:.2f} | "
                         f"{r['py_mb']:.1f} | {r['kaa_mb']:.1f} | {r['mem_ratio']:.2f} |")
        else:
            label = "checksum differs" if r["status"] == "differs" else "fails on Kaa"
            why = r["why"].replace("|", "\\|")
            lines.append(f"| {name} | – | – | {label} | – | – | {why} |")
    ok = [r for _, r in rows if r["status"] == "ok"]
    lines.append(f"| **geometric mean** ({len(ok)} of {len(rows)} ran) | | | "
                 f"**{geomean([r['time_ratio'] for r in ok]):.2f}** | | | "
                 f"**{geomean([r['mem_ratio'] for r in ok]):.2f}** |")
    ncpu = os.cpu_count() or 1
    load = ""
    if load_before and load_after:
        load = f"; 1-minute load average {load_before[0]:.1f} before / {load_after[0]:.1f} after on {ncpu} CPUs"
    footer = (f"Median of {args.runs} alternating runs ({STARTUP_RUNS} for start-up) of wall time and peak RSS "
              f"per program under {py_version} (`{python}`) and Kaa{load}. Ratios above 1 mean Kaa is "
              f"slower or bigger. Programs: `bench/suite/bm_*.py`; reproduce with "
              f"`python3 bench/suite/run.py --write-readme`.")
    return lines, footer


def write_readme(lines, footer):
    text = open(README, encoding="utf-8").read()
    if START not in text or END not in text:
        sys.exit(f"error: README.md has no {START} ... {END} markers")
    head, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    block = "\n" + "\n".join(lines) + "\n\n" + footer + "\n"
    with open(README, "w", encoding="utf-8") as f:
        f.write(head + START + block + END + after)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kaa", default=os.path.join(ROOT, "target", "release", "kaa"))
    ap.add_argument("--python", help="the CPython to compare with (default /usr/bin/python3.11)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per side (default 3)")
    ap.add_argument("--only", help="comma-separated names (bm_NAME.py, or 'startup')")
    ap.add_argument("--check", action="store_true", help="compare outputs only, time nothing")
    ap.add_argument("--quick", action="store_true", help="run the programs' small sizes")
    ap.add_argument("--timeout", type=int, default=120, help="seconds per run before it counts as failed")
    ap.add_argument("--write-readme", action="store_true", help=f"replace the table between {START} and {END}")
    args = ap.parse_args()
    if args.write_readme and (args.check or args.quick):
        sys.exit("error: --write-readme needs full, timed runs")

    kaa = os.path.abspath(args.kaa)
    if not os.access(kaa, os.X_OK):
        sys.exit(f"error: {kaa} is not an executable (cargo build --release -p kaa)")
    python = find_python(args.python)
    py_version = version_of(python)
    names = [STARTUP] + sorted(f[3:-3] for f in os.listdir(SUITE) if f.startswith("bm_") and f.endswith(".py"))
    if args.only:
        wanted = args.only.split(",")
        unknown = [w for w in wanted if w not in names]
        if unknown:
            sys.exit(f"error: unknown benchmark(s) {', '.join(unknown)}; have {', '.join(names)}")
        names = [n for n in names if n in wanted]

    load_before = os.getloadavg()
    print(f"CPython: {python} ({py_version})\nKaa:     {kaa}")
    print(f"load average before: {load_before[0]:.2f} ({os.cpu_count()} CPUs)\n", flush=True)
    rows = []
    for name in names:
        r = measure(name, python, kaa, args)
        rows.append((name, r))
        if r["status"] != "ok":
            print(f"{name:16} {r['status'].upper()}: {r['why']}", flush=True)
        elif args.check:
            print(f"{name:16} ok", flush=True)
        else:
            print(f"{name:16} CPython {r['py_s']:.3f}s  Kaa {r['kaa_s']:.3f}s  x{r['time_ratio']:.2f}   "
                  f"{r['py_mb']:.1f} MB / {r['kaa_mb']:.1f} MB  x{r['mem_ratio']:.2f}", flush=True)
    load_after = os.getloadavg()
    bad = [n for n, r in rows if r["status"] != "ok"]
    if not args.check:
        lines, footer = table_of(rows, python, py_version, args, load_before, load_after)
        print("\n" + "\n".join(lines) + "\n\n" + footer)
        if args.write_readme:
            write_readme(lines, footer)
            print("README.md updated")
    if bad:
        print(f"\n{len(bad)} of {len(rows)} did not run to CPython's output on Kaa: {', '.join(bad)}",
              file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
