/* sre_internal.h: shared declarations of the _sre module (the regex engine
 * behind `re`): opcode numbers of re._constants (3.14), the matching state,
 * and the Pattern/Match/Scanner/Template object layouts. Files:
 * sre_engine.c (+ sre_engine_impl.h, instantiated per character width):
 * the backtracking matcher over the code lists re._compiler emits;
 * sre_pattern.c: Pattern; sre_match.c: Match, Scanner, Template and the
 * module. */
#ifndef ADDER_MODULES_SRE_INTERNAL_H
#define ADDER_MODULES_SRE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "objects/object.h"

#define SRE_MAGIC 20230612
#define SRE_MAXREPEAT 0xFFFFFFFFu
#define SRE_MAXGROUPS 0x3FFFFFFF   /* INT32_MAX / 2 rounded as CPython's 32-bit limit */

enum {
    SRE_OP_FAILURE, SRE_OP_SUCCESS, SRE_OP_ANY, SRE_OP_ANY_ALL, SRE_OP_ASSERT, SRE_OP_ASSERT_NOT,
    SRE_OP_AT, SRE_OP_BRANCH, SRE_OP_CATEGORY, SRE_OP_CHARSET, SRE_OP_BIGCHARSET,
    SRE_OP_GROUPREF, SRE_OP_GROUPREF_EXISTS, SRE_OP_IN, SRE_OP_INFO, SRE_OP_JUMP,
    SRE_OP_LITERAL, SRE_OP_MARK, SRE_OP_MAX_UNTIL, SRE_OP_MIN_UNTIL, SRE_OP_NOT_LITERAL,
    SRE_OP_NEGATE, SRE_OP_RANGE, SRE_OP_REPEAT, SRE_OP_REPEAT_ONE, SRE_OP_SUBPATTERN,
    SRE_OP_MIN_REPEAT_ONE, SRE_OP_ATOMIC_GROUP, SRE_OP_POSSESSIVE_REPEAT,
    SRE_OP_POSSESSIVE_REPEAT_ONE, SRE_OP_GROUPREF_IGNORE, SRE_OP_IN_IGNORE,
    SRE_OP_LITERAL_IGNORE, SRE_OP_NOT_LITERAL_IGNORE, SRE_OP_GROUPREF_LOC_IGNORE,
    SRE_OP_IN_LOC_IGNORE, SRE_OP_LITERAL_LOC_IGNORE, SRE_OP_NOT_LITERAL_LOC_IGNORE,
    SRE_OP_GROUPREF_UNI_IGNORE, SRE_OP_IN_UNI_IGNORE, SRE_OP_LITERAL_UNI_IGNORE,
    SRE_OP_NOT_LITERAL_UNI_IGNORE, SRE_OP_RANGE_UNI_IGNORE, SRE_OP_COUNT
};
enum {
    SRE_AT_BEGINNING, SRE_AT_BEGINNING_LINE, SRE_AT_BEGINNING_STRING, SRE_AT_BOUNDARY,
    SRE_AT_NON_BOUNDARY, SRE_AT_END, SRE_AT_END_LINE, SRE_AT_END_STRING,
    SRE_AT_LOC_BOUNDARY, SRE_AT_LOC_NON_BOUNDARY, SRE_AT_UNI_BOUNDARY, SRE_AT_UNI_NON_BOUNDARY
};
enum {
    SRE_CAT_DIGIT, SRE_CAT_NOT_DIGIT, SRE_CAT_SPACE, SRE_CAT_NOT_SPACE, SRE_CAT_WORD,
    SRE_CAT_NOT_WORD, SRE_CAT_LINEBREAK, SRE_CAT_NOT_LINEBREAK, SRE_CAT_LOC_WORD,
    SRE_CAT_LOC_NOT_WORD, SRE_CAT_UNI_DIGIT, SRE_CAT_UNI_NOT_DIGIT, SRE_CAT_UNI_SPACE,
    SRE_CAT_UNI_NOT_SPACE, SRE_CAT_UNI_WORD, SRE_CAT_UNI_NOT_WORD, SRE_CAT_UNI_LINEBREAK,
    SRE_CAT_UNI_NOT_LINEBREAK
};
enum { SRE_INFO_PREFIX = 1, SRE_INFO_LITERAL = 2, SRE_INFO_CHARSET = 4 };
enum {
    SRE_FLAG_IGNORECASE = 2, SRE_FLAG_LOCALE = 4, SRE_FLAG_MULTILINE = 8, SRE_FLAG_DOTALL = 16,
    SRE_FLAG_UNICODE = 32, SRE_FLAG_VERBOSE = 64, SRE_FLAG_DEBUG = 128, SRE_FLAG_ASCII = 256
};

typedef uint32_t sre_code;
#define AD_SSIZE_T_MAX ((Ad_ssize_t)(SIZE_MAX >> 1))

typedef struct sre_repeat sre_repeat;

