/* numeric/numeric.h: what every numeric kernel shares: the error record a
 * failing kernel fills in (kind + message text, turned into an exception by
 * the object layer) and a growable byte buffer that text producers append to.
 * Pure C; no object model. */
#ifndef ADDER_NUMERIC_NUMERIC_H
#define ADDER_NUMERIC_NUMERIC_H

#include <stddef.h>
#include <stdint.h>

/* What a failure means at the Python level. */
typedef enum AdNumErrorKind {
    AD_NUM_OK = 0,
    AD_NUM_MEMORY,       /* MemoryError (msg may be empty) */
    AD_NUM_OVERFLOW,     /* OverflowError: msg */
    AD_NUM_VALUE,        /* ValueError: msg */
    AD_NUM_ZERODIV,      /* ZeroDivisionError: msg */
    AD_NUM_VALUE_REPR,   /* ValueError: msg followed by repr() of the input
                            text, which only the caller can build (the int()
                            and float() literal errors) */
    AD_NUM_ERRNO,        /* OverflowError(errnum, strerror(errnum)), as
                            CPython raises for a libm range error (float **) */
    AD_NUM_COMPLEX       /* not an error: the real operation has a complex
                            result (negative float ** fractional); the
                            caller retries with complex arithmetic */
} AdNumErrorKind;

typedef struct AdNumError {
    AdNumErrorKind kind;
    int errnum;          /* for AD_NUM_ERRNO */
    char msg[240];
} AdNumError;

/* Fills *err (which may be NULL: then nothing is recorded). Returns -1 so
 * callers can write `return AdNum_SetError(...)`. */
int AdNum_SetError(AdNumError *err, AdNumErrorKind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int AdNum_NoMemory(AdNumError *err);

/* A growable byte buffer (UTF-8 text for the formatters). Zero-initialise
 * it ({0}); free with AdNumBuf_Free. Append functions return 0, or -1 when
 * memory runs out (the buffer keeps its previous contents). The bytes are
 * always NUL-terminated after a successful append. */
typedef struct AdNumBuf {
    char *data;
    size_t len;
    size_t cap;
} AdNumBuf;

int AdNumBuf_Reserve(AdNumBuf *b, size_t extra);
int AdNumBuf_Append(AdNumBuf *b, const char *s, size_t n);
int AdNumBuf_AppendStr(AdNumBuf *b, const char *s);
int AdNumBuf_AppendChar(AdNumBuf *b, char c);
int AdNumBuf_AppendRepeat(AdNumBuf *b, char c, size_t n);
/* Appends code point cp (< 0x110000) encoded as UTF-8. */
int AdNumBuf_AppendCodePoint(AdNumBuf *b, uint32_t cp);
void AdNumBuf_Free(AdNumBuf *b);

#endif
