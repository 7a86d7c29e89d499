/* run.c: the entry points for each way of running (see run.h). Reading the
 * program (opening the script through the open_code hook, reading stdin
 * with Ctrl-C honoured) is done here; executing source text is the
 * compiler's and the evaluation loop's, which do not exist yet: until they
 * land, Ad_RunSource reports that plainly and fails with status 1. */
#include "runtime/run.h"
#include "runtime/run_internal.h"
#include "import/import.h"
#include "runtime/signals.h"
#include "compiler/compile.h"
#include "compiler/symtable.h"
#include "modules/sys.h"
#include "modules/io.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/traceback_print.h"
#include "vm/ceval.h"
#include "parser/parser.h"
#include "parser/tokenizer.h"
#include "repl/repl.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *program_name(AdInterp *interp)
{
    const char *name = interp->runtime->config.program_name;
    return name ? name : "adder";
}

/* The exit status for an exception that reached the top level: SystemExit
 * gives its code (None -> 0, an int -> its low bits, anything else printed
 * to stderr -> 1); KeyboardInterrupt is reported and asks Ad_Main to die by
 * SIGINT; anything else goes through sys.excepthook and gives 1. */
/* With -i (inspect_pending), a SystemExit of the program is reported like
 * any exception and the REPL still starts, as CPython does. */
static int inspect_pending;

static int handle_uncaught(void)
{
    AdObject *exc = AdErr_GetRaisedException();
    if (!exc)
        return 0;
    if (AdErr_GivenExceptionMatches(exc, AdExc_SystemExit) && !inspect_pending) {
        AdObject *code = AdObject_GetAttrString(exc, "code");
        int status = 1;
        if (!code)
            AdErr_Clear();
        else if (code == Ad_None)
            status = 0;
        else if (AdInt_Check(code)) {
            int64_t v;
            status = AdInt_AsInt64Exact(code, &v) ? Ad_ExitStatusFromInt(v, 0) : Ad_ExitStatusFromInt(0, 1);
        }
        else {
            AdObject *text = AdObject_Str(code);
            const char *utf8 = text ? AdStr_AsUTF8(text) : NULL;
            AdSys_FlushStdStreams(ad_runtime.interpreters.main);
            fflush(stdout);
            if (utf8) {
                AdObject *err = AdSys_GetObject("stderr");
                if (err && AdIO_WriteString(err, utf8) == 0 && AdIO_WriteString(err, "\n") == 0)
                    AdIO_Flush(err);
                else {
                    AdErr_Clear();
                    fprintf(stderr, "%s\n", utf8);
                }
            }
            AdErr_Clear();
            Ad_XDECREF(text);
        }
        Ad_XDECREF(code);
        Ad_DECREF(exc);
        return status;
    }
    if (AdErr_GivenExceptionMatches(exc, AdExc_KeyboardInterrupt))
        ad_runtime.unhandled_keyboard_interrupt = 1;
    AdSys_DisplayException(exc, NULL);
    Ad_DECREF(exc);
    return 1;
}

/* The script being compiled, for showing its SyntaxWarnings. */
typedef struct {
    const char *filename, *source;
    size_t len;
} RunWarnCtx;

/* A compile-time SyntaxWarning of the script, shown on sys.stderr as the
 * warnings module shows it: "FILE:LINE: SyntaxWarning: MSG" and then the
 * source line, stripped, indented by two spaces. */
static int run_show_syntax_warning(void *ctx, const char *msg, int lineno, int offset, int end_lineno,
                                   int end_offset)
{
    (void)offset;
    (void)end_lineno;
    (void)end_offset;
    RunWarnCtx *w = ctx;
    const char *p = w->source, *end = w->source + w->len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
        eol = end;
    while (p < eol && strchr(" \t\f\v\r", *p))
        p++;
    while (eol > p && strchr(" \t\f\v\r", eol[-1]))
        eol--;
    char *text = NULL;
    int n = p < eol ? asprintf(&text, "%s:%d: SyntaxWarning: %s\n  %.*s\n", w->filename, lineno, msg,
                               (int)(eol - p), p)
                    : asprintf(&text, "%s:%d: SyntaxWarning: %s\n", w->filename, lineno, msg);
    if (n < 0)
        return 0;
    AdObject *err = AdSys_GetObject("stderr");
    if (err && err != Ad_None) {
        if (AdIO_WriteString(err, text) < 0)
            AdErr_Clear();
    }
    else if (!err) {
        fputs(text, stderr);
    }
    free(text);
    return 0;
}

