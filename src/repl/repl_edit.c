/* repl_edit.c: the REPL's line reader. On a terminal it edits lines with
 * libedit, opened with dlopen("libedit.so.2") only now (scripts never load
 * it): emacs bindings, Ctrl-R incremental search, a bounded history file
 * without consecutive duplicates, Tab completion (repl_complete.c) or
 * indentation at the start of a line, the indentation of the next line
 * typed in for it, bracketed paste (the pasted text is returned whole),
 * and multi-line history entries shown with "... " before their
 * continuation lines.
 * Characters come through our own read function so that Ctrl-C (SIGINT,
 * seen as EINTR) ends the read at once. Without a terminal or libedit it
 * reads bytes plainly and writes the prompt to stderr, as CPython does. */
#define _GNU_SOURCE 1
#include "repl/repl.h"
#include "runtime/runtime.h"
#include "runtime/signals.h"
#include "runtime/gil.h"

#include <dlfcn.h>
#include <errno.h>
#include <histedit.h>
#include <locale.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

typedef struct {
    EditLine *(*init)(const char *, FILE *, FILE *, FILE *);
    void (*end)(EditLine *);
    const char *(*gets)(EditLine *, int *);
    int (*set)(EditLine *, int, ...);
    int (*get)(EditLine *, int, ...);
    const LineInfo *(*line)(EditLine *);
    int (*insertstr)(EditLine *, const char *);
    void (*push)(EditLine *, const char *);
    void (*resize)(EditLine *);
    History *(*hinit)(void);
    void (*hend)(History *);
    int (*history)(History *, HistEvent *, int, ...);
} edit_api;

struct AdReplEditor {
    AdInterp *interp;
    void *lib;
    edit_api api;
    EditLine *el;
    History *hist;
    char *history_path;
    char *prompt;
    int interrupted;
    int paste_on;             /* bracketed paste mode asked of the terminal */
    unsigned char q[16];      /* bytes read ahead */
    int qn;
    char *paste;              /* the text of a finished bracketed paste */
    char *shown_entry;        /* the history entry libedit shows, prefixed */
    size_t paste_len, paste_cap;
    int pasted;
    mbstate_t mbs;
};

/* The reader in use: the callbacks of libedit find it here. */
static AdReplEditor *repl_edit_current;

/* A multi-line history entry (a block's lines joined by newlines) is shown
 * by libedit with this prefix before each continuation line, as 3.14's
 * REPL shows "... " there; the prefix is removed again from what is
 * entered (strip_continuations). The history itself stays clean. */
static const char continuation[] = "... ";

/* ------------------------------------------------------------ raw input */

/* One byte from stdin, TIMEOUT_MS < 0 meaning wait. Returns 1, 0 at end of
 * input or timeout, -1 on Ctrl-C (ed->interrupted set) or an error. */
static int next_byte(AdReplEditor *ed, unsigned char *b, int timeout_ms)
{
    if (ed->qn > 0) {
        *b = ed->q[0];
        memmove(ed->q, ed->q + 1, (size_t)--ed->qn);
        return 1;
    }
    for (;;) {
        if (timeout_ms >= 0) {
            struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
            int r, perr;
            Ad_BEGIN_ALLOW_THREADS
            r = poll(&p, 1, timeout_ms);
            perr = errno;
            Ad_END_ALLOW_THREADS
            errno = perr;
            if (r == 0)
                return 0;
            if (r < 0 && errno != EINTR)
                return -1;
        }
        ssize_t n;
        int err;
        Ad_BEGIN_ALLOW_THREADS
        n = read(STDIN_FILENO, b, 1);
        err = errno;
        Ad_END_ALLOW_THREADS
        errno = err;
        if (n == 1)
            return 1;
        if (n == 0)
            return 0;
        if (errno == EINTR) {
            if (Ad_SignalsTakeInterrupt(&ad_runtime)) {
                ed->interrupted = 1;
                return -1;
            }
            continue;
        }
        return -1;
    }
}

