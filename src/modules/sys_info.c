/* sys_info.c: the facts sys publishes that do not change while the
 * program runs: the struct sequence types (flags, version_info,
 * float_info, int_info, hash_info, thread_info, UnraisableHookArgs) and
 * their values, sys.implementation, and stdlib_module_names (the list of
 * CPython 3.14, generated from it with py314 and embedded). */
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "modules/sys_internal.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/namespace.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/version.h"

static const char *const stdlib_names[] = {
    "__future__", "_abc", "_aix_support", "_android_support", "_apple_support", "_ast",
    "_ast_unparse", "_asyncio", "_bisect", "_blake2", "_bz2", "_codecs", "_codecs_cn",
    "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections",
    "_collections_abc", "_colorize", "_compat_pickle", "_contextvars", "_csv", "_ctypes",
    "_curses", "_curses_panel", "_datetime", "_dbm", "_decimal", "_elementtree",
    "_frozen_importlib", "_frozen_importlib_external", "_functools", "_gdbm", "_hashlib",
    "_heapq", "_hmac", "_imp", "_interpchannels", "_interpqueues", "_interpreters", "_io",
    "_ios_support", "_json", "_locale", "_lsprof", "_lzma", "_markupbase", "_md5",
    "_multibytecodec", "_multiprocessing", "_opcode", "_opcode_metadata", "_operator",
    "_osx_support", "_overlapped", "_pickle", "_posixshmem", "_posixsubprocess", "_py_abc",
    "_py_warnings", "_pydatetime", "_pydecimal", "_pyio", "_pylong", "_pyrepl", "_queue",
    "_random", "_remote_debugging", "_scproxy", "_sha1", "_sha2", "_sha3", "_signal",
    "_sitebuiltins", "_socket", "_sqlite3", "_sre", "_ssl", "_stat", "_statistics", "_string",
    "_strptime", "_struct", "_suggestions", "_symtable", "_sysconfig", "_thread",
    "_threading_local", "_tkinter", "_tokenize", "_tracemalloc", "_types", "_typing", "_uuid",
    "_warnings", "_weakref", "_weakrefset", "_winapi", "_wmi", "_zoneinfo", "_zstd", "abc",
    "annotationlib", "antigravity", "argparse", "array", "ast", "asyncio", "atexit", "base64",
    "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile", "calendar", "cmath", "cmd",
    "code", "codecs", "codeop", "collections", "colorsys", "compileall", "compression",
    "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg", "csv",
    "ctypes", "curses", "dataclasses", "datetime", "dbm", "decimal", "difflib", "dis",
    "doctest", "email", "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl",
    "filecmp", "fileinput", "fnmatch", "fractions", "ftplib", "functools", "gc", "genericpath",
    "getopt", "getpass", "gettext", "glob", "graphlib", "grp", "gzip", "hashlib", "heapq",
    "hmac", "html", "http", "idlelib", "imaplib", "importlib", "inspect", "io", "ipaddress",
    "itertools", "json", "keyword", "linecache", "locale", "logging", "lzma", "mailbox",
    "marshal", "math", "mimetypes", "mmap", "modulefinder", "msvcrt", "multiprocessing",
    "netrc", "nt", "ntpath", "nturl2path", "numbers", "opcode", "operator", "optparse", "os",
    "pathlib", "pdb", "pickle", "pickletools", "pkgutil", "platform", "plistlib", "poplib",
    "posix", "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr",
    "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline", "reprlib",
    "resource", "rlcompleter", "runpy", "sched", "secrets", "select", "selectors", "shelve",
    "shlex", "shutil", "signal", "site", "smtplib", "socket", "socketserver", "sqlite3",
    "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string",
    "stringprep", "struct", "subprocess", "symtable", "sys", "sysconfig", "syslog", "tabnanny",
    "tarfile", "tempfile", "termios", "textwrap", "this", "threading", "time", "timeit",
    "tkinter", "token", "tokenize", "tomllib", "trace", "traceback", "tracemalloc", "tty",
    "turtle", "turtledemo", "types", "typing", "unicodedata", "unittest", "urllib", "uuid",
    "venv", "warnings", "wave", "weakref", "webbrowser", "winreg", "winsound", "wsgiref",
    "xml", "xmlrpc", "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo",
};

