/* repl_check.c: AdRepl_Check, the REPL's "complete, incomplete or invalid"
 * decision, reproducing what codeop.compile_command(src, symbol="single")
 * answers for text typed line by line (see repl.h). The parser reports
 * whether it ran out of input (AdParseError.at_eof), which is what
 * PyCF_ALLOW_INCOMPLETE_INPUT turns into "incomplete"; a compound
 * statement with no blank line after it is incomplete, as compiling with
 * PyCF_DONT_IMPLY_DEDENT makes it. */
#include "repl/repl.h"
#include "parser/parser.h"

#include <stdlib.h>
#include <string.h>

static int only_blank_or_comments(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\r'))
            i++;
        if (i < n && s[i] != '\n' && s[i] != '#')
            return 0;
        while (i < n && s[i] != '\n')
            i++;
        i++;
    }
    return 1;
}

static int count_lines(const char *s, size_t n)
{
    int lines = 1;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n')
            lines++;
    return lines;
}

static int is_compound(const AdStmt *s)
{
    switch (s->kind) {
    case AD_FunctionDef_kind: case AD_AsyncFunctionDef_kind: case AD_ClassDef_kind:
    case AD_For_kind: case AD_AsyncFor_kind: case AD_While_kind: case AD_If_kind:
    case AD_With_kind: case AD_AsyncWith_kind: case AD_Match_kind:
    case AD_Try_kind: case AD_TryStar_kind:
        return 1;
    default:
        return 0;
    }
}

AdReplCheck AdRepl_Check(const char *src, size_t len)
{
    if (only_blank_or_comments(src, len))
        return AD_REPL_EMPTY;
    char *text = malloc(len + 2);
    if (!text)
        return AD_REPL_INVALID;
    memcpy(text, src, len);
    text[len] = '\n';
    text[len + 1] = '\0';
    AdArena *arena = AdArena_New();
    if (!arena) {
        free(text);
        return AD_REPL_INVALID;
    }
    AdParseError err;
    memset(&err, 0, sizeof err);
    AdMod *mod = AdParser_ParseString(text, len + 1, "<input>", AD_PARSE_SINGLE,
                                      AD_PARSEF_STR_INPUT, arena, &err);
    AdReplCheck r;
    if (!mod) {
        r = err.at_eof && err.kind != AD_PERR_MEMORY ? AD_REPL_INCOMPLETE : AD_REPL_INVALID;
        /* A block header on the last line whose body has not come yet. */
        if (r == AD_REPL_INVALID && err.kind == AD_PERR_INDENTATION && err.msg &&
            strncmp(err.msg, "expected an indented block", 26) == 0 &&
            err.lineno >= count_lines(src, len))
            r = AD_REPL_INCOMPLETE;
    }
    else {
        int ends_blank = len > 0 && src[len - 1] == '\n';
        AdAstSeq *body = mod->v.Interactive.body;
        int compound = AdAstSeq_LEN(body) > 0 &&
                       is_compound((const AdStmt *)AdAstSeq_GET(body, AdAstSeq_LEN(body) - 1));
        r = compound && !ends_blank ? AD_REPL_INCOMPLETE : AD_REPL_COMPLETE;
    }
    AdParseError_Clear(&err);
    AdArena_Free(arena);
    free(text);
    return r;
}
