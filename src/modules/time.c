/* time.c: the time module of Python 3.14 on POSIX: the clocks (time,
 * monotonic, perf_counter, process_time, thread_time and their _ns forms,
 * clock_gettime/clock_getres, get_clock_info), sleep (restarted after
 * signals whose handlers do not raise), struct_time and the conversions
 * (gmtime, localtime, mktime, asctime, ctime, strftime; strptime delegates
 * to the stdlib's _strptime), and the time-zone facts (timezone, altzone,
 * daylight, tzname, tzset). */
#include "import/builtin_modules.h"
#include "import/import.h"
#include "objects/abstract.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/namespace.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/gil.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FN(f) ((void (*)(void))(f))

/* ---- clocks ----------------------------------------------------------------------------- */

static int clock_ns(clockid_t id, int64_t *out)
{
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) {
        AdErr_SetFromErrno(AdExc_OSError);
        return -1;
    }
    *out = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    return 0;
}

static AdObject *clock_float(clockid_t id)
{
    int64_t ns;
    if (clock_ns(id, &ns) < 0)
        return NULL;
    return AdFloat_FromDouble((double)ns * 1e-9);
}

static AdObject *clock_int(clockid_t id)
{
    int64_t ns;
    if (clock_ns(id, &ns) < 0)
        return NULL;
    return AdInt_FromInt64(ns);
}

#define CLOCK_PAIR(name, id)                                                            \
    static AdObject *time_##name(AdObject *m, AdObject *u) { (void)m; (void)u; return clock_float(id); } \
    static AdObject *time_##name##_ns(AdObject *m, AdObject *u) { (void)m; (void)u; return clock_int(id); }

CLOCK_PAIR(time, CLOCK_REALTIME)
CLOCK_PAIR(monotonic, CLOCK_MONOTONIC)
CLOCK_PAIR(perf_counter, CLOCK_MONOTONIC)
CLOCK_PAIR(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_PAIR(thread_time, CLOCK_THREAD_CPUTIME_ID)

static int clock_id_arg(AdObject *o, clockid_t *id)
{
    int64_t v = AdInt_AsInt64(o);
    if (v == -1 && AdErr_Occurred())
        return -1;
    *id = (clockid_t)v;
    return 0;
}

static AdObject *time_clock_gettime(AdObject *m, AdObject *arg)
{
    (void)m;
    clockid_t id;
    return clock_id_arg(arg, &id) < 0 ? NULL : clock_float(id);
}

static AdObject *time_clock_gettime_ns(AdObject *m, AdObject *arg)
{
    (void)m;
    clockid_t id;
    return clock_id_arg(arg, &id) < 0 ? NULL : clock_int(id);
}

static AdObject *time_clock_getres(AdObject *m, AdObject *arg)
{
    (void)m;
    clockid_t id;
    struct timespec ts;
    if (clock_id_arg(arg, &id) < 0)
        return NULL;
    if (clock_getres(id, &ts) != 0)
        return AdErr_SetFromErrno(AdExc_OSError);
    return AdFloat_FromDouble((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static AdObject *time_get_clock_info(AdObject *m, AdObject *arg)
{
    (void)m;
    if (!AdStr_Check(arg))
        return AdErr_Format(AdExc_TypeError, "get_clock_info() argument must be str, not %s", AD_TYPE(arg)->tp_name);
    static const struct {
        const char *name, *impl;
        clockid_t id;
        int monotonic, adjustable;
    } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, 0, 1},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, 1, 0},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, 1, 0},
    };
    for (size_t i = 0; i < sizeof clocks / sizeof *clocks; i++) {
        if (!AdStr_EqualToASCII(arg, clocks[i].name))
            continue;
        struct timespec ts;
        double res = clock_getres(clocks[i].id, &ts) == 0 ? (double)ts.tv_sec + ts.tv_nsec * 1e-9 : 1e-9;
        AdObject *kw = AdDict_New();
        AdObject *impl = AdStr_FromString(clocks[i].impl);
        AdObject *r = AdFloat_FromDouble(res), *ns = NULL;
        if (kw && impl && r &&
            AdDict_SetItemString(kw, "implementation", impl) == 0 &&
            AdDict_SetItemString(kw, "monotonic", AdBool_FromLong(clocks[i].monotonic)) == 0 &&
            AdDict_SetItemString(kw, "adjustable", AdBool_FromLong(clocks[i].adjustable)) == 0 &&
            AdDict_SetItemString(kw, "resolution", r) == 0)
            ns = AdNamespace_New(kw);
        Ad_XDECREF(kw);
        Ad_XDECREF(impl);
        Ad_XDECREF(r);
        return ns;
    }
    AdErr_SetString(AdExc_ValueError, "unknown clock");
    return NULL;
}

