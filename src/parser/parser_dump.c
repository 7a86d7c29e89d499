/* parser_dump.c -- the parser's test hooks: `adder -X dump_ast FILE` and
 * `adder -X dump_syntax_error FILE` (see parser.h).
 */
#include "parser/parser.h"

#include <stdio.h>

int AdParser_DumpAstFile(const char *path, FILE *out, FILE *err)
{
    AdArena *arena = AdArena_New();
    if (!arena) {
        fprintf(err, "MemoryError\n");
        return 1;
    }
    AdParseError e;
    AdMod *mod = AdParser_ParseFile(path, AD_PARSE_EXEC, arena, &e);
    int rc = 0;
    if (mod) {
        if (AdAst_Dump(mod, out) < 0) {
            fprintf(err, "MemoryError\n");
            rc = 1;
        } else {
            fputc('\n', out);
        }
    } else {
        if (e.kind == AD_PERR_OS)
            fprintf(err, "adder: can't open file '%s': [Errno] %s\n", path, e.msg ? e.msg : "");
        else
            AdParseError_Print(&e, err);
        rc = 1;
    }
    AdParseError_Clear(&e);
    AdArena_Free(arena);
    return rc;
}

static void put_field(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '\n')
            fputs("\\n", out);
        else
            fputc(*s, out);
    }
}

static int file_has_nul(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    int c, found = 0;
    while ((c = getc(f)) != EOF)
        if (c == 0) {
            found = 1;
            break;
        }
    fclose(f);
    return found;
}

int AdParser_DumpSyntaxErrorFile(const char *path, FILE *out)
{
    AdArena *arena = AdArena_New();
    if (!arena) {
        fprintf(out, "MemoryError||0|0|0|0\n");
        return 0;
    }
    AdParseError e;
    AdMod *mod = AdParser_ParseFile(path, AD_PARSE_EXEC, arena, &e);
    if (!mod && e.kind != AD_PERR_OS && file_has_nul(path)) {
        /* compile()/ast.parse() refuse such source before tokenizing */
        fprintf(out, "SyntaxError|source code string cannot contain null bytes|None|None|None|None\n");
    } else if (mod) {
        fprintf(out, "OK\n");
    } else {
        fprintf(out, "%s|", AdParseError_TypeName(e.kind));
        put_field(out, e.msg);
        if (e.kind == AD_PERR_MEMORY)
            fprintf(out, "|None|None|None|None\n");
        else if (e.lineno == 0 && e.end_lineno == 0)   /* a 4-tuple SyntaxError: no end */
            fprintf(out, "|%d|%d|None|None\n", e.lineno, e.offset);
        else
            fprintf(out, "|%d|%d|%d|%d\n", e.lineno, e.offset, e.end_lineno, e.end_offset);
    }
    AdParseError_Clear(&e);
    AdArena_Free(arena);
    return 0;
}
