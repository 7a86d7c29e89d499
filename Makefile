# Makefile: builds adder and libadder.a from every src/<room>/*.c, runs the
# tests (check), installs (install) and cleans (clean). Hand-written; the
# host facts come from config.mk and config.h, written by ./configure.
#
#   make                 build ./adder (optimised, -O2)
#   make check           every test suite; ends with "N passed, N failed"
#   make SANITIZE=yes BUILDDIR=build-san unit
#                        the unit tests under ASan + UBSan in a separate tree
#   make check-leaks     the lang cases under the debug build (build-dbg):
#                        LeakSanitizer plus the allocator's live-block report
#   make check-sanitize  the unit and lang tests under ASan + UBSan (build-san)
#   make install PREFIX=/usr/local DESTDIR=

.DEFAULT_GOAL := all
-include config.mk

CC ?= cc
DEBUG ?= no
SANITIZE ?= no
BUILDDIR ?= build
PREFIX ?= $(if $(prefix),$(prefix),/usr/local)
DESTDIR ?=
STDLIB_VERSION := 3.14

ifeq ($(DEBUG),yes)
OPT := -O0 -g -DADDER_DEBUG=1
else
OPT := -O2 -DNDEBUG
endif
ifeq ($(SANITIZE),yes)
OPT += -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
SAN_LDFLAGS := -fsanitize=address,undefined
else ifeq ($(DEBUG),yes)
# The debug build's leak report at exit (LeakSanitizer; ASan has its own).
OPT += -fsanitize=leak
SAN_LDFLAGS := -fsanitize=leak
endif

WARN := -Wall -Wextra
CFLAGS_ALL = -std=c11 $(OPT) $(PIE_CFLAGS) $(CONFIG_CFLAGS) $(WARN) -D_GNU_SOURCE \
	-Isrc -I$(BUILDDIR)/gen -I. $(CONFIG_CPPFLAGS) $(CFLAGS)
# A position-dependent executable: no relative relocations for the loader
# to apply at start-up (about 8000 of them, and every .data page they
# touch), a quarter MiB less resident memory for `adder -c pass`.
# GMP is linked statically where its archive exists (libgmp-dev ships
# one): only the kernels used come in, and the loader maps and relocates
# one library less (about 100 KiB less resident at start-up). Adder is
# built from source, so the LGPL's relinking terms are met as they stand.
ifneq ($(SANITIZE),yes)
PIE_LDFLAGS := -no-pie
# Code for a fixed address: tables and thread-locals addressed directly.
PIE_CFLAGS := -fno-pie
GMP_ARCHIVE := $(shell $(CC) -print-file-name=libgmp.a 2>/dev/null)
ifneq ($(filter /%,$(GMP_ARCHIVE)),)
CONFIG_LIBS := $(patsubst -lgmp,$(GMP_ARCHIVE),$(CONFIG_LIBS))
endif
endif
# Start-up locality: every function and variable in its own section, and
# the ones start-up touches (tools/startup-order.txt, written by
# tools/startup-order) placed side by side at the head of their output
# sections by a generated linker script. The kernel maps up to 64 KiB of
# the executable around each page it faults in, so scattered start-up code
# and data made most of the file resident: with them grouped, `adder -S -c
# pass` has about 1.5 MiB less resident. The link also writes a map, which
# tools/startup-order reads to regenerate the list. (Objects compiled
# without these flags keep the old layout: the first build needs a clean.)
ifeq ($(SANITIZE)$(DEBUG),nono)
ORDER_CFLAGS := -ffunction-sections -fdata-sections
ORDER_LD := $(BUILDDIR)/gen/startup-order.ld
ORDER_LDFLAGS := -Wl,-T,$(ORDER_LD) -Wl,-Map,$(BUILDDIR)/adder.map
endif
CFLAGS_ALL += $(ORDER_CFLAGS)
LDFLAGS_ALL := $(CONFIG_LDFLAGS) $(SAN_LDFLAGS) $(PIE_LDFLAGS) $(LDFLAGS)
LIBS_ALL := $(CONFIG_LIBS) -ldl -lpthread

# Generated sources and headers: room fragments append to these.
GEN_SRCS :=
GEN_HDRS :=
-include $(wildcard src/*/*.mk)

SRCS := $(wildcard src/*/*.c) $(GEN_SRCS)
OBJS := $(patsubst %.c,$(BUILDDIR)/obj/%.o,$(patsubst $(BUILDDIR)/%,%,$(SRCS)))
LIB := $(BUILDDIR)/libadder.a
ifeq ($(BUILDDIR),build)
PROG := adder
else
PROG := $(BUILDDIR)/adder
endif

UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_OBJS := $(patsubst %.c,$(BUILDDIR)/obj/%.o,$(UNIT_SRCS))
UNIT_BIN := $(BUILDDIR)/unit-tests

.PHONY: all check check-leaks check-sanitize unit install clean distclean stdlib bench
all: $(PROG) $(BUILDDIR)/lib/adder$(STDLIB_VERSION)/.adder-lib-stamp

config.mk config.h:
	@echo "Makefile: run ./configure first (or ./setup)" >&2; exit 1

