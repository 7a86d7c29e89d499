/* frame_api.c: the current frame and its namespaces as ceval.h exposes
 * them (sys._getframe, globals(), locals(), builtins), sys.exception(),
 * zero-argument super(), and the vm room's start-up. */
#include "vm/ceval.h"
#include "vm/frame.h"
#include "vm/vm_int.h"
#include "objects/cell.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/gen.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

AdObject *AdEval_GetFrame(void)
{
    AdVMState *vm = vm_state();
    return vm->current_frame ? vm_frame_get_object(vm->current_frame) : NULL;
}

AdObject *AdEval_GetFrameAt(int depth)
{
    AdFrame *f = vm_state()->current_frame;
    while (f && depth > 0) {
        f = f->previous;
        depth--;
    }
    return f ? vm_frame_get_object(f) : NULL;
}

AdObject *AdEval_GetGlobals(void)
{
    AdFrame *f = vm_state()->current_frame;
    return f ? f->f_globals : NULL;
}

AdObject *AdEval_GetLocals(void)
{
    AdFrame *f = vm_state()->current_frame;
    if (!f)
        return NULL;
    if (f->f_locals)
        return Ad_NewRef(f->f_locals);
    return ad_frame_locals_snapshot(f);
}

AdObject *AdEval_GetFrameLocals(void)
{
    AdObject *fo = AdEval_GetFrame();
    return fo ? AdFrame_GetLocals(fo) : NULL;
}

AdObject *AdEval_GetHandledException(void)
{
    AdVMState *vm = vm_state();
    for (AdExcInfo *e = vm->exc_info; e; e = e->previous)
        if (e->exc_value && e->exc_value != Ad_None)
            return e->exc_value;
    return NULL;
}

int AdEval_GetSuperArgs(AdObject **type, AdObject **obj)
{
    AdFrame *f = vm_state()->current_frame;
    if (!f) {
        AdErr_SetString(AdExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    AdCodeObject *co = (AdCodeObject *)f->f_code;
    if (co->co_argcount == 0) {
        AdErr_SetString(AdExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    AdObject *first = f->localsplus[0];
    if (first && AdCell_Check(first) && co->co_ncellvars > 0)
        first = AdCell_GET(first);
    if (!first) {
        AdErr_SetString(AdExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
        AdObject *name = AdTuple_GET_ITEM(co->co_localsplusnames, i);
        if (AdStr_EqualToASCII(name, "__class__")) {
            AdObject *cell = f->localsplus[i];
            if (!cell || !AdCell_Check(cell)) {
                AdErr_SetString(AdExc_RuntimeError, "super(): bad __class__ cell");
                return -1;
            }
            AdObject *t = AdCell_GET(cell);
            if (!t) {
                AdErr_SetString(AdExc_RuntimeError, "super(): empty __class__ cell");
                return -1;
            }
            if (!AdType_Check(t)) {
                AdErr_Format(AdExc_RuntimeError, "super(): __class__ is not a type (%s)", AdType_Name(AD_TYPE(t)));
                return -1;
            }
            *type = Ad_NewRef(t);
            *obj = Ad_NewRef(first);
            return 0;
        }
    }
    AdErr_SetString(AdExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

int ad_vm_init(void)
{
    AdTypeObject *const types[] = {&AdFrame_Type, &AdFrameLocalsProxy_Type, &AdGen_Type, &AdCoro_Type,
                                   &AdAsyncGen_Type, &AdCoroWrapper_Type, &AdAsyncGenASend_Type,
                                   &AdAsyncGenAThrow_Type, &AdAsyncGenWrappedValue_Type};
    ad_gen_init();
    if (ad_function_init() < 0)
        return -1;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (AdType_Ready(types[i]) < 0)
            return -1;
    return 0;
}
