# parser.mk -- generated sources of the tokenizer side of the parser room.
# The Unicode tables (XID_Start/XID_Continue, printable, character names and
# aliases for \N{...}) come from Debian's unicode-data package (apt:
# unicode-data; UCD 15.0.0 on Debian 12 -- CPython 3.14 has 16.0.0).
UCD_DIR ?= /usr/share/unicode

GEN_SRCS += $(BUILDDIR)/gen/parser/unicode_tables.c

$(BUILDDIR)/gen/parser/unicode_tables.c: src/parser/unicode_names_gen.sh \
		$(UCD_DIR)/UnicodeData.txt $(UCD_DIR)/NameAliases.txt \
		$(UCD_DIR)/DerivedCoreProperties.txt
	@mkdir -p $(dir $@)
	sh src/parser/unicode_names_gen.sh $(UCD_DIR) $@

# Python's codec names and aliases (source files with a coding cookie), taken
# from the pinned standard library's encodings/ package (fetched by `stdlib`).
GEN_SRCS += $(BUILDDIR)/gen/parser/codec_names.c

# (Order-only on the stamp: the library is pinned, so it never changes under us.)
$(BUILDDIR)/gen/parser/codec_names.c: src/parser/codec_names_gen.sh \
		| $(BUILDDIR)/lib/adder$(STDLIB_VERSION)/.adder-stdlib-stamp
	@mkdir -p $(dir $@)
	sh src/parser/codec_names_gen.sh $(BUILDDIR)/lib/adder$(STDLIB_VERSION) $@
