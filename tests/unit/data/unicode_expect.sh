#!/bin/sh
# unicode_expect.sh -- regenerates unicode_expect.txt (the expectations of
# tests/unit/test_unicode_db.c) with CPython 3.14: sh unicode_expect.sh
# Prepends the alias and named-sequence names of the host's UCD to
# unicode_expect.py, since py314 cannot read host files.
set -eu
cd "$(dirname "$0")"
UCD=${UCD_DIR:-/usr/share/unicode}
{
    printf 'ALIASES = [\n'
    awk -F';' '/^[0-9A-F]/ { printf "    %c%s%c,\n", 39, $2, 39 }' "$UCD/NameAliases.txt"
    printf ']\nSEQUENCES = [\n'
    awk -F';' '/^[A-Z]/ { printf "    %c%s%c,\n", 39, $1, 39 }' "$UCD/NamedSequences.txt"
    printf ']\n'
    cat unicode_expect.py
} > /tmp/unicode_expect_run.$$.py
/work/shared/tools/py314 /tmp/unicode_expect_run.$$.py > unicode_expect.txt.tmp
rm -f /tmp/unicode_expect_run.$$.py
mv unicode_expect.txt.tmp unicode_expect.txt