static void unread(AdReplEditor *ed, const unsigned char *b, int n)
{
    if (ed->qn + n > (int)sizeof ed->q)
        return;
    memmove(ed->q + n, ed->q, (size_t)ed->qn);
    memcpy(ed->q, b, (size_t)n);
    ed->qn += n;
}

static int paste_add(AdReplEditor *ed, char c)
{
    if (ed->paste_len + 2 > ed->paste_cap) {
        size_t cap = ed->paste_cap ? ed->paste_cap * 2 : 256;
        char *bigger = realloc(ed->paste, cap);
        if (!bigger)
            return -1;
        ed->paste = bigger;
        ed->paste_cap = cap;
    }
    ed->paste[ed->paste_len++] = c;
    ed->paste[ed->paste_len] = '\0';
    return 0;
}

/* After ESC [ 2 0 0 ~: everything up to ESC [ 2 0 1 ~ is the paste. */
static int read_paste(AdReplEditor *ed)
{
    static const char end[] = "\x1b[201~";
    ed->paste_len = 0;
    paste_add(ed, '\0');
    ed->paste_len = 0;
    size_t matched = 0;
    for (;;) {
        unsigned char b;
        int r = next_byte(ed, &b, -1);
        if (r <= 0)
            return r;
        if (b == (unsigned char)end[matched]) {
            if (++matched == sizeof end - 1)
                break;
            continue;
        }
        for (size_t i = 0; i < matched; i++)
            paste_add(ed, end[i]);
        matched = 0;
        if (b == (unsigned char)end[0]) {
            matched = 1;
            continue;
        }
        if (paste_add(ed, b == '\r' ? '\n' : (char)b) < 0)
            return -1;
    }
    return 1;
}

static int getc_fn(EditLine *el, wchar_t *wc)
{
    AdReplEditor *ed = repl_edit_current;
    (void)el;
    unsigned char b;
    int r = next_byte(ed, &b, -1);
    if (r <= 0)
        return r;
    if (b == 0x1b && ed->paste_on) {
        static const char start[] = "[200~";
        unsigned char seen[8];
        int n = 0;
        while (n < 5) {
            int got = next_byte(ed, &seen[n], 50);
            if (got < 0)
                return -1;
            if (got == 0 || seen[n] != (unsigned char)start[n]) {
                n += got;
                break;
            }
            n++;
        }
        if (n == 5 && memcmp(seen, start, 5) == 0) {
            r = read_paste(ed);
            if (r < 0)
                return -1;
            ed->pasted = 1;
            *wc = L'\n';
            return 1;
        }
        unread(ed, seen, n);
        *wc = 0x1b;
        return 1;
    }
    if (b < 0x80) {
        *wc = b;
        return 1;
    }
    char buf[8];
    int len = 0;
    buf[len++] = (char)b;
    int need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    while (len < need) {
        unsigned char c;
        if (next_byte(ed, &c, 100) != 1)
            break;
        buf[len++] = (char)c;
    }
    wchar_t w;
    memset(&ed->mbs, 0, sizeof ed->mbs);
    size_t m = mbrtowc(&w, buf, (size_t)len, &ed->mbs);
    *wc = (m == (size_t)-1 || m == (size_t)-2) ? (wchar_t)b : w;
    return 1;
}

/* ------------------------------------------------ multi-line history */

/* The history function libedit calls: the real one, with each entry that
 * libedit reads shown with the continuation prefix after its newlines. */
