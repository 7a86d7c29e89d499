/* tokenizer_nfkc.c -- NFKC normalization of identifiers (PEP 3131).
 *
 * Owns: AdTokenizer_NormalizeName.
 * NOTE: not implemented yet -- non-ASCII names are returned unchanged
 * (a copy); names that differ from their NFKC form (e.g. "ﬁ", "ℌ") are
 * therefore not yet identified with their normalized spelling.
 */
#include "parser/tokenizer.h"

#include <stdlib.h>
#include <string.h>

char *AdTokenizer_NormalizeName(const char *name, size_t len, size_t *outlen)
{
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)name[i] >= 0x80)
            ascii = 0;
    if (ascii) {
        *outlen = len;
        return NULL;
    }
    char *r = malloc(len + 1);
    if (r == NULL) {
        *outlen = (size_t)-1;
        return NULL;
    }
    memcpy(r, name, len);
    r[len] = 0;
    *outlen = len;
    return r;
}
