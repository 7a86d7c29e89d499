/* parser_dump.c -- the parser's test hooks: `adder -X dump_ast FILE` and
 * `adder -X dump_syntax_error FILE` (see parser.h).
 */
#include "parser/parser_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The warnings module's display of a SyntaxWarning of the file. */
static int print_warning(void *ctx, const AdParseWarning *w)
{
    void **c = ctx;
    FILE *err = c[0];
    const char *path = c[1];
    fprintf(err, "%s:%d: SyntaxWarning: %s\n", path, w->lineno, w->msg);
    if (w->line) {
        const char *s = w->line, *e = w->line + w->line_len;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\v' || *s == '\r'))
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\f' || e[-1] == '\v' ||
                         e[-1] == '\r'))
            e--;
        if (e > s)
            fprintf(err, "  %.*s\n", (int)(e - s), s);
    }
    return 0;
}

int AdParser_DumpAstFile(const char *path, FILE *out, FILE *err)
{
    size_t len = 0;
    int errnum = 0;
    char *src = parser_read_file(path, &len, &errnum);
    if (!src) {
        fprintf(err, "adder: can't open file '%s': [Errno %d] %s\n", path, errnum,
                strerror(errnum));
        return 1;
    }
    AdArena *arena = AdArena_New();
    if (!arena) {
        free(src);
        fprintf(err, "MemoryError\n");
        return 1;
    }
    AdParseError e;
    void *ctx[2] = {err, (void *)path};
    AdMod *mod = AdParser_ParseStringEx(src, len, path, AD_PARSE_EXEC, 0, arena, &e,
                                        print_warning, ctx);
    int rc = 0;
    if (mod) {
        int d = AdAst_Dump(mod, out);
        if (d < 0) {
            fprintf(err, d == -2 ? "RecursionError: maximum recursion depth exceeded during ast "
                                   "construction\n"
                                 : "MemoryError\n");
            rc = 1;
        } else {
            fputc('\n', out);
        }
    } else {
        AdParseError_SuggestKeyword(&e, src, len, err);
        AdParseError_Print(&e, err);
        rc = 1;
    }
    AdParseError_Clear(&e);
    AdArena_Free(arena);
    free(src);
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