static int history_fn(History *h, HistEvent *ev, int op, ...)
{
    AdReplEditor *ed = repl_edit_current;
    va_list ap;
    va_start(ap, op);
    int r;
    switch (op) {
    case H_SETSIZE: case H_SET: case H_NEXT_EVENT: case H_PREV_EVENT: case H_DEL: case H_SETUNIQUE: {
        int v = va_arg(ap, int);
        r = ed->api.history(h, ev, op, v);
        break;
    }
    case H_ENTER: case H_ADD: case H_APPEND: case H_LOAD: case H_SAVE: case H_PREV_STR:
    case H_NEXT_STR: case H_SAVE_FP: {
        void *v = va_arg(ap, void *);
        r = ed->api.history(h, ev, op, v);
        break;
    }
    case H_NEXT_EVDATA: case H_DELDATA: {
        int v = va_arg(ap, int);
        void *w = va_arg(ap, void *);
        r = ed->api.history(h, ev, op, v, w);
        break;
    }
    case H_REPLACE: {
        void *v = va_arg(ap, void *);
        void *w = va_arg(ap, void *);
        r = ed->api.history(h, ev, op, v, w);
        break;
    }
    case H_NSAVE_FP: {
        size_t v = va_arg(ap, size_t);
        void *w = va_arg(ap, void *);
        r = ed->api.history(h, ev, op, v, w);
        break;
    }
    default:
        r = ed->api.history(h, ev, op);
        break;
    }
    va_end(ap);
    if (r < 0 || op == H_ENTER || op == H_ADD || op == H_APPEND || !ev->str || !strchr(ev->str, '\n'))
        return r;
    size_t extra = 0;
    for (const char *p = ev->str; *p; p++)
        extra += *p == '\n';
    char *shown = malloc(strlen(ev->str) + extra * (sizeof continuation - 1) + 1);
    if (!shown)
        return r;
    char *o = shown;
    for (const char *p = ev->str; *p; p++) {
        *o++ = *p;
        if (*p == '\n') {
            memcpy(o, continuation, sizeof continuation - 1);
            o += sizeof continuation - 1;
        }
    }
    *o = '\0';
    free(ed->shown_entry);
    ed->shown_entry = shown;
    ev->str = shown;
    return r;
}

/* Removes the continuation prefix after each newline of LINE (in place). */
static void strip_continuations(char *line, size_t n)
{
    size_t k = sizeof continuation - 1, o = 0;
    for (size_t i = 0; i < n; i++) {
        line[o++] = line[i];
        if (line[i] == '\n' && i + k < n + 1 && strncmp(line + i + 1, continuation, k) == 0)
            i += k;
    }
    line[o] = '\0';
}

/* ------------------------------------------------------------- bindings */

static char *prompt_fn(EditLine *el)
{
    (void)el;
    return repl_edit_current->prompt ? repl_edit_current->prompt : "";
}

static size_t word_start(const char *s, size_t n)
{
    while (n > 0 && (((unsigned char)s[n - 1] >= 0x80) || s[n - 1] == '_' || s[n - 1] == '.' ||
                     (s[n - 1] >= '0' && s[n - 1] <= '9') || (s[n - 1] >= 'a' && s[n - 1] <= 'z') ||
                     (s[n - 1] >= 'A' && s[n - 1] <= 'Z')))
        n--;
    return n;
}

static unsigned char tab_fn(EditLine *el, int ch)
{
    (void)ch;
    AdReplEditor *ed = repl_edit_current;
    const LineInfo *li = ed->api.line(el);
    size_t n = (size_t)(li->cursor - li->buffer);
    size_t i = 0;
    while (i < n && (li->buffer[i] == ' ' || li->buffer[i] == '\t'))
        i++;
    if (i == n) {
        ed->api.insertstr(el, "    ");
        return CC_REFRESH;
    }
    char *text = strndup(li->buffer, n);
    if (!text)
        return CC_ERROR;
    size_t ws = word_start(text, n);
    char **c;
    int k = AdRepl_Complete(ed->interp, text, n, &c);
    free(text);
    if (k <= 0) {
        if (k == 0)
            free(c);
        return CC_REFRESH_BEEP;
    }
    size_t typed = n - ws;
    size_t common = strlen(c[0]);
    for (int j = 1; j < k; j++) {
        size_t m = 0;
        while (m < common && c[j][m] == c[0][m])
            m++;
        common = m;
    }
    unsigned char rc = CC_REFRESH;
    if (common > typed) {
        char *add = strndup(c[0] + typed, common - typed);
        if (add)
            ed->api.insertstr(el, add);
        free(add);
    }
    else if (k > 1) {
        fputc('\n', stdout);
        size_t width = 0;
        for (int j = 0; j < k; j++) {
            const char *s = strrchr(c[j], '.');
            s = s ? s + 1 : c[j];
            if (strlen(s) > width)
                width = strlen(s);
        }
        int cols = (int)(80 / (width + 2));
        if (cols < 1)
            cols = 1;
        for (int j = 0; j < k; j++) {
            const char *s = strrchr(c[j], '.');
            s = s ? s + 1 : c[j];
            fprintf(stdout, "%-*s", (int)(width + 2), s);
            if ((j + 1) % cols == 0 || j == k - 1)
                fputc('\n', stdout);
        }
        fflush(stdout);
        rc = CC_REDISPLAY;
    }
    AdRepl_FreeCompletions(c, k);
    return rc;
}

