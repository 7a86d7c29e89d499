/* test_config.c: AdConfig_Read, table-driven. Each case gives a command
 * line (after the program name "adder") and an environment (an envp array;
 * the process environment is never read) and expects either a set of
 * configuration fields, a usage error (exit 2 with its message), a help or
 * version request (exit 0), or an error status (CPython's function name
 * and message).
 *
 * Expected values come from CPython: a native CPython 3.13 run under
 * `env -i` with the case's variables, printing sys.flags, sys.argv,
 * sys.orig_argv, sys._xoptions, sys.warnoptions and its full PyConfig,
 * adjusted where 3.14 documents or implements a difference (the texts of
 * CPython 3.14.2's messages were read from its binary). Cases marked "3.14"
 * cover behaviour 3.13 lacks.
 *
 * Field expectations are written as "name=value;" pairs. Every field of the
 * table below that a case does not name must keep its default, so a case
 * also checks that an option touches nothing else. Values: integers in
 * decimal, strings as they are ("~" for NULL), lists as [a|b|c] (an empty
 * item as '', so [''] is sys.argv when no program is given and [] is an
 * empty list). */
#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/config.h"

/* ---- the fields a case can name ------------------------------------------ */

typedef enum { F_INT, F_ULONG, F_STR, F_LIST, F_RUN } FieldType;

typedef struct {
    const char *name;
    FieldType type;
    size_t offset;
} Field;

#define FIELD(name, type) {#name, type, offsetof(AdConfig, name)}

static const Field fields[] = {
    FIELD(argv, F_LIST), FIELD(xoptions, F_LIST), FIELD(warnoptions, F_LIST),
    FIELD(run, F_RUN), FIELD(run_command, F_STR), FIELD(run_module, F_STR),
    FIELD(run_filename, F_STR),
    FIELD(isolated, F_INT), FIELD(use_environment, F_INT), FIELD(dev_mode, F_INT),
    FIELD(utf8_mode, F_INT), FIELD(coerce_c_locale, F_INT),
    FIELD(coerce_c_locale_warn, F_INT), FIELD(allocator, F_INT),
    FIELD(parser_debug, F_INT), FIELD(inspect, F_INT), FIELD(interactive, F_INT),
    FIELD(optimization_level, F_INT), FIELD(write_bytecode, F_INT),
    FIELD(user_site_directory, F_INT), FIELD(site_import, F_INT),
    FIELD(verbose, F_INT), FIELD(bytes_warning, F_INT), FIELD(quiet, F_INT),
    FIELD(buffered_stdio, F_INT), FIELD(safe_path, F_INT),
    FIELD(skip_source_first_line, F_INT), FIELD(warn_default_encoding, F_INT),
    FIELD(int_max_str_digits, F_INT), FIELD(use_hash_seed, F_INT),
    FIELD(hash_seed, F_ULONG), FIELD(check_hash_pycs_mode, F_STR),
    FIELD(faulthandler, F_INT), FIELD(tracemalloc, F_INT), FIELD(import_time, F_INT),
    FIELD(code_debug_ranges, F_INT), FIELD(show_ref_count, F_INT),
    FIELD(perf_profiling, F_INT), FIELD(use_frozen_modules, F_INT),
    FIELD(cpu_count, F_INT), FIELD(context_aware_warnings, F_INT),
    FIELD(thread_inherit_context, F_INT), FIELD(remote_debug, F_INT),
    FIELD(pycache_prefix, F_STR), FIELD(pythonpath_env, F_STR), FIELD(home, F_STR),
    FIELD(platlibdir, F_STR), FIELD(stdio_encoding, F_STR), FIELD(stdio_errors, F_STR),
    FIELD(startup, F_STR), FIELD(breakpoint, F_STR), FIELD(history, F_STR),
    FIELD(colors, F_STR), FIELD(user_base, F_STR),
    FIELD(case_ok, F_INT), FIELD(basic_repl, F_INT), FIELD(asyncio_debug, F_INT),
    FIELD(malloc_stats, F_INT), FIELD(no_color, F_INT), FIELD(force_color, F_INT),
    FIELD(help, F_INT), FIELD(version, F_INT), FIELD(usage_error, F_STR),
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* What `adder -c pass` with an empty environment gives, field by field
 * (CPython's defaults; utf8_mode and coerce_c_locale stay -1, "decide from
 * the locale", as config.h documents). */
static const char defaults[] =
    "argv=[];xoptions=[];warnoptions=[];run=repl;run_command=~;run_module=~;"
    "run_filename=~;isolated=0;use_environment=1;dev_mode=0;utf8_mode=-1;"
    "coerce_c_locale=-1;coerce_c_locale_warn=0;allocator=0;parser_debug=0;"
    "inspect=0;interactive=0;optimization_level=0;write_bytecode=1;"
    "user_site_directory=1;site_import=1;verbose=0;bytes_warning=0;quiet=0;"
    "buffered_stdio=1;safe_path=0;skip_source_first_line=0;"
    "warn_default_encoding=0;int_max_str_digits=4300;use_hash_seed=0;"
    "hash_seed=0;check_hash_pycs_mode=default;faulthandler=0;tracemalloc=0;"
    "import_time=0;code_debug_ranges=1;show_ref_count=0;perf_profiling=0;"
    "use_frozen_modules=1;cpu_count=-1;context_aware_warnings=0;"
    "thread_inherit_context=0;remote_debug=1;pycache_prefix=~;"
    "pythonpath_env=~;home=~;platlibdir=lib;stdio_encoding=~;stdio_errors=~;"
    "startup=~;breakpoint=~;history=~;colors=~;user_base=~;case_ok=0;"
    "basic_repl=0;asyncio_debug=0;malloc_stats=0;no_color=0;force_color=0;"
    "help=0;version=0;usage_error=~;";

static const char *run_names[] = {"repl", "command", "module", "file", "stdin"};

/* Formats the actual value of field f into buf. */
static void format_field(const AdConfig *c, const Field *f, char *buf, size_t size)
{
    const char *p = (const char *)c + f->offset;
    switch (f->type) {
    case F_INT:
        snprintf(buf, size, "%d", *(const int *)p);
        break;
    case F_ULONG:
        snprintf(buf, size, "%lu", *(const unsigned long *)p);
        break;
    case F_RUN: {
        int r = (int)*(const AdRunKind *)p;
        snprintf(buf, size, "%s", r >= 0 && r < 5 ? run_names[r] : "?");
        break;
    }
    case F_STR: {
        const char *s = *(char *const *)p;
        snprintf(buf, size, "%s", s ? s : "~");
        break;
    }
    case F_LIST: {
        const AdStrList *l = (const AdStrList *)p;
        size_t n = (size_t)snprintf(buf, size, "[");
        for (size_t i = 0; i < l->len && n < size; i++)
            n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? "|" : "",
                                  l->items[i][0] ? l->items[i] : "''");
        if (n < size)
            snprintf(buf + n, size - n, "]");
        break;
    }
    }
}

/* Finds "name=" in spec and copies its value (up to ';') into out. */
static int spec_lookup(const char *spec, const char *name, char *out, size_t size)
{
    size_t n = strlen(name);
    for (const char *p = spec; p && *p;) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > n && strncmp(p, name, n) == 0 && p[n] == '=') {
            size_t vlen = len - n - 1;
            if (vlen >= size)
                vlen = size - 1;
            memcpy(out, p + n + 1, vlen);
            out[vlen] = '\0';
            return 1;
        }
        p = end ? end + 1 : NULL;
    }
    return 0;
}

/* ---- the cases ------------------------------------------------------------ */

enum { OK = 0, EXIT, ERROR };

typedef struct {
    const char *name;
    const char *argv[20];   /* after argv[0]; NULL-terminated */
    const char *envp[8];    /* NULL-terminated */
    int status;             /* OK, EXIT or ERROR */
    const char *expect;     /* OK and EXIT: fields that differ from the defaults */
    int exitcode;           /* EXIT */
    const char *func;       /* ERROR: CPython's function (NULL: CPython names none) */
    const char *msg;        /* ERROR */
} Case;

/* `-c pass`, the usual program of a case. */
#define CMD "run=command;run_command=pass\n;argv=[-c];"
/* A usage error: exit 2 and the first line of CPython's report. */
#define USAGE(text) .status = EXIT, .exitcode = 2, .expect = "usage_error=" text ";"
/* An error status from CPython's function with its message. */
#define FAILS(fn, text) .status = ERROR, .func = fn, .msg = text
/* Exit 0 after a help or version report. */
#define REPORT(fields) .status = EXIT, .exitcode = 0, .expect = fields

