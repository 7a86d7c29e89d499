/* repl_complete.c: Tab completion candidates for the REPL, with the rules
 * of 3.14's rlcompleter: keywords (with the space or colon it adds), names
 * of __main__ and builtins (callables get "("), and for NAME.NAME...prefix
 * the attributes from dir() of the object reached by plain attribute
 * lookups (nothing is called; names starting with "_" only when the prefix
 * starts with "_", "__" names only when it starts with "__"); after
 * "import" or "from", module names (3.14's module completer): builtin
 * modules and what sys.path's directories hold (NAME.py, packages), and
 * for PACKAGE.prefix the package's own modules. */
#include "repl/repl.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "modules/sys.h"

#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
};

typedef struct {
    char **items;
    int n, cap;
} cands;

static int cands_has(const cands *c, const char *s)
{
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->items[i], s) == 0)
            return 1;
    return 0;
}

static int cands_add(cands *c, const char *head, size_t headlen, const char *word, const char *suffix)
{
    size_t n = headlen + strlen(word) + strlen(suffix) + 1;
    char *s = malloc(n);
    if (!s)
        return -1;
    memcpy(s, head, headlen);
    strcpy(s + headlen, word);
    strcat(s, suffix);
    if (cands_has(c, s)) {
        free(s);
        return 0;
    }
    if (c->n == c->cap) {
        int cap = c->cap ? c->cap * 2 : 16;
        char **bigger = realloc(c->items, (size_t)cap * sizeof *bigger);
        if (!bigger) {
            free(s);
            return -1;
        }
        c->items = bigger;
        c->cap = cap;
    }
    c->items[c->n++] = s;
    return 0;
}

static AdObject *dict_of(AdObject *o)
{
    if (!o)
        return NULL;
    if (AdDict_Check(o))
        return o;
    if (AdModule_Check(o))
        return AdModule_GetDict(o);
    return NULL;
}

static int add_dict_names(cands *c, AdObject *dict, const char *prefix, size_t plen)
{
    Ad_ssize_t pos = 0;
    AdObject *key, *value;
    if (!dict)
        return 0;
    while (AdDict_Next(dict, &pos, &key, &value)) {
        if (!AdStr_Check(key))
            continue;
        const char *name = AdStr_AsUTF8(key);
        if (!name) {
            AdErr_Clear();
            continue;
        }
        if (strncmp(name, prefix, plen) != 0)
            continue;
        int callable = AD_TYPE(value)->tp_call != NULL;
        if (cands_add(c, "", 0, name, callable ? "(" : "") < 0)
            return -1;
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The object named by the dotted path P[0..N), looked up in __main__ then
 * builtins, then attribute by attribute; a new reference or NULL. */
static AdObject *resolve(AdObject *globals, AdObject *builtins, const char *p, size_t n)
{
    size_t i = 0;
    AdObject *obj = NULL;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != '.')
            j++;
        AdObject *name = AdStr_FromStringAndSize(p + i, (Ad_ssize_t)(j - i));
        if (!name) {
            Ad_XDECREF(obj);
            AdErr_Clear();
            return NULL;
        }
        AdObject *next;
        if (!obj) {
            next = globals ? AdDict_GetItemWithError(globals, name) : NULL;
            if (!next && builtins)
                next = AdDict_GetItemWithError(builtins, name);
            Ad_XINCREF(next);
        }
        else {
            next = AdObject_GetAttr(obj, name);
            Ad_DECREF(obj);
        }
        Ad_DECREF(name);
        if (!next) {
            AdErr_Clear();
            return NULL;
        }
        obj = next;
        i = j + 1;
    }
    return obj;
}