/* --------------------------------------------------------------- opening */

static int load_api(AdReplEditor *ed)
{
    ed->lib = dlopen("libedit.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!ed->lib)
        ed->lib = dlopen("libedit.so", RTLD_NOW | RTLD_LOCAL);
    if (!ed->lib)
        return -1;
    edit_api *a = &ed->api;
    void *p;
#define SYM(field, name) \
    if (!(p = dlsym(ed->lib, name))) return -1; \
    memcpy(&a->field, &p, sizeof p);
    SYM(init, "el_init") SYM(end, "el_end") SYM(gets, "el_gets") SYM(set, "el_set")
    SYM(get, "el_get") SYM(line, "el_line") SYM(insertstr, "el_insertstr")
    SYM(push, "el_push") SYM(resize, "el_resize") SYM(hinit, "history_init")
    SYM(hend, "history_end") SYM(history, "history")
#undef SYM
    return 0;
}

AdReplEditor *AdReplEditor_Open(AdInterp *interp, const char *history_path)
{
    AdReplEditor *ed = calloc(1, sizeof *ed);
    if (!ed)
        return NULL;
    ed->interp = interp;
    repl_edit_current = ed;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return ed;
    const char *term = getenv("TERM");
    /* In the C locale (where UTF-8 mode is on, PEP 540) libedit would drop
     * every non-ASCII character: edit in a UTF-8 locale instead, as
     * CPython's locale coercion (PEP 538) would have set one. */
    const char *loc = setlocale(LC_CTYPE, NULL);
    if (interp->runtime->config.utf8_mode > 0 && loc && (strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0))
        if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "C.utf8"))
            setlocale(LC_CTYPE, "en_US.UTF-8");
    if (load_api(ed) < 0) {
        if (ed->lib)
            dlclose(ed->lib);
        ed->lib = NULL;
        return ed;
    }
    edit_api *a = &ed->api;
    ed->el = a->init("adder", stdin, stdout, stderr);
    if (!ed->el) {
        dlclose(ed->lib);
        ed->lib = NULL;
        return ed;
    }
    ed->paste_on = !(term && strcmp(term, "dumb") == 0);
    a->set(ed->el, EL_EDITOR, "emacs");
    a->set(ed->el, EL_SIGNAL, 0);
    a->set(ed->el, EL_GETCFN, getc_fn);
    a->set(ed->el, EL_PROMPT_ESC, prompt_fn, '\1');
    a->set(ed->el, EL_ADDFN, "adder-complete", "Complete or indent", tab_fn);
    a->set(ed->el, EL_BIND, "^I", "adder-complete", NULL);
    a->set(ed->el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    a->set(ed->el, EL_BIND, "\033[1;5C", "em-next-word", NULL);
    a->set(ed->el, EL_BIND, "\033[1;5D", "ed-prev-word", NULL);
    a->set(ed->el, EL_BIND, "\033[3~", "ed-delete-next-char", NULL);
    a->set(ed->el, EL_BIND, "\033[H", "ed-move-to-beg", NULL);
    a->set(ed->el, EL_BIND, "\033[F", "ed-move-to-end", NULL);
    ed->hist = a->hinit();
    if (ed->hist) {
        HistEvent ev;
        a->history(ed->hist, &ev, H_SETSIZE, 1000);
        a->history(ed->hist, &ev, H_SETUNIQUE, 1);
        if (history_path) {
            ed->history_path = strdup(history_path);
            a->history(ed->hist, &ev, H_LOAD, history_path);
        }
        a->set(ed->el, EL_HIST, history_fn, ed->hist);
    }
    return ed;
}