/* ---- sleep ------------------------------------------------------------------------------ */

static AdObject *time_sleep(AdObject *m, AdObject *arg)
{
    (void)m;
    double secs;
    if (AdInt_Check(arg)) {
        secs = AdInt_AsDouble(arg);
        if (secs == -1.0 && AdErr_Occurred())
            return NULL;
    } else if (AdFloat_Check(arg)) {
        secs = AdFloat_AS_DOUBLE(arg);
    } else {
        secs = AdFloat_AsDouble(arg);
        if (secs == -1.0 && AdErr_Occurred()) {
            if (AdErr_ExceptionMatches(AdExc_TypeError)) {
                AdErr_Clear();
                AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer or float",
                             AD_TYPE(arg)->tp_name);
            }
            return NULL;
        }
    }
    if (isnan(secs)) {
        AdErr_SetString(AdExc_ValueError, "Invalid value NaN (not a number)");
        return NULL;
    }
    if (secs < 0) {
        AdErr_SetString(AdExc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    if (secs > 9.2e9) {
        AdErr_SetString(AdExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return NULL;
    }
    int64_t deadline_ns, now;
    if (clock_ns(CLOCK_MONOTONIC, &now) < 0)
        return NULL;
    deadline_ns = now + (int64_t)(secs * 1e9);
    struct timespec ts = {.tv_sec = deadline_ns / 1000000000, .tv_nsec = deadline_ns % 1000000000};
    for (;;) {
        int rc;
        Ad_BEGIN_ALLOW_THREADS
        rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
        Ad_END_ALLOW_THREADS
        if (rc == 0)
            break;
        if (rc != EINTR) {
            errno = rc;
            return AdErr_SetFromErrno(AdExc_OSError);
        }
        /* A signal: run its handler (KeyboardInterrupt for SIGINT); sleep on
         * when it does not raise (PEP 475). */
        if (AdErr_CheckSignals() < 0)
            return NULL;
    }
    Ad_RETURN_NONE;
}

/* ---- struct_time ------------------------------------------------------------------------ */

static const AdStructSeqField struct_time_fields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61])"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
    {NULL, NULL},
};

static const AdStructSeqDesc struct_time_desc = {
    "time.struct_time",
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
    " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
    " sequence of 9 integers.\n\n"
    " Note that several fields' values are not the same as those defined by\n"
    " the C language standard for struct tm.  For example, the value of the\n"
    " field tm_year is the actual year, not year - 1900.  See individual\n"
    " fields' descriptions for details.",
    struct_time_fields, 9,
};

static AdTypeObject struct_time_type;

static AdObject *tm_to_struct(const struct tm *tm)
{
    AdObject *v = AdStructSeq_New(&struct_time_type);
    if (!v)
        return NULL;
    int64_t vals[] = {tm->tm_year + 1900LL, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min,
                      tm->tm_sec, (tm->tm_wday + 6) % 7, tm->tm_yday + 1, tm->tm_isdst};
    for (int i = 0; i < 9; i++)
        AdStructSeq_SET_ITEM(v, i, AdInt_FromInt64(vals[i]));
    AdStructSeq_SET_ITEM(v, 9, tm->tm_zone ? AdStr_FromString(tm->tm_zone) : Ad_NewRef(Ad_None));
    AdStructSeq_SET_ITEM(v, 10, AdInt_FromInt64(tm->tm_gmtoff));
    for (int i = 0; i < 11; i++)
        if (!AdStructSeq_GET_ITEM(v, i)) {
            for (int j = i + 1; j < 11; j++)
                if (!AdStructSeq_GET_ITEM(v, j))
                    AdStructSeq_SET_ITEM(v, j, Ad_NewRef(Ad_None));
            AdStructSeq_SET_ITEM(v, i, Ad_NewRef(Ad_None));
            Ad_DECREF(v);
            return NULL;
        }
    return v;
}

