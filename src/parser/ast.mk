# ast.mk -- generated sources of the AST side of the parser room.
# The printable-code-point table behind AdAst_IsPrintable comes from
# Debian's unicode-data package (apt: unicode-data).
UNICODE_DATA ?= /usr/share/unicode/UnicodeData.txt

GEN_SRCS += $(BUILDDIR)/gen/parser/ast_printable_table.c

$(BUILDDIR)/gen/parser/ast_printable_table.c: src/parser/ast_printable.awk $(UNICODE_DATA)
	@mkdir -p $(dir $@)
	awk -f src/parser/ast_printable.awk $(UNICODE_DATA) > $@.tmp && mv $@.tmp $@
