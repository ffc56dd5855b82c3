#!/usr/bin/env bash
# Bytecode-cache benchmark: `kaa --compile` against `python3 -m compileall -f -q` over the whole
# CPython 3.11 standard library (every entry of Lib/ except site-packages), best of $REPEAT.
# Both write into a throwaway PYTHONPYCACHEPREFIX, so the installed stdlib is never touched and
# every run compiles from scratch. Prints both times and the ratio.
#
#   bench/compileall.sh            # REPEAT=5 bench/compileall.sh for best of 5
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT="${REPEAT:-3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release -q -p kaa
KAA="$CARGO_TARGET_DIR/release/kaa"

PY=python3
[ -x /usr/bin/python3.11 ] && PY=/usr/bin/python3.11
"$PY" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' ||
    { echo "compileall.sh: $PY must be CPython 3.11" >&2; exit 2; }
LIB="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')"
mapfile -t PATHS < <(find "$LIB" -mindepth 1 -maxdepth 1 ! -name site-packages ! -name __pycache__ | sort)
NFILES=$(find "${PATHS[@]}" -name '*.py' -not -path '*/__pycache__/*' | wc -l)

PREFIX="$(mktemp -d)"
trap 'rm -rf "$PREFIX"' EXIT

best() { # best wall time in seconds of "$@" over $REPEAT runs, each into an empty cache prefix
    local best=
    for _ in $(seq "$REPEAT"); do
        rm -rf "$PREFIX"/*
        local t0 t1
        t0=$(date +%s.%N)
        PYTHONPYCACHEPREFIX="$PREFIX" "$@" >/dev/null 2>&1 || true
        t1=$(date +%s.%N)
        best=$(echo "$t0 $t1 ${best:-999999}" | awk '{d = $2 - $1; print (d < $3 ? d : $3)}')
    done
    echo "$best"
}

KAA_ERRORS=$(PYTHONPYCACHEPREFIX="$PREFIX" "$KAA" --compile "${PATHS[@]}" 2>/dev/null | grep -c '^\*\*\* Error compiling' || true)
T_KAA=$(best "$KAA" --compile "${PATHS[@]}")
T_PY=$(best "$PY" -m compileall -f -q "${PATHS[@]}")
echo "files: $NFILES .py under $LIB (site-packages excluded); Kaa could not compile $KAA_ERRORS"
echo "kaa --compile:           ${T_KAA}s"
echo "python3 -m compileall:   ${T_PY}s"
awk -v a="$T_PY" -v b="$T_KAA" 'BEGIN { printf "Kaa is %.1fx faster\n", a / b }'
