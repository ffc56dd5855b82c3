#!/usr/bin/env bash
# Parse benchmark: every *.py of the CPython 3.11 stdlib (site-packages excluded), parsed to an AST
# in one process, best of 3 — CPython's compile(src, path, "exec", ast.PyCF_ONLY_AST) against Kaa's
# decode + tokenize + parse (crates/kaa-syntax/examples/parse_files.rs). Prints both and the ratio.
#
#   bench/parse_stdlib.sh            # REPEAT=5 bench/parse_stdlib.sh for best of 5
#
# The file list comes from `python3` (sysconfig's stdlib); CPython is timed with
# /usr/bin/python3.11 when present (Debian's optimized build), else python3.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT="${REPEAT:-3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

PY_LIST=python3
PY_TIME=python3
[ -x /usr/bin/python3.11 ] && PY_TIME=/usr/bin/python3.11
"$PY_LIST" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' ||
    { echo "parse_stdlib.sh: python3 must be CPython 3.11" >&2; exit 2; }
"$PY_TIME" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' ||
    { echo "parse_stdlib.sh: $PY_TIME must be CPython 3.11" >&2; exit 2; }

LIST="$(mktemp)"
trap 'rm -f "$LIST"' EXIT
"$PY_LIST" - "$LIST" <<'PY'
import os, sys, sysconfig
root = sysconfig.get_paths()["stdlib"]
out = []
for d, dirs, files in os.walk(root):
    dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
    out += [os.path.join(d, f) for f in sorted(files) if f.endswith(".py")]
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY

echo "== CPython ($("$PY_TIME" -c 'import sys; print(sys.executable, sys.version.split()[0])'))"
CPY=$("$PY_TIME" - "$LIST" "$REPEAT" <<'PY'
import ast, sys, time
paths = open(sys.argv[1]).read().split()
srcs = [(p, open(p, "rb").read()) for p in paths]
best = float("inf")
for r in range(int(sys.argv[2])):
    ok = bad = 0
    t0 = time.perf_counter()
    for p, s in srcs:
        try:
            compile(s, p, "exec", ast.PyCF_ONLY_AST)
            ok += 1
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            bad += 1
    t = time.perf_counter() - t0
    best = min(best, t)
    print(f"round {r + 1}: {t:.3f}s ({ok} parsed, {bad} rejected)", file=sys.stderr)
print(f"files: {len(srcs)}, bytes: {sum(len(s) for _, s in srcs)}", file=sys.stderr)
print(f"{best:.4f} {ok}")
PY
)
CPY_OK=${CPY#* }
CPY=${CPY% *}
echo "best: $CPY"

echo "== Kaa (crates/kaa-syntax/examples/parse_files.rs)"
cargo build --release -q -j 2 -p kaa-syntax --example parse_files
KAA_OUT=$("$CARGO_TARGET_DIR/release/examples/parse_files" "$LIST" --repeat "$REPEAT")
echo "$KAA_OUT"
KAA=$(echo "$KAA_OUT" | awk '/^best:/ {print $2}')
KAA_OK=$(echo "$KAA_OUT" | awk '/^round/ {n = $5; sub(/\(/, "", n)} END {print n}')

python3 - "$CPY" "$KAA" "$CPY_OK" "$KAA_OK" <<'PY'
import sys
c, k = float(sys.argv[1]), float(sys.argv[2])
if int(sys.argv[4]) < int(sys.argv[3]):
    print(f"WARNING: Kaa parsed {sys.argv[4]} files, CPython {sys.argv[3]}: the times do not compare like for like")
print(f"== parse the stdlib, best of runs: CPython {c:.3f}s, Kaa {k:.3f}s; Kaa/CPython = {k / c:.2f}x "
      f"({'faster' if k < c else 'slower'})")
PY
