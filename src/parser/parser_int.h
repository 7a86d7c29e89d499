/* parser_int.h -- internals shared by the parser's files (not public).
 *
 * Owns: the Parser state (token buffer with mark/reset, memo lists, error
 * state, pass number), the token helpers the rules use, and the prototypes
 * of the action helpers (parser_actions.c), string handling
 * (parser_strings.c) and error reporting (parser_errors.c).
 */
#ifndef ADDER_PARSER_PARSER_INT_H
#define ADDER_PARSER_PARSER_INT_H

#include <stdarg.h>
#include <stddef.h>

#include "parser/ast.h"
#include "parser/parser.h"
#include "parser/tokenizer.h"

/* Reserved keywords (token.kw). */
enum {
    KW_NONE_ = 0,
    KW_False, KW_None, KW_True, KW_and, KW_as, KW_assert, KW_async, KW_await,
    KW_break, KW_class, KW_continue, KW_def, KW_del, KW_elif, KW_else,
    KW_except, KW_finally, KW_for, KW_from, KW_global, KW_if, KW_import,
    KW_in, KW_is, KW_lambda, KW_nonlocal, KW_not, KW_or, KW_pass, KW_raise,
    KW_return, KW_try, KW_while, KW_with, KW_yield
};

typedef struct parser_memo {
    int rule;
    int end;
    void *node;
    int next;               /* index + 1 of the token's next entry, 0: none */
} parser_memo;

typedef struct ptok {
    int type;               /* exact token type */
    int kw;                 /* KW_* for a reserved keyword, else 0 */
    const char *start, *end;
    int lineno, col, end_lineno, end_col;  /* col: 0-based bytes */
    int level;              /* bracket depth after the token */
    int cur_col;            /* tokenizer cursor column after the token */
    int memo;               /* index + 1 of its first entry in p->memos, 0: none */
    unsigned long long memo_mask;  /* bit R: memo has an entry for rule R (< 64) */
    int warned;             /* its SyntaxWarning was reported */
} ptok;

/* The "current position" marker of CPython's RAISE_..._STARTING_FROM. */
#define PARSER_CURRENT_POS (-5)

typedef struct Parser {
    AdTokenizer *tok;
    AdArena *arena;
    ptok **toks;
    int fill, cap;
    int mark;
    int error;              /* an error is set: every rule fails */
    int invalid;            /* second pass: the invalid_* rules are active */
    int level;              /* rule nesting depth (recursion guard) */
    AdParseMode mode;
    AdParseError *err;
    int tok_failed;         /* the tokenizer reported an error */
    int in_fstring_expr;    /* depth of f-string replacement fields */
    parser_memo **memo_chunks;  /* the memo entries of all tokens, in chunks of
                                 * PARSER_MEMO_CHUNK (malloc'ed; never moved) */
    int nmemos, nchunks, capchunks;
    AdParseWarnFunc warn;   /* SyntaxWarnings (NULL: dropped) */
    void *warnctx;
} Parser;

#define PARSER_MAXSTACK 6000
#define PARSER_MEMO_CHUNK 4096
/* Memo entry I (1-based). */
#define PARSER_MEMO(p, i) (&(p)->memo_chunks[((i) - 1) / PARSER_MEMO_CHUNK][((i) - 1) % PARSER_MEMO_CHUNK])

/* ---- tokens (parser_core.c) ---- */

/* The token at index I, reading more from the tokenizer as needed; NULL
 * (with p->error set) on a tokenizer error.  The hot accessors below are
 * inline: the parser calls them for nearly every rule. */
ptok *parser_token_fetch(Parser *p, int i);
static inline ptok *parser_token_at(Parser *p, int i)
{
    return i < p->fill ? p->toks[i] : parser_token_fetch(p, i);
}
/* The token at the mark (not consumed). */
static inline ptok *parser_peek(Parser *p)
{
    return parser_token_at(p, p->mark);
}
/* Consume and return the token at the mark if it has exact TYPE. */
static inline ptok *parser_expect(Parser *p, int type)
{
    ptok *t = parser_token_at(p, p->mark);
    if (t && t->type == type && t->kw == 0) {
        p->mark++;
        return t;
    }
    return NULL;
}
/* Consume a reserved keyword. */
static inline ptok *parser_expect_kw(Parser *p, int kw)
{
    ptok *t = parser_token_at(p, p->mark);
    if (t && t->kw == kw) {
        p->mark++;
        return t;
    }
    return NULL;
}
/* Consume a NAME that is not a reserved keyword. */
static inline ptok *parser_name_token(Parser *p)
{
    ptok *t = parser_token_at(p, p->mark);
    if (t && t->type == AD_TOK_NAME && t->kw == 0) {
        p->mark++;
        return t;
    }
    return NULL;
}
/* Consume the soft keyword spelled S (a NAME). */
ptok *parser_expect_soft(Parser *p, const char *s);
/* The last consumed token that is not NEWLINE/INDENT/DEDENT/ENDMARKER. */
ptok *parser_last_nonws(Parser *p);

/* Memo: look up RULE at the mark; on a hit sets the mark to the memoized
 * end, stores the node in *NODE and returns 1. */
int parser_memo_get(Parser *p, int rule, void **node);
/* Store NODE (NULL for failure) for RULE at START, ending at the mark. */
void parser_memo_put(Parser *p, int rule, int start, void *node);

/* Report a SyntaxWarning MSG at LINENO (1-based; column COL, 0-based
 * bytes) unless in the second pass.  Returns 0, or -1 when the callback
 * turned it into an error (then set: p->error). */
int parser_warn(Parser *p, int lineno, int col, const char *msg);

/* Read the whole file at PATH (malloc'ed); NULL with *ERRNUM on failure. */
char *parser_read_file(const char *path, size_t *len, int *errnum);

