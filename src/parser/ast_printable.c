/* ast_printable.c -- str.isprintable() for one code point.
 *
 * Owns: the lookup over the generated range table
 * (build/gen/parser/ast_printable_table.c, see ast.mk), used by the
 * dump's str repr.
 */
#include "parser/ast.h"

extern const uint32_t parser_printable_ranges[][2];
extern const size_t parser_printable_nranges;

int AdAst_IsPrintable(uint32_t cp)
{
    size_t lo = 0, hi = parser_printable_nranges;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < parser_printable_ranges[mid][0])
            hi = mid;
        else if (cp > parser_printable_ranges[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}