AdObject *modules_sys_stdlib_module_names(void)
{
    AdObject *set = AdFrozenSet_New(NULL);
    if (!set)
        return NULL;
    for (size_t i = 0; i < sizeof stdlib_names / sizeof *stdlib_names; i++) {
        AdObject *s = AdStr_InternFromString(stdlib_names[i]);
        if (!s || AdSet_Add(set, s) < 0) {
            Ad_XDECREF(s);
            Ad_DECREF(set);
            return NULL;
        }
        Ad_DECREF(s);
    }
    return set;
}

/* ---- the types ---------------------------------------------------------------- */

AdTypeObject AdSysFlags_Type, AdSysVersionInfo_Type, AdSysFloatInfo_Type, AdSysIntInfo_Type,
    AdSysHashInfo_Type, AdSysThreadInfo_Type, AdSysUnraisableHookArgs_Type;

static const AdStructSeqField flags_fields[] = {
    {"debug", "-d"},
    {"inspect", "-i"},
    {"interactive", "-i"},
    {"optimize", "-O or -OO"},
    {"dont_write_bytecode", "-B"},
    {"no_user_site", "-s"},
    {"no_site", "-S"},
    {"ignore_environment", "-E"},
    {"verbose", "-v"},
    {"bytes_warning", "-b"},
    {"quiet", "-q"},
    {"hash_randomization", "-R"},
    {"isolated", "-I"},
    {"dev_mode", "-X dev"},
    {"utf8_mode", "-X utf8"},
    {"warn_default_encoding", "-X warn_default_encoding"},
    {"safe_path", "-P"},
    {"int_max_str_digits", "-X int_max_str_digits"},
    {"gil", "-X gil"},
    {"thread_inherit_context", "-X thread_inherit_context"},
    {"context_aware_warnings", "-X context_aware_warnings"},
    {NULL, NULL},
};
static const AdStructSeqDesc flags_desc = {
    "sys.flags", "sys.flags\n\nFlags provided through command line arguments or environment vars.",
    flags_fields, 18,
};

static const AdStructSeqField version_info_fields[] = {
    {"major", "Major release number"},
    {"minor", "Minor release number"},
    {"micro", "Patch release number"},
    {"releaselevel", "'alpha', 'beta', 'candidate', or 'final'"},
    {"serial", "Serial release number"},
    {NULL, NULL},
};
static const AdStructSeqDesc version_info_desc = {
    "sys.version_info", "sys.version_info\n\nVersion information as a named tuple.",
    version_info_fields, 5,
};

static const AdStructSeqField float_info_fields[] = {
    {"max", "DBL_MAX -- maximum representable finite float"},
    {"max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"},
    {"max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"},
    {"min", "DBL_MIN -- Minimum positive normalized float"},
    {"min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"},
    {"min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"},
    {"dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float"},
    {"mant_dig", "DBL_MANT_DIG -- mantissa digits"},
    {"epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"},
    {"radix", "FLT_RADIX -- radix of exponent"},
    {"rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"},
    {NULL, NULL},
};
static const AdStructSeqDesc float_info_desc = {
    "sys.float_info",
    "sys.float_info\n\nA named tuple holding information about the float type. It contains low level\n"
    "information about the precision and internal representation. Please study\n"
    "your system's :file:`float.h` for more information.",
    float_info_fields, 11,
};

static const AdStructSeqField int_info_fields[] = {
    {"bits_per_digit", "size of a digit in bits"},
    {"sizeof_digit", "size in bytes of the C type used to represent a digit"},
    {"default_max_str_digits", "maximum string conversion digits limitation"},
    {"str_digits_check_threshold", "minimum positive value for int_max_str_digits"},
    {NULL, NULL},
};
static const AdStructSeqDesc int_info_desc = {
    "sys.int_info",
    "sys.int_info\n\nA named tuple that holds information about Python's\n"
    "internal representation of integers.  The attributes are read only.",
    int_info_fields, 4,
};