static const Case cases[] = {
    /* --- short options, one at a time --- */
    {"no_options", {"-c", "pass"}, {0}, .status = OK, .expect = CMD},
    {"b", {"-b", "-c", "pass"}, {0}, .status = OK, .expect = CMD "bytes_warning=1;warnoptions=[default::BytesWarning];"},
    {"bb", {"-bb", "-c", "pass"}, {0}, .status = OK, .expect = CMD "bytes_warning=2;warnoptions=[error::BytesWarning];"},
    {"b_b_separate", {"-b", "-b", "-c", "pass"}, {0}, .status = OK, .expect = CMD "bytes_warning=2;warnoptions=[error::BytesWarning];"},
    {"bbb", {"-b", "-b", "-b", "-c", "pass"}, {0}, .status = OK, .expect = CMD "bytes_warning=3;warnoptions=[error::BytesWarning];"},
    {"B", {"-B", "-c", "pass"}, {0}, .status = OK, .expect = CMD "write_bytecode=0;"},
    {"c_args", {"-c", "pass", "a", "-v", "--", "-X", "x"}, {0}, .status = OK,
     .expect = "run=command;run_command=pass\n;argv=[-c|a|-v|--|-X|x];"},
    {"c_attached", {"-cpass"}, {0}, .status = OK, .expect = CMD},
    {"c_twice_second_is_arg", {"-c", "pass", "-c", "x"}, {0}, .status = OK,
     .expect = "run=command;run_command=pass\n;argv=[-c|-c|x];"},
    {"c_multiline", {"-c", "a=1\nb=2"}, {0}, .status = OK, .expect = "run=command;run_command=a=1\nb=2\n;argv=[-c];"},
    {"d", {"-d", "-c", "pass"}, {0}, .status = OK, .expect = CMD "parser_debug=1;"},
    /* sys.flags.debug is 1 however many -d are given */
    {"ddd", {"-ddd", "-c", "pass"}, {0}, .status = OK, .expect = CMD "parser_debug=1;"},
    {"E", {"-E", "-c", "pass"},
     {"PYTHONVERBOSE=1", "PYTHONOPTIMIZE=2", "PYTHONPATH=/p", "PYTHONWARNINGS=error",
      "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=abc", 0},
     .status = OK, .expect = CMD "use_environment=0;"},
    {"i", {"-i", "-c", "pass"}, {0}, .status = OK, .expect = CMD "inspect=1;interactive=1;"},
    {"ii", {"-i", "-i", "-c", "pass"}, {0}, .status = OK, .expect = CMD "inspect=1;interactive=1;"},
    {"I", {"-I", "-c", "pass"}, {"PYTHONPATH=/p", 0}, .status = OK,
     .expect = CMD "isolated=1;use_environment=0;user_site_directory=0;safe_path=1;"},
    {"I_with_E", {"-E", "-E", "-I", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "isolated=1;use_environment=0;user_site_directory=0;safe_path=1;"},
    {"m_args", {"-m", "mod", "a", "-O"}, {0}, .status = OK, .expect = "run=module;run_module=mod;argv=[-m|a|-O];"},
    {"m_attached", {"-mmod"}, {0}, .status = OK, .expect = "run=module;run_module=mod;argv=[-m];"},
    {"m_then_c_is_arg", {"-m", "mod", "-c", "x"}, {0}, .status = OK, .expect = "run=module;run_module=mod;argv=[-m|-c|x];"},
    {"O", {"-O", "-c", "pass"}, {0}, .status = OK, .expect = CMD "optimization_level=1;"},
    {"OO", {"-OO", "-c", "pass"}, {0}, .status = OK, .expect = CMD "optimization_level=2;"},
    {"O_OO", {"-O", "-OO", "-c", "pass"}, {0}, .status = OK, .expect = CMD "optimization_level=3;"},
    {"P", {"-P", "-c", "pass"}, {0}, .status = OK, .expect = CMD "safe_path=1;"},
    {"q", {"-q", "-c", "pass"}, {0}, .status = OK, .expect = CMD "quiet=1;"},
    {"qq", {"-qq", "-c", "pass"}, {0}, .status = OK, .expect = CMD "quiet=1;"},
    {"R_accepted", {"-R", "-c", "pass"}, {0}, .status = OK, .expect = CMD},
    {"s", {"-s", "-c", "pass"}, {0}, .status = OK, .expect = CMD "user_site_directory=0;"},
    {"S", {"-S", "-c", "pass"}, {0}, .status = OK, .expect = CMD "site_import=0;"},
    {"u", {"-u", "-c", "pass"}, {0}, .status = OK, .expect = CMD "buffered_stdio=0;"},
    {"v", {"-v", "-c", "pass"}, {0}, .status = OK, .expect = CMD "verbose=1;"},
    {"vv", {"-vv", "-c", "pass"}, {0}, .status = OK, .expect = CMD "verbose=2;"},
    {"vvv_v", {"-vvv", "-v", "-c", "pass"}, {0}, .status = OK, .expect = CMD "verbose=4;"},
    {"W_separate", {"-W", "error", "-c", "pass"}, {0}, .status = OK, .expect = CMD "warnoptions=[error];"},
    {"W_attached", {"-Werror", "-c", "pass"}, {0}, .status = OK, .expect = CMD "warnoptions=[error];"},
    {"W_order", {"-W", "ignore", "-Wdefault", "-W", "error::DeprecationWarning", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "warnoptions=[ignore|default|error::DeprecationWarning];"},
    {"x", {"-x", "/tmp/s.py"}, {0}, .status = OK,
     .expect = "run=file;run_filename=/tmp/s.py;argv=[/tmp/s.py];skip_source_first_line=1;"},
    {"X_separate", {"-X", "dev", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[dev];dev_mode=1;faulthandler=1;allocator=2;warnoptions=[default];"},
    {"X_attached", {"-Xdev", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[dev];dev_mode=1;faulthandler=1;allocator=2;warnoptions=[default];"},

    /* --- combined short options --- */
    {"combined_Bc", {"-Bc", "pass"}, {0}, .status = OK, .expect = CMD "write_bytecode=0;"},
    {"combined_uSc", {"-uSc", "pass"}, {0}, .status = OK, .expect = CMD "site_import=0;buffered_stdio=0;"},
    {"combined_bbO", {"-bbO", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "bytes_warning=2;optimization_level=1;warnoptions=[error::BytesWarning];"},
    {"combined_vWerror", {"-vWerror", "-c", "pass"}, {0}, .status = OK, .expect = CMD "verbose=1;warnoptions=[error];"},
    {"combined_OvO", {"-OvO", "-c", "pass"}, {0}, .status = OK, .expect = CMD "optimization_level=2;verbose=1;"},
    {"combined_BXutf8", {"-BXutf8", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "write_bytecode=0;xoptions=[utf8];utf8_mode=1;"},
    {"combined_sIc", {"-sIc", "pass"}, {0}, .status = OK,
     .expect = CMD "isolated=1;use_environment=0;user_site_directory=0;safe_path=1;"},

    /* --- programs, "-" and "--"; options after the program belong to it --- */
    {"script", {"/tmp/s.py", "a", "-O", "--x"}, {0}, .status = OK,
     .expect = "run=file;run_filename=/tmp/s.py;argv=[/tmp/s.py|a|-O|--x];"},
    {"script_after_options", {"-O", "-v", "/tmp/s.py", "-E"}, {0}, .status = OK,
     .expect = "run=file;run_filename=/tmp/s.py;argv=[/tmp/s.py|-E];optimization_level=1;verbose=1;"},
    {"script_then_h", {"/tmp/s.py", "-h"}, {0}, .status = OK, .expect = "run=file;run_filename=/tmp/s.py;argv=[/tmp/s.py|-h];"},
    {"c_then_O", {"-c", "pass", "-O"}, {0}, .status = OK, .expect = "run=command;run_command=pass\n;argv=[-c|-O];"},
    {"c_then_V", {"-c", "pass", "-V"}, {0}, .status = OK, .expect = "run=command;run_command=pass\n;argv=[-c|-V];"},
    {"c_then_dash", {"-c", "pass", "-"}, {0}, .status = OK, .expect = "run=command;run_command=pass\n;argv=[-c|-];"},
    {"dash", {"-", "a", "-O"}, {0}, .status = OK, .expect = "run=stdin;argv=[-|a|-O];"},
    {"dashdash_script", {"--", "/tmp/s.py", "-O"}, {0}, .status = OK,
     .expect = "run=file;run_filename=/tmp/s.py;argv=[/tmp/s.py|-O];"},
    {"dashdash_dash", {"-O", "--", "-", "x"}, {0}, .status = OK, .expect = "run=stdin;argv=[-|x];optimization_level=1;"},
    {"dashdash_option_like_script", {"--", "-O"}, {0}, .status = OK, .expect = "run=file;run_filename=-O;argv=[-O];"},
    {"dashdash_nothing", {"-O", "--"}, {0}, .status = OK, .expect = "argv=[''];optimization_level=1;"},
    {"no_program", {"-O"}, {0}, .status = OK, .expect = "argv=[''];optimization_level=1;"},
    {"nothing", {0}, {0}, .status = OK, .expect = "argv=[''];"},

    /* --- --check-hash-based-pycs --- */
    {"chbp_always", {"--check-hash-based-pycs", "always", "-c", "pass"}, {0}, .status = OK, .expect = CMD "check_hash_pycs_mode=always;"},
    {"chbp_never", {"--check-hash-based-pycs", "never", "-c", "pass"}, {0}, .status = OK, .expect = CMD "check_hash_pycs_mode=never;"},
    {"chbp_default", {"--check-hash-based-pycs", "default", "-c", "pass"}, {0}, .status = OK, .expect = CMD},
    {"chbp_bad", {"--check-hash-based-pycs", "sometimes"}, {0},
     USAGE("--check-hash-based-pycs must be one of 'default', 'always', or 'never'")},
    {"chbp_missing", {"--check-hash-based-pycs"}, {0},
     USAGE("Argument expected for the --check-hash-based-pycs options")},

    /* --- -X options with effect --- */
    {"X_int_max_str_digits_0", {"-X", "int_max_str_digits=0", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[int_max_str_digits=0];int_max_str_digits=0;"},
    {"X_int_max_str_digits_640", {"-X", "int_max_str_digits=640", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[int_max_str_digits=640];int_max_str_digits=640;"},
    /* an empty value means 0 (no limit), unlike a bare -X int_max_str_digits */
    {"X_int_max_str_digits_empty", {"-X", "int_max_str_digits=", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[int_max_str_digits=];int_max_str_digits=0;"},
    {"X_first_value_wins", {"-X", "int_max_str_digits=1000", "-X", "int_max_str_digits=2000", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[int_max_str_digits=1000|int_max_str_digits=2000];int_max_str_digits=1000;"},
    {"X_int_max_str_digits_over_env", {"-X", "int_max_str_digits=1000", "-c", "pass"},
     {"PYTHONINTMAXSTRDIGITS=5000", 0}, .status = OK,
     .expect = CMD "xoptions=[int_max_str_digits=1000];int_max_str_digits=1000;"},
    {"X_int_max_str_digits_abc", {"-X", "int_max_str_digits=abc"}, {0},
     FAILS("config_init_int_max_str_digits", "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.")},
    {"X_int_max_str_digits_639", {"-X", "int_max_str_digits=639"}, {0},
     FAILS("config_init_int_max_str_digits", "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.")},
    {"X_int_max_str_digits_bare", {"-X", "int_max_str_digits"}, {0},
     FAILS("config_init_int_max_str_digits", "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.")},
    {"X_utf8", {"-X", "utf8", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[utf8];utf8_mode=1;"},
    {"X_utf8_0", {"-X", "utf8=0", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[utf8=0];utf8_mode=0;"},
    {"X_utf8_1", {"-X", "utf8=1", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[utf8=1];utf8_mode=1;"},
    {"X_utf8_over_env", {"-X", "utf8=0", "-c", "pass"}, {"PYTHONUTF8=1", 0}, .status = OK,
     .expect = CMD "xoptions=[utf8=0];utf8_mode=0;"},
    {"X_utf8_2", {"-X", "utf8=2"}, {0}, FAILS("preconfig_init_utf8_mode", "invalid -X utf8 option value")},
    {"X_utf8_empty", {"-X", "utf8="}, {0}, FAILS("preconfig_init_utf8_mode", "invalid -X utf8 option value")},
    {"X_frozen_modules_off", {"-X", "frozen_modules=off", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[frozen_modules=off];use_frozen_modules=0;"},
    {"X_frozen_modules_on", {"-X", "frozen_modules=on", "-c", "pass"}, {"PYTHON_FROZEN_MODULES=off", 0}, .status = OK,
     .expect = CMD "xoptions=[frozen_modules=on];use_frozen_modules=1;"},
    {"X_frozen_modules_bare", {"-X", "frozen_modules", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[frozen_modules];use_frozen_modules=1;"},
    /* CPython reports this one without a function name (PyStatus_Error) */
    {"X_frozen_modules_bad", {"-X", "frozen_modules=maybe"}, {0},
     FAILS(NULL, "bad value for option -X frozen_modules (expected \"on\" or \"off\")")},
    {"X_cpu_count", {"-X", "cpu_count=4", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[cpu_count=4];cpu_count=4;"},
    {"X_cpu_count_default", {"-X", "cpu_count=default", "-c", "pass"}, {"PYTHON_CPU_COUNT=4", 0}, .status = OK,
     .expect = CMD "xoptions=[cpu_count=default];cpu_count=-1;"},
    {"X_cpu_count_over_env", {"-X", "cpu_count=7", "-c", "pass"}, {"PYTHON_CPU_COUNT=3", 0}, .status = OK,
     .expect = CMD "xoptions=[cpu_count=7];cpu_count=7;"},
    {"X_cpu_count_0", {"-X", "cpu_count=0"}, {0},
     FAILS("config_init_cpu_count", "-X cpu_count=n option: n is missing or an invalid number, n must be greater than 0")},
    {"X_cpu_count_bare", {"-X", "cpu_count"}, {0},
     FAILS("config_init_cpu_count", "-X cpu_count=n option: n is missing or an invalid number, n must be greater than 0")},
    {"X_tracemalloc", {"-X", "tracemalloc", "-c", "pass"}, {"PYTHONTRACEMALLOC=4", 0}, .status = OK,
     .expect = CMD "xoptions=[tracemalloc];tracemalloc=1;"},
    {"X_tracemalloc_5", {"-X", "tracemalloc=5", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[tracemalloc=5];tracemalloc=5;"},
    {"X_tracemalloc_0", {"-X", "tracemalloc=0", "-c", "pass"}, {"PYTHONTRACEMALLOC=4", 0}, .status = OK,
     .expect = CMD "xoptions=[tracemalloc=0];tracemalloc=0;"},
    {"X_tracemalloc_abc", {"-X", "tracemalloc=abc"}, {0},
     FAILS("config_init_tracemalloc", "-X tracemalloc=NFRAME: invalid number of frames")},
    {"X_tracemalloc_negative", {"-X", "tracemalloc=-1"}, {0},
     FAILS("config_init_tracemalloc", "-X tracemalloc=NFRAME: invalid number of frames")},
    {"X_importtime", {"-X", "importtime", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[importtime];import_time=1;"},
    /* 3.14: importtime=2 also logs already-loaded modules; other numbers are reserved */
    {"X_importtime_2", {"-X", "importtime=2", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[importtime=2];import_time=2;"},
    {"X_importtime_over_env", {"-X", "importtime", "-c", "pass"}, {"PYTHONPROFILEIMPORTTIME=2", 0}, .status = OK,
     .expect = CMD "xoptions=[importtime];import_time=1;"},
    {"X_importtime_3", {"-X", "importtime=3"}, {0},
     FAILS("config_init_import_time", "-X importtime: values other than 1 and 2 are reserved for future use.")},
    {"X_pycache_prefix", {"-X", "pycache_prefix=/tmp/pc", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[pycache_prefix=/tmp/pc];pycache_prefix=/tmp/pc;"},
    {"X_pycache_prefix_over_env", {"-X", "pycache_prefix=/opt/pc", "-c", "pass"}, {"PYTHONPYCACHEPREFIX=/env/pc", 0}, .status = OK,
     .expect = CMD "xoptions=[pycache_prefix=/opt/pc];pycache_prefix=/opt/pc;"},
    /* a bare or empty -X pycache_prefix cancels the variable */
    {"X_pycache_prefix_bare", {"-X", "pycache_prefix", "-c", "pass"}, {"PYTHONPYCACHEPREFIX=/env/pc", 0}, .status = OK,
     .expect = CMD "xoptions=[pycache_prefix];pycache_prefix=~;"},
    {"X_pycache_prefix_empty", {"-X", "pycache_prefix=", "-c", "pass"}, {"PYTHONPYCACHEPREFIX=/env/pc", 0}, .status = OK,
     .expect = CMD "xoptions=[pycache_prefix=];pycache_prefix=~;"},
    {"X_dev_value_ignored", {"-X", "dev=0", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[dev=0];dev_mode=1;faulthandler=1;allocator=2;warnoptions=[default];"},
    {"X_faulthandler", {"-X", "faulthandler", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[faulthandler];faulthandler=1;"},
    {"X_faulthandler_0", {"-X", "faulthandler=0", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[faulthandler=0];faulthandler=1;"},
    {"X_no_debug_ranges", {"-X", "no_debug_ranges", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[no_debug_ranges];code_debug_ranges=0;"},
    {"X_perf", {"-X", "perf", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[perf];perf_profiling=1;"},
    /* 3.14 */
    {"X_perf_jit", {"-X", "perf_jit", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[perf_jit];perf_profiling=2;"},
    {"X_perf_jit_wins_over_perf", {"-X", "perf_jit", "-X", "perf", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[perf_jit|perf];perf_profiling=2;"},
    {"X_showrefcount", {"-X", "showrefcount", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[showrefcount];show_ref_count=1;"},
    {"X_warn_default_encoding", {"-X", "warn_default_encoding", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[warn_default_encoding];warn_default_encoding=1;"},
    /* 3.14 */
    {"X_context_aware_warnings_1", {"-X", "context_aware_warnings=1", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[context_aware_warnings=1];context_aware_warnings=1;"},
    {"X_context_aware_warnings_0_over_env", {"-X", "context_aware_warnings=0", "-c", "pass"},
     {"PYTHON_CONTEXT_AWARE_WARNINGS=1", 0}, .status = OK,
     .expect = CMD "xoptions=[context_aware_warnings=0];context_aware_warnings=0;"},
    {"X_context_aware_warnings_bare", {"-X", "context_aware_warnings"}, {0},
     FAILS("config_init_context_aware_warnings", "-X context_aware_warnings=n: n is missing or invalid")},
    {"X_context_aware_warnings_2", {"-X", "context_aware_warnings=2"}, {0},
     FAILS("config_init_context_aware_warnings", "-X context_aware_warnings=n: n is missing or invalid")},
    {"X_thread_inherit_context_1", {"-X", "thread_inherit_context=1", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[thread_inherit_context=1];thread_inherit_context=1;"},
    {"X_thread_inherit_context_bare", {"-X", "thread_inherit_context"}, {0},
     FAILS("config_init_thread_inherit_context", "-X thread_inherit_context=n: n is missing or invalid")},
    {"X_thread_inherit_context_abc", {"-X", "thread_inherit_context=abc"}, {0},
     FAILS("config_init_thread_inherit_context", "-X thread_inherit_context=n: n is missing or invalid")},
    /* 3.14.2 looks up the hyphenated name (as --help-xoptions spells it);
     * the underscore spelling is an ordinary unknown option */
    {"X_disable_remote_debug_hyphen", {"-X", "disable-remote-debug", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[disable-remote-debug];remote_debug=0;"},
    {"X_disable_remote_debug_underscore", {"-X", "disable_remote_debug", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[disable_remote_debug];"},
    {"X_gil_1_accepted", {"-X", "gil=1", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[gil=1];"},
    {"X_gil_0", {"-X", "gil=0"}, {0}, FAILS("config_read_gil", "Disabling the GIL is not supported by this build")},
    {"X_unknown_kept", {"-X", "foo", "-X", "bar=baz", "-X", "foo=2", "-c", "pass"}, {0}, .status = OK,
     .expect = CMD "xoptions=[foo|bar=baz|foo=2];"},
    {"X_empty_value_kept", {"-Xa=", "-Xb", "-c", "pass"}, {0}, .status = OK, .expect = CMD "xoptions=[a=|b];"},

    /* --- -X dev and the -W accumulation order --- */
    {"X_dev_then_env_then_W", {"-X", "dev", "-W", "error", "-c", "pass"}, {"PYTHONWARNINGS=ignore", 0}, .status = OK,
     .expect = CMD "xoptions=[dev];dev_mode=1;faulthandler=1;allocator=2;warnoptions=[default|ignore|error];"},
    {"W_accumulation", {"-X", "dev", "-W", "always", "-bb", "-c", "pass"},
     {"PYTHONWARNINGS=ignore::UserWarning,error", 0}, .status = OK,
     .expect = CMD "xoptions=[dev];dev_mode=1;faulthandler=1;allocator=2;bytes_warning=2;"
         "warnoptions=[default|ignore::UserWarning|error|always|error::BytesWarning];"},
    {"W_env_empty_items_dropped", {"-c", "pass"}, {"PYTHONWARNINGS=error,,ignore", 0}, .status = OK,
     .expect = CMD "warnoptions=[error|ignore];"},
    {"W_env_only_commas", {"-c", "pass"}, {"PYTHONWARNINGS=,,", 0}, .status = OK, .expect = CMD},
    {"W_duplicates_dropped",
     {"-W", "error", "-W", "ignore", "-W", "always", "-W", "error", "-X", "dev", "-W", "default", "-b", "-c", "pass"},
     {"PYTHONWARNINGS=error,ignore", 0}, .status = OK,
     .expect = CMD "xoptions=[dev];dev_mode=1;faulthandler=1;allocator=2;bytes_warning=1;"
         "warnoptions=[default|error|ignore|always|default::BytesWarning];"},
    {"W_env_ignored_by_E", {"-E", "-W", "x", "-c", "pass"}, {"PYTHONWARNINGS=a,b", 0}, .status = OK,
     .expect = CMD "use_environment=0;warnoptions=[x];"},
    {"env_devmode", {"-c", "pass"}, {"PYTHONDEVMODE=1", 0}, .status = OK,
     .expect = CMD "dev_mode=1;faulthandler=1;allocator=2;warnoptions=[default];"},
    {"env_devmode_0_still_on", {"-c", "pass"}, {"PYTHONDEVMODE=0", 0}, .status = OK,
     .expect = CMD "dev_mode=1;faulthandler=1;allocator=2;warnoptions=[default];"},
    {"env_devmode_empty", {"-c", "pass"}, {"PYTHONDEVMODE=", 0}, .status = OK, .expect = CMD},
    {"env_malloc_with_dev", {"-X", "dev", "-c", "pass"}, {"PYTHONMALLOC=malloc", 0}, .status = OK,
     .expect = CMD "xoptions=[dev];dev_mode=1;faulthandler=1;allocator=3;warnoptions=[default];"},

    /* --- numeric flag variables: text counts as 1, options and variables combine --- */
    {"env_optimize_vs_O", {"-O", "-c", "pass"}, {"PYTHONOPTIMIZE=2", 0}, .status = OK, .expect = CMD "optimization_level=2;"},
    {"env_optimize_lower_than_OO", {"-OO", "-c", "pass"}, {"PYTHONOPTIMIZE=1", 0}, .status = OK, .expect = CMD "optimization_level=2;"},
    {"env_optimize_abc", {"-c", "pass"}, {"PYTHONOPTIMIZE=abc", 0}, .status = OK, .expect = CMD "optimization_level=1;"},
    {"env_optimize_0", {"-c", "pass"}, {"PYTHONOPTIMIZE=0", 0}, .status = OK, .expect = CMD},
    {"env_verbose_abc", {"-c", "pass"}, {"PYTHONVERBOSE=abc", 0}, .status = OK, .expect = CMD "verbose=1;"},
    {"env_verbose_3_with_v", {"-v", "-c", "pass"}, {"PYTHONVERBOSE=3", 0}, .status = OK, .expect = CMD "verbose=3;"},
    {"env_verbose_1_with_vv", {"-vv", "-c", "pass"}, {"PYTHONVERBOSE=1", 0}, .status = OK, .expect = CMD "verbose=2;"},
    {"env_debug", {"-c", "pass"}, {"PYTHONDEBUG=1", 0}, .status = OK, .expect = CMD "parser_debug=1;"},
    {"env_debug_5", {"-c", "pass"}, {"PYTHONDEBUG=5", 0}, .status = OK, .expect = CMD "parser_debug=1;"},
    {"env_debug_negative", {"-c", "pass"}, {"PYTHONDEBUG=-3", 0}, .status = OK, .expect = CMD "parser_debug=1;"},
    {"env_inspect", {"-c", "pass"}, {"PYTHONINSPECT=1", 0}, .status = OK, .expect = CMD "inspect=1;"},
    {"env_inspect_4", {"-c", "pass"}, {"PYTHONINSPECT=4", 0}, .status = OK, .expect = CMD "inspect=1;"},
    {"env_inspect_0", {"-c", "pass"}, {"PYTHONINSPECT=0", 0}, .status = OK, .expect = CMD},
    {"env_empty_flags_unset", {"-c", "pass"},
     {"PYTHONVERBOSE=", "PYTHONOPTIMIZE=", "PYTHONINSPECT=", "PYTHONDEBUG=", "PYTHONUNBUFFERED=", 0}, .status = OK, .expect = CMD},
    {"env_dontwritebytecode", {"-c", "pass"}, {"PYTHONDONTWRITEBYTECODE=1", 0}, .status = OK, .expect = CMD "write_bytecode=0;"},
    {"env_dontwritebytecode_0", {"-c", "pass"}, {"PYTHONDONTWRITEBYTECODE=0", 0}, .status = OK, .expect = CMD},
    {"env_dontwritebytecode_empty", {"-c", "pass"}, {"PYTHONDONTWRITEBYTECODE=", 0}, .status = OK, .expect = CMD},
    {"env_nousersite", {"-c", "pass"}, {"PYTHONNOUSERSITE=1", 0}, .status = OK, .expect = CMD "user_site_directory=0;"},
    {"env_nousersite_0", {"-c", "pass"}, {"PYTHONNOUSERSITE=0", 0}, .status = OK, .expect = CMD},
    {"env_unbuffered", {"-c", "pass"}, {"PYTHONUNBUFFERED=1", 0}, .status = OK, .expect = CMD "buffered_stdio=0;"},
    {"env_unbuffered_0", {"-c", "pass"}, {"PYTHONUNBUFFERED=0", 0}, .status = OK, .expect = CMD},

    /* --- presence variables: any non-empty value turns them on --- */
    {"env_safepath", {"-c", "pass"}, {"PYTHONSAFEPATH=1", 0}, .status = OK, .expect = CMD "safe_path=1;"},
    {"env_safepath_0", {"-c", "pass"}, {"PYTHONSAFEPATH=0", 0}, .status = OK, .expect = CMD "safe_path=1;"},
    {"env_safepath_empty", {"-c", "pass"}, {"PYTHONSAFEPATH=", 0}, .status = OK, .expect = CMD},
    {"env_faulthandler_0", {"-c", "pass"}, {"PYTHONFAULTHANDLER=0", 0}, .status = OK, .expect = CMD "faulthandler=1;"},
    {"env_nodebugranges", {"-c", "pass"}, {"PYTHONNODEBUGRANGES=1", 0}, .status = OK, .expect = CMD "code_debug_ranges=0;"},
    {"env_warndefaultencoding", {"-c", "pass"}, {"PYTHONWARNDEFAULTENCODING=1", 0}, .status = OK, .expect = CMD "warn_default_encoding=1;"},
    {"env_mallocstats", {"-c", "pass"}, {"PYTHONMALLOCSTATS=1", 0}, .status = OK, .expect = CMD "malloc_stats=1;"},
    {"env_perfsupport", {"-c", "pass"}, {"PYTHONPERFSUPPORT=1", 0}, .status = OK, .expect = CMD "perf_profiling=1;"},
    {"env_perfsupport_0", {"-c", "pass"}, {"PYTHONPERFSUPPORT=0", 0}, .status = OK, .expect = CMD},
    {"env_perfsupport_abc", {"-c", "pass"}, {"PYTHONPERFSUPPORT=abc", 0}, .status = OK, .expect = CMD},
    /* 3.14 */
    {"env_perf_jit_support", {"-X", "perf", "-c", "pass"}, {"PYTHON_PERF_JIT_SUPPORT=1", 0}, .status = OK,
     .expect = CMD "xoptions=[perf];perf_profiling=2;"},
    {"env_disable_remote_debug", {"-c", "pass"}, {"PYTHON_DISABLE_REMOTE_DEBUG=1", 0}, .status = OK, .expect = CMD "remote_debug=0;"},
    {"env_context_aware_warnings", {"-c", "pass"}, {"PYTHON_CONTEXT_AWARE_WARNINGS=1", 0}, .status = OK,
     .expect = CMD "context_aware_warnings=1;"},
    {"env_context_aware_warnings_bad", {"-c", "pass"}, {"PYTHON_CONTEXT_AWARE_WARNINGS=2", 0},
     FAILS("config_init_context_aware_warnings", "PYTHON_CONTEXT_AWARE_WARNINGS=N: N is missing or invalid")},
    {"env_thread_inherit_context", {"-c", "pass"}, {"PYTHON_THREAD_INHERIT_CONTEXT=1", 0}, .status = OK,
     .expect = CMD "thread_inherit_context=1;"},
    {"env_thread_inherit_context_bad", {"-c", "pass"}, {"PYTHON_THREAD_INHERIT_CONTEXT=yes", 0},
     FAILS("config_init_thread_inherit_context", "PYTHON_THREAD_INHERIT_CONTEXT=N: N is missing or invalid")},

    /* --- valued variables --- */
    {"env_intmaxstrdigits", {"-c", "pass"}, {"PYTHONINTMAXSTRDIGITS=5000", 0}, .status = OK, .expect = CMD "int_max_str_digits=5000;"},
    {"env_intmaxstrdigits_0", {"-c", "pass"}, {"PYTHONINTMAXSTRDIGITS=0", 0}, .status = OK, .expect = CMD "int_max_str_digits=0;"},
    {"env_intmaxstrdigits_bad", {"-c", "pass"}, {"PYTHONINTMAXSTRDIGITS=abc", 0},
     FAILS("config_init_int_max_str_digits", "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited.")},
    {"env_intmaxstrdigits_small", {"-c", "pass"}, {"PYTHONINTMAXSTRDIGITS=100", 0},
     FAILS("config_init_int_max_str_digits", "PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited.")},
    {"env_utf8_0", {"-c", "pass"}, {"PYTHONUTF8=0", 0}, .status = OK, .expect = CMD "utf8_mode=0;"},
    {"env_utf8_1", {"-c", "pass"}, {"PYTHONUTF8=1", 0}, .status = OK, .expect = CMD "utf8_mode=1;"},
    {"env_utf8_empty", {"-c", "pass"}, {"PYTHONUTF8=", 0}, .status = OK, .expect = CMD},
    {"env_utf8_bad", {"-c", "pass"}, {"PYTHONUTF8=2", 0},
     FAILS("preconfig_init_utf8_mode", "invalid PYTHONUTF8 environment variable value")},
    {"env_frozen_modules_off", {"-c", "pass"}, {"PYTHON_FROZEN_MODULES=off", 0}, .status = OK, .expect = CMD "use_frozen_modules=0;"},
    {"env_frozen_modules_empty", {"-c", "pass"}, {"PYTHON_FROZEN_MODULES=", 0}, .status = OK, .expect = CMD},
    {"env_frozen_modules_bad", {"-c", "pass"}, {"PYTHON_FROZEN_MODULES=yes", 0},
     FAILS(NULL, "bad value for PYTHON_FROZEN_MODULES (expected \"on\" or \"off\")")},
    {"env_cpu_count", {"-c", "pass"}, {"PYTHON_CPU_COUNT=3", 0}, .status = OK, .expect = CMD "cpu_count=3;"},
    {"env_cpu_count_default", {"-c", "pass"}, {"PYTHON_CPU_COUNT=default", 0}, .status = OK, .expect = CMD},
    {"env_cpu_count_bad", {"-c", "pass"}, {"PYTHON_CPU_COUNT=x", 0},
     FAILS("config_init_cpu_count", "-X cpu_count=n option: n is missing or an invalid number, n must be greater than 0")},
    {"env_tracemalloc", {"-c", "pass"}, {"PYTHONTRACEMALLOC=3", 0}, .status = OK, .expect = CMD "tracemalloc=3;"},
    {"env_tracemalloc_0", {"-c", "pass"}, {"PYTHONTRACEMALLOC=0", 0}, .status = OK, .expect = CMD},
    {"env_tracemalloc_bad", {"-c", "pass"}, {"PYTHONTRACEMALLOC=-1", 0},
     FAILS("config_init_tracemalloc", "PYTHONTRACEMALLOC: invalid number of frames")},
    {"env_importtime", {"-c", "pass"}, {"PYTHONPROFILEIMPORTTIME=1", 0}, .status = OK, .expect = CMD "import_time=1;"},
    /* 3.14 */
    {"env_importtime_2", {"-c", "pass"}, {"PYTHONPROFILEIMPORTTIME=2", 0}, .status = OK, .expect = CMD "import_time=2;"},
    {"env_importtime_3", {"-c", "pass"}, {"PYTHONPROFILEIMPORTTIME=3", 0},
     FAILS("config_init_import_time", "PYTHONPROFILEIMPORTTIME: numeric values other than 1 and 2 are reserved for future use.")},
    {"env_pycache_prefix", {"-c", "pass"}, {"PYTHONPYCACHEPREFIX=/env/pc", 0}, .status = OK, .expect = CMD "pycache_prefix=/env/pc;"},
    {"env_pycache_prefix_empty", {"-c", "pass"}, {"PYTHONPYCACHEPREFIX=", 0}, .status = OK, .expect = CMD},
    {"env_hashseed_random", {"-c", "pass"}, {"PYTHONHASHSEED=random", 0}, .status = OK, .expect = CMD},
    {"env_hashseed_0", {"-c", "pass"}, {"PYTHONHASHSEED=0", 0}, .status = OK, .expect = CMD "use_hash_seed=1;hash_seed=0;"},
    {"env_hashseed_123", {"-c", "pass"}, {"PYTHONHASHSEED=123", 0}, .status = OK, .expect = CMD "use_hash_seed=1;hash_seed=123;"},
    {"env_hashseed_max", {"-c", "pass"}, {"PYTHONHASHSEED=4294967295", 0}, .status = OK,
     .expect = CMD "use_hash_seed=1;hash_seed=4294967295;"},
    {"env_hashseed_leading_zero", {"-c", "pass"}, {"PYTHONHASHSEED=010", 0}, .status = OK, .expect = CMD "use_hash_seed=1;hash_seed=10;"},
    {"env_hashseed_plus", {"-c", "pass"}, {"PYTHONHASHSEED=+5", 0}, .status = OK, .expect = CMD "use_hash_seed=1;hash_seed=5;"},
    {"env_hashseed_leading_space", {"-c", "pass"}, {"PYTHONHASHSEED= 5", 0}, .status = OK, .expect = CMD "use_hash_seed=1;hash_seed=5;"},
    {"env_hashseed_empty", {"-c", "pass"}, {"PYTHONHASHSEED=", 0}, .status = OK, .expect = CMD},
    {"env_hashseed_abc", {"-c", "pass"}, {"PYTHONHASHSEED=abc", 0},
     FAILS("config_init_hash_seed", "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]")},
    {"env_hashseed_too_big", {"-c", "pass"}, {"PYTHONHASHSEED=4294967296", 0},
     FAILS("config_init_hash_seed", "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]")},
    {"env_hashseed_negative", {"-c", "pass"}, {"PYTHONHASHSEED=-1", 0},
     FAILS("config_init_hash_seed", "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]")},
    {"env_hashseed_hex", {"-c", "pass"}, {"PYTHONHASHSEED=0x10", 0},
     FAILS("config_init_hash_seed", "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]")},
    {"env_hashseed_trailing", {"-c", "pass"}, {"PYTHONHASHSEED=5x", 0},
     FAILS("config_init_hash_seed", "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]")},
    {"env_malloc_default", {"-c", "pass"}, {"PYTHONMALLOC=default", 0}, .status = OK, .expect = CMD "allocator=1;"},
    {"env_malloc_debug", {"-c", "pass"}, {"PYTHONMALLOC=debug", 0}, .status = OK, .expect = CMD "allocator=2;"},
    {"env_malloc_malloc", {"-c", "pass"}, {"PYTHONMALLOC=malloc", 0}, .status = OK, .expect = CMD "allocator=3;"},
    {"env_malloc_malloc_debug", {"-c", "pass"}, {"PYTHONMALLOC=malloc_debug", 0}, .status = OK, .expect = CMD "allocator=4;"},
    {"env_malloc_pymalloc", {"-c", "pass"}, {"PYTHONMALLOC=pymalloc", 0}, .status = OK, .expect = CMD "allocator=5;"},
    {"env_malloc_pymalloc_debug", {"-c", "pass"}, {"PYTHONMALLOC=pymalloc_debug", 0}, .status = OK, .expect = CMD "allocator=6;"},
    {"env_malloc_mimalloc", {"-c", "pass"}, {"PYTHONMALLOC=mimalloc", 0}, .status = OK, .expect = CMD "allocator=7;"},
    {"env_malloc_empty", {"-c", "pass"}, {"PYTHONMALLOC=", 0}, .status = OK, .expect = CMD},
    {"env_malloc_bad", {"-c", "pass"}, {"PYTHONMALLOC=foo", 0},
     FAILS("preconfig_init_allocator", "PYTHONMALLOC: unknown allocator")},
    {"env_coerce_0", {"-c", "pass"}, {"PYTHONCOERCECLOCALE=0", 0}, .status = OK, .expect = CMD "coerce_c_locale=0;"},
    {"env_coerce_warn", {"-c", "pass"}, {"PYTHONCOERCECLOCALE=warn", 0}, .status = OK, .expect = CMD "coerce_c_locale_warn=1;"},
    /* PYTHONIOENCODING: an encoding alone means errors "strict"; ":errors" keeps the default encoding */
    {"env_ioencoding", {"-c", "pass"}, {"PYTHONIOENCODING=utf-8", 0}, .status = OK,
     .expect = CMD "stdio_encoding=utf-8;stdio_errors=strict;"},
    {"env_ioencoding_errors", {"-c", "pass"}, {"PYTHONIOENCODING=ascii:replace", 0}, .status = OK,
     .expect = CMD "stdio_encoding=ascii;stdio_errors=replace;"},
    {"env_ioencoding_only_errors", {"-c", "pass"}, {"PYTHONIOENCODING=:backslashreplace", 0}, .status = OK,
     .expect = CMD "stdio_errors=backslashreplace;"},
    {"env_ioencoding_empty_errors", {"-c", "pass"}, {"PYTHONIOENCODING=ascii:", 0}, .status = OK,
     .expect = CMD "stdio_encoding=ascii;stdio_errors=strict;"},
    {"env_path", {"-c", "pass"}, {"PYTHONPATH=/a:/b", 0}, .status = OK, .expect = CMD "pythonpath_env=/a:/b;"},
    {"env_path_empty", {"-c", "pass"}, {"PYTHONPATH=", 0}, .status = OK, .expect = CMD},
    {"env_home", {"-c", "pass"}, {"PYTHONHOME=/h", 0}, .status = OK, .expect = CMD "home=/h;"},
    {"env_platlibdir", {"-c", "pass"}, {"PYTHONPLATLIBDIR=lib64", 0}, .status = OK, .expect = CMD "platlibdir=lib64;"},
    {"env_platlibdir_empty", {"-c", "pass"}, {"PYTHONPLATLIBDIR=", 0}, .status = OK, .expect = CMD},
    {"env_strings_read_by_the_runtime", {"-c", "pass"},
     {"PYTHONSTARTUP=/s.py", "PYTHONBREAKPOINT=pdb.set_trace", "PYTHON_HISTORY=/h.txt", "PYTHON_COLORS=0",
      "PYTHONUSERBASE=/ub", 0}, .status = OK,
     .expect = CMD "startup=/s.py;breakpoint=pdb.set_trace;history=/h.txt;colors=0;user_base=/ub;"},
    {"env_switches_read_by_the_stdlib", {"-c", "pass"},
     {"PYTHONCASEOK=1", "PYTHON_BASIC_REPL=1", "PYTHONASYNCIODEBUG=1", 0}, .status = OK,
     .expect = CMD "case_ok=1;basic_repl=1;asyncio_debug=1;"},
    {"env_no_color_force_color", {"-c", "pass"}, {"NO_COLOR=1", "FORCE_COLOR=1", 0}, .status = OK, .expect = CMD "no_color=1;force_color=1;"},
    {"env_no_color_empty", {"-c", "pass"}, {"NO_COLOR=", "FORCE_COLOR=", 0}, .status = OK, .expect = CMD},

    /* --- -E and -I --- */
    {"E_ignores_values", {"-E", "-c", "pass"},
     {"PYTHONHOME=/h", "PYTHONPATH=/p", "PYTHONPLATLIBDIR=lib64", "PYTHONIOENCODING=ascii",
      "PYTHONMALLOC=malloc", "PYTHONUTF8=0", "PYTHONSTARTUP=/s.py", 0}, .status = OK,
     .expect = CMD "use_environment=0;"},
    {"E_ignores_bad_values", {"-E", "-c", "pass"},
     {"PYTHONUTF8=9", "PYTHONMALLOC=foo", "PYTHONINTMAXSTRDIGITS=1", "PYTHONTRACEMALLOC=x",
      "PYTHONHASHSEED=x", "PYTHON_CPU_COUNT=0", "PYTHON_FROZEN_MODULES=x", 0}, .status = OK,
     .expect = CMD "use_environment=0;"},
    {"E_ignores_presence_variables", {"-E", "-c", "pass"},
     {"PYTHONDEVMODE=1", "PYTHONSAFEPATH=1", "PYTHONFAULTHANDLER=1", "PYTHONCASEOK=1",
      "PYTHON_BASIC_REPL=1", "PYTHONASYNCIODEBUG=1", "PYTHON_COLORS=1", 0}, .status = OK,
     .expect = CMD "use_environment=0;"},
    {"E_keeps_X_options", {"-E", "-X", "utf8=0", "-X", "dev", "-c", "pass"}, {"PYTHONUTF8=1", 0}, .status = OK,
     .expect = CMD "use_environment=0;xoptions=[utf8=0|dev];utf8_mode=0;dev_mode=1;faulthandler=1;allocator=2;"
         "warnoptions=[default];"},
    /* NO_COLOR and FORCE_COLOR are not PYTHON* variables: -E does not hide them */
    {"E_keeps_no_color", {"-E", "-c", "pass"}, {"NO_COLOR=1", "FORCE_COLOR=yes", 0}, .status = OK,
     .expect = CMD "use_environment=0;no_color=1;force_color=1;"},
    /* site.py reads PYTHONUSERBASE whatever -E says */
    {"E_keeps_userbase", {"-E", "-c", "pass"}, {"PYTHONUSERBASE=/ub", 0}, .status = OK,
     .expect = CMD "use_environment=0;user_base=/ub;"},
    {"I_ignores_environment", {"-I", "-c", "pass"},
     {"PYTHONINSPECT=1", "PYTHONUNBUFFERED=1", "PYTHONDEVMODE=1", "PYTHONVERBOSE=2", 0}, .status = OK,
     .expect = CMD "isolated=1;use_environment=0;user_site_directory=0;safe_path=1;"},

    /* --- usage errors --- */
    {"unknown_short", {"-z"}, {0}, USAGE("Unknown option: -z")},
    {"unknown_in_group", {"-Oz", "-c", "pass"}, {0}, USAGE("Unknown option: -z")},
    {"unknown_before_c", {"-zc", "pass"}, {0}, USAGE("Unknown option: -z")},
    {"J_reserved", {"-J"}, {0}, USAGE("-J is reserved for Jython")},
    /* 3.14.2's text for an unknown long option (3.13 said "unknown option --foo") */
    {"unknown_long", {"--foo"}, {0}, USAGE("Unknown option: --foo")},
    {"long_prefix_not_accepted", {"--hel"}, {0}, USAGE("Unknown option: --hel")},
    {"missing_c", {"-c"}, {0}, USAGE("Argument expected for the -c option")},
    {"missing_m", {"-O", "-m"}, {0}, USAGE("Argument expected for the -m option")},
    {"missing_W", {"-W"}, {0}, USAGE("Argument expected for the -W option")},
    {"missing_X", {"-X"}, {0}, USAGE("Argument expected for the -X option")},
    {"version_then_unknown", {"-V", "-z"}, {0}, USAGE("Unknown option: -z")},
    {"unknown_then_help", {"-z", "-h"}, {0}, USAGE("Unknown option: -z")},

    /* --- help and version: reported, exit 0; help ends the parsing --- */
    {"help_h", {"-h"}, {0}, REPORT("help=1;")},
    {"help_question", {"-?"}, {0}, REPORT("help=1;")},
    {"help_long", {"--help"}, {0}, REPORT("help=1;")},
    {"help_env", {"--help-env"}, {0}, REPORT("help=2;")},
    {"help_xoptions", {"--help-xoptions"}, {0}, REPORT("help=3;")},
    {"help_all", {"--help-all"}, {0}, REPORT("help=4;")},
    {"help_env_then_V", {"--help-env", "-V"}, {0}, REPORT("help=2;")},
    {"help_then_unknown", {"-h", "-z"}, {0}, REPORT("help=1;")},
    {"help_then_missing_argument", {"--help", "-c"}, {0}, REPORT("help=1;")},
    {"help_in_group", {"-Oh"}, {0}, REPORT("help=1;")},
    {"version_V", {"-V"}, {0}, REPORT("version=1;")},
    {"version_long", {"--version"}, {0}, REPORT("version=1;")},
    {"version_VV", {"-VV"}, {0}, REPORT("version=2;")},
    {"version_V_long", {"-V", "--version"}, {0}, REPORT("version=2;")},
    {"version_in_group", {"-OV"}, {0}, REPORT("version=1;")},
    {"version_with_program", {"-V", "-c", "pass"}, {0}, REPORT("version=1;")},
};
#define NCASES (sizeof cases / sizeof cases[0])

/* An EXIT case compares help and usage_error always, other fields only
 * when it names them (the rest of the configuration may be half-read). */
static int checked_on_exit(const Case *tc, const char *name)
{
    char ignored[8];
    return strcmp(name, "help") == 0 || strcmp(name, "usage_error") == 0 ||
           spec_lookup(tc->expect, name, ignored, sizeof ignored);
}

static int count_strings(const char *const *v)
{
    int n = 0;
    while (v[n])
        n++;
    return n;
}

START_TEST(test_config_case)
{
    const Case *tc = &cases[_i];
    char *argv[22];
    int argc = 0;
    argv[argc++] = "adder";
    for (int j = 0; tc->argv[j]; j++)
        argv[argc++] = (char *)tc->argv[j];
    argv[argc] = NULL;
    char *envp[10];
    int nenv = count_strings(tc->envp);
    for (int j = 0; j < nenv; j++)
        envp[j] = (char *)tc->envp[j];
    envp[nenv] = NULL;

    AdConfig config;
    AdConfig_Init(&config);
    AdStatus st = AdConfig_Read(&config, argc, argv, envp);

    if (tc->status == ERROR) {
        ck_assert_msg(st.kind == AD_STATUS_ERROR, "%s: expected an error status, got kind %d",
                      tc->name, (int)st.kind);
        ck_assert_msg(st.err_msg && strcmp(st.err_msg, tc->msg) == 0,
                      "%s: message\n  expected: %s\n  got:      %s", tc->name, tc->msg,
                      st.err_msg ? st.err_msg : "(null)");
        ck_assert_msg((tc->func == NULL && st.func == NULL) ||
                          (tc->func && st.func && strcmp(tc->func, st.func) == 0),
                      "%s: function: expected %s, got %s", tc->name,
                      tc->func ? tc->func : "(none)", st.func ? st.func : "(none)");
        AdConfig_Clear(&config);
        return;
    }
    if (tc->status == EXIT) {
        ck_assert_msg(st.kind == AD_STATUS_EXIT, "%s: expected exit(%d), got kind %d (%s: %s)",
                      tc->name, tc->exitcode, (int)st.kind, st.func ? st.func : "",
                      st.err_msg ? st.err_msg : "");
        ck_assert_msg(st.exitcode == tc->exitcode, "%s: exit code: expected %d, got %d",
                      tc->name, tc->exitcode, st.exitcode);
    }
    else {
        ck_assert_msg(st.kind == AD_STATUS_OK, "%s: expected ok, got kind %d (%s: %s) usage_error=%s",
                      tc->name, (int)st.kind, st.func ? st.func : "", st.err_msg ? st.err_msg : "",
                      config.usage_error ? config.usage_error : "");
        /* orig_argv is the whole command line, program_name its first word */
        ck_assert_msg(config.orig_argv.len == (size_t)argc, "%s: orig_argv has %zu items, expected %d",
                      tc->name, config.orig_argv.len, argc);
        for (int j = 0; j < argc; j++)
            ck_assert_msg(strcmp(config.orig_argv.items[j], argv[j]) == 0,
                          "%s: orig_argv[%d] = %s, expected %s", tc->name, j,
                          config.orig_argv.items[j], argv[j]);
        ck_assert_msg(config.program_name && strcmp(config.program_name, "adder") == 0,
                      "%s: program_name", tc->name);
    }

    char want[512], got[512], failures[4096] = "";
    size_t used = 0;
    for (size_t f = 0; f < NFIELDS; f++) {
        if (tc->status == EXIT && !checked_on_exit(tc, fields[f].name))
            continue;
        if (!spec_lookup(tc->expect, fields[f].name, want, sizeof want))
            ck_assert_msg(spec_lookup(defaults, fields[f].name, want, sizeof want),
                          "no default for %s", fields[f].name);
        format_field(&config, &fields[f], got, sizeof got);
        if (strcmp(want, got) != 0 && used < sizeof failures)
            used += (size_t)snprintf(failures + used, sizeof failures - used,
                                     "\n  %s: expected \"%s\", got \"%s\"", fields[f].name, want, got);
    }
    ck_assert_msg(used == 0, "%s:%s", tc->name, failures);
    AdConfig_Clear(&config);
}
END_TEST

/* Every name a case's expectations use is a real field (catches typos in the table). */
START_TEST(test_config_table_names)
{
    for (size_t i = 0; i < NCASES; i++) {
        const char *p = cases[i].expect;
        while (p && *p) {
            const char *eq = strchr(p, '=');
            ck_assert_msg(eq != NULL, "%s: malformed expectation", cases[i].name);
            int known = 0;
            for (size_t f = 0; f < NFIELDS; f++)
                if (strlen(fields[f].name) == (size_t)(eq - p) &&
                    strncmp(fields[f].name, p, (size_t)(eq - p)) == 0)
                    known = 1;
            ck_assert_msg(known, "%s: unknown field in \"%s\"", cases[i].name, p);
            const char *semi = strchr(eq, ';');
            p = semi ? semi + 1 : NULL;
        }
    }
}
END_TEST

/* ---- the rest of the API ------------------------------------------------- */

START_TEST(test_config_init_defaults)
{
    AdConfig c;
    memset(&c, 0x5a, sizeof c);
    AdConfig_Init(&c);
    ck_assert_int_eq(c.run, AD_RUN_REPL_OR_STDIN);
    ck_assert_int_eq(c.use_environment, 1);
    ck_assert_int_eq(c.utf8_mode, -1);
    ck_assert_int_eq(c.cpu_count, -1);
    ck_assert_int_eq(c.write_bytecode, 1);
    ck_assert_int_eq(c.site_import, 1);
    ck_assert_int_eq(c.help, AD_HELP_NONE);
    ck_assert_ptr_null(c.usage_error);
    ck_assert_ptr_null(c.run_command);
    ck_assert_uint_eq(c.argv.len, 0);
    ck_assert_uint_eq(c.xoptions.len, 0);
    AdConfig_Clear(&c);
}
END_TEST

START_TEST(test_config_get_xoption)
{
    char *argv[] = {"adder", "-X", "bare", "-X", "k=v1", "-X", "k=v2", "-X", "empty=", "-X", "a=b=c",
                    "-c", "pass", NULL};
    char *envp[] = {NULL};
    AdConfig c;
    AdConfig_Init(&c);
    AdStatus st = AdConfig_Read(&c, 13, argv, envp);
    ck_assert_int_eq(st.kind, AD_STATUS_OK);
    ck_assert_str_eq(AdConfig_GetXOption(&c, "bare"), "");
    ck_assert_str_eq(AdConfig_GetXOption(&c, "k"), "v1");          /* the first one wins */
    ck_assert_str_eq(AdConfig_GetXOption(&c, "empty"), "");
    ck_assert_str_eq(AdConfig_GetXOption(&c, "a"), "b=c");         /* split at the first '=' */
    ck_assert_ptr_null(AdConfig_GetXOption(&c, "missing"));
    ck_assert_ptr_null(AdConfig_GetXOption(&c, "ba"));             /* no prefix matches */
    ck_assert_ptr_null(AdConfig_GetXOption(&c, "bare2"));
    AdConfig_Clear(&c);
}
END_TEST

START_TEST(test_config_clear_reinitialises)
{
    char *argv[] = {"adder", "-OO", "-X", "dev", "-W", "error", "/tmp/s.py", "x", NULL};
    char *envp[] = {"PYTHONPATH=/p", "PYTHONHOME=/h", NULL};
    AdConfig c;
    AdConfig_Init(&c);
    ck_assert_int_eq(AdConfig_Read(&c, 8, argv, envp).kind, AD_STATUS_OK);
    ck_assert_int_eq(c.optimization_level, 2);
    AdConfig_Clear(&c);
    ck_assert_int_eq(c.optimization_level, 0);
    ck_assert_int_eq(c.use_environment, 1);
    ck_assert_ptr_null(c.run_filename);
    ck_assert_ptr_null(c.pythonpath_env);
    ck_assert_uint_eq(c.argv.len, 0);
    ck_assert_uint_eq(c.orig_argv.len, 0);
    ck_assert_uint_eq(c.warnoptions.len, 0);
    /* a cleared configuration can be read again */
    ck_assert_int_eq(AdConfig_Read(&c, 8, argv, envp).kind, AD_STATUS_OK);
    ck_assert_str_eq(c.run_filename, "/tmp/s.py");
    AdConfig_Clear(&c);
    AdConfig_Clear(&c); /* clearing twice is harmless */
}
END_TEST

/* The configuration copies what it keeps: the caller's strings may go away. */
START_TEST(test_config_copies_its_input)
{
    char a1[] = "-c", a2[] = "print(1)", a3[] = "arg";
    char e1[] = "PYTHONPATH=/lib/x";
    char *argv[] = {"adder", a1, a2, a3, NULL};
    char *envp[] = {e1, NULL};
    AdConfig c;
    AdConfig_Init(&c);
    ck_assert_int_eq(AdConfig_Read(&c, 4, argv, envp).kind, AD_STATUS_OK);
    memset(a2, 'z', sizeof a2 - 1);
    memset(a3, 'z', sizeof a3 - 1);
    memset(e1, 'z', sizeof e1 - 1);
    ck_assert_str_eq(c.run_command, "print(1)\n");
    ck_assert_str_eq(c.argv.items[1], "arg");
    ck_assert_str_eq(c.pythonpath_env, "/lib/x");
    AdConfig_Clear(&c);
}
END_TEST

/* A variable is matched by its whole name. */
START_TEST(test_config_env_name_exact)
{
    char *argv[] = {"adder", "-c", "pass", NULL};
    char *envp[] = {"PYTHONPATHX=/wrong", "XPYTHONPATH=/wrong", "PYTHONPATH", "PYTHONOPTIMIZE2=1", NULL};
    AdConfig c;
    AdConfig_Init(&c);
    ck_assert_int_eq(AdConfig_Read(&c, 3, argv, envp).kind, AD_STATUS_OK);
    ck_assert_ptr_null(c.pythonpath_env);
    ck_assert_int_eq(c.optimization_level, 0);
    AdConfig_Clear(&c);
}
END_TEST

Suite *config_suite(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("cases");
    tcase_add_loop_test(tc, test_config_case, 0, (int)NCASES);
    tcase_add_test(tc, test_config_table_names);
    suite_add_tcase(s, tc);
    TCase *api = tcase_create("api");
    tcase_add_test(api, test_config_init_defaults);
    tcase_add_test(api, test_config_get_xoption);
    tcase_add_test(api, test_config_clear_reinitialises);
    tcase_add_test(api, test_config_copies_its_input);
    tcase_add_test(api, test_config_env_name_exact);
    suite_add_tcase(s, api);
    return s;
}
