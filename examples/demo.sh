#!/bin/sh
# examples/demo.sh: what ./setup shows at the end: the version, and the
# runtime's start-up stages and shutdown steps around running a program.
set -e
cd "$(dirname "$0")/.."
./adder -VV
echo "\$ ADDER_TRACE_LIFECYCLE=1 ./adder -c pass"
ADDER_TRACE_LIFECYCLE=1 ./adder -c pass || true
