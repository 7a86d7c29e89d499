#!/bin/sh
# tests/fuzz/build.sh: build the libFuzzer targets of tests/fuzz with clang
# (-fsanitize=fuzzer,address,undefined) into build-fuzz/, independently of
# the Makefile's objects.  The generated tables (build/gen/...) come from a
# normal `make` of the tree; run that first (the script says so otherwise).
#
#   sh tests/fuzz/build.sh            -> build-fuzz/fuzz_parser
#   CC=clang-14 sh tests/fuzz/build.sh
#
# Needs clang with its libFuzzer runtime (Debian 12: clang-14 and
# libclang-rt-14-dev, which holds libclang_rt.fuzzer*.a).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
CC=${CC:-clang}
out=${FUZZ_BUILDDIR:-build-fuzz}
gen=build/gen
for f in $gen/parser/unicode_tables.c $gen/parser/ast_printable_table.c \
         $gen/parser/codec_names.c $gen/unicode/unicode_tables.c; do
    [ -f "$f" ] || { echo "fuzz/build.sh: $f missing: run make first" >&2; exit 1; }
done
[ -f config.h ] || { echo "fuzz/build.sh: no config.h: run ./configure (or ./setup) first" >&2; exit 1; }
mkdir -p "$out/obj"
flags="-std=c11 -g -O1 -D_GNU_SOURCE -Wall -Wextra -fno-omit-frame-pointer \
 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
 -Isrc -I$gen -I."
# The tokenizer and parser, and the unicode room they use (NFKC).
srcs="$(ls src/parser/*.c src/unicode/*.c) $gen/parser/unicode_tables.c \
 $gen/parser/ast_printable_table.c $gen/parser/codec_names.c $gen/unicode/unicode_tables.c"
objs=
for s in $srcs; do
    o="$out/obj/$(echo "$s" | tr '/' '_' | sed 's/\.c$/.o/')"
    objs="$objs $o"
    if [ ! -f "$o" ] || [ "$s" -nt "$o" ] || [ "$0" -nt "$o" ] || \
       [ -n "$(find src/parser src/unicode -name '*.h' -newer "$o" 2>/dev/null | head -n 1)" ]; then
        $CC $flags -c "$s" -o "$o"
    fi
done
$CC $flags -fsanitize=fuzzer -o "$out/fuzz_parser" tests/fuzz/fuzz_parser.c $objs -lm
echo "built $out/fuzz_parser"
