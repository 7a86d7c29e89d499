/* runtime.c: the process-wide AdRuntime and its small services: C-level
 * atexit callbacks, the open_code hook and the state name that fatal
 * errors report. */
#include "runtime/runtime.h"

#include <string.h>

AdRuntime ad_runtime = {
    .interpreters = {.mutex = PTHREAD_MUTEX_INITIALIZER},
    .signals = {.wakeup_fd = -1},
};

void ad_runtime_reset(void)
{
    AdConfig_Clear(&ad_runtime.config);
    ad_runtime.preinitializing = 0;
    ad_runtime.preinitialized = 0;
    ad_runtime.core_initialized = 0;
    ad_runtime.initialized = 0;
    ad_runtime.interpreters.head = NULL;
    ad_runtime.interpreters.main = NULL;
    ad_runtime.interpreters.next_id = 0;
    atomic_store(&ad_runtime.finalizing, NULL);
    ad_runtime.c_atexit.count = 0;
    ad_runtime.signals.is_tripped = 0;
    memset((void *)ad_runtime.signals.tripped, 0, sizeof ad_runtime.signals.tripped);
    ad_runtime.signals.handlers_installed = 0;
    ad_runtime.signals.wakeup_fd = -1;
    ad_runtime.signals.main_breaker = NULL;
    ad_runtime.open_code.hook = NULL;
    ad_runtime.open_code.userdata = NULL;
    ad_runtime.unhandled_keyboard_interrupt = 0;
}

int Ad_AtExit(void (*func)(void))
{
    if (ad_runtime.c_atexit.count >= AD_MAX_C_ATEXIT)
        return -1;
    ad_runtime.c_atexit.funcs[ad_runtime.c_atexit.count++] = func;
    return 0;
}

int Ad_SetOpenCodeHook(AdOpenCodeHook hook, void *userdata)
{
    if (ad_runtime.core_initialized)
        return -1;
    ad_runtime.open_code.hook = hook;
    ad_runtime.open_code.userdata = userdata;
    return 0;
}

FILE *Ad_OpenCode(const char *path)
{
    if (ad_runtime.open_code.hook)
        return ad_runtime.open_code.hook(path, ad_runtime.open_code.userdata);
    return fopen(path, "rb");
}

const char *Ad_RuntimeStateName(void)
{
    if (atomic_load(&ad_runtime.finalizing))
        return "finalizing";
    if (ad_runtime.initialized)
        return "initialized";
    if (ad_runtime.core_initialized)
        return "core initialized";
    if (ad_runtime.preinitialized)
        return "preinitialized";
    if (ad_runtime.preinitializing)
        return "preinitializing";
    return "unknown";
}
