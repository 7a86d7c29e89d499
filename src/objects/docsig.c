/* docsig.c: docstrings of native functions and types that start with a
 * signature block, "name(args)\n--\n\n": __doc__ shows the text after the
 * block and __text_signature__ the "(args)" part (what inspect.signature
 * reads), as CPython splits them. */
#include "objects/descr.h"
#include "objects/str.h"

#include <string.h>

/* The end of the "(...)" signature in doc (pointing at its ')'), or NULL
 * when doc does not start with a signature block for name. */
static const char *signature_end(const char *name, const char *doc)
{
    if (!doc || !name)
        return NULL;
    const char *dot = strrchr(name, '.');
    if (dot)
        name = dot + 1;
    size_t n = strlen(name);
    if (strncmp(doc, name, n) != 0 || doc[n] != '(')
        return NULL;
    /* The block ends at ")\n--\n\n"; a blank line before it means the
     * first line was prose, not a signature. */
    for (const char *p = doc + n; *p; p++) {
        if (p[0] == ')' && strncmp(p + 1, "\n--\n\n", 5) == 0)
            return p;
        if (p[0] == '\n' && p[1] == '\n')
            return NULL;
    }
    return NULL;
}

AdObject *AdDoc_WithoutSignature(const char *name, const char *doc)
{
    if (!doc)
        return Ad_None;
    const char *end = signature_end(name, doc);
    if (end) {
        doc = end + 6;
        if (!*doc)
            return Ad_None;
    }
    return AdStr_FromString(doc);
}

AdObject *AdDoc_TextSignature(const char *name, const char *doc)
{
    const char *end = signature_end(name, doc);
    if (!end)
        return Ad_None;
    const char *start = strchr(doc, '(');
    return AdStr_FromStringAndSize(start, end + 1 - start);
}
