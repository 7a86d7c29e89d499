/* builtins_config.h: build-time switches for the parts of builtins (and
 * zero-argument super) that call into rooms still being written. The lead
 * flips each to 1 (here or with -D) once the named entry points link:
 *
 *   ADDER_HAVE_VM        vm/ceval.h: AdEval_GetGlobals, AdEval_GetLocals,
 *                        AdEval_GetBuiltins, AdEval_GetSuperArgs,
 *                        AdEval_EvalCode, AdEval_EvalCodeWithClosure:
 *                        globals(), locals(), vars(), dir(), zero-argument
 *                        super(), running class bodies in __build_class__,
 *                        eval()/exec() of code objects.
 *   ADDER_HAVE_COMPILER  compiler/compile.h: AdCompile_String,
 *                        AdCompile_RaiseError: compile(), and eval()/exec()
 *                        of source text (with ADDER_HAVE_VM).
 *   ADDER_HAVE_IMPORT    import/import.h: AdImport_ImportModuleLevelObject
 *                        (name, globals, locals, fromlist, level): __import__.
 *   ADDER_HAVE_SYS       modules/sys.h: AdObject *AdSys_GetObject(const char
 *                        *name) (borrowed, NULL without exception when
 *                        absent): print() and input() through sys.stdout,
 *                        sys.stdin, sys.stderr; breakpoint() through
 *                        sys.breakpointhook. While 0, print() and input()
 *                        use the C streams and breakpoint() raises
 *                        RuntimeError "lost sys.breakpointhook".
 *   ADDER_HAVE_TEXTIO    modules/io.h: AdIO_OpenDef (_io.open) installed as open().
 *
 * While a switch is 0 the functions that need it are left out of the
 * builtins module (compile, eval, exec, __import__, globals, locals, open) or
 * raise (zero-argument super: RuntimeError "super(): no arguments";
 * __build_class__: SystemError). */
#ifndef ADDER_MODULES_BUILTINS_CONFIG_H
#define ADDER_MODULES_BUILTINS_CONFIG_H
#ifndef ADDER_HAVE_VM
#define ADDER_HAVE_VM 1
#endif
#ifndef ADDER_HAVE_COMPILER
#define ADDER_HAVE_COMPILER 1
#endif
#ifndef ADDER_HAVE_IMPORT
#define ADDER_HAVE_IMPORT 1
#endif
#ifndef ADDER_HAVE_SYS
#define ADDER_HAVE_SYS 1
#endif
#ifndef ADDER_HAVE_TEXTIO
#define ADDER_HAVE_TEXTIO 1
#endif
#endif