/* Executes source text as the __main__ module. */
/* __main__, made on first use with __builtins__ and, once the import
 * machinery is installed (always unless -S), the __loader__ CPython gives
 * it: a SourceFileLoader for a script, else BuiltinImporter. 0 or -1. */
static int ensure_main_module(AdInterp *interp, const char *filename)
{
    if (interp->main_module)
        return 0;
    interp->main_module = AdModule_New("__main__");
    if (!interp->main_module)
        return -1;
    AdObject *dict = AdModule_GetDict(interp->main_module);
    if (AdDict_SetItemString(dict, "__builtins__", interp->builtins) < 0)
        return -1;
    AdObject *modules = AdSys_GetObject("modules");
    if (modules && AdDict_SetItemString(modules, "__main__", interp->main_module) < 0)
        return -1;
    AdObject *boot = AdImport_GetModule(AdStr_InternFromString("_frozen_importlib"));
    if (!boot)
        return 0;
    AdObject *loader = NULL;
    if (filename && filename[0] != '<') {
        AdObject *ext = AdImport_GetModule(AdStr_InternFromString("_frozen_importlib_external"));
        AdObject *cls = ext ? AdObject_GetAttrString(ext, "SourceFileLoader") : NULL;
        AdObject *path = cls ? AdStr_Decode(filename, (Ad_ssize_t)strlen(filename), "utf-8", "surrogateescape") : NULL;
        if (path) {
            AdObject *args[2] = {AdStr_InternFromString("__main__"), path};
            loader = AdObject_Vectorcall(cls, args, 2, NULL);
        }
        Ad_XDECREF(path);
        Ad_XDECREF(cls);
        Ad_XDECREF(ext);
    } else
        loader = AdObject_GetAttrString(boot, "BuiltinImporter");
    Ad_DECREF(boot);
    int rc = loader ? AdDict_SetItemString(dict, "__loader__", loader) : -1;
    Ad_XDECREF(loader);
    return rc;
}

static int run_source(AdInterp *interp, const char *source, size_t len, const char *filename)
{
    const AdConfig *config = &interp->runtime->config;
    RunWarnCtx warn_ctx = {filename, source, len};
    AdCompileOptions opts = {.optimize = config->optimization_level, .warn = run_show_syntax_warning,
                             .warnctx = &warn_ctx};
    AdCompileError err;
    memset(&err, 0, sizeof err);
    if (ensure_main_module(interp, filename) < 0)
        return handle_uncaught();
    AdObject *dict = AdModule_GetDict(interp->main_module);
    if (filename[0] != '<') {
        AdObject *f = AdStr_FromString(filename);
        if (!f || AdDict_SetItemString(dict, "__file__", f) < 0) {
            Ad_XDECREF(f);
            return handle_uncaught();
        }
        Ad_DECREF(f);
        if (AdDict_SetItemString(dict, "__cached__", Ad_None) < 0)
            return handle_uncaught();
    }
    AdObject *code = AdCompile_String(source, len, filename, AD_COMPILE_EXEC, &opts, &err);
    if (!code) {
        AdCompile_RaiseError(&err);
        AdParseError_Clear(&err);
        return handle_uncaught();
    }
    if (filename[0] == '<')
        AdTraceback_RegisterSource(code, source, (Ad_ssize_t)len);
    AdObject *r = AdEval_EvalCode(code, dict, dict);
    Ad_DECREF(code);
    if (!r)
        return handle_uncaught();
    Ad_DECREF(r);
    return 0;
}

/* Reads a whole stream. On a SIGINT while blocked, stops with *interrupted
 * set. Returns a malloc'd NUL-terminated buffer or NULL (errno set). */
