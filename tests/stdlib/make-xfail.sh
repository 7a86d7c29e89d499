#!/bin/sh
# tests/stdlib/make-xfail.sh ADDER: writes tests/stdlib/xfail.txt from a run of
# the matrix: every module that does not import, with the last line of its
# error as the reason. Read the result before committing it: the list is the
# record of what the native side still lacks.
here=$(cd "$(dirname "$0")" && pwd)
: > "$here/xfail.txt"
{
    echo "# Standard-library modules that do not import yet, with the reason (last"
    echo "# line of the error). Made by tests/stdlib/make-xfail.sh; shrinks as native"
    echo "# modules arrive. Windows-only, macOS-only and pyodide-only modules stay."
    STDLIB_TEST_JOBS=2 sh "$here/run" "$1" 2>/dev/null | sed -n 's/^FAIL \([^ ]*\) \(.*\)$/\1  # \2/p'
} > "$here/xfail.txt.new"
mv "$here/xfail.txt.new" "$here/xfail.txt"