/* ---------------------------------------------------------------- reading */

static char *plain_read(AdReplEditor *ed, const char *prompt, int *interrupted)
{
    if (prompt && *prompt) {
        fputs(prompt, stderr);
        fflush(stderr);
    }
    size_t cap = 128, n = 0;
    char *line = malloc(cap);
    if (!line)
        return NULL;
    for (;;) {
        unsigned char b;
        int r = next_byte(ed, &b, -1);
        if (r < 0) {
            *interrupted = ed->interrupted;
            ed->interrupted = 0;
            free(line);
            return NULL;
        }
        if (r == 0) {
            if (n == 0) {
                free(line);
                return NULL;
            }
            break;
        }
        if (b == '\n')
            break;
        if (n + 2 > cap) {
            char *bigger = realloc(line, cap * 2);
            if (!bigger) {
                free(line);
                return NULL;
            }
            line = bigger;
            cap *= 2;
        }
        line[n++] = (char)b;
    }
    line[n] = '\0';
    return line;
}

char *AdReplEditor_ReadLine(AdReplEditor *ed, const char *prompt, const char *indent,
                            int *interrupted, int *pasted)
{
    *interrupted = 0;
    *pasted = 0;
    repl_edit_current = ed;
    if (!ed->el)
        return plain_read(ed, prompt, interrupted);
    free(ed->prompt);
    ed->prompt = strdup(prompt ? prompt : "");
    edit_api *a = &ed->api;
    a->resize(ed->el);
    if (indent && *indent)
        a->push(ed->el, indent);
    if (ed->paste_on) {
        fputs("\x1b[?2004h", stdout);
        fflush(stdout);
    }
    ed->pasted = 0;
    int count = 0;
    const char *got = a->gets(ed->el, &count);
    if (ed->paste_on) {
        fputs("\x1b[?2004l", stdout);
        fflush(stdout);
    }
    if (!got || count <= 0) {
        if (ed->interrupted) {
            ed->interrupted = 0;
            *interrupted = 1;
        }
        return NULL;
    }
    size_t n = strlen(got);
    while (n > 0 && (got[n - 1] == '\n' || got[n - 1] == '\r'))
        n--;
    char *typed = strndup(got, n);
    if (!typed)
        return NULL;
    strip_continuations(typed, n);
    got = typed;
    n = strlen(typed);
    char *line;
    if (ed->pasted) {
        *pasted = 1;
        size_t pl = ed->paste_len;
        line = malloc(n + pl + 1);
        if (line) {
            memcpy(line, got, n);
            memcpy(line + n, ed->paste ? ed->paste : "", pl);
            line[n + pl] = '\0';
        }
    }
    else
        line = strndup(got, n);
    free(typed);
    return line;
}

void AdReplEditor_AddHistory(AdReplEditor *ed, const char *line)
{
    if (!ed->hist || !line || !*line)
        return;
    HistEvent ev;
    ed->api.history(ed->hist, &ev, H_ENTER, line);
}

void AdReplEditor_Close(AdReplEditor *ed)
{
    if (!ed)
        return;
    if (ed->hist) {
        HistEvent ev;
        if (ed->history_path)
            ed->api.history(ed->hist, &ev, H_SAVE, ed->history_path);
        ed->api.hend(ed->hist);
    }
    if (ed->el)
        ed->api.end(ed->el);
    if (ed->lib)
        dlclose(ed->lib);
    if (repl_edit_current == ed)
        repl_edit_current = NULL;
    free(ed->history_path);
    free(ed->prompt);
    free(ed->paste);
    free(ed->shown_entry);
    free(ed);
}
