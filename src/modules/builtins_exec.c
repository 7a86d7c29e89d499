/* builtins_exec.c: the builtins that reach into the compiler, the
 * evaluation loop and the import system: compile(), eval(), exec(),
 * globals(), locals() and __import__(). Each is present only when its
 * room's switch in modules/builtins_config.h is on. */
#include "modules/builtins.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#if ADDER_HAVE_VM
#include "vm/ceval.h"
#endif
#if ADDER_HAVE_COMPILER
#include "compiler/compile.h"
#include "modules/ast_module.h"
#endif
#if ADDER_HAVE_IMPORT
#include "import/import.h"
#endif

#include <string.h>

#define FN(f) ((void (*)(void))(f))

#if ADDER_HAVE_VM
static AdObject *bi_globals(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    AdObject *g = AdEval_GetGlobals();
    return Ad_NewRef(g ? g : Ad_None);
}

static AdObject *bi_locals(AdObject *m, AdObject *unused)
{
    (void)m;
    (void)unused;
    AdObject *l = AdEval_GetLocals();
    if (!l && !AdErr_Occurred())
        return Ad_NewRef(Ad_None);
    return l;
}
#endif

#if ADDER_HAVE_VM && ADDER_HAVE_COMPILER
/* Source text of a str/bytes argument (borrowed pointer into src). */
static const char *source_text(AdObject *src, Ad_ssize_t *len)
{
    if (AdStr_Check(src))
        return AdStr_AsUTF8AndSize(src, len);
    if (AdBytes_Check(src)) {
        *len = AD_SIZE(src);
        return AdBytes_AS_STRING(src);
    }
    return NULL;
}

/* Compile str or bytes SRC; STRIP drops leading spaces and tabs (eval() does,
 * compile() does not).  A str has no coding cookie to honour. */
static AdObject *compile_text(AdObject *src, const char *filename, AdCompileMode mode, int flags, int optimize,
                              int strip)
{
    Ad_ssize_t len;
    const char *text = source_text(src, &len);
    if (!text)
        return NULL;
    if (strlen(text) != (size_t)len)
        return AdErr_Format(AdExc_SyntaxError, "source code string cannot contain null bytes");
    if (strip)
        while (len > 0 && (*text == ' ' || *text == '\t')) {
            text++;
            len--;
        }
    AdCompileOptions opts = {0};
    opts.flags = flags;
    opts.optimize = optimize;
    AdCompileError err;
    memset(&err, 0, sizeof err);
    AdArena *arena = AdArena_New();
    if (!arena)
        return AdErr_NoMemory();
    AdParseMode pm = mode == AD_COMPILE_EVAL ? AD_PARSE_EVAL : mode == AD_COMPILE_SINGLE ? AD_PARSE_SINGLE : AD_PARSE_EXEC;
    AdMod *mod = AdParser_ParseString(text, (size_t)len, filename, pm, AdStr_Check(src) ? AD_PARSEF_STR_INPUT : 0,
                                      arena, &err);
    AdObject *code = mod ? AdCompile_Ast(mod, filename, &opts, &err) : NULL;
    AdArena_Free(arena);
    if (!code) {
        if (!AdErr_Occurred())
            AdCompile_RaiseError(&err);
        AdParseError_Clear(&err);
    }
    return code;
}

