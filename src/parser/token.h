/* token.h -- token type numbers of Python 3.14 and operator lookup.
 *
 * Owns: the token type constants (the same numbers as CPython 3.14's
 * Lib/token.py, so dumps and the _tokenize/token modules can use them as-is),
 * the table of operator spellings, and the type -> name mapping.
 * Implementation: src/parser/tokenizer_token.c.
 *
 * This header is stable: the parser codes against it.
 */
#ifndef ADDER_PARSER_TOKEN_H
#define ADDER_PARSER_TOKEN_H

#include <stddef.h>

enum {
    AD_TOK_ENDMARKER = 0,
    AD_TOK_NAME = 1,
    AD_TOK_NUMBER = 2,
    AD_TOK_STRING = 3,
    AD_TOK_NEWLINE = 4,
    AD_TOK_INDENT = 5,
    AD_TOK_DEDENT = 6,
    AD_TOK_LPAR = 7,             /* (   */
    AD_TOK_RPAR = 8,             /* )   */
    AD_TOK_LSQB = 9,             /* [   */
    AD_TOK_RSQB = 10,            /* ]   */
    AD_TOK_COLON = 11,           /* :   */
    AD_TOK_COMMA = 12,           /* ,   */
    AD_TOK_SEMI = 13,            /* ;   */
    AD_TOK_PLUS = 14,            /* +   */
    AD_TOK_MINUS = 15,           /* -   */
    AD_TOK_STAR = 16,            /* *   */
    AD_TOK_SLASH = 17,           /* /   */
    AD_TOK_VBAR = 18,            /* |   */
    AD_TOK_AMPER = 19,           /* &   */
    AD_TOK_LESS = 20,            /* <   */
    AD_TOK_GREATER = 21,         /* >   */
    AD_TOK_EQUAL = 22,           /* =   */
    AD_TOK_DOT = 23,             /* .   */
    AD_TOK_PERCENT = 24,         /* %   */
    AD_TOK_LBRACE = 25,          /* {   */
    AD_TOK_RBRACE = 26,          /* }   */
    AD_TOK_EQEQUAL = 27,         /* ==  */
    AD_TOK_NOTEQUAL = 28,        /* != (also "<>", see AdToken_OpType) */
    AD_TOK_LESSEQUAL = 29,       /* <=  */
    AD_TOK_GREATEREQUAL = 30,    /* >=  */
    AD_TOK_TILDE = 31,           /* ~   */
    AD_TOK_CIRCUMFLEX = 32,      /* ^   */
    AD_TOK_LEFTSHIFT = 33,       /* <<  */
    AD_TOK_RIGHTSHIFT = 34,      /* >>  */
    AD_TOK_DOUBLESTAR = 35,      /* **  */
    AD_TOK_PLUSEQUAL = 36,       /* +=  */
    AD_TOK_MINEQUAL = 37,        /* -=  */
    AD_TOK_STAREQUAL = 38,       /* *=  */
    AD_TOK_SLASHEQUAL = 39,      /* /=  */
    AD_TOK_PERCENTEQUAL = 40,    /* %=  */
    AD_TOK_AMPEREQUAL = 41,      /* &=  */
    AD_TOK_VBAREQUAL = 42,       /* |=  */
    AD_TOK_CIRCUMFLEXEQUAL = 43, /* ^=  */
    AD_TOK_LEFTSHIFTEQUAL = 44,  /* <<= */
    AD_TOK_RIGHTSHIFTEQUAL = 45, /* >>= */
    AD_TOK_DOUBLESTAREQUAL = 46, /* **= */
    AD_TOK_DOUBLESLASH = 47,     /* //  */
    AD_TOK_DOUBLESLASHEQUAL = 48,/* //= */
    AD_TOK_AT = 49,              /* @   */
    AD_TOK_ATEQUAL = 50,         /* @=  */
    AD_TOK_RARROW = 51,          /* ->  */
    AD_TOK_ELLIPSIS = 52,        /* ... */
    AD_TOK_COLONEQUAL = 53,      /* :=  */
    AD_TOK_EXCLAMATION = 54,     /* !   */
    AD_TOK_OP = 55,              /* generic type of every operator above */
    AD_TOK_TYPE_IGNORE = 56,
    AD_TOK_TYPE_COMMENT = 57,
    AD_TOK_SOFT_KEYWORD = 58,
    AD_TOK_FSTRING_START = 59,
    AD_TOK_FSTRING_MIDDLE = 60,
    AD_TOK_FSTRING_END = 61,
    AD_TOK_TSTRING_START = 62,
    AD_TOK_TSTRING_MIDDLE = 63,
    AD_TOK_TSTRING_END = 64,
    AD_TOK_COMMENT = 65,
    AD_TOK_NL = 66,
    AD_TOK_ERRORTOKEN = 67,
    AD_TOK_ENCODING = 68,
    AD_TOK_N_TOKENS = 69,
    AD_TOK_NT_OFFSET = 256
};

/* Is TYPE one of the exact operator types (LPAR .. EXCLAMATION)? */
#define AdToken_IsOperator(type) ((type) >= AD_TOK_LPAR && (type) <= AD_TOK_EXCLAMATION)

/* The name of a token type as in token.tok_name ("NAME", "LPAR", "OP",
 * "N_TOKENS", "NT_OFFSET"); "<unknown>" for any other number.
 * Returns a static string; never fails. */
const char *AdToken_Name(int type);

/* The exact type of the operator spelled by S[0..LEN), or -1 if it is not
 * an operator.  Accepts every spelling in token.EXACT_TOKEN_TYPES, plus
 * "<>" which gives AD_TOK_NOTEQUAL (the parser decides whether it is
 * allowed, as CPython's does with barry_as_FLUFL). */
int AdToken_OpType(const char *s, size_t len);

/* The spelling of an exact operator type ("(" for AD_TOK_LPAR, "!=" for
 * AD_TOK_NOTEQUAL), or NULL for a type that is not an operator.
 * Returns a static string. */
const char *AdToken_OpText(int type);

#endif /* ADDER_PARSER_TOKEN_H */
