/* compile.h -- the bytecode compiler (public contract).
 *
 * Owns: turning source text or an AST (parser/ast.h) into a code object
 * (objects/code.h) exactly as CPython 3.14's compiler does: the same
 * instructions, constants, names, flags, stack size, exception table and
 * location table.  Compile-time errors are SyntaxErrors with CPython's
 * message and location; SyntaxWarnings go to a callback.
 *
 * Errors are reported in an AdCompileError record (the parser's record:
 * kind, msg, filename, lineno, offset, end_lineno, end_offset, text), so a
 * caller can raise SyntaxError from it (AdCompile_RaiseError) or print it.
 * MemoryError and errors raised by the object layer (a constant that
 * cannot be made) are kind AD_PERR_MEMORY; the Python exception, if any,
 * is left set in that case.
 */
#ifndef ADDER_COMPILER_COMPILE_H
#define ADDER_COMPILER_COMPILE_H

#include <stddef.h>
#include <stdio.h>

#include "objects/object.h"
#include "parser/ast.h"
#include "parser/parser.h"

typedef AdParseError AdCompileError;

typedef enum AdCompileMode {
    AD_COMPILE_EXEC,      /* a module: Module */
    AD_COMPILE_EVAL,      /* an expression: Expression */
    AD_COMPILE_SINGLE     /* interactive statement: Interactive (prints values) */
} AdCompileMode;

/* compile() flags (the values of CPython's PyCF_* and CO_FUTURE_*). */
enum {
    AD_PYCF_SOURCE_IS_UTF8 = 0x0100,
    AD_PYCF_DONT_IMPLY_DEDENT = 0x0200,
    AD_PYCF_ONLY_AST = 0x0400,
    AD_PYCF_IGNORE_COOKIE = 0x0800,
    AD_PYCF_TYPE_COMMENTS = 0x1000,
    AD_PYCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000,
    AD_PYCF_ALLOW_INCOMPLETE_INPUT = 0x4000,
    AD_PYCF_OPTIMIZED_AST = 0x8000 | 0x0400,
    AD_CO_FUTURE_BARRY_AS_BDFL = 0x400000,
    AD_CO_FUTURE_ANNOTATIONS = 0x1000000
};

/* A SyntaxWarning met while compiling: return 0 to go on, -1 to make it a
 * SyntaxError with the same message (warnings configured as errors). */
typedef int (*AdCompileWarnFunc)(void *ctx, const char *msg, int lineno, int offset,
                                 int end_lineno, int end_offset);

typedef struct AdCompileOptions {
    int flags;               /* AD_PYCF_* | AD_CO_FUTURE_* in force */
    int optimize;            /* -1 or 0: asserts and __debug__ kept; 1: -O; 2: -OO */
    AdCompileWarnFunc warn;  /* NULL: warnings are dropped */
    void *warnctx;
    int flags_out;           /* set: the future features in force after compiling */
} AdCompileOptions;

/* Compile the tree MOD (Module, Expression or Interactive) to a code
 * object.  FILENAME becomes co_filename (NULL -> "<string>").  OPTS may be
 * NULL (no flags, optimize 0).  Returns a new reference, or NULL with *ERR
 * filled (release with AdParseError_Clear).  The tree is not changed. */
AdObject *AdCompile_Ast(const AdMod *mod, const char *filename, AdCompileOptions *opts,
                        AdCompileError *err);

/* Parse and compile SRC[0..LEN) in MODE (see AdCompile_Ast). */
AdObject *AdCompile_String(const char *src, size_t len, const char *filename,
                           AdCompileMode mode, AdCompileOptions *opts, AdCompileError *err);

/* Raise ERR as a Python exception: SyntaxError (or IndentationError,
 * TabError) with msg and (filename, lineno, offset, text, end_lineno,
 * end_offset), MemoryError, or OSError.  Always returns NULL. */
AdObject *AdCompile_RaiseError(const AdCompileError *err);

/* Test hook for `adder -X dump_code FILE`: compile the file (mode exec) and
 * print the canonical dump of the module code object and every nested
 * code object, depth first through co_consts, in the format of
 * tests/compiler/dump_code.py; returns 0.  SyntaxWarnings are printed
 * first as "SyntaxWarning|msg|lineno".  If compiling fails, print one line
 * "Type|msg|lineno|offset|end_lineno|end_offset" and return 1; if the file
 * cannot be read, print a message to ERR and return 2.  Needs the object
 * layer initialized (ad_objects_init). */
int AdCompile_DumpCodeFile(const char *path, FILE *out, FILE *err);

/* Print the dump of CODE (and its nested code objects) to OUT. */
int AdCompile_DumpCode(AdObject *code, FILE *out);

#endif /* ADDER_COMPILER_COMPILE_H */
