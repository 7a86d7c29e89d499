/* call.c: calling Python functions: binding positional and keyword
 * arguments into a new frame's locals with CPython 3.14's checks and
 * messages (including "Did you mean ...?" for unknown keywords), the
 * function type's vectorcall, and running code objects (exec/eval,
 * class bodies). */
#include "vm/ceval.h"
#include "vm/frame.h"
#include "vm/vm_int.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"

#include <string.h>

/* ---- keyword suggestions (the edit distance CPython's suggestions use) ---- */

#define SUGGEST_MOVE_COST 2
#define SUGGEST_CASE_COST 1
#define SUGGEST_MAX_SIZE 40

static int sub_cost(uint32_t a, uint32_t b)
{
    if (a == b)
        return 0;
    if (a < 128 && b < 128) {
        uint32_t la = (a >= 'A' && a <= 'Z') ? a + 32 : a, lb = (b >= 'A' && b <= 'Z') ? b + 32 : b;
        if (la == lb)
            return SUGGEST_CASE_COST;
    }
    return SUGGEST_MOVE_COST;
}

static Ad_ssize_t edit_distance(AdObject *a, AdObject *b, Ad_ssize_t max_cost)
{
    Ad_ssize_t n = AdStr_LENGTH(a), m = AdStr_LENGTH(b);
    if (n > SUGGEST_MAX_SIZE || m > SUGGEST_MAX_SIZE)
        return max_cost + 1;
    Ad_ssize_t row[SUGGEST_MAX_SIZE + 1];
    for (Ad_ssize_t j = 0; j <= m; j++)
        row[j] = j * SUGGEST_MOVE_COST;
    for (Ad_ssize_t i = 1; i <= n; i++) {
        Ad_ssize_t diag = row[0], best = row[0] = i * SUGGEST_MOVE_COST;
        for (Ad_ssize_t j = 1; j <= m; j++) {
            Ad_ssize_t sub = diag + sub_cost(AdStr_READ_CHAR(a, i - 1), AdStr_READ_CHAR(b, j - 1));
            Ad_ssize_t del = row[j] + SUGGEST_MOVE_COST, ins = row[j - 1] + SUGGEST_MOVE_COST;
            Ad_ssize_t v = sub < del ? sub : del;
            v = v < ins ? v : ins;
            diag = row[j];
            row[j] = v;
            if (v < best)
                best = v;
        }
        if (best > max_cost)
            return max_cost + 1;
    }
    return row[m];
}

AdObject *vm_suggest_name(AdObject *name, AdObject *const *cands, Ad_ssize_t n)
{
    AdObject *best = NULL;
    Ad_ssize_t best_d = SUGGEST_MAX_SIZE * SUGGEST_MOVE_COST * 2;
    if (!AdStr_Check(name))
        return NULL;
    for (Ad_ssize_t i = 0; i < n && i < 750; i++) {
        AdObject *c = cands[i];
        if (!AdStr_Check(c) || AdStr_Equal(c, name))
            continue;
        Ad_ssize_t maxd = (AdStr_LENGTH(name) + AdStr_LENGTH(c) + 3) * SUGGEST_MOVE_COST / 6;
        if (best && maxd > best_d - 1)
            maxd = best_d - 1;
        Ad_ssize_t d = edit_distance(name, c, maxd);
        if (d > maxd)
            continue;
        if (!best || d < best_d) {
            best = c;
            best_d = d;
        }
    }
    return best;
}

/* ---- argument errors -------------------------------------------------------- */

static AdObject *func_qualname(AdObject *func)
{
    return ((AdFunctionObject *)func)->func_qualname;
}

