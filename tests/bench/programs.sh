#!/bin/sh
# tests/bench/programs.sh: the program benchmarks (measured, never
# asserted). Each program in tests/bench/programs runs ROUNDS times under
# Adder and under CPython 3.13 alternately; the median wall time of each is
# printed with the ratio CPython/Adder (above 1: Adder is faster), then the
# geometric mean of the ratios. A program whose output under Adder differs
# from CPython's is shown as "wrong", one that fails as "n/a".
# Usage: tests/bench/programs.sh [ROUNDS]   (from the top of the tree)
set -u
rounds=${1:-3}
adder=${ADDER:-./adder}
cpython=${CPYTHON:-$(pyenv root 2>/dev/null)/versions/3.13.0/bin/python3.13}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
# run_timed CMD... -> prints seconds, leaves output in $tmp/out; status in $tmp/rc
run_timed() {
    t0=$(now)
    env -i PATH="$PATH" "$@" >"$tmp/out" 2>/dev/null
    echo $? >"$tmp/rc"
    t1=$(now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-16s %10s %12s %8s\n' benchmark adder cpython3.13 ratio
logsum=0
n=0
for prog in tests/bench/programs/*.py; do
    name=$(basename "$prog" .py)
    : >"$tmp/a"
    : >"$tmp/c"
    status=ok
    for r in $(seq "$rounds"); do
        run_timed "$cpython" "$prog" >>"$tmp/c"
        cp "$tmp/out" "$tmp/want"
        run_timed "$adder" "$prog" >>"$tmp/a"
        if [ "$(cat "$tmp/rc")" != 0 ]; then status=n/a; fi
        if [ "$status" = ok ] && ! cmp -s "$tmp/out" "$tmp/want"; then status=wrong; fi
    done
    c=$(median <"$tmp/c")
    if [ "$status" = ok ]; then
        a=$(median <"$tmp/a")
        ratio=$(awk -v a="$a" -v c="$c" 'BEGIN { printf "%.2f", c / a }')
        logsum=$(awk -v s="$logsum" -v r="$ratio" 'BEGIN { print s + log(r) }')
        n=$((n + 1))
        printf '%-16s %9ss %11ss %7sx\n' "$name" "$a" "$c" "$ratio"
    else
        printf '%-16s %10s %11ss %8s\n' "$name" "$status" "$c" "-"
    fi
done
if [ "$n" -gt 0 ]; then
    awk -v s="$logsum" -v n="$n" 'BEGIN { printf "geometric mean of ratios over %d programs: %.2fx\n", n, exp(s / n) }'
else
    echo "geometric mean: no program runs under Adder yet"
fi
