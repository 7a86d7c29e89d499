/* code.h: code objects. Adder's bytecode is CPython 3.14's: the same
 * instruction set and numbering (the stdlib's _opcode_metadata.py, which
 * the `dis` module reads, is the specification), 16-bit code units
 * (opcode, oparg) with EXTENDED_ARG, the same inline cache entries after
 * the instructions that have them, the same exception table and location
 * table encodings. So dis, inspect and traceback work on Adder's code
 * unchanged, and the evaluation loop can specialize instructions in place
 * in the cache entries. */
#ifndef ADDER_OBJECTS_CODE_H
#define ADDER_OBJECTS_CODE_H
#include <stdint.h>
#include "objects/object.h"

typedef uint16_t AdCodeUnit;       /* little-endian: low byte opcode, high byte oparg */

/* co_flags (values as inspect.CO_*). */
enum {
    AD_CO_OPTIMIZED = 0x0001,
    AD_CO_NEWLOCALS = 0x0002,
    AD_CO_VARARGS = 0x0004,
    AD_CO_VARKEYWORDS = 0x0008,
    AD_CO_NESTED = 0x0010,
    AD_CO_GENERATOR = 0x0020,
    AD_CO_NOFREE = 0x0040,
    AD_CO_COROUTINE = 0x0080,
    AD_CO_ITERABLE_COROUTINE = 0x0100,
    AD_CO_ASYNC_GENERATOR = 0x0200,
    AD_CO_HAS_DOCSTRING = 0x4000000,
    AD_CO_METHOD = 0x8000000,
};

/* Kinds of the "locals plus" slots (co_localspluskinds). */
enum {
    AD_CO_FAST_HIDDEN = 0x10,
    AD_CO_FAST_LOCAL = 0x20,
    AD_CO_FAST_CELL = 0x40,
    AD_CO_FAST_FREE = 0x80,
};

typedef struct {
    AdObject_VAR_HEAD;                 /* ob_size: number of code units */
    AdObject *co_consts;               /* tuple */
    AdObject *co_names;                /* tuple of str */
    AdObject *co_exceptiontable;       /* bytes */
    int co_flags;
    int co_argcount;
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_stacksize;
    int co_firstlineno;
    int co_nlocalsplus;                /* locals + cells + frees */
    int co_framesize;                  /* nlocalsplus + stacksize + frame header */
    int co_nlocals;
    int co_ncellvars;
    int co_nfreevars;
    uint32_t co_version;               /* for the loop's caches */
    AdObject *co_localsplusnames;      /* tuple of str */
    AdObject *co_localspluskinds;      /* bytes, one AD_CO_FAST_* per slot */
    AdObject *co_filename;
    AdObject *co_name;
    AdObject *co_qualname;
    AdObject *co_linetable;            /* bytes, the PEP 626 location table */
    AdObject *co_weakreflist;
    void *co_extra;                    /* the evaluation loop's per-code data */
    AdCodeUnit co_code_adaptive[1];    /* ob_size units, specialized in place */
} AdCodeObject;

extern AdTypeObject AdCode_Type;
#define AdCode_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdCode_Type)
#define AdCode_CODE(co) (((AdCodeObject *)(co))->co_code_adaptive)
#define AdCode_NBYTES(co) (AD_SIZE(co) * (Ad_ssize_t)sizeof(AdCodeUnit))

/* Everything a code object is made of (the compiler's and marshal's
 * constructor); takes new references to the objects it keeps. */
typedef struct {
    AdObject *filename, *name, *qualname;
    int flags;
    AdObject *code;                    /* bytes: the unspecialized bytecode */
    int firstlineno;
    AdObject *linetable;
    AdObject *consts, *names;
    AdObject *localsplusnames, *localspluskinds;
    int argcount, posonlyargcount, kwonlyargcount;
    int stacksize;
    AdObject *exceptiontable;
} AdCodeConstructor;

AdObject *AdCode_New(const AdCodeConstructor *c);  /* new ref or NULL */

/* The line of the instruction at byte offset addr (-1: none). */
int AdCode_Addr2Line(AdObject *code, int addr);
/* Full location: line, end line, column, end column (-1 where unknown). */
int AdCode_Addr2Location(AdObject *code, int addr, int *line, int *endline, int *col, int *endcol);
#endif
