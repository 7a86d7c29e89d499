#!/bin/sh
# tests/check.sh ADDER UNIT_BIN: runs every test suite that must pass (the
# Check unit tests, then each tests/<dir>/run script) and ends with the
# total line "N passed, N failed". Exits non-zero if anything failed.
adder=$1
unit=$2
total_pass=0
total_fail=0
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

tally() {   # reads the last "N passed, N failed" line of $log
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    p=$(echo " $line" | sed -E 's/^.*[^0-9]([0-9]+) passed, ([0-9]+) failed.*$/\1/')
    f=$(echo " $line" | sed -E 's/^.*[^0-9]([0-9]+) passed, ([0-9]+) failed.*$/\2/')
    [ -n "$p" ] || p=0
    [ -n "$f" ] || f=0
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
}

echo "== unit"
CK_FORK=yes "$unit" >"$log" 2>&1
rc=$?
grep -E '^(.*:[0-9]+:[EF]:|unit:)' "$log" | head -n 60
tally
if [ $rc -ne 0 ] && [ "$f" = 0 ]; then total_fail=$((total_fail + 1)); fi
[ $rc -eq 0 ] || status=1

for runner in tests/*/run tests/*/*/run; do
    [ -x "$runner" ] || continue
    dir=$(dirname "$runner")
    name=${dir#tests/}
    echo "== $name"
    "$runner" "$adder" >"$log" 2>&1
    rc=$?
    grep -E '^(FAIL|ERROR)' "$log" | head -n 40
    tail -n 1 "$log"
    tally
    if [ $rc -ne 0 ] && [ "$f" = 0 ]; then total_fail=$((total_fail + 1)); fi
    [ $rc -eq 0 ] || status=1
done

echo "$total_pass passed, $total_fail failed"
exit $status
