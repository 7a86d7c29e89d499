/* tokenizer_token.c -- token type names and operator spellings.
 *
 * Owns: AdToken_Name, AdToken_OpType, AdToken_OpText (see token.h).
 */
#include "parser/token.h"

#include <string.h>

static const char *const token_names[AD_TOK_N_TOKENS + 1] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT",
    "LPAR", "RPAR", "LSQB", "RSQB", "COLON", "COMMA", "SEMI", "PLUS", "MINUS",
    "STAR", "SLASH", "VBAR", "AMPER", "LESS", "GREATER", "EQUAL", "DOT",
    "PERCENT", "LBRACE", "RBRACE", "EQEQUAL", "NOTEQUAL", "LESSEQUAL",
    "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT", "RIGHTSHIFT",
    "DOUBLESTAR", "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL",
    "PERCENTEQUAL", "AMPEREQUAL", "VBAREQUAL", "CIRCUMFLEXEQUAL",
    "LEFTSHIFTEQUAL", "RIGHTSHIFTEQUAL", "DOUBLESTAREQUAL", "DOUBLESLASH",
    "DOUBLESLASHEQUAL", "AT", "ATEQUAL", "RARROW", "ELLIPSIS", "COLONEQUAL",
    "EXCLAMATION", "OP", "TYPE_IGNORE", "TYPE_COMMENT", "SOFT_KEYWORD",
    "FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END", "TSTRING_START",
    "TSTRING_MIDDLE", "TSTRING_END", "COMMENT", "NL", "ERRORTOKEN",
    "ENCODING", "N_TOKENS",
};

const char *AdToken_Name(int type)
{
    if (type >= 0 && type <= AD_TOK_N_TOKENS)
        return token_names[type];
    if (type == AD_TOK_NT_OFFSET)
        return "NT_OFFSET";
    return "<unknown>";
}

static const char *const op_texts[AD_TOK_EXCLAMATION + 1] = {
    [AD_TOK_LPAR] = "(", [AD_TOK_RPAR] = ")", [AD_TOK_LSQB] = "[",
    [AD_TOK_RSQB] = "]", [AD_TOK_COLON] = ":", [AD_TOK_COMMA] = ",",
    [AD_TOK_SEMI] = ";", [AD_TOK_PLUS] = "+", [AD_TOK_MINUS] = "-",
    [AD_TOK_STAR] = "*", [AD_TOK_SLASH] = "/", [AD_TOK_VBAR] = "|",
    [AD_TOK_AMPER] = "&", [AD_TOK_LESS] = "<", [AD_TOK_GREATER] = ">",
    [AD_TOK_EQUAL] = "=", [AD_TOK_DOT] = ".", [AD_TOK_PERCENT] = "%",
    [AD_TOK_LBRACE] = "{", [AD_TOK_RBRACE] = "}", [AD_TOK_EQEQUAL] = "==",
    [AD_TOK_NOTEQUAL] = "!=", [AD_TOK_LESSEQUAL] = "<=",
    [AD_TOK_GREATEREQUAL] = ">=", [AD_TOK_TILDE] = "~",
    [AD_TOK_CIRCUMFLEX] = "^", [AD_TOK_LEFTSHIFT] = "<<",
    [AD_TOK_RIGHTSHIFT] = ">>", [AD_TOK_DOUBLESTAR] = "**",
    [AD_TOK_PLUSEQUAL] = "+=", [AD_TOK_MINEQUAL] = "-=",
    [AD_TOK_STAREQUAL] = "*=", [AD_TOK_SLASHEQUAL] = "/=",
    [AD_TOK_PERCENTEQUAL] = "%=", [AD_TOK_AMPEREQUAL] = "&=",
    [AD_TOK_VBAREQUAL] = "|=", [AD_TOK_CIRCUMFLEXEQUAL] = "^=",
    [AD_TOK_LEFTSHIFTEQUAL] = "<<=", [AD_TOK_RIGHTSHIFTEQUAL] = ">>=",
    [AD_TOK_DOUBLESTAREQUAL] = "**=", [AD_TOK_DOUBLESLASH] = "//",
    [AD_TOK_DOUBLESLASHEQUAL] = "//=", [AD_TOK_AT] = "@",
    [AD_TOK_ATEQUAL] = "@=", [AD_TOK_RARROW] = "->",
    [AD_TOK_ELLIPSIS] = "...", [AD_TOK_COLONEQUAL] = ":=",
    [AD_TOK_EXCLAMATION] = "!",
};

