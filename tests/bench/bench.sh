#!/bin/sh
# tests/bench/bench.sh: the benchmarks (measured, never asserted). For now the
# parser benchmark: Adder's parser over the whole installed standard library
# next to CPython 3.13's ast.parse of the same files, in the same run.
# Usage: make bench, or tests/bench/bench.sh [ROUNDS] from the top of the tree
# (PARSE_BENCH=path overrides build/parse-bench, CPYTHON= the python3.13)
set -eu
rounds=${1:-5}
lib=${ADDER_STDLIB_DIR:-build/lib/adder3.14}
cpython=${CPYTHON:-$(pyenv root 2>/dev/null)/versions/3.13.0/bin/python3.13}
[ -d "$lib" ] || { echo "bench: no standard library at $lib (make stdlib)" >&2; exit 1; }
list=$(mktemp)
trap 'rm -f "$list" "$list.ok"' EXIT
find "$lib" -name '*.py' | sort > "$list"
total=$(wc -l < "$list")
if [ -x "$cpython" ]; then
    # Both sides parse the same files: those CPython 3.13 can parse (3.14's
    # t-strings and unparenthesized except lists are new to it).
    xargs "$cpython" tests/bench/parse_cpython.py --parsable < "$list" > "$list.ok"
    mv "$list.ok" "$list"
fi
n=$(wc -l < "$list")
[ "$n" = "$total" ] || echo "bench: $((total - n)) of $total files left out: CPython 3.13 cannot parse them"
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo "bench: load average before the run: $load (on $(nproc 2>/dev/null || echo '?') CPUs)"
adder_t=$(xargs "${PARSE_BENCH:-build/parse-bench}" "$rounds" < "$list")
if [ -x "$cpython" ]; then
    cpy_t=$(xargs "$cpython" tests/bench/parse_cpython.py "$rounds" < "$list")
    ratio=$(awk -v a="$adder_t" -v c="$cpy_t" 'BEGIN { printf "%.2f", c / a }')
    printf '%-28s %10s %12s %8s\n' benchmark adder "cpython3.13" speedup
    printf '%-28s %9ss %11ss %7sx\n' "parse stdlib ($n files)" "$adder_t" "$cpy_t" "$ratio"
else
    printf 'parse stdlib (%s files): adder %ss (no CPython 3.13 found)\n' "$n" "$adder_t"
fi
