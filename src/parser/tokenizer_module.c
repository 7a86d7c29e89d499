/* tokenizer_module.c: the `_tokenize` module behind Lib/tokenize.py:
 * TokenizerIter(readline, *, extra_tokens, encoding=None) over this room's
 * tokenizer. The readline callable is drained first (str lines, or bytes
 * lines decoded with `encoding`), then the tokens are produced one by one
 * as (type, string, (line, col), (end_line, end_col), line) tuples with
 * character columns and the extra-tokens adjustments CPython's _tokenize
 * makes (operators as OP, NEWLINE text, the NL of an implicit newline,
 * trailing DEDENT/ENDMARKER on the line after the last). Errors are
 * SyntaxErrors, which tokenize turns into TokenError. */
#include "parser/tokenizer_internal.h"
#include "import/builtin_modules.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "memory/gc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    AdObject_HEAD;
    AdTokenizer *tok;
    int extra;
    int finished;
} TokIterObject;

static AdTypeObject TokIter_Type;

/* Reads every line from readline (until StopIteration or an empty line)
 * into one UTF-8 bytes object. New ref. */
static AdObject *drain(AdObject *readline, AdObject *encoding)
{
    AdObject *parts = AdBytes_FromStringAndSize("", 0);
    for (;;) {
        AdObject *line = AdObject_CallNoArgs(readline);
        if (!line) {
            if (AdErr_ExceptionMatches(AdExc_StopIteration)) {
                AdErr_Clear();
                break;
            }
            Ad_DECREF(parts);
            return NULL;
        }
        AdObject *bytes = NULL;
        if (encoding && encoding != Ad_None) {
            if (!AdBytes_Check(line) && !AdByteArray_Check(line)) {
                AdErr_Format(AdExc_TypeError, "readline() returned a non-bytes object");
                Ad_DECREF(line);
                Ad_DECREF(parts);
                return NULL;
            }
            AdObject *text = AdObject_CallMethod(line, AdStr_InternFromString("decode"), &encoding, 1);
            bytes = text ? AdStr_EncodeUTF8(text, "surrogatepass") : NULL;
            Ad_XDECREF(text);
        } else {
            if (!AdStr_Check(line)) {
                AdErr_Format(AdExc_TypeError, "readline() returned a non-string object");
                Ad_DECREF(line);
                Ad_DECREF(parts);
                return NULL;
            }
            bytes = AdStr_EncodeUTF8(line, "surrogatepass");
        }
        Ad_DECREF(line);
        if (!bytes) {
            Ad_DECREF(parts);
            return NULL;
        }
        if (AD_SIZE(bytes) == 0) {
            Ad_DECREF(bytes);
            break;
        }
        AdObject *joined = AdNumber_Add(parts, bytes);
        Ad_DECREF(bytes);
        Ad_DECREF(parts);
        if (!joined)
            return NULL;
        parts = joined;
    }
    return parts;
}

static AdObject *tokiter_new(AdTypeObject *type, AdObject *args, AdObject *kwargs)
{
    (void)type;
    if (!args || AdTuple_GET_SIZE(args) != 1) {
        AdErr_SetString(AdExc_TypeError, "TokenizerIter() takes exactly 1 positional argument");
        return NULL;
    }
    AdObject *extra = kwargs ? AdDict_GetItemString(kwargs, "extra_tokens") : NULL;
    AdObject *encoding = kwargs ? AdDict_GetItemString(kwargs, "encoding") : NULL;
    if (!extra) {
        AdErr_SetString(AdExc_TypeError, "TokenizerIter() missing required keyword-only argument: 'extra_tokens'");
        return NULL;
    }
    int ex = AdObject_IsTrue(extra);
    if (ex < 0)
        return NULL;
    AdObject *src = drain(AdTuple_GET_ITEM(args, 0), encoding);
    if (!src)
        return NULL;
    TokIterObject *it = (TokIterObject *)AdObject_New(&TokIter_Type);
    if (!it) {
        Ad_DECREF(src);
        return NULL;
    }
    it->tok = AdTokenizer_New(AdBytes_AS_STRING(src), (size_t)AD_SIZE(src), "<string>",
                              AD_TOKF_STR_INPUT | (ex ? AD_TOKF_EXTRA_TOKENS : 0));
    Ad_DECREF(src);
    it->extra = ex;
    it->finished = 0;
    if (!it->tok) {
        Ad_DECREF((AdObject *)it);
        return AdErr_NoMemory();
    }
    return (AdObject *)it;
}

static void tokiter_dealloc(AdObject *self)
{
    AdTokenizer_Free(((TokIterObject *)self)->tok);
    AD_TYPE(self)->tp_free(self);
}

static AdObject *utf8_str(const char *s, size_t n)
{
    return AdStr_Decode(s, (Ad_ssize_t)n, "utf-8", "replace");
}

/* The physical line(s) of a token: from its line start to the end of the
 * line its end lies on. */
static AdObject *token_line(AdTokenizer *t, const AdToken *tk)
{
    const char *ls = tk->line_start ? tk->line_start : tk->start;
    if (!ls)
        return AdStr_FromString("");
    const char *end = tk->end && tk->end > ls ? tk->end : ls;
    const char *limit = t->buf + t->len;
    if (end > ls && end[-1] == '\n')
        return utf8_str(ls, (size_t)(end - ls));     /* a NEWLINE/NL token ends its line */
    while (end < limit && *end != '\n')
        end++;
    if (end < limit)
        end++;
    return utf8_str(ls, (size_t)(end - ls));
}

