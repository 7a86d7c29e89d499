/* sys_internal.h: shared by the sys*.c files (modules room only). */
#ifndef ADDER_MODULES_SYS_INTERNAL_H
#define ADDER_MODULES_SYS_INTERNAL_H
#include "modules/sys.h"
#include "runtime/config.h"

/* sys's per-interpreter state (interp->sys_state). */
typedef struct {
    AdObject *audit_hooks;      /* list or NULL */
    AdObject *trace_func;       /* sys.settrace (owned) or NULL */
    AdObject *profile_func;
    AdObject *asyncgen_firstiter, *asyncgen_finalizer;
    int coroutine_origin_depth;
    double switch_interval;
    int dlopen_flags;
} SysState;

SysState *modules_sys_state(void);

extern AdTypeObject AdSysFlags_Type, AdSysVersionInfo_Type, AdSysFloatInfo_Type, AdSysIntInfo_Type,
    AdSysHashInfo_Type, AdSysThreadInfo_Type, AdSysUnraisableHookArgs_Type;
int modules_sys_init_types(void);
AdObject *modules_sys_make_flags(const AdConfig *config);
AdObject *modules_sys_make_version_info(void);
AdObject *modules_sys_make_float_info(void);
AdObject *modules_sys_make_int_info(void);
AdObject *modules_sys_make_hash_info(void);
AdObject *modules_sys_make_thread_info(void);
AdObject *modules_sys_make_implementation(void);
AdObject *modules_sys_make_unraisable_args(AdObject *exc, AdObject *err_msg, AdObject *obj);
AdObject *modules_sys_stdlib_module_names(void);
/* The module's functions (sys_funcs.c). */
extern AdMethodDef modules_sys_methods[];
#endif