/* Arena helpers; on out-of-memory they set a MemoryError and return NULL. */
void *parser_alloc(Parser *p, size_t size);
AdAstSeq *parser_seq(Parser *p, int len);
const char *parser_identifier(Parser *p, ptok *t);

/* ---- a growable list of pointers used while collecting sequences ---- */

typedef struct {
    void **items;
    int len, cap;
    void *small[16];
} plist;

void plist_init(plist *l);
int plist_push(Parser *p, plist *l, void *x);
AdAstSeq *plist_to_seq(Parser *p, plist *l);   /* frees the list; NULL if empty */
void plist_free(plist *l);

/* ---- errors (parser_errors.c) ---- */

/* Raise KIND at a byte location (0-based columns; END_COL may be -1,
 * LINENO/COL may be PARSER_CURRENT_POS) as CPython's
 * RAISE_ERROR_KNOWN_LOCATION does.  Returns NULL. */
void *parser_raise_at(Parser *p, AdParseErrorKind kind, int lineno, int col,
                      int end_lineno, int end_col, const char *fmt, ...);
/* RAISE_SYNTAX_ERROR (use_mark 0: last token read) / ON_NEXT_TOKEN
 * (use_mark 1: token at the mark). */
void *parser_raise(Parser *p, AdParseErrorKind kind, int use_mark, const char *fmt, ...);
void parser_set_memory_error(Parser *p, const char *msg);
/* Copy the tokenizer's error record into p->err. */
void parser_take_tokenizer_error(Parser *p);
/* After a failed second pass: choose the final error as CPython does. */
void parser_set_syntax_error(Parser *p, ptok *last_token);

#define RAISE_SYNTAX_ERROR(...) parser_raise(p, AD_PERR_SYNTAX, 0, __VA_ARGS__)
#define RAISE_INDENTATION_ERROR(...) parser_raise(p, AD_PERR_INDENTATION, 0, __VA_ARGS__)
#define RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN(...) parser_raise(p, AD_PERR_SYNTAX, 1, __VA_ARGS__)
#define RAISE_KNOWN_LOCATION(a, ...) \
    parser_raise_at(p, AD_PERR_SYNTAX, (a)->lineno, (a)->col_offset, (a)->end_lineno, (a)->end_col_offset, __VA_ARGS__)
#define RAISE_KNOWN_RANGE(a, b, ...) \
    parser_raise_at(p, AD_PERR_SYNTAX, (a)->lineno, (a)->col_offset, (b)->end_lineno, (b)->end_col_offset, __VA_ARGS__)
#define RAISE_STARTING_FROM(a, ...) \
    parser_raise_at(p, AD_PERR_SYNTAX, (a)->lineno, (a)->col_offset, PARSER_CURRENT_POS, PARSER_CURRENT_POS, __VA_ARGS__)
/* Tokens use col/end_col: */
#define RAISE_TOK_STARTING_FROM(t, ...) \
    parser_raise_at(p, AD_PERR_SYNTAX, (t)->lineno, (t)->col, PARSER_CURRENT_POS, PARSER_CURRENT_POS, __VA_ARGS__)
#define RAISE_TOK_LOCATION(t, ...) \
    parser_raise_at(p, AD_PERR_SYNTAX, (t)->lineno, (t)->col, (t)->end_lineno, (t)->end_col, __VA_ARGS__)

/* ---- a position carrier for error ranges ---- */

typedef struct {
    int lineno, col_offset, end_lineno, end_col_offset;
} ppos;

ppos ppos_tok(ptok *t);
ppos ppos_expr(AdExpr *e);

/* ---- actions (parser_actions.c) ---- */

AdExpr *parser_new_expr(Parser *p, AdExprKind kind, int start);
AdStmt *parser_new_stmt(Parser *p, AdStmtKind kind, int start);
AdPattern *parser_new_pattern(Parser *p, AdPatternKind kind, int start);
AdExpr *parser_set_ctx(Parser *p, AdExpr *e, AdExprContext ctx);
const char *parser_expr_name(AdExpr *e);
/* The first sub-expression of E that is not a valid target of TYPE
 * (0 star targets, 1 del targets, 2 for targets), or NULL. */
enum { TARGETS_STAR = 0, TARGETS_DEL = 1, TARGETS_FOR = 2 };
AdExpr *parser_invalid_target(AdExpr *e, int type);
void *parser_raise_invalid_target(Parser *p, int type, AdExpr *e);
AdExpr *parser_number(Parser *p, ptok *t);
int parser_check_legacy_stmt(AdExpr *name);

/* ---- strings (parser_strings.c) ---- */

/* Decode the STRING token T into a Constant (str or bytes). */
AdExpr *parser_string_constant(Parser *p, ptok *t);
/* Concatenate the pieces (Constant from STRING tokens, JoinedStr from
 * f-strings) of an implicit concatenation spanning [start, mark). */
AdExpr *parser_concatenate_strings(Parser *p, plist *pieces, int start);
AdExpr *parser_concatenate_tstrings(Parser *p, plist *pieces, int start);
AdExpr *parser_fstring_middle(Parser *p, ptok *t, int in_format_spec);
AdExpr *parser_joined_str(Parser *p, ptok *a, plist *parts, ptok *c, int is_template);
AdExpr *parser_formatted_value(Parser *p, AdExpr *value, ptok *debug, ptok *conv_tok,
                               ptok *conv, ptok *colon, plist *spec, int spec_start,
                               ptok *rbrace, int start, int is_template, ptok *lbrace);

/* ---- rules (parser_rules.c) ---- */

AdMod *parser_run_rules(Parser *p);

#endif /* ADDER_PARSER_PARSER_INT_H */
