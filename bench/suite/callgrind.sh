#!/usr/bin/env bash
# Instruction counts of the suite programs (bench/suite/bm_*.py) under CPython and Kaa, for tuning
# decisions on a shared machine (counts do not depend on load, unlike wall time). Each program is
# run at a reduced size: every `A if QUICK else B` with integer A and B becomes max(A, B // 10)
# (image sizes: a third of each side).
#   bench/suite/callgrind.sh [--kaa PATH] [NAME ...]      (NAME: float, raytrace, ...)
# Profiles are left in $OUT (default target/callgrind/suite) for `callgrind_annotate`.
set -euo pipefail
cd "$(dirname "$0")/../.."
KAA=target/release/kaa
if [ "${1:-}" = "--kaa" ]; then KAA=$2; shift 2; fi
PY=/usr/bin/python3.11
[ -x "$PY" ] || PY=python3
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
OUT=${OUT:-target/callgrind/suite}
mkdir -p "$OUT"
NAMES=${*:-$(ls bench/suite/bm_*.py | xargs -n1 basename | sed 's/^bm_//; s/\.py$//')}
count() { valgrind --tool=callgrind --callgrind-out-file="$1" "${@:2}" 2>&1 >/dev/null | awk '/refs:/ {gsub(",", "", $4); print $4}'; }
for name in $NAMES; do
    small="$OUT/bm_${name}.py"
    python3 - "bench/suite/bm_$name.py" "$small" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
src = re.sub(r"\b(\d+) if QUICK else (\d+)\b", lambda m: str(max(int(m.group(1)), int(m.group(2)) // 10)), src)
# Image sizes `(W, H) if QUICK else (W2, H2)`: a third of each side.
src = re.sub(r"\((\d+), (\d+)\) if QUICK else \((\d+), (\d+)\)",
             lambda m: f"({max(int(m.group(1)), int(m.group(3)) // 3)}, {max(int(m.group(2)), int(m.group(4)) // 3)})", src)
open(sys.argv[2], "w").write(src)
PY
    c=$(count "$OUT/cpython.$name" "$PY" "$small")
    k=$(count "$OUT/kaa.$name" "$KAA" "$small")
    python3 -c "print(f'{\"$name\":16} CPython {$c/1e6:9.0f}M   Kaa {$k/1e6:9.0f}M   ratio {$k/$c:5.2f}')"
done
