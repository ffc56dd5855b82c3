#!/usr/bin/env bash
# Start-up benchmark: wall time of `kaa -c pass` against CPython's `-c pass`, run side by side
# (alternating, RUNS times each, stdout/stderr to /dev/null, spawned with posix_spawn so the
# driver's own overhead is small and the same for both). Prints median and mean of each and the
# ratio; the goal is Kaa at most a third of CPython.
#
#   bench/startup.sh                 # RUNS=500 bench/startup.sh for more runs
#
# CPython is Debian's optimized build /usr/bin/python3.11 when present (the pyenv python3 spends
# extra time in its site-packages and is not a fair anchor), else python3.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-200}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release -q -p kaa
KAA="$CARGO_TARGET_DIR/release/kaa"
PY=python3
[ -x /usr/bin/python3.11 ] && PY=/usr/bin/python3.11

python3 - "$RUNS" "$KAA" "$PY" <<'PYTHON'
import os, statistics, sys, time
runs, kaa, py = int(sys.argv[1]), sys.argv[2], sys.argv[3]
devnull = os.open(os.devnull, os.O_RDWR)
actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}

def once(argv):
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{argv} failed with status {status}")
    return elapsed

commands = {"kaa -c pass": [kaa, "-c", "pass"], f"{py} -c pass": [py, "-c", "pass"]}
times = {name: [] for name in commands}
for argv in commands.values():  # warm the page cache
    once(argv)
for _ in range(runs):
    for name, argv in commands.items():
        times[name].append(once(argv))
for name, t in times.items():
    print(f"{name:32} median {statistics.median(t) * 1000:6.2f} ms   mean {statistics.mean(t) * 1000:6.2f} ms   ({runs} runs)")
k, c = (statistics.median(t) for t in times.values())
print(f"kaa / cpython (medians): {k / c:.2f}  ({'within' if k * 3 <= c else 'NOT within'} the one-third goal)")
PYTHON