static AdObject *bi_compile(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize",
                                        "_feature_version"};
    AdObject *a[7];
    if (ad_num_parse_args("compile", args, nargs, kwnames, NULL, names, 7, 0, 6, 3, a) < 0)
        return NULL;
    const char *mode = AdStr_Check(a[2]) ? AdStr_AsUTF8(a[2]) : NULL;
    if (!mode)
        return AdErr_Format(AdExc_TypeError, "compile() argument 'mode' must be str, not %.200s",
                            AdType_Name(AD_TYPE(a[2])));
    AdCompileMode cm;
    if (!strcmp(mode, "exec"))
        cm = AD_COMPILE_EXEC;
    else if (!strcmp(mode, "eval"))
        cm = AD_COMPILE_EVAL;
    else if (!strcmp(mode, "single"))
        cm = AD_COMPILE_SINGLE;
    else if (!strcmp(mode, "func_type")) {
        cm = AD_COMPILE_EXEC;
        if (!(a[3] && (AdInt_AsInt64(a[3]) & AD_PYCF_ONLY_AST)))
            return AdErr_Format(AdExc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
    }
    else if (a[3] && (AdInt_AsInt64(a[3]) & AD_PYCF_ONLY_AST))
        return AdErr_Format(AdExc_ValueError, "compile() mode must be 'exec', 'eval', 'single' or 'func_type'");
    else
        return AdErr_Format(AdExc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    int flags = 0, optimize = -1;
    if (a[3]) {
        int64_t v = AdInt_AsInt64(a[3]);
        if (v == -1 && AdErr_Occurred())
            return NULL;
        flags = (int)v;
    }
    if (a[5]) {
        int64_t v = AdInt_AsInt64(a[5]);
        if (v == -1 && AdErr_Occurred())
            return NULL;
        if (v < -1 || v > 2)
            return AdErr_Format(AdExc_ValueError, "compile(): invalid optimize value");
        optimize = (int)v;
    }
    const char *filename = AdStr_Check(a[1]) ? AdStr_AsUTF8(a[1]) : NULL;
    if (!filename)
        return AdErr_Format(AdExc_TypeError, "compile() argument 'filename' must be str, not %.200s",
                            AdType_Name(AD_TYPE(a[1])));
    if (AdAst_Check(a[0]))
        return AdAst_Compile(a[0], filename, mode, flags, optimize);
    if (flags & AD_PYCF_ONLY_AST) {
        Ad_ssize_t len;
        const char *text = source_text(a[0], &len);
        if (!text)
            return AdErr_Format(AdExc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
        if (strlen(text) != (size_t)len)
            return AdErr_Format(AdExc_SyntaxError, "source code string cannot contain null bytes");
        return AdAst_Parse(text, (size_t)len, filename, mode, AdStr_Check(a[0]), flags, optimize);
    }
    if (!AdStr_Check(a[0]) && !AdBytes_Check(a[0]))
        return AdErr_Format(AdExc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    return compile_text(a[0], filename, cm, flags, optimize, 0);
}

/* eval() and exec(): the namespace checks, then compile (text) and run. */
static AdObject *run_source(const char *fname, int is_exec, AdObject *const *args, Ad_ssize_t nargs,
                            AdObject *kwnames)
{
    static const char *const names[] = {"source", "globals", "locals", "closure"};
    AdObject *a[4];
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    if (nargs < 1)
        return AdErr_Format(AdExc_TypeError, "%s() takes at least 1 positional argument (%zd given)", fname, nargs);
    if (nargs + nkw > (is_exec ? 4 : 3))
        return AdErr_Format(AdExc_TypeError, "%s() takes at most %d arguments (%zd given)", fname,
                            is_exec ? 4 : 3, nargs + nkw);
    if (ad_num_parse_args(fname, args, nargs, kwnames, NULL, names, is_exec ? 4 : 3, 1, 3, 1, a) < 0)
        return NULL;
    AdObject *globals = a[1] == Ad_None ? NULL : a[1], *locals = a[2] == Ad_None ? NULL : a[2];
    AdObject *closure = !is_exec || a[3] == Ad_None ? NULL : a[3];   /* eval() has no closure */
    if (globals && !AdDict_Check(globals)) {
        if (is_exec)
            return AdErr_Format(AdExc_TypeError, "exec() globals must be a dict, not %.100s",
                                AdType_Name(AD_TYPE(globals)));
        return AdErr_Format(AdExc_TypeError, "globals must be a dict");
    }
    if (locals && !(AD_TYPE(locals)->tp_as_mapping && AD_TYPE(locals)->tp_as_mapping->mp_subscript)) {
        if (is_exec)
            return AdErr_Format(AdExc_TypeError, "locals must be a mapping or None, not %.100s",
                                AdType_Name(AD_TYPE(locals)));
        return AdErr_Format(AdExc_TypeError, "locals must be a mapping");
    }
    AdObject *own_locals = NULL;
    if (!globals) {
        globals = AdEval_GetGlobals();
        if (!locals) {
            own_locals = AdEval_GetLocals();
            locals = own_locals;
        }
        if (!globals)
            return AdErr_Format(AdExc_SystemError, "globals and locals cannot be NULL");
    } else if (!locals)
        locals = globals;
    AdObject *code = NULL, *r = NULL;
    if (AdCode_Check(a[0]))
        code = Ad_NewRef(a[0]);
    else if (AdStr_Check(a[0]) || AdBytes_Check(a[0]))
        code = compile_text(a[0], "<string>", is_exec ? AD_COMPILE_EXEC : AD_COMPILE_EVAL, 0, -1, !is_exec);
    else
        AdErr_Format(AdExc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    if (code)
        r = AdEval_EvalCodeWithClosure(code, globals, locals, closure);
    Ad_XDECREF(code);
    Ad_XDECREF(own_locals);
    if (r && is_exec)
        AD_SETREF(r, Ad_NewRef(Ad_None));
    return r;
}

static AdObject *bi_eval(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return run_source("eval", 0, args, nargs, kwnames);
}

static AdObject *bi_exec(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    return run_source("exec", 1, args, nargs, kwnames);
}
#endif

#if ADDER_HAVE_IMPORT
static AdObject *bi_import(AdObject *m, AdObject *const *args, Ad_ssize_t nargs, AdObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    AdObject *a[5];
    Ad_ssize_t nkw = kwnames ? AdTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw > 5)
        return AdErr_Format(AdExc_TypeError, "__import__() takes at most 5 arguments (%zd given)", nargs + nkw);
    if (ad_num_parse_args("__import__", args, nargs, kwnames, NULL, names, 5, 0, 5, 1, a) < 0)
        return NULL;
    int level = 0;
    if (a[4]) {
        int64_t v = AdInt_AsInt64(a[4]);
        if (v == -1 && AdErr_Occurred())
            return NULL;
        level = (int)v;
    }
    return AdImport_ImportModuleLevelObject(a[0], a[1], a[2], a[3], level);
}
#endif

AdMethodDef modules_builtins_exec_methods[] = {
#if ADDER_HAVE_VM
    {"globals", FN(bi_globals), AD_METH_NOARGS,
     "Return the dictionary containing the current scope's global variables.\n\n"
     "NOTE: Updates to this dictionary *will* affect name lookups in the current\n"
     "global scope and vice-versa."},
    {"locals", FN(bi_locals), AD_METH_NOARGS,
     "Return a dictionary containing the current scope's local variables.\n\n"
     "NOTE: Whether or not updates to this dictionary will affect name lookups in\n"
     "the local scope and vice-versa is *implementation dependent* and not\n"
     "covered by any backwards compatibility guarantees."},
#endif
#if ADDER_HAVE_VM && ADDER_HAVE_COMPILER
    {"compile", FN(bi_compile), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Compile source into a code object that can be executed by exec() or eval().\n\n"
     "The source code may represent a Python module, statement or expression.\n"
     "The filename will be used for run-time error messages.\n"
     "The mode must be 'exec' to compile a module, 'single' to compile a\n"
     "single (interactive) statement, or 'eval' to compile an expression.\n"
     "The flags argument, if present, controls which future statements influence\n"
     "the compilation of the code.\n"
     "The dont_inherit argument, if true, stops the compilation inheriting\n"
     "the effects of any future statements in effect in the code calling\n"
     "compile; if absent or false these statements do influence the compilation,\n"
     "in addition to any features explicitly specified."},
    {"eval", FN(bi_eval), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Evaluate the given source in the context of globals and locals.\n\n"
     "The source may be a string representing a Python expression\n"
     "or a code object as returned by compile().\n"
     "The globals must be a dictionary and locals can be any mapping,\n"
     "defaulting to the current globals and locals.\n"
     "If only globals is given, locals defaults to it."},
    {"exec", FN(bi_exec), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Execute the given source in the context of globals and locals.\n\n"
     "The source may be a string representing one or more Python statements\n"
     "or a code object as returned by compile().\n"
     "The globals must be a dictionary and locals can be any mapping,\n"
     "defaulting to the current globals and locals.\n"
     "If only globals is given, locals defaults to it.\n"
     "The closure must be a tuple of cellvars, and can only be used\n"
     "when source is a code object requiring exactly that many cellvars."},
#endif
#if ADDER_HAVE_IMPORT
    {"__import__", FN(bi_import), AD_METH_FASTCALL | AD_METH_KEYWORDS,
     "Import a module.\n\n"
     "Because this function is meant for use by the Python\n"
     "interpreter and not for general use, it is better to use\n"
     "importlib.import_module() to programmatically import a module.\n\n"
     "The globals argument is only used to determine the context;\n"
     "they are not modified.  The locals argument is unused.  The fromlist\n"
     "should be a list of names to emulate ``from name import ...``, or an\n"
     "empty list to emulate ``import name``.\n"
     "When importing a module from a package, note that __import__('A.B', ...)\n"
     "returns package A when fromlist is empty, but its submodule B when\n"
     "fromlist is not empty.  The level argument is used to determine whether to\n"
     "perform absolute or relative imports: 0 is absolute, while a positive number\n"
     "is the number of parent directories to search relative to the current module."},
#endif
    {NULL, NULL, 0, NULL},
};
