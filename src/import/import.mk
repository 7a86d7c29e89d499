# import.mk -- the frozen modules (DESIGN.md "The standard library"): the
# import machinery and the modules every start-up imports, compiled at build
# time from the fetched stdlib by Adder's own bootstrap executable (the
# library without frozen modules) and linked into `adder` only.
# '!' marks the essential ones (still used with -X frozen_modules=off).
FROZEN_MODULES := !_frozen_importlib=importlib._bootstrap \
	!_frozen_importlib_external=importlib._bootstrap_external !zipimport \
	abc codecs encodings encodings.aliases encodings.utf_8 io _collections_abc \
	_sitebuiltins genericpath posixpath os.path=posixpath os site stat \
	importlib.util importlib.machinery runpy \
	__hello__ __phello__ __phello__.spam

FROZEN_C := $(BUILDDIR)/gen/frozen/frozen_modules.c
FROZEN_OBJS := $(BUILDDIR)/obj/gen/frozen/frozen_modules.o
FROZEN_STDLIB := $(BUILDDIR)/lib/adder$(STDLIB_VERSION)

$(BUILDDIR)/adder-bootstrap: $(BUILDDIR)/obj/cmd/adder/main.o $(BUILDDIR)/libadder.a
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(LIBS_ALL)

# Always re-run (it is quick); freeze.py rewrites the file only when its text changes.
.PHONY: frozen-refresh
$(FROZEN_C): tools/freeze.py $(BUILDDIR)/adder-bootstrap frozen-refresh \
		| $(FROZEN_STDLIB)/.adder-stdlib-stamp
	@mkdir -p $(dir $@)
	env -i ASAN_OPTIONS=detect_leaks=0 LSAN_OPTIONS=detect_leaks=0 \
		$(BUILDDIR)/adder-bootstrap -I -S tools/freeze.py $(FROZEN_STDLIB) $@ $(FROZEN_MODULES)
