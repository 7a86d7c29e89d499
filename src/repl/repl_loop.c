/* repl_loop.c: AdRepl_Run, the interactive loop: the banner, sys.ps1 and
 * sys.ps2 (str() taken at each prompt, coloured as 3.14 colours them),
 * PYTHONSTARTUP, lines gathered until AdRepl_Check says the input is
 * complete or invalid, each input compiled as an interactive statement
 * (a pasted block statement by statement) named "<python-input-N>" (or
 * "<stdin>" without a terminal) with its source registered for tracebacks,
 * values through sys.displayhook, exceptions through sys.excepthook with
 * sys.last_exc set, Ctrl-C discarding the input, end of input ending the
 * loop, a SystemExit leaving it to the caller; each input kept in the
 * history as one entry (a recalled block re-entered line by line), and
 * 3.14's REPL commands (exit, quit, copyright, help, clear). */
#include "repl/repl.h"
#include "compiler/compile.h"
#include "modules/sys.h"
#include "modules/io.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/traceback_print.h"
#include "parser/parser.h"
#include "runtime/colorize.h"
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "vm/ceval.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

AdObject *AdRepl_MainDict(AdInterp *interp)
{
    if (!interp->main_module) {
        interp->main_module = AdModule_New("__main__");
        if (!interp->main_module)
            return NULL;
        AdObject *dict = AdModule_GetDict(interp->main_module);
        if (AdDict_SetItemString(dict, "__builtins__", interp->builtins) < 0)
            return NULL;
        AdObject *modules = AdSys_GetObject("modules");
        if (modules && AdDict_SetItemString(modules, "__main__", interp->main_module) < 0)
            return NULL;
    }
    return AdModule_GetDict(interp->main_module);
}

int AdRepl_CanColorize(AdInterp *interp, int fd)
{
    return AdConfig_CanColorize(&interp->runtime->config, fd);
}

