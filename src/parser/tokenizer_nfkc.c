/* tokenizer_nfkc.c -- NFKC normalization of identifiers (PEP 3131).
 *
 * Owns: AdTokenizer_NormalizeName.  The parser calls it for every NAME it
 * turns into an identifier; ASCII names (nearly all) cost one scan.  The
 * normalization itself is the unicode room's (src/unicode/unicode_db.h).
 */
#include "parser/tokenizer.h"
#include "parser/tokenizer_internal.h"
#include "unicode/unicode_db.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

char *AdTokenizer_NormalizeName(const char *name, size_t len, size_t *outlen)
{
    size_t i = 0;
    while (i < len && (unsigned char)name[i] < 0x80)
        i++;
    *outlen = len;
    if (i == len)
        return NULL;

    /* Decode (the tokenizer has checked the UTF-8; a stray byte would be
     * kept as its own code point). */
    uint32_t small_src[64], small_dst[256];
    uint32_t *src = small_src, *dst = small_dst;
    size_t n = 0;
    if (len > sizeof small_src / sizeof small_src[0]) {
        src = malloc(len * sizeof *src);
        if (src == NULL)
            goto nomem;
    }
    for (i = 0; i < len;) {
        int l;
        long cp = parser_tok_utf8_decode((const unsigned char *)name + i, len - i, &l);
        src[n++] = cp < 0 ? (unsigned char)name[i] : (uint32_t)cp;
        i += (size_t)l;
    }

    size_t cap = sizeof small_dst / sizeof small_dst[0];
    size_t m = AdUnicode_Normalize(AD_UNICODE_NFKC, src, n, dst, cap);
    if (m > cap) {
        cap = m;
        dst = malloc(cap * sizeof *dst);
        if (dst == NULL)
            goto nomem;
        m = AdUnicode_Normalize(AD_UNICODE_NFKC, src, n, dst, cap);
    }
    char *r = malloc(m * 4 + 1);
    if (r == NULL)
        goto nomem;
    size_t o = 0;
    for (size_t k = 0; k < m; k++)
        o += (size_t)parser_tok_utf8_encode(dst[k], r + o);
    r[o] = 0;
    *outlen = o;
    if (src != small_src)
        free(src);
    if (dst != small_dst)
        free(dst);
    return r;

nomem:
    if (src != small_src)
        free(src);
    if (dst != small_dst)
        free(dst);
    *outlen = (size_t)-1;
    return NULL;
}