/* One backtracking frame (see sre_engine_impl.h). */
typedef struct sre_ctx {
    const sre_code *pat;
    Ad_ssize_t ptr;
    Ad_ssize_t count;
    Ad_ssize_t lastmark, lastindex;
    Ad_ssize_t msave, msave_n, msave_base;
    Ad_ssize_t saved_last_ptr;
    sre_repeat *rep;
    int jump;
    int toplevel;
} sre_ctx;

#define SRE_INLINE_CTX 16
#define SRE_INLINE_MARKS 16

typedef struct {
    /* the subject: data of charsize bytes per character, positions are indices */
    const void *data;
    int charsize;               /* 1, 2 or 4 */
    int isbytes;
    Ad_ssize_t length;          /* whole subject */
    Ad_ssize_t pos, endpos;     /* clamped pos / endpos */
    Ad_ssize_t start;           /* where the current attempt started */
    Ad_ssize_t ptr;             /* end of the match / current position */
    int match_all, must_advance;
    /* marks: 2 per group; valid up to lastmark; -1 = unset */
    Ad_ssize_t *mark;
    Ad_ssize_t mark_cap;
    Ad_ssize_t lastmark, lastindex;
    /* explicit stacks */
    sre_ctx *ctx;
    Ad_ssize_t nctx, ctx_cap;
    Ad_ssize_t *msave;          /* saved marks */
    Ad_ssize_t nmsave, msave_cap;
    sre_repeat *repeat;         /* innermost active REPEAT */
    sre_repeat *repeat_free;    /* free list */
    sre_repeat *repeat_all;     /* everything allocated */
    unsigned long sigcount;
    /* owners */
    AdObject *string;
    AdBuffer buffer;
    int has_buffer;
    const sre_code *cs_table_for;   /* the INFO charset cs_table holds, or NULL */
    /* small stacks without allocation (left uninitialised: must stay last) */
    Ad_ssize_t mark_inline[SRE_INLINE_MARKS];
    sre_ctx ctx_inline[SRE_INLINE_CTX];
    unsigned char cs_table[256];
} sre_state;

typedef struct {
    AdObject_HEAD;
    Ad_ssize_t groups;          /* number of capturing groups */
    AdObject *groupindex;       /* dict name -> index */
    AdObject *indexgroup;       /* tuple index -> name or None */
    AdObject *pattern;          /* str, bytes or None */
    int flags;
    int isbytes;                /* -1: pattern None (either) */
    AdObject *weakreflist;
    Ad_ssize_t codesize;
    sre_code *code;
} sre_pattern;

typedef struct {
    AdObject_VAR_HEAD;          /* ob_size: 2 * (groups + 1) marks */
    AdObject *string;
    AdObject *regs;
    sre_pattern *pattern;
    Ad_ssize_t pos, endpos;
    Ad_ssize_t lastindex;
    Ad_ssize_t groups;
    Ad_ssize_t mark[1];
} sre_match;

typedef struct {
    AdObject_HEAD;
    sre_pattern *pattern;
    sre_state state;
    int executing;
    int exhausted;
} sre_scanner;

typedef struct {
    AdObject_VAR_HEAD;          /* ob_size: number of group references */
    AdObject *literal0;         /* leading literal or NULL */
    Ad_ssize_t chunks;
    struct { Ad_ssize_t index; AdObject *literal; } items[1];
} sre_template;

extern AdTypeObject SrePattern_Type, SreMatch_Type, SreScanner_Type, SreTemplate_Type;

/* tp_new of the types that Python code cannot instantiate. */
AdObject *sre_no_new(AdTypeObject *type, AdObject *args, AdObject *kwds);

/* 0 when the code list is well formed (sre_validate.c), else -1 (no exception). */
int sre_validate(const sre_code *code, Ad_ssize_t n, Ad_ssize_t groups);

/* engine (sre_engine.c) */
int sre_state_init(sre_state *st, sre_pattern *p, AdObject *string, Ad_ssize_t pos, Ad_ssize_t endpos);
void sre_state_fini(sre_state *st);
void sre_state_reset(sre_state *st);
/* 1 match, 0 none, -1 error (exception set). */
int sre_match_at(sre_state *st, const sre_code *code, int match_all);
int sre_search(sre_state *st, const sre_code *code);
AdObject *sre_slice(sre_state *st, Ad_ssize_t i, Ad_ssize_t j);
AdObject *sre_getslice(int isbytes, AdObject *string, Ad_ssize_t i, Ad_ssize_t j);
uint32_t sre_lower_unicode(uint32_t ch);
uint32_t sre_upper_unicode(uint32_t ch);
int sre_unicode_iscased(uint32_t ch);

/* objects */
AdObject *sre_match_new(sre_pattern *p, sre_state *st, int status);
AdObject *sre_template_expand(AdObject *tmpl, AdObject *match);
AdObject *sre_compile_template(sre_pattern *p, AdObject *repl);
AdObject *sre_join(AdObject *list, int isbytes);

#endif