/* INTRINSIC_PRINT of interactive code: sys.displayhook(value). */
static int call_displayhook(AdObject *value)
{
    AdObject *hook = AdSys_GetObject("displayhook");
    if (!hook || hook == Ad_None) {
        AdErr_SetString(AdExc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    Ad_INCREF(hook);
    AdObject *r = AdObject_CallOneArg(hook, value);
    Ad_DECREF(hook);
    if (!r)
        return -1;
    Ad_DECREF(r);
    return 0;
}

static void flush_std(void)
{
    AdSys_FlushStdStreams(ad_runtime.interpreters.main);
    AdErr_Clear();
    fflush(stdout);
    fflush(stderr);
}

/* Sends the raised exception through sys.excepthook (as the REPL does),
 * after recording it in sys.last_exc and friends. A SystemExit is left
 * raised and -1 returned; otherwise 0. */
static int report_exception(void)
{
    AdObject *exc = AdErr_GetRaisedException();
    if (!exc)
        return 0;
    if (AdErr_GivenExceptionMatches(exc, AdExc_SystemExit)) {
        AdErr_SetRaisedException(exc);
        return -1;
    }
    flush_std();
    AdObject *type = (AdObject *)AD_TYPE(exc);
    AdObject *tb = AdException_GetTraceback(exc);
    if (!tb)
        tb = Ad_None;
    if (AdSys_SetObject("last_exc", exc) < 0 || AdSys_SetObject("last_type", type) < 0 ||
        AdSys_SetObject("last_value", exc) < 0 || AdSys_SetObject("last_traceback", tb) < 0)
        AdErr_Clear();
    AdObject *hook = AdSys_GetObject("excepthook");
    if (!hook || hook == Ad_None) {
        fputs("sys.excepthook is missing\n", stderr);
        AdTraceback_PrintException(exc, NULL, stderr);
    }
    else if (hook == AdSys_GetObject("__excepthook__")) {
        /* 3.14's REPL prints the report itself to sys.stderr, coloured
         * when _colorize.can_colorize() says so for sys.stdout. */
        AdObject *err = AdSys_GetObject("stderr");
        int color = AdTraceback_CanColorize(AdSys_GetObject("stdout"));
        Ad_XINCREF(err);
        if (AdTraceback_PrintExceptionEx(exc, err, stderr, color) < 0)
            AdErr_Clear();
        Ad_XDECREF(err);
    }
    else {
        AdObject *args[3] = {type, exc, tb};
        Ad_INCREF(hook);
        AdObject *r = AdObject_Vectorcall(hook, args, 3, NULL);
        Ad_DECREF(hook);
        if (!r) {
            AdObject *exc2 = AdErr_GetRaisedException();
            if (exc2 && AdErr_GivenExceptionMatches(exc2, AdExc_SystemExit)) {
                Ad_DECREF(exc);
                AdErr_SetRaisedException(exc2);
                return -1;
            }
            flush_std();
            fputs("Error in sys.excepthook:\n", stderr);
            if (exc2)
                AdTraceback_PrintException(exc2, NULL, stderr);
            fputs("\nOriginal exception was:\n", stderr);
            AdTraceback_PrintException(exc, NULL, stderr);
            Ad_XDECREF(exc2);
        }
        Ad_XDECREF(r);
    }
    AdErr_Clear();
    Ad_DECREF(exc);
    flush_std();
    return 0;
}

/* Runs CODE in __main__; 0, or -1 with SystemExit raised. */
static int run_code(AdObject *code, AdObject *dict, const char *src, size_t len)
{
    AdTraceback_RegisterSource(code, src, len);
    AdObject *r = AdEval_EvalCode(code, dict, dict);
    Ad_DECREF(code);
    if (!r)
        return report_exception();
    Ad_DECREF(r);
    flush_std();
    return 0;
}

static int syntax_error(AdCompileError *err)
{
    AdCompile_RaiseError(err);
    AdParseError_Clear(err);
    return report_exception();
}

/* Compiles and runs one complete input. PASTED: a block of any number of
 * statements, each compiled on its own as an interactive statement. */
static int run_input(AdInterp *interp, const char *src, size_t len, const char *filename, int pasted)
{
    const AdConfig *config = &interp->runtime->config;
    AdCompileOptions opts = {.optimize = config->optimization_level};
    AdCompileError err;
    memset(&err, 0, sizeof err);
    AdObject *dict = AdRepl_MainDict(interp);
    if (!dict)
        return report_exception();
    if (!pasted) {
        AdObject *code = AdCompile_String(src, len, filename, AD_COMPILE_SINGLE, &opts, &err);
        if (!code)
            return syntax_error(&err);
        return run_code(code, dict, src, len);
    }
    AdArena *arena = AdArena_New();
    if (!arena)
        return 0;
    AdMod *mod = AdParser_ParseString(src, len, filename, AD_PARSE_EXEC, AD_PARSEF_STR_INPUT, arena, &err);
    int rc = 0;
    if (!mod)
        rc = syntax_error(&err);
    else {
        AdAstSeq *body = mod->v.Module.body;
        for (int i = 0; i < AdAstSeq_LEN(body) && rc == 0; i++) {
            AdMod one = {.kind = AD_Interactive_kind};
            one.v.Interactive.body = AdAstSeq_New(arena, 1);
            if (!one.v.Interactive.body)
                break;
            AdAstSeq_GET(one.v.Interactive.body, 0) = AdAstSeq_GET(body, i);
            AdObject *code = AdCompile_Ast(&one, filename, &opts, &err);
            if (!code) {
                rc = syntax_error(&err);
                break;
            }
            rc = run_code(code, dict, src, len);
            if (AdErr_Occurred())
                break;
        }
    }
    AdArena_Free(arena);
    return rc;
}

/* str(sys.<name>) as a malloc'd string ("" when absent). */
static char *prompt_text(const char *name, int color, int escapes)
{
    AdObject *o = AdSys_GetObject(name);
    const char *s = "";
    AdObject *str = NULL;
    if (o) {
        str = AdObject_Str(o);
        if (str)
            s = AdStr_AsUTF8(str);
        if (!s)
            s = "";
        AdErr_Clear();
    }
    size_t n = strlen(s) + 32;
    char *out = malloc(n);
    if (out) {
        size_t len = strlen(s);
        if (!color || len == 0)
            snprintf(out, n, "%s", s);
        else if (!escapes)
            snprintf(out, n, "\x1b[1;35m%s\x1b[0m", s);
        else {
            /* libedit prints the marked (\1) non-printing parts as it
             * meets them and drops a marked part at the very end: the
             * reset goes before the last character. */
            size_t last = len - 1;
            while (last > 0 && ((unsigned char)s[last] & 0xC0) == 0x80)
                last--;
            snprintf(out, n, "\1\x1b[1;35m\1%.*s\1\x1b[0m\1%s", (int)last, s, s + last);
        }
    }
    Ad_XDECREF(str);
    return out;
}

static void run_startup(AdInterp *interp)
{
    const char *path = interp->runtime->config.startup;
    if (!path || !*path)
        return;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        int e = errno;
        fprintf(stderr, "Could not open PYTHONSTARTUP\nFileNotFoundError: [Errno %d] %s: '%s'\n", e,
                strerror(e), path);
        return;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, fp)) > 0) {
        n += got;
        if (n + 1 >= cap) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger)
                break;
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(fp);
    if (!buf)
        return;
    buf[n] = '\0';
    AdObject *dict = AdRepl_MainDict(interp);
    AdCompileOptions opts = {.optimize = interp->runtime->config.optimization_level};
    AdCompileError err;
    memset(&err, 0, sizeof err);
    AdObject *code = dict ? AdCompile_String(buf, n, path, AD_COMPILE_EXEC, &opts, &err) : NULL;
    if (!code) {
        if (dict)
            AdCompile_RaiseError(&err);
        AdParseError_Clear(&err);
        if (report_exception() < 0) {
            /* A SystemExit in the startup file is reported, not obeyed. */
            AdObject *exc = AdErr_GetRaisedException();
            AdTraceback_PrintException(exc, NULL, stderr);
            Ad_XDECREF(exc);
        }
        free(buf);
        return;
    }
    AdObject *r = AdEval_EvalCode(code, dict, dict);
    Ad_DECREF(code);
    if (!r) {
        if (report_exception() < 0) {
            AdObject *exc = AdErr_GetRaisedException();
            AdTraceback_PrintException(exc, NULL, stderr);
            Ad_XDECREF(exc);
        }
    }
    Ad_XDECREF(r);
    flush_std();
    free(buf);
}

