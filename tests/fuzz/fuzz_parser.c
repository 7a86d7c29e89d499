/* fuzz_parser.c -- libFuzzer target for the tokenizer and the parser.
 *
 * Each input is parsed as source bytes (PEP 263 decoding) in exec, eval
 * and single modes, the exec tree is dumped (ast.dump form) into a memory
 * stream, warnings and any syntax error (with the keyword-typo hint) are
 * printed there as the traceback would; then the
 * same bytes go through the tokenizer in extra-tokens (tokenize module)
 * mode and, as str input, through the parser again.  Nothing is asserted:
 * the sanitizers (ASan, UBSan, LeakSanitizer) and libFuzzer's -timeout and
 * -rss_limit_mb are the oracle.  Built by tests/fuzz/build.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "parser/parser.h"
#include "parser/tokenizer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int show_warning(void *ctx, const AdParseWarning *w)
{
    FILE *mem = ctx;
    if (mem != NULL)
        fprintf(mem, "%d: %s\n  %.*s\n", w->lineno, w->msg, (int)w->line_len,
                w->line ? w->line : "");
    return 0;
}

static void parse_one(const char *src, size_t len, AdParseMode mode, int flags, int dump)
{
    AdArena *arena = AdArena_New();
    if (arena == NULL)
        return;
    AdParseError err = {0};
    char *buf = NULL;
    size_t blen = 0;
    FILE *mem = open_memstream(&buf, &blen);
    AdMod *mod = AdParser_ParseStringEx(src, len, "<fuzz>", mode, flags, arena, &err,
                                        show_warning, mem);
    if (mem != NULL) {
        if (mod != NULL && dump)
            AdAst_Dump(mod, mem);
        else if (mod == NULL) {
            if (dump)  /* the uncaught-SyntaxError display, with the typo hint */
                AdParseError_SuggestKeyword(&err, src, len, mem);
            AdParseError_Print(&err, mem);
        }
        fclose(mem);
    }
    free(buf);
    AdParseError_Clear(&err);
    AdArena_Free(arena);
}

static int drop_warning(void *ctx, const AdTokWarning *w)
{
    (void)ctx;
    (void)w;
    return 0;
}

static void tokenize_all(const char *src, size_t len, int flags)
{
    AdTokenizer *tok = AdTokenizer_New(src, len, "<fuzz>", flags);
    if (tok == NULL)
        return;
    AdTokenizer_SetWarnFunc(tok, drop_warning, NULL);
    AdToken t;
    /* Every token moves forward, so the input bounds the loop; the cap
     * only turns a would-be infinite loop into a visible timeout-free stop. */
    for (size_t n = 0; n < 4 * len + 64; n++) {
        int type = AdTokenizer_Next(tok, &t);
        if (type == AD_TOK_ERRORTOKEN || type == AD_TOK_ENDMARKER)
            break;
    }
    AdTokenizer_Free(tok);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    parse_one(src, size, AD_PARSE_EXEC, 0, 1);
    parse_one(src, size, AD_PARSE_EVAL, 0, 0);
    parse_one(src, size, AD_PARSE_SINGLE, 0, 0);
    parse_one(src, size, AD_PARSE_EXEC, AD_PARSEF_STR_INPUT, 0);
    tokenize_all(src, size, AD_TOKF_EXTRA_TOKENS);
    tokenize_all(src, size, AD_TOKF_FILE_INPUT);
    return 0;
}
