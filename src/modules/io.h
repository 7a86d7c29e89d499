/* io.h: the native _io module (CPython's io classes in C: FileIO, BytesIO,
 * StringIO, the Buffered* family, TextIOWrapper, open()) and the helpers
 * the rest of Adder uses for the standard streams, print() and the
 * hooks of sys. Every function returns NULL or -1 with an exception on
 * failure. */
#ifndef ADDER_MODULES_IO_H
#define ADDER_MODULES_IO_H
#include "objects/object.h"
#include "runtime/config.h"

/* Readies the _io types and makes io.UnsupportedOperation (once per
 * process). 0 or -1. */
int AdIO_Init(void);
/* Finalization: frees io.UnsupportedOperation (AdIO_Init makes it again). */
void AdIO_Fini(void);
/* The _io module (builtin_modules.def). New ref. */
AdObject *AdModule_InitIO(void);
/* io.UnsupportedOperation (borrowed; NULL before AdIO_Init). */
extern AdObject *AdIO_UnsupportedOperation;

/* builtins.open: the same function as _io.open. */
extern AdMethodDef AdIO_OpenDef;

/* The encoding open() uses when none is given ("utf-8" in UTF-8 mode,
 * else the locale's codeset). Static string. */
const char *AdIO_DefaultEncoding(void);

/* Writes a str (object or UTF-8 text) to a text stream (any object with
 * write(); a native TextIOWrapper is written in C). 0 or -1. */
int AdIO_WriteString(AdObject *stream, const char *utf8);
int AdIO_WriteObject(AdObject *stream, AdObject *str);
/* stream.flush(); 0 or -1. */
int AdIO_Flush(AdObject *stream);

/* A standard stream for fd 0, 1 or 2 as CPython makes it from the
 * configuration: TextIOWrapper over BufferedReader/Writer over FileIO
 * (closefd=False), encoding and errors from PYTHONIOENCODING / UTF-8 mode /
 * the locale, stderr backslashreplace and line-buffered, stdout
 * line-buffered on a tty, -u: write-through over an unbuffered raw
 * layer. New ref. */
AdObject *AdIO_CreateStdStream(int fd, const AdConfig *config);

#endif
