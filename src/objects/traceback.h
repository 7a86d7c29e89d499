/* traceback.h: traceback objects (tb_next, tb_frame, tb_lasti, tb_lineno),
 * the links the evaluation loop adds as an exception unwinds. */
#ifndef ADDER_OBJECTS_TRACEBACK_H
#define ADDER_OBJECTS_TRACEBACK_H
#include "objects/object.h"

typedef struct AdTracebackObject {
    AdObject_HEAD;
    struct AdTracebackObject *tb_next;
    AdObject *tb_frame;         /* the frame object */
    int tb_lasti;               /* instruction offset in bytes */
    int tb_lineno;              /* -1: computed from tb_lasti when asked */
} AdTracebackObject;

extern AdTypeObject AdTraceback_Type;
#define AdTraceback_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdTraceback_Type)

/* A new traceback entry in front of next (may be NULL). New ref. */
AdObject *AdTraceback_New(AdObject *next, AdObject *frame, int lasti, int lineno);
#endif