static void set_default_prompt(const char *name, const char *value)
{
    if (AdSys_GetObject(name))
        return;
    AdObject *s = AdStr_FromString(value);
    if (!s || AdSys_SetObject(name, s) < 0)
        AdErr_Clear();
    Ad_XDECREF(s);
}

static char *history_file(AdInterp *interp)
{
    const char *h = interp->runtime->config.history;
    if (h && *h)
        return strdup(h);
    const char *home = getenv("HOME");
    if (!home || !*home)
        return NULL;
    size_t n = strlen(home) + 32;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/.adder_history", home);
    return p;
}

/* The indentation for the line after LINE: its own, plus four spaces when
 * it ends with ':' (before any comment). */
static void next_indent(const char *line, char *out, size_t cap)
{
    size_t i = 0;
    while (line[i] == ' ' || line[i] == '\t')
        i++;
    size_t keep = i < cap - 5 ? i : cap - 5;
    memcpy(out, line, keep);
    size_t end = strlen(line);
    const char *hash = strchr(line, '#');
    if (hash && !strchr(line, '\'') && !strchr(line, '"'))
        end = (size_t)(hash - line);
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        end--;
    if (end > 0 && line[end - 1] == ':') {
        memcpy(out + keep, "    ", 4);
        keep += 4;
    }
    out[keep] = '\0';
}

/* 3.14's REPL commands, typed alone on a line (spaces around allowed) in
 * a terminal, unless __main__ defines the name: exit and quit leave the
 * REPL (returns -1), copyright prints sys.copyright, help starts the
 * interactive help, clear clears the screen (returns 1). Not kept in the
 * history. 0: not a command. */