static char *read_all(FILE *fp, size_t *len, int *interrupted)
{
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    *interrupted = 0;
    if (!buf)
        return NULL;
    int fd = fileno(fp);
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > SIZE_MAX / 2) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n - 1);
        if (got > 0) {
            n += (size_t)got;
            continue;
        }
        if (got == 0)
            break;
        if (errno == EINTR) {
            if (Ad_SignalsTakeInterrupt(&ad_runtime)) {
                *interrupted = 1;
                break;
            }
            continue;
        }
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* A KeyboardInterrupt while reading the program: CPython reports it from
 * the module's frame at line 0 of the source, and the process then dies by
 * SIGINT. */
static int keyboard_interrupt(const char *filename)
{
    fprintf(stderr, "Traceback (most recent call last):\n"
                    "  File \"%s\", line 0, in <module>\n"
                    "KeyboardInterrupt\n", filename);
    ad_runtime.unhandled_keyboard_interrupt = 1;
    return 1;
}

int Ad_RunFile(AdInterp *interp, const char *filename)
{
    if (ad_run_is_package_path(filename)) {
        if (ensure_main_module(interp, "<package>") < 0 || ad_run_package_main() < 0)
            return handle_uncaught();
        return 0;
    }
    FILE *fp = Ad_OpenCode(filename);
    struct stat st;
    int err = errno;
    if (fp && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        fp = NULL;
        err = EISDIR;
    }
    if (!fp) {
        char *abs = ad_run_absolute_path(filename);
        if (err == EISDIR)
            fprintf(stderr, "%s: can't find '__main__' module in '%s'\n",
                    program_name(interp), abs ? abs : filename);
        else
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n",
                    program_name(interp), abs ? abs : filename, err, strerror(err));
        free(abs);
        return err == EISDIR ? 1 : 2;
    }
    size_t len;
    int interrupted;
    char *source = read_all(fp, &len, &interrupted);
    err = errno;
    fclose(fp);
    if (interrupted) {
        free(source);
        return keyboard_interrupt(filename);
    }
    if (!source) {
        char *abs = ad_run_absolute_path(filename);
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n",
                program_name(interp), abs ? abs : filename, err, strerror(err));
        free(abs);
        return 2;
    }
    int rc = run_source(interp, source, len, filename);
    free(source);
    return rc;
}

int Ad_RunCommand(AdInterp *interp, const char *command)
{
    return run_source(interp, command, strlen(command), "<string>");
}

int Ad_RunModule(AdInterp *interp, const char *module)
{
    if (ensure_main_module(interp, "<module>") < 0 || ad_run_module_main(module) < 0)
        return handle_uncaught();
    return 0;
}

/* sys.path[0] as CPython computes it: the script's real directory, the
 * absolute path of a directory or zip run as a package, the current
 * directory for -m, '' for -c, stdin and the REPL; nothing with -P/-I. */
static int add_path0(AdInterp *interp)
{
    const AdConfig *config = &interp->runtime->config;
    if (config->safe_path)
        return 0;
    char *path0 = NULL;
    switch (config->run) {
    case AD_RUN_FILE:
        path0 = ad_run_is_package_path(config->run_filename) ? ad_run_absolute_path(config->run_filename)
                                                              : ad_run_script_path0(config->run_filename);
        break;
    case AD_RUN_MODULE: {
        char cwd[PATH_MAX];
        path0 = strdup(getcwd(cwd, sizeof cwd) ? cwd : "");
        break;
    }
    default:
        path0 = strdup("");
        break;
    }
    if (!path0) {
        AdErr_NoMemory();
        return -1;
    }
    int rc = ad_run_insert_path0(path0);
    free(path0);
    return rc;
}

int Ad_RunStdin(AdInterp *interp)
{
    size_t len;
    int interrupted;
    char *source = read_all(stdin, &len, &interrupted);
    if (interrupted) {
        free(source);
        return keyboard_interrupt("<stdin>");
    }
    if (!source) {
        fprintf(stderr, "%s: can't read <stdin>: [Errno %d] %s\n",
                program_name(interp), errno, strerror(errno));
        return 1;
    }
    int rc = run_source(interp, source, len, "<stdin>");
    free(source);
    return rc;
}