static const AdStructSeqField hash_info_fields[] = {
    {"width", "width of the type used for hashing, in bits"},
    {"modulus", "prime number giving the modulus on which the hash function is based"},
    {"inf", "value to be used for hash of a positive infinity"},
    {"nan", "value to be used for hash of a nan"},
    {"imag", "multiplier used for the imaginary part of a complex number"},
    {"algorithm", "name of the algorithm for hashing of str, bytes and memoryviews"},
    {"hash_bits", "internal output size of hash algorithm"},
    {"seed_bits", "seed size of hash algorithm"},
    {"cutoff", "small string optimization cutoff"},
    {NULL, NULL},
};
static const AdStructSeqDesc hash_info_desc = {
    "sys.hash_info",
    "hash_info\n\nA named tuple providing parameters used for computing\n"
    "hashes. The attributes are read only.",
    hash_info_fields, 9,
};

static const AdStructSeqField thread_info_fields[] = {
    {"name", "name of the thread implementation"},
    {"lock", "name of the lock implementation"},
    {"version", "name and version of the thread library"},
    {NULL, NULL},
};
static const AdStructSeqDesc thread_info_desc = {
    "sys.thread_info", "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
    thread_info_fields, 3,
};

static const AdStructSeqField unraisable_fields[] = {
    {"exc_type", "Exception type"},
    {"exc_value", "Exception value"},
    {"exc_traceback", "Exception traceback"},
    {"err_msg", "Error message"},
    {"object", "Object causing the exception"},
    {NULL, NULL},
};
static const AdStructSeqDesc unraisable_desc = {
    "UnraisableHookArgs",
    "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
    unraisable_fields, 5,
};

int modules_sys_init_types(void)
{
    if (AdStructSeq_InitType(&AdSysFlags_Type, &flags_desc, AD_STRUCTSEQ_DISALLOW_NEW) < 0 ||
        AdStructSeq_InitType(&AdSysVersionInfo_Type, &version_info_desc, AD_STRUCTSEQ_DISALLOW_NEW) < 0 ||
        AdStructSeq_InitType(&AdSysFloatInfo_Type, &float_info_desc, 0) < 0 ||
        AdStructSeq_InitType(&AdSysIntInfo_Type, &int_info_desc, 0) < 0 ||
        AdStructSeq_InitType(&AdSysHashInfo_Type, &hash_info_desc, 0) < 0 ||
        AdStructSeq_InitType(&AdSysThreadInfo_Type, &thread_info_desc, 0) < 0 ||
        AdStructSeq_InitType(&AdSysUnraisableHookArgs_Type, &unraisable_desc, 0) < 0)
        return -1;
    return 0;
}

/* Fills a new instance from objects (stolen; any NULL fails the whole). */
static AdObject *make(AdTypeObject *type, int n, AdObject **items)
{
    AdObject *o = AdStructSeq_New(type);
    int bad = o == NULL;
    for (int i = 0; i < n; i++)
        bad |= items[i] == NULL;
    if (bad) {
        for (int i = 0; i < n; i++)
            Ad_XDECREF(items[i]);
        if (o) {
            for (int i = 0; i < n; i++)
                AdStructSeq_SET_ITEM(o, i, Ad_NewRef(Ad_None));
            Ad_DECREF(o);
        }
        return NULL;
    }
    for (int i = 0; i < n; i++)
        AdStructSeq_SET_ITEM(o, i, items[i]);
    return o;
}

#define I(v) AdInt_FromInt64((int64_t)(v))
#define B(v) Ad_NewRef(AdBool_FromLong((v) != 0))
#define S(v) AdStr_FromString(v)

AdObject *modules_sys_make_flags(const AdConfig *c)
{
    int hash_random = !c->use_hash_seed || c->hash_seed != 0;
    AdObject *items[21] = {
        I(c->parser_debug), I(c->inspect), I(c->interactive), I(c->optimization_level),
        I(!c->write_bytecode), I(!c->user_site_directory), I(!c->site_import), I(!c->use_environment),
        I(c->verbose), I(c->bytes_warning), I(c->quiet), I(hash_random), I(c->isolated),
        B(c->dev_mode), I(c->utf8_mode > 0), I(c->warn_default_encoding), B(c->safe_path),
        I(c->int_max_str_digits < 0 ? 4300 : c->int_max_str_digits),
        I(1), I(c->thread_inherit_context > 0), I(c->context_aware_warnings > 0),
    };
    return make(&AdSysFlags_Type, 21, items);
}

static AdObject *version_info(AdTypeObject *type, int major, int minor, int micro, const char *level, int serial)
{
    AdObject *items[5] = {I(major), I(minor), I(micro), S(level), I(serial)};
    return make(type, 5, items);
}

