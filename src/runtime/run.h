/* run.h: the ways of running a program, one entry point each: a script
 * file, a -c string, a -m module, a program on stdin, the REPL. Each
 * returns the process exit status that the run asks for (0 success, 1
 * uncaught exception, 2 unopenable script, or a SystemExit code). An
 * uncaught KeyboardInterrupt also sets
 * ad_runtime.unhandled_keyboard_interrupt so that Ad_Main re-raises
 * SIGINT after finalizing. */
#ifndef ADDER_RUNTIME_RUN_H
#define ADDER_RUNTIME_RUN_H

#include "runtime/interp.h"

int Ad_RunFile(AdInterp *interp, const char *filename);
int Ad_RunCommand(AdInterp *interp, const char *command);
int Ad_RunModule(AdInterp *interp, const char *module);
int Ad_RunStdin(AdInterp *interp);
int Ad_RunRepl(AdInterp *interp);

/* Runs what interp->config says (the dispatch of Ad_Main). */
int Ad_RunMain(AdInterp *interp);

/* The exit status for SystemExit(code) with an int code: the low 8 bits,
 * as the OS keeps them; an int too large for a C long gives 255 (CPython
 * reports the overflow and exits with -1). */
int Ad_ExitStatusFromInt(long long code, int overflowed);

#endif
