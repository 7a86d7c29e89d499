#!/bin/sh
# Builds and runs the str suite against a minimal stand-in kernel (stub.c),
# for use while the real object kernel is not in the tree:
#   sh tests/unit/data/str/standalone/build.sh        (from the project root, after make)
# SAN="-fsanitize=address,undefined" selects a sanitizer build.
set -e
M=$(pwd)
D=$M/tests/unit/data/str/standalone
SRCS="$M/src/objects/str.c $M/src/objects/str_args.c $M/src/objects/str_codecs.c $M/src/objects/str_ctype.c $M/src/objects/str_find.c $M/src/objects/str_format.c $M/src/objects/str_kernel.c $M/src/objects/str_methods.c $M/src/objects/str_printf.c $M/src/objects/str_type.c $M/src/objects/bytes.c $M/src/memory/alloc.c $M/src/numeric/hash.c $M/src/numeric/numeric.c $M/src/unicode/unicode_db.c $M/src/unicode/unicode_names.c $M/build/gen/unicode/unicode_tables.c"
gcc -std=c11 -g -O1 ${SAN:-} -Wall -Wextra -D_GNU_SOURCE -I$M/src -I$M/build/gen -I$M "-DSTR_TEST_SETUP()=stub_init()" -include $D/decl.h -o /tmp/adder-str-standalone $SRCS $D/stub.c $M/tests/unit/test_str.c $D/main.c -lcheck_pic -lrt -lm -lsubunit -pthread
ASAN_OPTIONS=detect_leaks=0 /tmp/adder-str-standalone