/* The seconds argument of gmtime/localtime/ctime (None: now). */
static int secs_arg(AdObject *arg, time_t *out)
{
    if (!arg || arg == Ad_None) {
        *out = time(NULL);
        return 0;
    }
    double d;
    if (AdInt_Check(arg)) {
        int64_t v = AdInt_AsInt64(arg);
        if (v == -1 && AdErr_Occurred()) {
            if (AdErr_ExceptionMatches(AdExc_OverflowError)) {
                AdErr_Clear();
                AdErr_SetString(AdExc_OverflowError, "timestamp out of range for platform time_t");
            }
            return -1;
        }
        *out = (time_t)v;
        return 0;
    }
    if (AdFloat_Check(arg))
        d = AdFloat_AS_DOUBLE(arg);
    else {
        d = AdFloat_AsDouble(arg);
        if (d == -1.0 && AdErr_Occurred()) {
            if (AdErr_ExceptionMatches(AdExc_TypeError)) {
                AdErr_Clear();
                AdErr_Format(AdExc_TypeError, "'%s' object cannot be interpreted as an integer",
                             AD_TYPE(arg)->tp_name);
            }
            return -1;
        }
    }
    if (isnan(d)) {
        AdErr_SetString(AdExc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    d = trunc(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
        AdErr_SetString(AdExc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)d;
    return 0;
}

static AdObject *convert_time(AdObject *const *args, Ad_ssize_t nargs, const char *name, int local)
{
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "%s expected at most 1 argument, got %zd", name, nargs);
    time_t t;
    if (secs_arg(nargs ? args[0] : NULL, &t) < 0)
        return NULL;
    struct tm tm;
    errno = 0;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm))) {
        if (errno == 0 || errno == EOVERFLOW)
            errno = EOVERFLOW;
        if (errno == EOVERFLOW) {
            AdErr_SetString(AdExc_OverflowError, "timestamp out of range for platform time_t");
            return NULL;
        }
        return AdErr_SetFromErrno(AdExc_OSError);
    }
    return tm_to_struct(&tm);
}

static AdObject *time_gmtime(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return convert_time(args, nargs, "gmtime", 0);
}

static AdObject *time_localtime(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    return convert_time(args, nargs, "localtime", 1);
}

/* A 9-item tuple or struct_time to struct tm (range checks left to the
 * callers that need them). */