static int add_attr_names(cands *c, AdObject *obj, const char *head, size_t headlen,
                          const char *prefix, size_t plen, AdObject *builtins)
{
    AdObject *dir = builtins ? AdDict_GetItemString(builtins, "dir") : NULL;
    if (!dir)
        return 0;
    AdObject *names = AdObject_CallOneArg(dir, obj);
    if (!names) {
        AdErr_Clear();
        return 0;
    }
    if (!AdList_Check(names)) {
        Ad_DECREF(names);
        return 0;
    }
    for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(names); i++) {
        AdObject *key = AdList_GET_ITEM(names, i);
        const char *name = AdStr_Check(key) ? AdStr_AsUTF8(key) : NULL;
        if (!name) {
            AdErr_Clear();
            continue;
        }
        if (strncmp(name, prefix, plen) != 0)
            continue;
        if (plen == 0 && name[0] == '_')
            continue;
        if (plen == 1 && prefix[0] == '_' && name[1] == '_')
            continue;
        /* "(" for methods found on the type that are not data descriptors
         * (no property is ever run), or callables in the instance. */
        const char *suffix = "";
        AdObject *onclass = AdType_Lookup(AD_TYPE(obj), key);
        if (onclass) {
            AdTypeObject *ct = AD_TYPE(onclass);
            if ((ct->tp_call || ct->tp_descr_get) && !ct->tp_descr_set)
                suffix = "(";
        }
        else if (AdModule_Check(obj)) {
            AdObject *v = AdDict_GetItemWithError(AdModule_GetDict(obj), key);
            if (v && AD_TYPE(v)->tp_call)
                suffix = "(";
            if (!v)
                AdErr_Clear();
        }
        if (cands_add(c, head, headlen, name, suffix) < 0) {
            Ad_DECREF(names);
            return -1;
        }
    }
    Ad_DECREF(names);
    return 0;
}

/* A module name found in a directory entry NAME of DIR: "x.py" gives "x",
 * a directory with __init__.py gives its name. Returns a malloc'd name or
 * NULL. */
static char *module_of_entry(const char *dir, const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || name[0] == '.')
        return NULL;
    if (n > 3 && strcmp(name + n - 3, ".py") == 0) {
        if (n - 3 == 8 && strncmp(name, "__init__", 8) == 0)
            return NULL;
        return strndup(name, n - 3);
    }
    if (strchr(name, '.') || strchr(name, '-'))
        return NULL;
    size_t plen = strlen(dir) + n + 16;
    char *path = malloc(plen);
    if (!path)
        return NULL;
    snprintf(path, plen, "%s/%s/__init__.py", dir, name);
    struct stat st;
    int ok = stat(path, &st) == 0;
    free(path);
    return ok ? strdup(name) : NULL;
}

static int add_dir_modules(cands *c, const char *dir, const char *head, size_t headlen,
                           const char *prefix, size_t plen)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, prefix, plen) != 0)
            continue;
        if (e->d_name[0] == '_' && (plen == 0 || prefix[0] != '_'))
            continue;
        char *m = module_of_entry(dir, e->d_name);
        if (m)
            rc = cands_add(c, head, headlen, m, "");
        free(m);
    }
    closedir(d);
    return rc;
}

/* Module names for WORD (typed after "import" or "from"). */
static int add_module_names(cands *c, const char *word, size_t wlen)
{
    const char *last = word + wlen;
    while (last > word && last[-1] != '.')
        last--;
    size_t headlen = (size_t)(last - word);
    char *prefix = strndup(last, wlen - headlen);
    char *pkg = headlen ? strndup(word, headlen - 1) : NULL;
    if (!prefix || (headlen && !pkg)) {
        free(prefix);
        free(pkg);
        return -1;
    }
    size_t plen = strlen(prefix);
    int rc = 0;
    if (!pkg) {
        AdObject *names = AdSys_GetObject("builtin_module_names");
        if (names && AdTuple_Check(names))
            for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(names) && rc == 0; i++) {
                const char *m = AdStr_AsUTF8(AdTuple_GET_ITEM(names, i));
                if (!m) {
                    AdErr_Clear();
                    continue;
                }
                if (strncmp(m, prefix, plen) == 0 && (m[0] != '_' || (plen && prefix[0] == '_')))
                    rc = cands_add(c, "", 0, m, "");
            }
    }
    AdObject *path = AdSys_GetObject("path");
    if (path && AdList_Check(path))
        for (Ad_ssize_t i = 0; i < AdList_GET_SIZE(path) && rc == 0; i++) {
            AdObject *item = AdList_GET_ITEM(path, i);
            const char *dir = AdStr_Check(item) ? AdStr_AsUTF8(item) : NULL;
            if (!dir) {
                AdErr_Clear();
                continue;
            }
            if (!*dir)
                dir = ".";
            if (!pkg) {
                rc = add_dir_modules(c, dir, "", 0, prefix, plen);
                continue;
            }
            /* PACKAGE.SUB...: the package's directory under this entry */
            size_t n = strlen(dir) + strlen(pkg) + 2;
            char *sub = malloc(n);
            if (!sub) {
                rc = -1;
                break;
            }
            snprintf(sub, n, "%s/%s", dir, pkg);
            for (char *q = sub + strlen(dir) + 1; *q; q++)
                if (*q == '.')
                    *q = '/';
            rc = add_dir_modules(c, sub, word, headlen, prefix, plen);
            free(sub);
        }
    free(prefix);
    free(pkg);
    return rc;
}

