/* symtable_dump.c -- the symbol table's test hook: `adder -X dump_symtable FILE`.
 *
 * Owns: the text form of a table, printed identically by
 * tests/symtable/dump_symtable.py from CPython's _symtable module:
 *
 *   TABLE <type> <name> line <lineno> nested <0|1>
 *     VARNAMES[ <name>]...
 *     SYM <name> <SCOPE> <FLAG>[|<FLAG>]...      (sorted by name; "-" if no flag)
 *     <children, indented two more spaces, in table order>
 *
 * type: function class module annotation type_alias type_parameters
 * type_variable; SCOPE: NONE LOCAL GLOBAL_EXPLICIT GLOBAL_IMPLICIT FREE
 * CELL.  A SyntaxError prints "Type|msg|lineno|offset|end_lineno|end_offset".
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/symtable_int.h"

static const char *type_name(AdBlockType t)
{
    switch (t) {
    case AD_BLOCK_FUNCTION: return "function";
    case AD_BLOCK_CLASS: return "class";
    case AD_BLOCK_MODULE: return "module";
    case AD_BLOCK_ANNOTATION: return "annotation";
    case AD_BLOCK_TYPE_ALIAS: return "type_alias";
    case AD_BLOCK_TYPE_PARAMETERS: return "type_parameters";
    case AD_BLOCK_TYPE_VARIABLE: return "type_variable";
    }
    return "?";
}

static const char *scope_name(int scope)
{
    static const char *const names[] = {
        "NONE", "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL",
    };
    return scope >= 0 && scope <= 5 ? names[scope] : "?";
}

static void put_flags(FILE *out, long flags)
{
    static const struct { long bit; const char *name; } table[] = {
        {AD_DEF_GLOBAL, "DEF_GLOBAL"}, {AD_DEF_LOCAL, "DEF_LOCAL"},
        {AD_DEF_PARAM, "DEF_PARAM"}, {AD_DEF_NONLOCAL, "DEF_NONLOCAL"},
        {AD_USE, "USE"}, {AD_DEF_FREE, "DEF_FREE"},
        {AD_DEF_FREE_CLASS, "DEF_FREE_CLASS"}, {AD_DEF_IMPORT, "DEF_IMPORT"},
        {AD_DEF_ANNOT, "DEF_ANNOT"}, {AD_DEF_COMP_ITER, "DEF_COMP_ITER"},
        {AD_DEF_TYPE_PARAM, "DEF_TYPE_PARAM"}, {AD_DEF_COMP_CELL, "DEF_COMP_CELL"},
    };
    int any = 0;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        if (flags & table[i].bit) {
            fprintf(out, "%s%s", any ? "|" : "", table[i].name);
            any = 1;
        }
    }
    if (!any)
        fputc('-', out);
}

static int compare_items(const void *a, const void *b)
{
    const struct AdNameMapItem *x = a, *y = b;
    return strcmp(x->name, y->name);
}

static void dump_entry(const AdSymtableEntry *ste, FILE *out, int indent)
{
    fprintf(out, "%*sTABLE %s %s line %d nested %d\n", indent, "", type_name(ste->type),
            ste->name, ste->lineno, ste->nested);
    fprintf(out, "%*sVARNAMES", indent + 2, "");
    for (int i = 0; i < ste->nvarnames; i++)
        fprintf(out, " %s", ste->varnames[i]);
    fputc('\n', out);
    struct AdNameMapItem *items = malloc((size_t)(ste->symbols.live + 1) * sizeof *items);
    if (items) {
        int n = 0, pos = 0;
        const char *name;
        long flags;
        while (compiler_map_next(&ste->symbols, &pos, &name, &flags)) {
            items[n].name = name;
            items[n].value = flags;
            n++;
        }
        qsort(items, (size_t)n, sizeof *items, compare_items);
        for (int i = 0; i < n; i++) {
            long v = items[i].value;
            fprintf(out, "%*sSYM %s %s ", indent + 2, "", items[i].name,
                    scope_name(AD_SYMBOL_SCOPE(v)));
            put_flags(out, v & ((1L << AD_SCOPE_OFFSET) - 1));
            fputc('\n', out);
        }
        free(items);
    }
    for (int i = 0; i < ste->nchildren; i++)
        dump_entry(ste->children[i], out, indent + 2);
}

void AdSymtable_Dump(const AdSymtable *st, FILE *out)
{
    dump_entry(st->top, out, 0);
}

static void put_error_line(const AdParseError *e, FILE *out)
{
    fprintf(out, "%s|", AdParseError_TypeName(e->kind));
    for (const char *s = e->msg; s && *s; s++) {
        if (*s == '\n')
            fputs("\\n", out);
        else
            fputc(*s, out);
    }
    if (e->kind == AD_PERR_MEMORY)
        fprintf(out, "|None|None|None|None\n");
    else if (e->lineno == 0 && e->end_lineno == 0)
        fprintf(out, "|%d|%d|None|None\n", e->lineno, e->offset);
    else
        fprintf(out, "|%d|%d|%d|%d\n", e->lineno, e->offset, e->end_lineno, e->end_offset);
}

int AdSymtable_DumpFile(const char *path, FILE *out, FILE *err)
{
    AdArena *arena = AdArena_New();
    if (!arena) {
        fprintf(err, "MemoryError\n");
        return 2;
    }
    AdParseError e;
    int rc = 0;
    AdMod *mod = AdParser_ParseFile(path, AD_PARSE_EXEC, arena, &e);
    if (!mod) {
        if (e.kind == AD_PERR_OS) {
            fprintf(err, "adder: can't open file '%s': %s\n", path, e.msg ? e.msg : "");
            rc = 2;
        } else {
            put_error_line(&e, out);
            rc = 1;
        }
        AdParseError_Clear(&e);
        AdArena_Free(arena);
        return rc;
    }
    AdSymtable *st = AdSymtable_Build(mod, path, 0, &e);
    if (!st) {
        put_error_line(&e, out);
        rc = 1;
    } else {
        AdSymtable_Dump(st, out);
        AdSymtable_Free(st);
    }
    AdParseError_Clear(&e);
    AdArena_Free(arena);
    return rc;
}
