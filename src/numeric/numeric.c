/* numeric/numeric.c: the shared error record and growable buffer of the
 * numeric kernels (see numeric.h). */
#include "numeric/numeric.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int AdNum_SetError(AdNumError *err, AdNumErrorKind kind, const char *fmt, ...)
{
    if (err) {
        err->kind = kind;
        err->errnum = 0;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return -1;
}

int AdNum_NoMemory(AdNumError *err)
{
    return AdNum_SetError(err, AD_NUM_MEMORY, "%s", "");
}

int AdNumBuf_Reserve(AdNumBuf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return -1;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

int AdNumBuf_Append(AdNumBuf *b, const char *s, size_t n)
{
    if (AdNumBuf_Reserve(b, n) < 0)
        return -1;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int AdNumBuf_AppendStr(AdNumBuf *b, const char *s)
{
    return AdNumBuf_Append(b, s, strlen(s));
}

int AdNumBuf_AppendChar(AdNumBuf *b, char c)
{
    return AdNumBuf_Append(b, &c, 1);
}

int AdNumBuf_AppendRepeat(AdNumBuf *b, char c, size_t n)
{
    if (AdNumBuf_Reserve(b, n) < 0)
        return -1;
    memset(b->data + b->len, c, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int AdNumBuf_AppendCodePoint(AdNumBuf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return AdNumBuf_Append(b, u, n);
}

void AdNumBuf_Free(AdNumBuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