/* The interactive loop (src/repl/): a SystemExit in it ends the run with
 * its code. */
static int run_repl(AdInterp *interp, int banner, int startup)
{
    inspect_pending = 0;
    if (AdRepl_Run(interp, banner, startup) < 0)
        return handle_uncaught();
    return 0;
}

int Ad_RunRepl(AdInterp *interp)
{
    return run_repl(interp, 1, 1);
}

/* Adder's testing views of the front end, on a script file: -X dump_tokens
 * (as `python -m tokenize -e`), -X dump_ast (as print(ast.dump(...,
 * include_attributes=True))), -X dump_syntax_error (one line of the
 * SyntaxError's fields, or OK) and -X dump_symtable (every scope and
 * symbol, as tests/symtable/dump_symtable.py prints them with CPython's
 * symtable module) and -X dump_code (every code object, as
 * tests/compiler/dump_code.py prints CPython's). Returns -1 when none was
 * asked for. */
static int run_parser_dump(AdInterp *interp)
{
    const AdConfig *config = &interp->runtime->config;
    int tokens = AdConfig_GetXOption(config, "dump_tokens") != NULL;
    int ast = AdConfig_GetXOption(config, "dump_ast") != NULL;
    int fields = AdConfig_GetXOption(config, "dump_syntax_error") != NULL;
    int symbols = AdConfig_GetXOption(config, "dump_symtable") != NULL;
    int code = AdConfig_GetXOption(config, "dump_code") != NULL;
    if (!tokens && !ast && !fields && !symbols && !code)
        return -1;
    if (config->run != AD_RUN_FILE) {
        fprintf(stderr, "%s: -X dump_tokens, dump_ast, dump_syntax_error, dump_symtable and dump_code need a script file\n",
                program_name(interp));
        return 2;
    }
    FILE *probe = fopen(config->run_filename, "rb");
    if (!probe)
        return Ad_RunFile(interp, config->run_filename);   /* CPython's can't-open report */
    fclose(probe);
    int rc;
    if (tokens)
        rc = AdTokenizer_DumpFile(config->run_filename, stdout, stderr);
    else if (ast)
        rc = AdParser_DumpAstFile(config->run_filename, stdout, stderr);
    else if (symbols)
        rc = AdSymtable_DumpFile(config->run_filename, stdout, stderr);
    else if (code)
        rc = AdCompile_DumpCodeFile(config->run_filename, stdout, stderr);
    else
        rc = AdParser_DumpSyntaxErrorFile(config->run_filename, stdout);
    fflush(stdout);
    return rc;
}

int Ad_RunMain(AdInterp *interp)
{
    const AdConfig *config = &interp->runtime->config;
    int dumped = run_parser_dump(interp);
    if (dumped >= 0)
        return dumped;
    int rc;
    inspect_pending = config->inspect;
    if (add_path0(interp) < 0)
        return handle_uncaught();
    switch (config->run) {
    case AD_RUN_COMMAND:
        rc = Ad_RunCommand(interp, config->run_command);
        break;
    case AD_RUN_MODULE:
        rc = Ad_RunModule(interp, config->run_module);
        break;
    case AD_RUN_FILE:
        rc = Ad_RunFile(interp, config->run_filename);
        break;
    case AD_RUN_STDIN:
        rc = Ad_RunStdin(interp);
        break;
    case AD_RUN_REPL_OR_STDIN:
    default:
        inspect_pending = 0;
        if (isatty(STDIN_FILENO) || config->inspect)
            return Ad_RunRepl(interp);
        return Ad_RunStdin(interp);
    }
    /* -i or PYTHONINSPECT: the REPL after the program, whatever it did. */
    if (config->inspect) {
        ad_runtime.unhandled_keyboard_interrupt = 0;
        return run_repl(interp, 0, 0);
    }
    return rc;
}

int Ad_ExitStatusFromInt(long long code, int overflowed)
{
    if (overflowed)
        return 255;
    return (int)((unsigned long long)code & 0xff);
}