/* One-character operators by their character (0: none). */
static const unsigned char op1[128] = {
    ['('] = AD_TOK_LPAR, [')'] = AD_TOK_RPAR, ['['] = AD_TOK_LSQB, [']'] = AD_TOK_RSQB,
    [':'] = AD_TOK_COLON, [','] = AD_TOK_COMMA, [';'] = AD_TOK_SEMI, ['+'] = AD_TOK_PLUS,
    ['-'] = AD_TOK_MINUS, ['*'] = AD_TOK_STAR, ['/'] = AD_TOK_SLASH, ['|'] = AD_TOK_VBAR,
    ['&'] = AD_TOK_AMPER, ['<'] = AD_TOK_LESS, ['>'] = AD_TOK_GREATER, ['='] = AD_TOK_EQUAL,
    ['.'] = AD_TOK_DOT, ['%'] = AD_TOK_PERCENT, ['{'] = AD_TOK_LBRACE, ['}'] = AD_TOK_RBRACE,
    ['~'] = AD_TOK_TILDE, ['^'] = AD_TOK_CIRCUMFLEX, ['@'] = AD_TOK_AT,
    ['!'] = AD_TOK_EXCLAMATION,
};

static int op2(char a, char b)
{
    if (b == '=') {
        switch (a) {
        case '=': return AD_TOK_EQEQUAL;
        case '!': return AD_TOK_NOTEQUAL;
        case '<': return AD_TOK_LESSEQUAL;
        case '>': return AD_TOK_GREATEREQUAL;
        case '+': return AD_TOK_PLUSEQUAL;
        case '-': return AD_TOK_MINEQUAL;
        case '*': return AD_TOK_STAREQUAL;
        case '/': return AD_TOK_SLASHEQUAL;
        case '%': return AD_TOK_PERCENTEQUAL;
        case '&': return AD_TOK_AMPEREQUAL;
        case '|': return AD_TOK_VBAREQUAL;
        case '^': return AD_TOK_CIRCUMFLEXEQUAL;
        case '@': return AD_TOK_ATEQUAL;
        case ':': return AD_TOK_COLONEQUAL;
        default: return -1;
        }
    }
    if (a == b) {
        switch (a) {
        case '<': return AD_TOK_LEFTSHIFT;
        case '>': return AD_TOK_RIGHTSHIFT;
        case '*': return AD_TOK_DOUBLESTAR;
        case '/': return AD_TOK_DOUBLESLASH;
        default: return -1;
        }
    }
    if (a == '-' && b == '>')
        return AD_TOK_RARROW;
    if (a == '<' && b == '>')
        return AD_TOK_NOTEQUAL;
    return -1;
}

/* Called for every operator token (twice: the tokenizer tries the longer
 * spellings first), so a table and switches rather than string compares. */
int AdToken_OpType(const char *s, size_t len)
{
    if (len == 1) {
        unsigned char c = (unsigned char)s[0];
        return c < 128 && op1[c] ? op1[c] : -1;
    }
    if (len == 2)
        return op2(s[0], s[1]);
    if (len == 3) {
        if (s[0] == '.' && s[1] == '.' && s[2] == '.')
            return AD_TOK_ELLIPSIS;
        if (s[2] != '=')
            return -1;
        switch (op2(s[0], s[1])) {
        case AD_TOK_LEFTSHIFT: return AD_TOK_LEFTSHIFTEQUAL;
        case AD_TOK_RIGHTSHIFT: return AD_TOK_RIGHTSHIFTEQUAL;
        case AD_TOK_DOUBLESTAR: return AD_TOK_DOUBLESTAREQUAL;
        case AD_TOK_DOUBLESLASH: return AD_TOK_DOUBLESLASHEQUAL;
        default: return -1;
        }
    }
    return -1;
}

const char *AdToken_OpText(int type)
{
    if (!AdToken_IsOperator(type))
        return NULL;
    return op_texts[type];
}
