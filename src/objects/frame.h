/* frame.h: Python-visible frame objects (the `frame` type), made lazily
 * for sys._getframe, tracebacks, generators and trace functions: f_code,
 * f_lineno, f_lasti, f_locals (for function frames the PEP 667
 * write-through proxy, FrameLocalsProxy), f_globals, f_builtins, f_back,
 * f_trace, f_trace_lines, f_trace_opcodes, f_generator, clear(). A frame
 * object refers to its frame record while the frame runs (on the thread's
 * frame stack or in a generator) and takes a copy of it when the record
 * goes away first. */
#ifndef ADDER_OBJECTS_FRAME_H
#define ADDER_OBJECTS_FRAME_H
#include "objects/object.h"

struct AdFrame;

typedef struct {
    AdObject_HEAD;
    struct AdFrame *f_frame;    /* the record (NULL once cleared) */
    AdObject *f_back;           /* kept when the record is taken over */
    AdObject *f_trace;          /* local trace function or NULL */
    AdObject *f_extra_locals;   /* names added through f_locals to a function frame */
    AdObject *f_locals_cache;   /* unused slot for future snapshots */
    int f_lineno;               /* line when the record is gone */
    char f_trace_lines, f_trace_opcodes;
    void *f_owned;              /* the record's storage once owned */
} AdFrameObject;

extern AdTypeObject AdFrame_Type, AdFrameLocalsProxy_Type;
#define AdFrame_Check(o) Ad_IS_TYPE((AdObject *)(o), &AdFrame_Type)

/* frame.f_lineno / f_code / f_back as C calls (new refs; f_back may be NULL). */
int AdFrame_GetLineNumber(AdObject *frame);
AdObject *AdFrame_GetCode(AdObject *frame);
AdObject *AdFrame_GetBack(AdObject *frame);
/* frame.f_locals: the dict for module/class frames, a FrameLocalsProxy for
 * function frames. New ref. */
AdObject *AdFrame_GetLocals(AdObject *frame);

/* Private to the vm room and this file. */
AdObject *ad_frameobject_new(struct AdFrame *f);             /* new ref */
void ad_frameobject_take_ownership(AdObject *fo, struct AdFrame *f);
void ad_frameobject_detach(AdObject *fo);
void ad_frameobject_relink(AdObject *fo, struct AdFrame *f);
/* A dict snapshot of a frame's variables (locals() in a function). */
AdObject *ad_frame_locals_snapshot(struct AdFrame *f);
#endif
