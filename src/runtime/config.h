/* config.h: AdConfig, everything the command line and the environment say
 * about one run of Adder, with CPython's precedence (options win over the
 * environment, repeated flags add up, -E ignores PYTHON* variables, -I
 * implies -E -P -s). It is what sys.flags, sys.argv, sys.orig_argv,
 * sys._xoptions and sys.warnoptions will show. Reading the configuration
 * prints nothing: usage errors and help requests are recorded for the
 * caller (Ad_Main) to report. */
#ifndef ADDER_RUNTIME_CONFIG_H
#define ADDER_RUNTIME_CONFIG_H

#include "runtime/status.h"
#include "runtime/strlist.h"

typedef enum {
    AD_HELP_NONE = 0,
    AD_HELP_USAGE,     /* -h, -?, --help */
    AD_HELP_ENV,       /* --help-env */
    AD_HELP_XOPTIONS,  /* --help-xoptions */
    AD_HELP_ALL        /* --help-all */
} AdHelpKind;

typedef enum {
    AD_ALLOC_NOT_SET = 0,
    AD_ALLOC_DEFAULT,
    AD_ALLOC_DEBUG,
    AD_ALLOC_MALLOC,
    AD_ALLOC_MALLOC_DEBUG,
    AD_ALLOC_PYMALLOC,
    AD_ALLOC_PYMALLOC_DEBUG,
    AD_ALLOC_MIMALLOC,
    AD_ALLOC_MIMALLOC_DEBUG
} AdAllocatorKind;

typedef enum {
    AD_RUN_REPL_OR_STDIN = 0, /* no program: stdin, interactive if a tty */
    AD_RUN_COMMAND,           /* -c */
    AD_RUN_MODULE,            /* -m */
    AD_RUN_FILE,              /* a script path (or "-" for stdin) */
    AD_RUN_STDIN              /* explicit "-" */
} AdRunKind;