static int repl_command(AdInterp *interp, const char *line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
    static const char *const names[] = {"exit", "quit", "copyright", "help", "clear"};
    int which = -1;
    for (int i = 0; i < 5; i++)
        if (strlen(names[i]) == n && strncmp(line, names[i], n) == 0)
            which = i;
    if (which < 0)
        return 0;
    AdObject *dict = AdRepl_MainDict(interp);
    if (!dict || AdDict_GetItemString(dict, names[which]))
        return 0;
    if (which <= 1)
        return -1;
    if (which == 4) {
        fputs("\x1b[H\x1b[2J", stdout);
        fflush(stdout);
        return 1;
    }
    /* copyright() and help() as site made them */
    AdObject *fn = AdDict_GetItemString(AdModule_GetDict(interp->builtins), names[which]);
    if (!fn)
        return 0;
    Ad_INCREF(fn);
    AdObject *r = AdObject_CallNoArgs(fn);
    Ad_DECREF(fn);
    if (!r) {
        if (report_exception() < 0) {
            /* a SystemExit from help(): leave it to the loop's caller */
            return -1;
        }
    }
    Ad_XDECREF(r);
    flush_std();
    return 1;
}

/* Appends the lines of TEXT (separated by newlines) to the input text
 * (BUF, LEN), a blank line as an empty one. 0, or -1 out of memory. */
static int feed_lines(char **buf, size_t *len, const char *text)
{
    size_t n = strlen(text);
    char *bigger = realloc(*buf, *len + n + 2);
    if (!bigger)
        return -1;
    *buf = bigger;
    const char *p = text;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t k = nl ? (size_t)(nl - p) : strlen(p);
        int blank = 1;
        for (size_t i = 0; i < k; i++)
            if (p[i] != ' ' && p[i] != '\t' && p[i] != '\f' && p[i] != '\r')
                blank = 0;
        if (*len > 0 || p != text)
            bigger[(*len)++] = '\n';
        if (!blank) {
            memcpy(bigger + *len, p, k);
            *len += k;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    bigger[*len] = '\0';
    return 0;
}

/* Adds the input BUF[0..LEN) to the history as one entry (a block's lines
 * joined by newlines), without its final blank lines. */
static void add_history_entry(AdReplEditor *ed, const char *buf, size_t len)
{
    while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' ' || buf[len - 1] == '\t'))
        len--;
    if (len == 0)
        return;
    char *entry = strndup(buf, len);
    if (entry)
        AdReplEditor_AddHistory(ed, entry);
    free(entry);
}

static int is_blank(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\r')
        s++;
    return *s == '\0';
}

