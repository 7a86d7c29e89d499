# unicode.mk -- the generated tables of the unicode room (the character
# database behind src/unicode/unicode_db.h).  A host program,
# src/unicode/gen/ucd_gen.c, reads Debian's unicode-data files (apt:
# unicode-data; UCD 15.0.0 on Debian 12 -- CPython 3.14 has 16.0.0) and
# writes $(BUILDDIR)/gen/unicode/unicode_tables.c.
UNICODE_UCD_DIR ?= /usr/share/unicode
UNICODE_UCD_FILES := $(addprefix $(UNICODE_UCD_DIR)/,UnicodeData.txt \
	DerivedCoreProperties.txt DerivedNormalizationProps.txt EastAsianWidth.txt \
	extracted/DerivedNumericValues.txt SpecialCasing.txt CaseFolding.txt \
	NameAliases.txt NamedSequences.txt)

GEN_SRCS += $(BUILDDIR)/gen/unicode/unicode_tables.c

# Built without the sanitizer or debug options of the build: it only runs here.
$(BUILDDIR)/gen/unicode/ucd_gen: src/unicode/gen/ucd_gen.c src/unicode/unicode_tables.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -D_GNU_SOURCE -Isrc -o $@ src/unicode/gen/ucd_gen.c

$(BUILDDIR)/gen/unicode/unicode_tables.c: $(BUILDDIR)/gen/unicode/ucd_gen $(UNICODE_UCD_FILES)
	$(BUILDDIR)/gen/unicode/ucd_gen $(UNICODE_UCD_DIR) $@
