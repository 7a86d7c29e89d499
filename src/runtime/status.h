/* status.h: AdStatus, the result of everything that runs before the runtime
 * is live (configuration, path set-up, the init stages). A status is ok,
 * an error (a static message and the C function that failed) or a request
 * to exit with a code (--help, --version, a usage error). Statuses are plain
 * values: they own nothing and are returned by value. */
#ifndef ADDER_RUNTIME_STATUS_H
#define ADDER_RUNTIME_STATUS_H

typedef enum {
    AD_STATUS_OK = 0,
    AD_STATUS_ERROR,
    AD_STATUS_EXIT
} AdStatusKind;

typedef struct {
    AdStatusKind kind;
    const char *func;    /* failing C function (errors only), static */
    const char *err_msg; /* message (errors only), static */
    int exitcode;        /* exit status (exits only) */
} AdStatus;

#define AdStatus_Ok() ((AdStatus){.kind = AD_STATUS_OK})
#define AdStatus_Error(msg) \
    ((AdStatus){.kind = AD_STATUS_ERROR, .func = __func__, .err_msg = (msg)})
#define AdStatus_NoMemory() AdStatus_Error("memory allocation failed")
#define AdStatus_Exit(code) ((AdStatus){.kind = AD_STATUS_EXIT, .exitcode = (code)})

static inline int AdStatus_IsError(AdStatus s) { return s.kind == AD_STATUS_ERROR; }
static inline int AdStatus_IsExit(AdStatus s) { return s.kind == AD_STATUS_EXIT; }
/* True for anything that must stop the caller: an error or an exit. */
static inline int AdStatus_Exception(AdStatus s) { return s.kind != AD_STATUS_OK; }

/* Ends the process for a non-ok status: an exit status exits with its code;
 * an error prints "Fatal Python error: func: msg" and the runtime state to
 * stderr, then exits 1. Never returns. */
_Noreturn void Ad_ExitStatusException(AdStatus status);

/* Prints a fatal error message (CPython's layout) and aborts the process
 * with exit status 1; for broken invariants after start-up. */
_Noreturn void Ad_FatalError(const char *func, const char *msg);

#endif
