/* errors.h: raising, inspecting and clearing exceptions. The exception
 * being raised lives on the current thread state (AdThread); a function
 * that fails sets it and returns NULL or -1. As in CPython 3.12+, the
 * raised exception is one object (its type is Ad_TYPE of it): there is no
 * separate (type, value, traceback) triple. */
#ifndef ADDER_OBJECTS_ERRORS_H
#define ADDER_OBJECTS_ERRORS_H

#include <stdarg.h>
#include "objects/object.h"

/* The type of the exception being raised (borrowed), or NULL. */
AdObject *AdErr_Occurred(void);

/* Raises an exception: of type with value as its single argument (or value
 * itself when it is already an instance of type; NULL value: no arguments). */
void AdErr_SetObject(AdObject *type, AdObject *value);
void AdErr_SetNone(AdObject *type);
void AdErr_SetString(AdObject *type, const char *msg);
/* Formats the message like AdStr_FromFormat (%s %d %i %u %ld %lld %zd %zu %x
 * %p %c %%; %U str object, %S str(), %R repr(), %A ascii(), %N type name of
 * a type object, %T type name of an object's type; %V/%.Ns precision forms as
 * the str formatter allows). Always returns NULL. */
AdObject *AdErr_Format(AdObject *type, const char *fmt, ...);
AdObject *AdErr_FormatV(AdObject *type, const char *fmt, va_list va);

/* The raised exception (new ref) and clears it; NULL when none. */
AdObject *AdErr_GetRaisedException(void);
/* Raises exc, stealing the reference; NULL clears. */
void AdErr_SetRaisedException(AdObject *exc);
void AdErr_Clear(void);
/* 1 when the raised exception matches type (a class or a tuple of them). */
int AdErr_ExceptionMatches(AdObject *type);
/* 1 when exc (an instance or class) matches type (class or tuple). */
int AdErr_GivenExceptionMatches(AdObject *exc, AdObject *type);

/* MemoryError (the preallocated instance when allocation itself fails). NULL. */
AdObject *AdErr_NoMemory(void);
/* OSError subclass chosen by errno (FileNotFoundError, ...) with
 * (errno, strerror[, filename[, winerror, filename2]]). NULL. */
AdObject *AdErr_SetFromErrno(AdObject *type);
AdObject *AdErr_SetFromErrnoWithFilename(AdObject *type, const char *filename);
AdObject *AdErr_SetFromErrnoWithFilenameObjects(AdObject *type, AdObject *f1, AdObject *f2);
/* SystemError "bad argument to internal function" / TypeError "bad argument type for built-in operation". */
void AdErr_BadInternalCall(void);
int AdErr_BadArgument(void);

/* Sets exc.__context__ of the raised exception to the one being handled,
 * as raising inside an except block does (cycles are broken as CPython
 * does). Used by the evaluation loop and by C code that raises while
 * handling. */
void AdErr_ChainExceptions(AdObject *handled);

/* Reports an exception that cannot be raised ("Exception ignored in: ..."),
 * through sys.unraisablehook; clears it. obj may be NULL. */
void AdErr_WriteUnraisable(AdObject *obj);
void AdErr_FormatUnraisable(const char *fmt, ...);
/* Set by the sys module: reports exc (borrowed) with err_msg (or NULL) and
 * obj (or NULL) through sys.unraisablehook. NULL before sys exists. */
extern void (*AdErr_UnraisableHook)(AdObject *exc, const char *err_msg, AdObject *obj);

/* Warnings: category is a Warning subclass; returns 0, or -1 when the
 * warning was turned into an exception (then it is raised). */
/* A new exception class "module.Name" deriving from base (NULL:
 * Exception) with the attributes of dict (may be NULL). New ref. */
AdObject *AdErr_NewException(const char *dotted_name, AdObject *base, AdObject *dict);
int AdErr_WarnEx(AdObject *category, const char *msg, Ad_ssize_t stacklevel);
/* Where AdErr_WarnEx sends warnings once the warnings machinery is up
 * (modules/warnings_module.c); 0, or -1 with the warning raised as an error. */
extern int (*AdErr_WarnHook)(AdObject *category, const char *msg, Ad_ssize_t stacklevel);
int AdErr_WarnFormat(AdObject *category, Ad_ssize_t stacklevel, const char *fmt, ...);

/* Checks the pending-signal flag; runs Python signal handlers (SIGINT ->
 * KeyboardInterrupt). Returns 0, or -1 with the exception raised. */
int AdErr_CheckSignals(void);
/* Set by the signal module once it exists: runs the Python-level handlers
 * of the tripped signals (SIGINT's default raises KeyboardInterrupt);
 * AdErr_CheckSignals calls it instead of its built-in SIGINT handling.
 * 0, or -1 with the exception a handler raised. */
extern int (*AdErr_SignalHandlersHook)(void);

/* RecursionError guard for C recursion: returns -1 with RecursionError
 * ("maximum recursion depth exceeded" + where) when the depth limit is hit. */
int Ad_EnterRecursiveCall(const char *where);
void Ad_LeaveRecursiveCall(void);

#endif
