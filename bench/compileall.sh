#!/usr/bin/env bash
# Bytecode-cache benchmark: `kaa --compile` against `python3 -m compileall -f -q` over the whole
# CPython 3.11 standard library (every entry of Lib/ except site-packages), best of $REPEAT.
# Both write into a throwaway PYTHONPYCACHEPREFIX, so the installed stdlib is never touched and
# every run compiles from scratch. Prints both times and the ratio.
#
#   bench/compileall.sh            # REPEAT=5 bench/compileall.sh for best of 5
#   PREFIX_DIR=/dev/shm bench/compileall.sh   # cache files on tmpfs: measures the compilers,
#                                             # not the file system's inode allocation
#   CALLGRIND=1 bench/compileall.sh           # also instruction counts (valgrind; several
#                                             # minutes, but independent of machine load)
#
# Kaa compiles files on every core (like `compileall -j 0`); CPython's compileall runs serially
# by default, which is what it is compared with. The "CPU" ratio (user + system time) is the
# one that does not depend on the core count or on other load.
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

PREFIX="$(mktemp -d -p "${PREFIX_DIR:-${TMPDIR:-/tmp}}")"
trap 'rm -rf "$PREFIX"' EXIT

# Best of $REPEAT runs, each into an empty cache prefix: "WALL CPU" in seconds (CPU = user + system,
# which is what to compare on a machine shared with other work; wall counts both cores).
best() {
    local best_wall=999999 best_cpu=999999
    for _ in $(seq "$REPEAT"); do
        rm -rf "${PREFIX:?}"/*
        local t
        t=$( { TIMEFORMAT='%R %U %S'; time PYTHONPYCACHEPREFIX="$PREFIX" "$@" >/dev/null 2>&1; } 2>&1 ) || true
        read -r wall user sys <<<"$t"
        best_wall=$(awk -v a="$wall" -v b="$best_wall" 'BEGIN { print (a < b ? a : b) }')
        best_cpu=$(awk -v u="$user" -v s="$sys" -v b="$best_cpu" 'BEGIN { c = u + s; print (c < b ? c : b) }')
    done
    echo "$best_wall $best_cpu"
}

KAA_ERRORS=$(PYTHONPYCACHEPREFIX="$PREFIX" "$KAA" --compile "${PATHS[@]}" 2>/dev/null | grep -c '^\*\*\* Error compiling' || true)
read -r W_KAA C_KAA <<<"$(best "$KAA" --compile "${PATHS[@]}")"
read -r W_PY C_PY <<<"$(best "$PY" -m compileall -f -q "${PATHS[@]}")"
echo "files: $NFILES .py under $LIB (site-packages excluded); Kaa could not compile $KAA_ERRORS"
echo "kaa --compile:           wall ${W_KAA}s  cpu ${C_KAA}s"
echo "python3 -m compileall:   wall ${W_PY}s  cpu ${C_PY}s"
awk -v a="$W_PY" -v b="$W_KAA" -v c="$C_PY" -v d="$C_KAA" \
    'BEGIN { printf "Kaa is %.1fx faster (wall), %.1fx less CPU\n", a / b, c / d }'
if [ "${CALLGRIND:-0}" = 1 ]; then
    count() {
        rm -rf "${PREFIX:?}"/*
        PYTHONPYCACHEPREFIX="$PREFIX" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
            awk '/refs:/ { gsub(",", "", $4); print $4 }'
    }
    I_KAA=$(count "$KAA" --compile "${PATHS[@]}")
    I_PY=$(count "$PY" -m compileall -f -q "${PATHS[@]}")
    awk -v k="$I_KAA" -v p="$I_PY" \
        'BEGIN { printf "instructions: Kaa %.2fG, CPython %.2fG: %.1fx fewer\n", k / 1e9, p / 1e9, p / k }'
fi