static void missing_arguments(AdObject *func, AdFrame *f, int kwonly, int start, int end,
                              AdObject *defaults)
{
    AdCodeObject *co = (AdCodeObject *)f->f_code;
    AdObject *names = AdList_New(0);
    if (!names)
        return;
    Ad_ssize_t ndef = defaults ? AdTuple_GET_SIZE(defaults) : 0;
    for (int i = start; i < end; i++) {
        if (f->localsplus[i])
            continue;
        if (!kwonly && i >= co->co_argcount - ndef)
            continue;
        AdObject *r = AdObject_Repr(AdTuple_GET_ITEM(co->co_localsplusnames, i));
        if (!r || AdList_Append(names, r) < 0) {
            Ad_XDECREF(r);
            Ad_DECREF(names);
            return;
        }
        Ad_DECREF(r);
    }
    Ad_ssize_t n = AdList_GET_SIZE(names);
    AdObject *joined = NULL;
    if (n == 1)
        joined = Ad_NewRef(AdList_GET_ITEM(names, 0));
    else if (n == 2)
        joined = AdStr_FromFormat("%U and %U", AdList_GET_ITEM(names, 0), AdList_GET_ITEM(names, 1));
    else {
        AdObject *sep = AdStr_FromString(", ");
        AdObject *head = AdList_GetSlice(names, 0, n - 1);
        AdObject *h = (sep && head) ? AdStr_Join(sep, head) : NULL;
        if (h)
            joined = AdStr_FromFormat("%U, and %U", h, AdList_GET_ITEM(names, n - 1));
        Ad_XDECREF(sep);
        Ad_XDECREF(head);
        Ad_XDECREF(h);
    }
    if (joined)
        AdErr_Format(AdExc_TypeError, "%U() missing %zd required %s argument%s: %U", func_qualname(func),
                     n, kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", joined);
    Ad_XDECREF(joined);
    Ad_DECREF(names);
}

static void too_many_positional(AdObject *func, AdFrame *f, Ad_ssize_t given, AdObject *defaults)
{
    AdCodeObject *co = (AdCodeObject *)f->f_code;
    Ad_ssize_t kwonly_given = 0;
    for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++)
        if (f->localsplus[i])
            kwonly_given++;
    Ad_ssize_t ndef = defaults ? AdTuple_GET_SIZE(defaults) : 0;
    AdObject *sig;
    int plural;
    if (ndef) {
        sig = AdStr_FromFormat("from %zd to %d", co->co_argcount - ndef, co->co_argcount);
        plural = 1;
    } else {
        sig = AdStr_FromFormat("%d", co->co_argcount);
        plural = co->co_argcount != 1;
    }
    if (!sig)
        return;
    AdObject *kwsig;
    if (kwonly_given)
        kwsig = AdStr_FromFormat(" positional argument%s (and %zd keyword-only argument%s)",
                                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    else
        kwsig = AdStr_FromString("");
    if (kwsig)
        AdErr_Format(AdExc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                     func_qualname(func), sig, plural ? "s" : "", given, kwsig,
                     given == 1 && !kwonly_given ? "was" : "were");
    Ad_DECREF(sig);
    Ad_XDECREF(kwsig);
}

static int posonly_as_keyword(AdObject *func, AdCodeObject *co, AdObject *kwnames)
{
    AdObject *names = AdList_New(0);
    if (!names)
        return -1;
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        AdObject *pname = AdTuple_GET_ITEM(co->co_localsplusnames, k);
        for (Ad_ssize_t i = 0; i < AdTuple_GET_SIZE(kwnames); i++)
            if (AdStr_Equal(AdTuple_GET_ITEM(kwnames, i), pname)) {
                if (AdList_Append(names, pname) < 0) {
                    Ad_DECREF(names);
                    return -1;
                }
                break;
            }
    }
    if (AdList_GET_SIZE(names) == 0) {
        Ad_DECREF(names);
        return 0;
    }
    AdObject *sep = AdStr_FromString(", ");
    AdObject *j = sep ? AdStr_Join(sep, names) : NULL;
    if (j)
        AdErr_Format(AdExc_TypeError,
                     "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                     func_qualname(func), j);
    Ad_XDECREF(sep);
    Ad_XDECREF(j);
    Ad_DECREF(names);
    return 1;
}

int vm_bind_args(AdObject *func, AdFrame *f, AdObject *const *args, Ad_ssize_t nargs,
                 AdObject *kwnames)
{
    AdFunctionObject *fn = (AdFunctionObject *)func;
    AdCodeObject *co = (AdCodeObject *)f->f_code;
    AdObject **locals = f->localsplus;
    int argcount = co->co_argcount;
    int total = argcount + co->co_kwonlyargcount;
    AdObject *kwdict = NULL;
    int slot = total;
    if (co->co_flags & AD_CO_VARARGS)
        slot++;
    if (co->co_flags & AD_CO_VARKEYWORDS) {
        kwdict = AdDict_New();
        if (!kwdict)
            return -1;
        locals[slot] = kwdict;
    }
    Ad_ssize_t n = nargs < argcount ? nargs : argcount;
    for (Ad_ssize_t i = 0; i < n; i++)
        locals[i] = Ad_NewRef(args[i]);
    if (co->co_flags & AD_CO_VARARGS) {
        AdObject *rest = nargs > n ? AdTuple_FromArray(args + n, nargs - n) : AdTuple_New(0);
        if (!rest)
            return -1;
        locals[total] = rest;
    }
    if (kwnames) {
        Ad_ssize_t nkw = AdTuple_GET_SIZE(kwnames);
        AdObject *const *names = AdTuple_ITEMS(co->co_localsplusnames);
        for (Ad_ssize_t i = 0; i < nkw; i++) {
            AdObject *key = AdTuple_GET_ITEM(kwnames, i);
            AdObject *value = args[nargs + i];
            if (!AdStr_Check(key)) {
                AdErr_Format(AdExc_TypeError, "%U() keywords must be strings", func_qualname(func));
                return -1;
            }
            int j;
            for (j = co->co_posonlyargcount; j < total; j++)
                if (names[j] == key)
                    goto found;
            for (j = co->co_posonlyargcount; j < total; j++)
                if (AdStr_Equal(names[j], key))
                    goto found;
            if (kwdict) {
                if (AdDict_SetItem(kwdict, key, value) < 0)
                    return -1;
                continue;
            }
            if (posonly_as_keyword(func, co, kwnames))
                return -1;
            {
                AdObject *s = vm_suggest_name(key, names + co->co_posonlyargcount,
                                              total - co->co_posonlyargcount);
                if (s)
                    AdErr_Format(AdExc_TypeError,
                                 "%U() got an unexpected keyword argument '%S'. Did you mean '%S'?",
                                 func_qualname(func), key, s);
                else
                    AdErr_Format(AdExc_TypeError, "%U() got an unexpected keyword argument '%S'",
                                 func_qualname(func), key);
            }
            return -1;
        found:
            if (locals[j]) {
                AdErr_Format(AdExc_TypeError, "%U() got multiple values for argument '%S'",
                             func_qualname(func), key);
                return -1;
            }
            locals[j] = Ad_NewRef(value);
        }
    }
    if (!(co->co_flags & AD_CO_VARARGS) && nargs > argcount) {
        too_many_positional(func, f, nargs, fn->func_defaults);
        return -1;
    }
    if (nargs < argcount) {
        AdObject *defs = fn->func_defaults;
        Ad_ssize_t ndef = defs ? AdTuple_GET_SIZE(defs) : 0;
        Ad_ssize_t m = argcount - ndef;
        for (Ad_ssize_t i = nargs; i < m; i++)
            if (!locals[i]) {
                missing_arguments(func, f, 0, (int)nargs, (int)m, defs);
                return -1;
            }
        Ad_ssize_t i = nargs > m ? nargs - m : 0;
        for (; i < ndef; i++)
            if (!locals[m + i])
                locals[m + i] = Ad_NewRef(AdTuple_GET_ITEM(defs, i));
    }
    if (co->co_kwonlyargcount > 0) {
        int missing = 0;
        for (int i = argcount; i < total; i++) {
            if (locals[i])
                continue;
            AdObject *name = AdTuple_GET_ITEM(co->co_localsplusnames, i);
            if (fn->func_kwdefaults) {
                AdObject *d = AdDict_GetItemWithError(fn->func_kwdefaults, name);
                if (d) {
                    locals[i] = Ad_NewRef(d);
                    continue;
                }
                if (AdErr_Occurred())
                    return -1;
            }
            missing++;
        }
        if (missing) {
            missing_arguments(func, f, 1, argcount, total, NULL);
            return -1;
        }
    }
    return 0;
}

AdFrame *vm_frame_for_call(AdVMState *vm, AdObject *func, AdObject *const *args,
                           Ad_ssize_t nargs, AdObject *kwnames)
{
    AdFunctionObject *fn = (AdFunctionObject *)func;
    AdCodeObject *co = (AdCodeObject *)fn->func_code;
    if (!kwnames && co->co_argcount == nargs && co->co_kwonlyargcount == 0 &&
        !(co->co_flags & (AD_CO_VARARGS | AD_CO_VARKEYWORDS))) {
        /* Exactly the positional parameters: no binding rules apply. */
        AdFrame *f = vm_push_call_frame(vm, co, func, fn->func_globals, fn->func_builtins,
                                        (int)nargs);
        if (f) {
            Ad_INCREF(func);        /* the frame's; the caller keeps its own */
            for (Ad_ssize_t i = 0; i < nargs; i++)
                f->localsplus[i] = Ad_NewRef(args[i]);
            return f;
        }
    }
    AdFrame *f = vm_push_frame(vm, fn->func_code, func, fn->func_globals, fn->func_builtins, NULL);
    if (!f)
        return NULL;
    if (vm_bind_args(func, f, args, nargs, kwnames) < 0) {
        vm_pop_frame(vm, f);
        return NULL;
    }
    return f;
}

AdObject *AdFunction_Vectorcall(AdObject *func, AdObject *const *args, size_t nargsf,
                                AdObject *kwnames)
{
    AdVMState *vm = vm_state();
    if (kwnames && AdTuple_GET_SIZE(kwnames) == 0)
        kwnames = NULL;
    AdFrame *f = vm_frame_for_call(vm, func, args, AdVectorcall_NARGS(nargsf), kwnames);
    if (!f)
        return NULL;
    f->is_entry = 1;
    return vm_eval_frame(vm, f, 0);
}

AdObject *vm_call_with_locals(AdObject *func, AdObject *locals)
{
    AdVMState *vm = vm_state();
    AdFunctionObject *fn = (AdFunctionObject *)func;
    AdFrame *f = vm_push_frame(vm, fn->func_code, func, fn->func_globals, fn->func_builtins, locals);
    if (!f)
        return NULL;
    if (vm_bind_args(func, f, NULL, 0, NULL) < 0) {
        vm_pop_frame(vm, f);
        return NULL;
    }
    f->is_entry = 1;
    return vm_eval_frame(vm, f, 0);
}

/* ---- running code objects ---------------------------------------------------- */

static AdObject *default_builtins;

void AdEval_SetDefaultBuiltins(AdObject *builtins_dict)
{
    AD_XSETREF(default_builtins, Ad_XNewRef(builtins_dict));
}

AdObject *AdEval_GetBuiltins(void)
{
    AdVMState *vm = vm_state();
    if (vm->current_frame && vm->current_frame->f_builtins)
        return vm->current_frame->f_builtins;
    return default_builtins;
}

AdObject *AdEval_EvalCodeWithClosure(AdObject *code, AdObject *globals, AdObject *locals,
                                     AdObject *closure)
{
    if (!AdCode_Check(code) || !globals || !AdDict_Check(globals)) {
        AdErr_SetString(AdExc_SystemError, "AdEval_EvalCode: bad code or globals");
        return NULL;
    }
    AdObject *key = AdStr_InternFromString("__builtins__");
    int has = AdDict_Contains(globals, key);
    if (has < 0)
        return NULL;
    if (!has) {
        AdObject *b = AdEval_GetBuiltins();
        if (b && AdDict_SetItem(globals, key, b) < 0)
            return NULL;
    }
    AdObject *func = AdFunction_New(code, globals);
    if (!func)
        return NULL;
    if (closure && AdFunction_SetClosure(func, closure) < 0) {
        Ad_DECREF(func);
        return NULL;
    }
    AdCodeObject *co = (AdCodeObject *)code;
    AdObject *r;
    if (co->co_flags & AD_CO_OPTIMIZED) {
        r = AdFunction_Vectorcall(func, NULL, 0, NULL);
    } else {
        r = vm_call_with_locals(func, locals ? locals : globals);
    }
    Ad_DECREF(func);
    return r;
}

AdObject *AdEval_EvalCode(AdObject *code, AdObject *globals, AdObject *locals)
{
    return AdEval_EvalCodeWithClosure(code, globals, locals, NULL);
}