static int tuple_to_tm(AdObject *t, struct tm *tm, const char *fname)
{
    if (!AdTuple_Check(t)) {
        AdErr_Format(AdExc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (AdTuple_GET_SIZE(t) != 9) {
        AdErr_Format(AdExc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int64_t v[9];
    for (int i = 0; i < 9; i++) {
        v[i] = AdInt_AsInt64(AdTuple_GET_ITEM(t, i));
        if (v[i] == -1 && AdErr_Occurred())
            return -1;
        if (v[i] > INT32_MAX || v[i] < INT32_MIN) {
            AdErr_SetString(AdExc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
    }
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(v[0] - 1900);
    tm->tm_mon = (int)v[1] - 1;
    tm->tm_mday = (int)v[2];
    tm->tm_hour = (int)v[3];
    tm->tm_min = (int)v[4];
    tm->tm_sec = (int)v[5];
    tm->tm_wday = (int)((v[6] + 1) % 7);
    tm->tm_yday = (int)v[7] - 1;
    tm->tm_isdst = (int)v[8];
    if (Ad_IS_TYPE(t, &struct_time_type)) {
        AdObject *zone = AdStructSeq_GET_ITEM(t, 9), *off = AdStructSeq_GET_ITEM(t, 10);
        if (zone != Ad_None && AdStr_Check(zone))
            tm->tm_zone = AdStr_AsUTF8(zone);
        if (off != Ad_None) {
            int64_t o = AdInt_AsInt64(off);
            if (o == -1 && AdErr_Occurred())
                return -1;
            tm->tm_gmtoff = (long)o;
        }
    }
    return 0;
}

/* The checks asctime/strftime make (CPython's texts). */
static int check_tm(struct tm *tm, int for_strftime)
{
    if (for_strftime) {
        if (tm->tm_mon == -1)
            tm->tm_mon = 0;
        if (tm->tm_mday == 0)
            tm->tm_mday = 1;
        if (tm->tm_yday == -1)
            tm->tm_yday = 0;
    }
    const char *msg = NULL;
    if (tm->tm_mon < 0 || tm->tm_mon > 11)
        msg = "month out of range";
    else if (tm->tm_mday < 0 || tm->tm_mday > 31)
        msg = "day of month out of range";
    else if (tm->tm_hour < 0 || tm->tm_hour > 23)
        msg = "hour out of range";
    else if (tm->tm_min < 0 || tm->tm_min > 59)
        msg = "minute out of range";
    else if (tm->tm_sec < 0 || tm->tm_sec > 61)
        msg = "seconds out of range";
    else if (tm->tm_wday < 0)
        msg = "day of week out of range";
    else if (tm->tm_yday < 0 || tm->tm_yday > 365)
        msg = "day of year out of range";
    if (msg) {
        AdErr_SetString(AdExc_ValueError, msg);
        return -1;
    }
    if (for_strftime && (tm->tm_isdst < -1 || tm->tm_isdst > 1))
        tm->tm_isdst = tm->tm_isdst < -1 ? -1 : 1;
    return 0;
}

static AdObject *format_asctime(const struct tm *tm)
{
    static const char wday[][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return AdStr_FromFormat("%s %s%3d %.2d:%.2d:%.2d %d", wday[tm->tm_wday % 7], mon[tm->tm_mon % 12],
                            tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
}

static AdObject *time_asctime(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "asctime expected at most 1 argument, got %zd", nargs);
    struct tm tm;
    if (nargs == 0 || args[0] == Ad_None) {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    } else if (tuple_to_tm(args[0], &tm, "asctime") < 0 || check_tm(&tm, 0) < 0)
        return NULL;
    return format_asctime(&tm);
}

static AdObject *time_ctime(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs > 1)
        return AdErr_Format(AdExc_TypeError, "ctime expected at most 1 argument, got %zd", nargs);
    time_t t;
    struct tm tm;
    if (secs_arg(nargs ? args[0] : NULL, &t) < 0)
        return NULL;
    if (!localtime_r(&t, &tm)) {
        AdErr_SetString(AdExc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return format_asctime(&tm);
}

static AdObject *time_mktime(AdObject *m, AdObject *arg)
{
    (void)m;
    struct tm tm;
    if (tuple_to_tm(arg, &tm, "mktime") < 0)
        return NULL;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        AdErr_SetString(AdExc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return AdFloat_FromDouble((double)t);
}

static AdObject *time_strftime(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    if (nargs < 1 || nargs > 2)
        return AdErr_Format(AdExc_TypeError, nargs < 1 ? "strftime expected at least 1 argument, got %zd"
                                                       : "strftime expected at most 2 arguments, got %zd", nargs);
    if (!AdStr_Check(args[0]))
        return AdErr_Format(AdExc_TypeError, "strftime() argument 1 must be str, not %s", AD_TYPE(args[0])->tp_name);
    struct tm tm;
    if (nargs == 1 || args[1] == Ad_None) {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    } else if (tuple_to_tm(args[1], &tm, "strftime") < 0 || check_tm(&tm, 1) < 0)
        return NULL;
    Ad_ssize_t flen;
    const char *fmt = AdStr_AsUTF8AndSize(args[0], &flen);
    if (!fmt)
        return NULL;
    if (flen == 0)
        return AdStr_FromString("");
    /* A trailing marker tells an empty expansion from a too-small buffer. */
    char *f2 = malloc((size_t)flen + 2);
    if (!f2)
        return AdErr_NoMemory();
    memcpy(f2, fmt, (size_t)flen);
    f2[flen] = '\x01';
    f2[flen + 1] = 0;
    AdObject *r = NULL;
    for (size_t cap = 256; cap < ((size_t)flen + 256) * 256; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) {
            AdErr_NoMemory();
            break;
        }
        size_t n = strftime(buf, cap, f2, &tm);
        if (n > 0) {
            r = AdStr_FromStringAndSize(buf, (Ad_ssize_t)n - 1);
            free(buf);
            break;
        }
        free(buf);
    }
    free(f2);
    if (!r && !AdErr_Occurred())
        r = AdStr_FromString("");
    return r;
}

static AdObject *time_strptime(AdObject *m, AdObject *const *args, Ad_ssize_t nargs)
{
    (void)m;
    AdObject *mod = AdImport_ImportModule("_strptime");
    if (!mod)
        return NULL;
    AdObject *f = AdObject_GetAttrString(mod, "_strptime_time");
    Ad_DECREF(mod);
    if (!f)
        return NULL;
    AdObject *r = AdObject_Vectorcall(f, args, (size_t)nargs, NULL);
    Ad_DECREF(f);
    return r;
}

/* ---- time zones ------------------------------------------------------------------------- */

static int set_tz_facts(AdObject *m)
{
    tzset();
    /* The offsets in January and July of the current year, as CPython
     * computes them (west of UTC positive). */
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int year = tm.tm_year;
    struct tm jan = {.tm_year = year, .tm_mon = 0, .tm_mday = 1, .tm_isdst = -1};
    struct tm jul = {.tm_year = year, .tm_mon = 6, .tm_mday = 1, .tm_isdst = -1};
    time_t tj = mktime(&jan), tl = mktime(&jul);
    struct tm a, b;
    localtime_r(&tj, &a);
    localtime_r(&tl, &b);
    long janoff = -a.tm_gmtoff, juloff = -b.tm_gmtoff;
    char janname[16], julname[16];
    snprintf(janname, sizeof janname, "%s", a.tm_zone ? a.tm_zone : "");
    snprintf(julname, sizeof julname, "%s", b.tm_zone ? b.tm_zone : "");
    long tz, alt;
    const char *std, *dst;
    if (janoff < juloff) {      /* southern hemisphere: DST in January */
        tz = juloff;
        alt = janoff;
        std = julname;
        dst = janname;
    } else {
        tz = janoff;
        alt = juloff;
        std = janname;
        dst = julname;
    }
    AdObject *s = AdStr_FromString(std), *d = AdStr_FromString(dst);
    AdObject *names = s && d ? AdTuple_Pack(2, s, d) : NULL;
    Ad_XDECREF(s);
    Ad_XDECREF(d);
    if (AdModule_AddIntConstant(m, "timezone", tz) < 0 || AdModule_AddIntConstant(m, "altzone", alt) < 0 ||
        AdModule_AddIntConstant(m, "daylight", janoff != juloff) < 0 || AdModule_Add(m, "tzname", names) < 0)
        return -1;
    return 0;
}

static AdObject *time_tzset(AdObject *m, AdObject *u)
{
    (void)u;
    if (set_tz_facts(m) < 0)
        return NULL;
    Ad_RETURN_NONE;
}

/* ---- the module ------------------------------------------------------------------------- */

#define NOARGS(name, doc) {#name, FN(time_##name), AD_METH_NOARGS, doc}

static AdMethodDef time_methods[] = {
    NOARGS(time, "time() -> floating-point number\n\nReturn the current time in seconds since the Epoch.\nFractions of a second may be present if the system clock provides them."),
    NOARGS(time_ns, "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."),
    NOARGS(monotonic, "monotonic() -> float\n\nMonotonic clock, cannot go backward."),
    NOARGS(monotonic_ns, "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."),
    NOARGS(perf_counter, "perf_counter() -> float\n\nPerformance counter for benchmarking."),
    NOARGS(perf_counter_ns, "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."),
    NOARGS(process_time, "process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time."),
    NOARGS(process_time_ns, "process_time() -> int\n\nProcess time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."),
    NOARGS(thread_time, "thread_time() -> float\n\nThread time for profiling: sum of the kernel and user-space CPU time."),
    NOARGS(thread_time_ns, "thread_time() -> int\n\nThread time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."),
    {"clock_gettime", FN(time_clock_gettime), AD_METH_O, "clock_gettime(clk_id) -> float\n\nReturn the time of the specified clock clk_id."},
    {"clock_gettime_ns", FN(time_clock_gettime_ns), AD_METH_O, "clock_gettime_ns(clk_id) -> int\n\nReturn the time of the specified clock clk_id as nanoseconds (int)."},
    {"clock_getres", FN(time_clock_getres), AD_METH_O, "clock_getres(clk_id) -> floating-point number\n\nReturn the resolution (precision) of the specified clock clk_id."},
    {"get_clock_info", FN(time_get_clock_info), AD_METH_O, "get_clock_info(name: str) -> dict\n\nGet information of the specified clock."},
    {"sleep", FN(time_sleep), AD_METH_O, "sleep(seconds)\n\nDelay execution for a given number of seconds.  The argument may be\na floating-point number for subsecond precision."},
    {"gmtime", FN(time_gmtime), AD_METH_FASTCALL, "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n                       tm_sec, tm_wday, tm_yday, tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing UTC (a.k.a.\nGMT).  When 'seconds' is not passed in, convert the current time instead.\n\nIf the platform supports the tm_gmtoff and tm_zone, they are available as\nattributes only."},
    {"localtime", FN(time_localtime), AD_METH_FASTCALL, "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n                          tm_sec,tm_wday,tm_yday,tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing local time.\nWhen 'seconds' is not passed in, convert the current time instead."},
    {"mktime", FN(time_mktime), AD_METH_O, "mktime(tuple) -> floating-point number\n\nConvert a time tuple in local time to seconds since the Epoch.\nNote that mktime(gmtime(0)) will not generally return zero for most\ntime zones; instead the returned value will either be equal to that\nof the timezone or altzone attributes on the time module."},
    {"asctime", FN(time_asctime), AD_METH_FASTCALL, "asctime([tuple]) -> string\n\nConvert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.\nWhen the time tuple is not present, current time as returned by localtime()\nis used."},
    {"ctime", FN(time_ctime), AD_METH_FASTCALL, "ctime(seconds) -> string\n\nConvert a time in seconds since the Epoch to a string in local time.\nThis is equivalent to asctime(localtime(seconds)). When the time tuple is\nnot present, current time as returned by localtime() is used."},
    {"strftime", FN(time_strftime), AD_METH_FASTCALL, "strftime(format[, tuple]) -> string\n\nConvert a time tuple to a string according to a format specification."},
    {"strptime", FN(time_strptime), AD_METH_FASTCALL, "strptime(string, format) -> struct_time\n\nParse a string to a time tuple according to a format specification."},
    {"tzset", FN(time_tzset), AD_METH_NOARGS, "tzset()\n\nInitialize, or reinitialize, the local timezone to the value of the environment\nvariable TZ."},
    {NULL, NULL, 0, NULL},
};

AdObject *AdModule_InitTime(void)
{
    if (AdStructSeq_InitType(&struct_time_type, &struct_time_desc, 0) < 0)
        return NULL;
    AdObject *m = AdModule_New("time");
    if (!m)
        return NULL;
    static const struct {
        const char *name;
        int64_t value;
    } consts[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME}, {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW}, {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID}, {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
        {"CLOCK_TAI", CLOCK_TAI},
    };
    if (AdModule_SetDocString(m, "This module provides various functions to manipulate time values.") < 0 ||
        AdModule_AddFunctions(m, time_methods) < 0 ||
        AdModule_AddObjectRef(m, "struct_time", (AdObject *)&struct_time_type) < 0 ||
        set_tz_facts(m) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++)
        if (AdModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0)
            goto fail;
    return m;
fail:
    Ad_DECREF(m);
    return NULL;
}