AdObject *modules_sys_make_version_info(void)
{
    return version_info(&AdSysVersionInfo_Type, AD_PY_MAJOR, AD_PY_MINOR, AD_PY_MICRO, "final", 0);
}

AdObject *modules_sys_make_float_info(void)
{
    AdObject *items[11] = {
        AdFloat_FromDouble(DBL_MAX), I(DBL_MAX_EXP), I(DBL_MAX_10_EXP), AdFloat_FromDouble(DBL_MIN),
        I(DBL_MIN_EXP), I(DBL_MIN_10_EXP), I(DBL_DIG), I(DBL_MANT_DIG), AdFloat_FromDouble(DBL_EPSILON),
        I(FLT_RADIX), I(1),
    };
    return make(&AdSysFloatInfo_Type, 11, items);
}

/* Adder's ints are sign and magnitude over 64-bit limbs (objects/int.h):
 * a "digit" is a full 64-bit limb. */
AdObject *modules_sys_make_int_info(void)
{
    AdObject *items[4] = {I(64), I(sizeof(uint64_t)), I(4300), I(640)};
    return make(&AdSysIntInfo_Type, 4, items);
}

AdObject *modules_sys_make_hash_info(void)
{
    AdObject *items[9] = {
        I(64), I(((int64_t)1 << 61) - 1), I(314159), I(0), I(1000003), S("siphash13"), I(64), I(128), I(0),
    };
    return make(&AdSysHashInfo_Type, 9, items);
}

AdObject *modules_sys_make_thread_info(void)
{
    char buf[64];
    AdObject *version;
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    size_t n = confstr(_CS_GNU_LIBPTHREAD_VERSION, buf, sizeof buf);
    version = n > 0 && n <= sizeof buf ? S(buf) : Ad_NewRef(Ad_None);
#else
    (void)buf;
    version = Ad_NewRef(Ad_None);
#endif
    AdObject *items[3] = {S("pthread"), S("semaphore"), version};
    return make(&AdSysThreadInfo_Type, 3, items);
}

AdObject *modules_sys_make_unraisable_args(AdObject *exc, AdObject *err_msg, AdObject *obj)
{
    AdObject *tb = exc ? AdException_GetTraceback(exc) : NULL;
    AdObject *items[5] = {
        Ad_NewRef(exc ? (AdObject *)AD_TYPE(exc) : Ad_None), Ad_NewRef(exc ? exc : Ad_None),
        Ad_NewRef(tb ? tb : Ad_None), Ad_NewRef(err_msg ? err_msg : Ad_None), Ad_NewRef(obj ? obj : Ad_None),
    };
    return make(&AdSysUnraisableHookArgs_Type, 5, items);
}

static const char *multiarch(void)
{
#if defined(__x86_64__)
    return "x86_64-linux-gnu";
#elif defined(__aarch64__)
    return "aarch64-linux-gnu";
#elif defined(__i386__)
    return "i386-linux-gnu";
#elif defined(__arm__)
    return "arm-linux-gnueabihf";
#elif defined(__riscv) && __riscv_xlen == 64
    return "riscv64-linux-gnu";
#else
    return "";
#endif
}

/* sys.implementation: Adder's own name and version (DESIGN.md). */
AdObject *modules_sys_make_implementation(void)
{
    int major = 0, minor = 0, micro = 0;
    sscanf(AD_ADDER_VERSION, "%d.%d.%d", &major, &minor, &micro);
    AdObject *d = AdDict_New();
    if (!d)
        return NULL;
    AdObject *vals[6] = {
        S("adder"), S("adder-" "3" "14"), version_info(&AdSysVersionInfo_Type, major, minor, micro, "final", 0),
        I(((int64_t)major << 24) | (minor << 16) | (micro << 8) | 0xF0), S(multiarch()), B(0),
    };
    static const char *const keys[6] = {"name", "cache_tag", "version", "hexversion", "_multiarch",
                                        "supports_isolated_interpreters"};
    int bad = 0;
    for (int i = 0; i < 6; i++) {
        if (!vals[i] || AdDict_SetItemString(d, keys[i], vals[i]) < 0)
            bad = 1;
        Ad_XDECREF(vals[i]);
    }
    AdObject *ns = bad ? NULL : AdNamespace_New(d);
    Ad_DECREF(d);
    return ns;
}