typedef struct {
    /* --- what was given --- */
    char *program_name;        /* argv[0] as invoked (for usage messages) */
    AdStrList orig_argv;       /* sys.orig_argv */
    AdStrList argv;            /* sys.argv */
    AdStrList xoptions;        /* -X options in order, "name" or "name=value" */
    AdStrList warnoptions;     /* sys.warnoptions, in CPython's order */

    /* --- what to do --- */
    AdRunKind run;
    char *run_command;         /* -c text with "\n" appended */
    char *run_module;          /* -m name */
    char *run_filename;        /* script path as given */
    AdHelpKind help;           /* a help request (exit 0 after printing) */
    int version;               /* -V count (1: version, 2+: build info) */
    char *usage_error;         /* set with status exit 2: first line of the report */

    /* --- preconfiguration --- */
    int isolated;              /* -I */
    int use_environment;       /* 0 with -E or -I */
    int dev_mode;              /* -X dev, PYTHONDEVMODE */
    int utf8_mode;             /* -X utf8, PYTHONUTF8; -1 = decide from the locale */
    int coerce_c_locale;       /* PYTHONCOERCECLOCALE: -1 default, 0 off, 1 on */
    int coerce_c_locale_warn;  /* PYTHONCOERCECLOCALE=warn */
    AdAllocatorKind allocator; /* PYTHONMALLOC */

    /* --- flags (sys.flags) --- */
    int parser_debug;          /* -d, PYTHONDEBUG */
    int inspect;               /* -i, PYTHONINSPECT */
    int interactive;           /* -i */
    int optimization_level;    /* -O count, PYTHONOPTIMIZE */
    int write_bytecode;        /* 0 with -B, PYTHONDONTWRITEBYTECODE */
    int user_site_directory;   /* 0 with -s, -I, PYTHONNOUSERSITE */
    int site_import;           /* 0 with -S */
    int verbose;               /* -v count, PYTHONVERBOSE */
    int bytes_warning;         /* -b count */
    int quiet;                 /* -q */
    int buffered_stdio;        /* 0 with -u, PYTHONUNBUFFERED */
    int safe_path;             /* -P, -I, PYTHONSAFEPATH */
    int skip_source_first_line;/* -x */
    int warn_default_encoding; /* -X warn_default_encoding, PYTHONWARNDEFAULTENCODING */
    int int_max_str_digits;    /* -X int_max_str_digits, PYTHONINTMAXSTRDIGITS (4300) */
    int use_hash_seed;         /* PYTHONHASHSEED set to a number */
    unsigned long hash_seed;   /* its value */
    char *check_hash_pycs_mode;/* "default", "always" or "never" */

    /* --- -X options with effect --- */
    int faulthandler;          /* -X faulthandler, PYTHONFAULTHANDLER */
    int tracemalloc;           /* frames; -X tracemalloc[=N], PYTHONTRACEMALLOC */
    int import_time;           /* 0, 1 or 2: -X importtime[=2], PYTHONPROFILEIMPORTTIME */
    int code_debug_ranges;     /* 0 with -X no_debug_ranges, PYTHONNODEBUGRANGES */
    int show_ref_count;        /* -X showrefcount */
    int perf_profiling;        /* 0, 1 (-X perf) or 2 (-X perf_jit) */
    int use_frozen_modules;    /* -X frozen_modules=on|off, PYTHON_FROZEN_MODULES */
    int cpu_count;             /* -X cpu_count=N, PYTHON_CPU_COUNT; -1 = not overridden */
    int context_aware_warnings;/* -X context_aware_warnings, PYTHON_CONTEXT_AWARE_WARNINGS */
    int thread_inherit_context;/* -X thread_inherit_context, PYTHON_THREAD_INHERIT_CONTEXT */
    int remote_debug;          /* 0 with -X disable_remote_debug, PYTHON_DISABLE_REMOTE_DEBUG */
    char *pycache_prefix;      /* -X pycache_prefix=PATH, PYTHONPYCACHEPREFIX */

    /* --- environment only (NULL when unset or ignored by -E) --- */
    char *pythonpath_env;      /* PYTHONPATH */
    char *home;                /* PYTHONHOME */
    char *platlibdir;          /* PYTHONPLATLIBDIR (default "lib") */
    char *stdio_encoding;      /* PYTHONIOENCODING, the part before ':' */
    char *stdio_errors;        /* PYTHONIOENCODING, the part after ':' */
    char *startup;             /* PYTHONSTARTUP */
    char *breakpoint;          /* PYTHONBREAKPOINT */
    char *history;             /* PYTHON_HISTORY */
    char *colors;              /* PYTHON_COLORS */
    char *user_base;           /* PYTHONUSERBASE */
    int case_ok;               /* PYTHONCASEOK */
    int basic_repl;            /* PYTHON_BASIC_REPL */
    int asyncio_debug;         /* PYTHONASYNCIODEBUG */
    int malloc_stats;          /* PYTHONMALLOCSTATS */
    int no_color;              /* NO_COLOR (read even with -E: not a PYTHON* variable) */
    int force_color;           /* FORCE_COLOR (likewise) */
} AdConfig;

/* Sets every field to its "not given" value. Owns nothing yet. */
void AdConfig_Init(AdConfig *config);

/* Reads argv (argc entries; argv[0] is the program name) and the environment
 * envp (a NULL-terminated array of "NAME=value" strings, like environ) into
 * config, which must have been initialised. Returns ok; exit(2) with
 * config->usage_error set for a usage error; exit(0) when config->help or
 * config->version asks for a report; an error (CPython's function and
 * message) for a bad value such as PYTHONHASHSEED=abc; no-memory on
 * allocation failure. Copies everything it keeps. */
AdStatus AdConfig_Read(AdConfig *config, int argc, char *const *argv, char *const *envp);

/* Returns the value of -X name ("" for a bare -X name), the first one
 * given; NULL when absent. The pointer belongs to config. */
const char *AdConfig_GetXOption(const AdConfig *config, const char *name);

/* Makes dst (initialised or cleared) a deep copy of src. Returns 0, or -1
 * when memory runs out (dst is then cleared). */
int AdConfig_Copy(AdConfig *dst, const AdConfig *src);

/* Frees everything config owns and re-initialises it. */
void AdConfig_Clear(AdConfig *config);

#endif
