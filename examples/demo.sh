#!/bin/sh
# examples/demo.sh: what ./setup shows at the end: the version, the
# runtime's start-up stages and shutdown steps, and the front end's view of
# a small program (its AST and its symbol table).
set -e
cd "$(dirname "$0")/.."
./adder -VV
echo "\$ ADDER_TRACE_LIFECYCLE=1 ./adder -c pass"
ADDER_TRACE_LIFECYCLE=1 ./adder -c pass || true
echo "\$ ./adder -X dump_ast examples/hello.py"
./adder -X dump_ast examples/hello.py
echo "\$ ./adder -X dump_symtable examples/hello.py"
./adder -X dump_symtable examples/hello.py
