/* vm_int.h: what the vm room's files share (helpers of the evaluation
 * loop: imports, unpacking, pattern matching, exception matching and
 * raising, intrinsics, the exception table). Not for other rooms. */
#ifndef ADDER_VM_VM_INT_H
#define ADDER_VM_VM_INT_H
#include "vm/frame.h"

AdObject *vm_suggest_name(AdObject *name, AdObject *const *cands, Ad_ssize_t n);
AdObject *vm_call_with_locals(AdObject *func, AdObject *locals);
/* Checks recursion (Python depth and C stack) before running a frame. */
int vm_enter_check(AdVMState *vm);

/* Exception table: 1 with the handler for the instruction at offset (code
 * units), 0 when none. */
int vm_exception_table_find(AdCodeObject *co, int offset, int *target, int *depth, int *lasti);
/* The instruction after the one at p (skipping EXTENDED_ARG and caches). */
AdCodeUnit *vm_next_after(AdCodeUnit *p);

AdObject *vm_import_name(AdFrame *f, AdObject *name, AdObject *fromlist, AdObject *level);
AdObject *vm_import_from(AdObject *module, AdObject *name);
int vm_import_star(AdFrame *f, AdObject *module);
/* UNPACK_SEQUENCE / UNPACK_EX: writes into sp[0..] in stack order (last
 * item lowest). argcntafter -1: no starred target. 0 or -1. */
int vm_unpack_iterable(AdObject *v, int argcnt, int argcntafter, AdObject **sp);
AdObject *vm_match_class(AdObject *subject, AdObject *type, Ad_ssize_t nargs, AdObject *kwargs);
AdObject *vm_match_keys(AdObject *subject, AdObject *keys);
int vm_check_except_type_valid(AdObject *right);
int vm_check_except_star_type_valid(AdObject *right);
int vm_exception_group_match(AdFrame *f, AdObject *exc, AdObject *match_type, AdObject **match,
                             AdObject **rest);
AdObject *vm_prep_reraise_star(AdObject *orig, AdObject *excs);
/* raise exc [from cause]: 0 error (exception set), 1 re-raise. Steals. */
int vm_do_raise(AdObject *exc, AdObject *cause);
/* NameError / UnboundLocalError with .name set. */
void vm_name_error(AdObject *name);
void vm_unbound_local_error(AdCodeObject *co, int oparg);
void vm_free_var_error(AdCodeObject *co, int oparg);
/* LOAD_ATTR with the method bit: 1 with *meth an unbound method to call
 * with obj as self, 0 with *meth the attribute, -1 on error. */
int vm_get_method(AdObject *obj, AdObject *name, AdObject **meth);
/* LOAD_SPECIAL: *attr and *self_or_null (new refs). 0 or -1. */
int vm_load_special(AdObject *owner, int oparg, AdObject **attr, AdObject **self_or_null);
AdObject *vm_intrinsic1(AdFrame *f, int which, AdObject *v);
AdObject *vm_intrinsic2(AdFrame *f, int which, AdObject *v1, AdObject *v2);
/* DICT_MERGE's errors (duplicate keyword, non-mapping). */
void vm_dict_merge_error(AdObject *func, AdObject *update);
int vm_check_args_iterable(AdObject *func, AdObject *args);
/* WITH_EXCEPT_START / GET_AWAITABLE / GET_AITER / GET_ANEXT pieces. */
AdObject *vm_get_awaitable(AdObject *iterable, int oparg);
AdObject *vm_get_aiter(AdObject *obj);
AdObject *vm_get_anext(AdObject *aiter);
/* LOAD_SUPER_ATTR: new ref or NULL. */
AdObject *vm_load_super_attr(AdObject *global_super, AdObject *cls, AdObject *self, AdObject *name,
                             int oparg, AdObject **self_out);
/* RETURN_GENERATOR's work and the generator send path's eval call. */
AdObject *vm_gen_send_value(AdObject *receiver, AdObject *v, int *returned);
#endif