/* Whether TEXT[0..START) is "import " or "from " (with any spaces): the
 * word at START is a module name. */
static int after_import(const char *text, size_t start)
{
    size_t i = 0;
    while (i < start && (text[i] == ' ' || text[i] == '\t'))
        i++;
    size_t kw = i;
    while (i < start && isalpha((unsigned char)text[i]))
        i++;
    size_t kwlen = i - kw;
    if (!((kwlen == 6 && strncmp(text + kw, "import", 6) == 0) ||
          (kwlen == 4 && strncmp(text + kw, "from", 4) == 0)))
        return 0;
    if (i == start || (text[i] != ' ' && text[i] != '\t'))
        return 0;
    while (i < start && (text[i] == ' ' || text[i] == '\t'))
        i++;
    return i == start;
}

int AdRepl_Complete(AdInterp *interp, const char *text, size_t len, char ***out)
{
    cands c = {NULL, 0, 0};
    *out = NULL;
    size_t start = len;
    while (start > 0 && (isalnum((unsigned char)text[start - 1]) || text[start - 1] == '_' ||
                         text[start - 1] == '.' || (unsigned char)text[start - 1] >= 0x80))
        start--;
    const char *word = text + start;
    size_t wlen = len - start;
    AdObject *globals = AdRepl_MainDict(interp);
    AdObject *builtins = dict_of(interp->builtins);
    const char *dot = memchr(word, '.', wlen);
    int rc = 0;
    if (after_import(text, start))
        rc = add_module_names(&c, word, wlen);
    else if (dot) {
        const char *last = word + wlen;
        while (last > word && last[-1] != '.')
            last--;
        size_t pathlen = (size_t)(last - 1 - word);
        AdObject *obj = pathlen ? resolve(globals, builtins, word, pathlen) : NULL;
        if (obj) {
            char *prefix = strndup(last, (size_t)(word + wlen - last));
            if (prefix)
                rc = add_attr_names(&c, obj, word, (size_t)(last - word), prefix, strlen(prefix), builtins);
            free(prefix);
            Ad_DECREF(obj);
        }
    }
    else if (wlen > 0 || len == 0) {
        char *prefix = strndup(word, wlen);
        if (!prefix)
            return -1;
        for (size_t i = 0; i < sizeof keywords / sizeof *keywords && rc == 0; i++) {
            const char *k = keywords[i];
            if (strncmp(k, prefix, wlen) != 0)
                continue;
            const char *suffix = " ";
            if (!strcmp(k, "finally") || !strcmp(k, "try"))
                suffix = ":";
            else if (!strcmp(k, "False") || !strcmp(k, "None") || !strcmp(k, "True") ||
                     !strcmp(k, "break") || !strcmp(k, "continue") || !strcmp(k, "pass") ||
                     !strcmp(k, "else"))
                suffix = "";
            rc = cands_add(&c, "", 0, k, suffix);
        }
        if (rc == 0)
            rc = add_dict_names(&c, globals, prefix, wlen);
        if (rc == 0)
            rc = add_dict_names(&c, builtins, prefix, wlen);
        free(prefix);
    }
    if (rc < 0) {
        AdRepl_FreeCompletions(c.items, c.n);
        return -1;
    }
    if (c.n > 1)
        qsort(c.items, (size_t)c.n, sizeof *c.items, cmp_str);
    *out = c.items;
    return c.n;
}

void AdRepl_FreeCompletions(char **list, int n)
{
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
}
