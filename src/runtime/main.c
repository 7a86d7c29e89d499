/* main.c: Ad_Main (see main.h): argv and the environment become an
 * AdConfig, the runtime goes through preinit -> core -> main, the program
 * runs, the runtime finalizes in its eight steps, and the exit status is
 * decided as CPython decides it. */
#include "runtime/main.h"
#include "runtime/lifecycle.h"
#include "runtime/run.h"
#include "runtime/signals.h"
#include "runtime/usage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

_Noreturn void Ad_ExitStatusException(AdStatus status)
{
    if (AdStatus_IsExit(status))
        exit(status.exitcode);
    fflush(stdout);
    if (status.func)
        fprintf(stderr, "Fatal Python error: %s: %s\n", status.func, status.err_msg);
    else
        fprintf(stderr, "Fatal Python error: %s\n", status.err_msg);
    fprintf(stderr, "Python runtime state: %s\n\n", Ad_RuntimeStateName());
    exit(1);
}

_Noreturn void Ad_FatalError(const char *func, const char *msg)
{
    Ad_ExitStatusException((AdStatus){.kind = AD_STATUS_ERROR, .func = func, .err_msg = msg});
}

int Ad_Main(int argc, char **argv)
{
    const char *trace = getenv("ADDER_TRACE_LIFECYCLE");
    ad_runtime.trace_lifecycle = trace && strcmp(trace, "1") == 0;

    AdConfig config;
    AdConfig_Init(&config);
    AdStatus st = Ad_PreInitializeFromArgs(&config, argc, argv, environ);
    if (AdStatus_IsExit(st)) {
        if (st.exitcode == 0 && config.help)
            ad_usage_print_help(stdout, &config);
        else if (st.exitcode == 0 && config.version)
            ad_usage_print_version(stdout, config.version);
        else
            ad_usage_print_error(stderr, &config);
        fflush(stdout);
        AdConfig_Clear(&config);
        return st.exitcode;
    }
    if (AdStatus_Exception(st))
        Ad_ExitStatusException(st);
    st = Ad_ReadConfigRest(&config, environ);
    if (AdStatus_Exception(st))
        Ad_ExitStatusException(st);

    st = Ad_InitializeFromConfig(&config);
    AdConfig_Clear(&config);
    if (AdStatus_Exception(st))
        Ad_ExitStatusException(st);

    int exitcode = Ad_RunMain(Ad_MainInterp());

    ad_runtime.process_exiting = 1;
    if (Ad_FinalizeEx() < 0 && exitcode == 0)
        exitcode = 120;
    if (ad_runtime.unhandled_keyboard_interrupt)
        ad_exit_by_sigint();
    return exitcode;
}
