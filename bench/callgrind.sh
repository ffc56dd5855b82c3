#!/usr/bin/env bash
# Repeatable instruction counts for tuning the interpreter: runs reduced versions of bench/vm/*.py
# (loop counts divided by 10) under `valgrind --tool=callgrind` with CPython and Kaa and prints the
# instruction counts and their ratio. Counts do not depend on machine load, unlike wall time.
#   bench/callgrind.sh [--kaa PATH] [NAME ...]      (NAME: containers, fib, nbody, ...)
# Profiles are left in $OUT (default target/callgrind/) for `callgrind_annotate`.
set -euo pipefail
cd "$(dirname "$0")/.."
KAA=target/release/kaa
if [ "${1:-}" = "--kaa" ]; then KAA=$2; shift 2; fi
PY=/usr/bin/python3.11
[ -x "$PY" ] || PY=python3
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
OUT=${OUT:-target/callgrind}
mkdir -p "$OUT"
NAMES=${*:-$(ls bench/vm/*.py | xargs -n1 basename | sed 's/\.py$//')}
count() { valgrind --tool=callgrind --callgrind-out-file="$1" "${@:2}" 2>&1 >/dev/null | awk '/refs:/ {gsub(",", "", $4); print $4}'; }
for name in $NAMES; do
    small="$OUT/${name}_small.py"
    # Integer literals of 4+ digits passed as arguments are loop sizes: divide them by 10.
    python3 - "bench/vm/$name.py" "$small" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
src = re.sub(r"(?<=[(, ])(\d{4,})(?=[),])", lambda m: str(int(m.group(1)) // 10), src)
open(sys.argv[2], "w").write(src)
PY
    c=$(count "$OUT/cpython.$name" "$PY" "$small")
    k=$(count "$OUT/kaa.$name" "$KAA" "$small")
    python3 -c "print(f'{\"$name\":12} CPython {$c/1e6:9.0f}M   Kaa {$k/1e6:9.0f}M   ratio {$k/$c:5.2f}')"
done