$(BUILDDIR)/obj/%.o: %.c config.h | $(GEN_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(CFLAGS_$(notdir $*)) -MMD -MP -c $< -o $@

# The evaluation loop dispatches with computed gotos: without global CSE,
# GCC keeps loop-invariant addresses (the dispatch table, the thread's
# state) as immediates instead of hoisting them into spilled registers.
CC_IS_CLANG := $(findstring clang,$(shell $(CC) --version 2>/dev/null | head -n 1))
ifeq ($(CC_IS_CLANG),)
CFLAGS_eval := -fno-gcse -fno-tree-loop-distribute-patterns
endif

$(BUILDDIR)/obj/gen/%.o: $(BUILDDIR)/gen/%.c config.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(LIB): $(OBJS)
	@rm -f $@
	ar rcs $@ $^

# The executable = main + the frozen modules (import.mk) + the library.
$(PROG): $(BUILDDIR)/obj/cmd/adder/main.o $(FROZEN_OBJS) $(LIB) $(ORDER_LD)
	$(CC) $(LDFLAGS_ALL) $(ORDER_LDFLAGS) -o $@ $(filter-out %.ld,$^) $(LIBS_ALL)

$(BUILDDIR)/gen/startup-order.ld: tools/startup-order.txt tools/startup-order-ld.awk
	@mkdir -p $(dir $@)
	awk -f tools/startup-order-ld.awk tools/startup-order.txt >$@

$(BUILDDIR)/obj/tests/unit/%.o: tests/unit/%.c config.h | $(GEN_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) $(CHECK_CFLAGS) -Itests/unit -MMD -MP -c $< -o $@

$(UNIT_BIN): $(UNIT_OBJS) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(CHECK_LIBS) $(LIBS_ALL)

unit: $(UNIT_BIN)
	CK_FORK=yes $(UNIT_BIN)

# Benchmarks: measured, never asserted (tests/bench/bench.sh prints the table).
$(BUILDDIR)/parse-bench: $(BUILDDIR)/obj/tests/bench/parse_bench.o $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(LIBS_ALL)
$(BUILDDIR)/obj/tests/bench/%.o: tests/bench/%.c config.h | $(GEN_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@
bench: $(PROG) $(BUILDDIR)/parse-bench stdlib
	sh tests/bench/bench.sh
	sh tests/bench/programs.sh

# The pinned CPython 3.14 standard library (DESIGN.md): fetched, verified, unpacked.
stdlib: $(BUILDDIR)/lib/adder$(STDLIB_VERSION)/.adder-stdlib-stamp
$(BUILDDIR)/lib/adder$(STDLIB_VERSION)/.adder-stdlib-stamp: tools/fetch-stdlib
	sh tools/fetch-stdlib $(BUILDDIR)/lib/adder$(STDLIB_VERSION) $(BUILDDIR)/cache

# The Python modules Adder provides itself (src/lib/, DESIGN.md) go beside
# the fetched library.
LIB_EXTRA := $(wildcard src/lib/*.py)
LIB_EXTRA_STAMP := $(BUILDDIR)/lib/adder$(STDLIB_VERSION)/.adder-lib-stamp
$(LIB_EXTRA_STAMP): $(LIB_EXTRA) $(BUILDDIR)/lib/adder$(STDLIB_VERSION)/.adder-stdlib-stamp
	cp $(LIB_EXTRA) $(BUILDDIR)/lib/adder$(STDLIB_VERSION)/
	touch $@

check: $(PROG) $(UNIT_BIN)
	sh tests/check.sh ./$(PROG) $(UNIT_BIN)

# Finalization frees every block, so in the debug build (every object its
# own malloc) a leak makes a case fail: LeakSanitizer reports unreachable
# blocks and step 8 prints "adder: N memory blocks still allocated at exit"
# for reachable ones. tests/lang/run clears the environment, so the
# sanitizers run with their defaults (leak detection on, halt on error).
check-leaks:
	$(MAKE) DEBUG=yes SANITIZE=no BUILDDIR=build-dbg build-dbg/adder
	tests/lang/run build-dbg/adder

# ASan + UBSan: the unit tests (their fixtures keep objects alive on
# purpose, so leak detection is off there) and every lang case (leaks on).
check-sanitize:
	$(MAKE) SANITIZE=yes BUILDDIR=build-san build-san/adder build-san/unit-tests
	ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		CK_FORK=yes build-san/unit-tests
	tests/lang/run build-san/adder

install: $(PROG)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/lib/adder$(STDLIB_VERSION)
	install -m 755 $(PROG) $(DESTDIR)$(PREFIX)/bin/adder
	install -m 644 man/adder.1 $(DESTDIR)$(PREFIX)/share/man/man1/adder.1
	if [ -d $(BUILDDIR)/lib/adder$(STDLIB_VERSION) ]; then \
		cp -R $(BUILDDIR)/lib/adder$(STDLIB_VERSION)/. $(DESTDIR)$(PREFIX)/lib/adder$(STDLIB_VERSION)/; \
	fi

clean:
	rm -rf $(BUILDDIR)/obj $(BUILDDIR)/gen $(LIB) $(UNIT_BIN) $(PROG)

distclean: clean
	rm -rf build build-* config.mk config.h config.log config.status autom4te.cache

-include $(OBJS:.o=.d) $(UNIT_OBJS:.o=.d)