int AdRepl_Run(AdInterp *interp, int show_banner, int run_startup_file)
{
    const AdConfig *config = &interp->runtime->config;
    int tty = isatty(STDIN_FILENO);
    AdEval_DisplayHook = call_displayhook;
    set_default_prompt("ps1", ">>> ");
    set_default_prompt("ps2", "... ");
    if (!AdRepl_MainDict(interp))
        return report_exception();
    if (show_banner && !config->quiet) {
        fprintf(stderr, "Python %s on linux\n"
                        "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
                Ad_GetVersion());
        fflush(stderr);
    }
    if (run_startup_file)
        run_startup(interp);
    char *hist = tty ? history_file(interp) : NULL;
    AdReplEditor *ed = AdReplEditor_Open(interp, hist);
    free(hist);
    if (!ed) {
        AdErr_NoMemory();
        return report_exception();
    }
    /* PYTHON_BASIC_REPL: 3.14's traditional REPL (plain prompts, input
     * named "<stdin>", no REPL commands: a bare exit shows its repr). */
    int basic = config->basic_repl;
    int color = tty && !basic && AdRepl_CanColorize(interp, STDOUT_FILENO);
    int edited = ed != NULL && tty && isatty(STDOUT_FILENO);
    unsigned long counter = 0;
    char *buf = NULL;
    size_t len = 0;
    char indent[256] = "";
    int status = 0;
    int from_history = 0;   /* the input holds a recalled multi-line entry */
    for (;;) {
        int more = buf != NULL, recalled = 0;
        char *prompt = prompt_text(more ? "ps2" : "ps1", color, edited);
        int interrupted, pasted;
        char *line = AdReplEditor_ReadLine(ed, prompt, more ? indent : "", &interrupted, &pasted);
        free(prompt);
        if (!line) {
            if (interrupted) {
                fputs("\nKeyboardInterrupt\n", stderr);
                fflush(stderr);
                free(buf);
                buf = NULL;
                len = 0;
                from_history = 0;
                continue;
            }
            if (tty)
                fputc('\n', stderr);
            break;
        }
        if (pasted) {
            /* Echo the pasted lines as the terminal would not: the first
             * one goes back up on the prompt's line (the reader ended that
             * line when the paste began), the others after "... ". */
            const char *p = strchr(line, '\n');
            char *again = prompt_text(more ? "ps2" : "ps1", color, 0);
            char *cont = prompt_text("ps2", color, 0);
            size_t n0 = p ? (size_t)(p - line) : strlen(line);
            fprintf(stdout, "\x1b[A\r%s%.*s\x1b[K\n", again ? again : "", (int)n0, line);
            while (p && p[1]) {
                const char *q = strchr(p + 1, '\n');
                size_t n = q ? (size_t)(q - p - 1) : strlen(p + 1);
                fprintf(stdout, "%s%.*s\n", cont ? cont : "", (int)n, p + 1);
                p = q;
            }
            free(again);
            free(cont);
            fflush(stdout);
        }
        if (!pasted && !more && edited && !basic) {
            int cmd = repl_command(interp, line);
            if (cmd != 0) {
                free(line);
                if (cmd < 0) {
                    if (AdErr_Occurred())
                        status = -1;
                    break;
                }
                continue;
            }
        }
        if (!pasted && strchr(line, '\n')) {
            /* A multi-line history entry recalled and entered: its lines
             * go in one by one, as if typed (one more Enter may be needed
             * to end a block, as in 3.14's REPL). */
            from_history = 1;
            if (feed_lines(&buf, &len, line) < 0) {
                free(line);
                break;
            }
            free(line);
            AdReplCheck c = AdRepl_Check(buf, len);
            if (c == AD_REPL_INCOMPLETE) {
                const char *last = strrchr(buf, '\n');
                next_indent(last ? last + 1 : buf, indent, sizeof indent);
                continue;
            }
            line = strdup("");
            if (!line)
                break;
            more = 1;
            recalled = 1;
        }
        /* Append the line (a blank one as empty: the end of a block). */
        const char *add = is_blank(line) && !pasted ? "" : line;
        size_t alen = recalled ? 0 : strlen(add);
        char *bigger = realloc(buf, len + alen + 2);
        if (!bigger) {
            free(line);
            break;
        }
        buf = bigger;
        if (more && !recalled)
            buf[len++] = '\n';
        memcpy(buf + len, add, alen);
        len += alen;
        buf[len] = '\0';
        if (pasted) {
            while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
                len--;
            buf[len] = '\0';
        }
        AdReplCheck check = AdRepl_Check(buf, len);
        if (pasted && check == AD_REPL_INCOMPLETE) {
            /* A pasted compound statement ends with the paste. */
            buf[len++] = '\n';
            buf[len] = '\0';
            check = AdRepl_Check(buf, len);
            if (check == AD_REPL_INCOMPLETE) {
                buf[--len] = '\0';
                /* Still open (an unclosed bracket): ask for more. */
            }
            else
                check = AD_REPL_COMPLETE;
        }
        if (check == AD_REPL_INCOMPLETE) {
            next_indent(pasted ? "" : line, indent, sizeof indent);
            if (!edited)
                indent[0] = '\0';
            free(line);
            continue;
        }
        free(line);
        if (check != AD_REPL_EMPTY)
            add_history_entry(ed, buf, len);
        if (check != AD_REPL_EMPTY) {
            char filename[64];
            if (tty && !basic)
                snprintf(filename, sizeof filename, "<python-input-%lu>", counter++);
            else
                snprintf(filename, sizeof filename, "<stdin>");
            char *src = malloc(len + 2);
            if (src) {
                memcpy(src, buf, len);
                src[len] = '\n';
                src[len + 1] = '\0';
                /* A recalled entry of several statements runs as a paste
                 * does, statement by statement (3.14 compiles the whole
                 * input in "exec" mode). */
                int several = pasted || (from_history && check == AD_REPL_INVALID);
                if (run_input(interp, src, len + 1, filename, several) < 0)
                    status = -1;
                free(src);
            }
        }
        free(buf);
        buf = NULL;
        len = 0;
        from_history = 0;
        indent[0] = '\0';
        if (status < 0)
            break;
    }
    free(buf);
    AdReplEditor_Close(ed);
    AdObject *pending = AdErr_GetRaisedException();
    flush_std();
    if (pending)
        AdErr_SetRaisedException(pending);
    return status;
}