static AdObject *raise_error(AdTokenizer *t)
{
    const AdTokError *e = AdTokenizer_Error(t);
    AdObject *msg = AdStr_FromString(e->msg ? e->msg : "invalid token");
    AdObject *args = msg ? AdTuple_Pack(1, msg) : NULL;
    AdObject *exc = args ? AdObject_Call(AdExc_SyntaxError, args, NULL) : NULL;
    Ad_XDECREF(args);
    Ad_XDECREF(msg);
    if (!exc)
        return NULL;
    AdObject *lineno = AdInt_FromInt64(e->lineno), *offset = AdInt_FromInt64(e->offset);
    if (lineno && offset) {
        AdObject_SetAttr(exc, AdStr_InternFromString("lineno"), lineno);
        AdObject_SetAttr(exc, AdStr_InternFromString("offset"), offset);
    }
    Ad_XDECREF(lineno);
    Ad_XDECREF(offset);
    AdErr_SetRaisedException(exc);
    return NULL;
}

static AdObject *tokiter_next(AdObject *self)
{
    TokIterObject *it = (TokIterObject *)self;
    if (it->finished)
        return NULL;
    AdTokenizer *t = it->tok;
    AdToken tk;
    int type = AdTokenizer_Next(t, &tk);
    if (type == AD_TOK_ERRORTOKEN) {
        it->finished = 1;
        return raise_error(t);
    }
    int lineno = tk.lineno, end_lineno = tk.end_lineno;
    const char *ls = tk.line_start ? tk.line_start : tk.start;
    int col = ls && tk.start >= ls ? parser_tok_char_count(ls, (size_t)(tk.start - ls)) : 0;
    const char *els = tk.end ? tk.end - tk.end_col_offset : NULL;
    int end_col = els && tk.end >= els ? parser_tok_char_count(els, (size_t)(tk.end - els)) : 0;
    const char *s = tk.start ? tk.start : "";
    size_t slen = tk.start && tk.end ? (size_t)(tk.end - tk.start) : 0;
    int shown = tk.exact_type;
    if (type == AD_TOK_ENDMARKER) {
        it->finished = 1;
    }
    AdObject *str;
    if (it->extra) {
        if (type == AD_TOK_ENDMARKER || (type == AD_TOK_DEDENT && t->done == TOK_EOF)) {
            lineno = end_lineno = t->lineno + 1;
            col = end_col = 0;
        }
        if (tk.type == AD_TOK_OP)
            shown = AD_TOK_OP;
        if ((type == AD_TOK_NEWLINE || type == AD_TOK_NL) && t->implicit_newline &&
            tk.start == t->buf + t->len - 1)
            slen = 0;
    }
    str = utf8_str(s, slen);
    AdObject *line = str ? ((type == AD_TOK_ENDMARKER || (type == AD_TOK_DEDENT && t->done == TOK_EOF))
                                ? AdStr_FromString("") : token_line(t, &tk)) : NULL;
    AdObject *r = NULL;
    if (line) {
        AdObject *start = AdTuple_New(2), *end = AdTuple_New(2);
        if (start && end) {
            AdTuple_SET_ITEM(start, 0, AdInt_FromInt64(lineno));
            AdTuple_SET_ITEM(start, 1, AdInt_FromInt64(col));
            AdTuple_SET_ITEM(end, 0, AdInt_FromInt64(end_lineno));
            AdTuple_SET_ITEM(end, 1, AdInt_FromInt64(end_col));
            AdObject *ty = AdInt_FromInt64(shown);
            if (ty)
                r = AdTuple_Pack(5, ty, str, start, end, line);
            Ad_XDECREF(ty);
        }
        Ad_XDECREF(start);
        Ad_XDECREF(end);
    }
    Ad_XDECREF(str);
    Ad_XDECREF(line);
    return r;
}

static AdObject *tokiter_iter(AdObject *self)
{
    return Ad_NewRef(self);
}

static AdTypeObject TokIter_Type = {
    .ob_base = AD_STATIC_VAR_INIT(&AdType_Type, 0),
    .tp_name = "_tokenize.TokenizerIter",
    .tp_basicsize = sizeof(TokIterObject),
    .tp_dealloc = tokiter_dealloc,
    .tp_getattro = AdObject_GenericGetAttr,
    .tp_flags = AD_TPFLAGS_BASETYPE,
    .tp_iter = tokiter_iter,
    .tp_iternext = tokiter_next,
    .tp_new = tokiter_new,
    .tp_free = AdObject_Free,
};

AdObject *AdModule_InitTokenize(void)
{
    if (AdType_Ready(&TokIter_Type) < 0)
        return NULL;
    AdObject *m = AdModule_New("_tokenize");
    if (!m)
        return NULL;
    if (AdModule_AddObjectRef(m, "TokenizerIter", (AdObject *)&TokIter_Type) < 0) {
        Ad_DECREF(m);
        return NULL;
    }
    return m;
}
