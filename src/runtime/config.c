/* config.c: turns argv and the environment into an AdConfig, following
 * CPython 3.14's rules: the command line is parsed first (so -E and -I are
 * known), then the "preconfiguration" (-X dev, -X utf8, PYTHONMALLOC,
 * PYTHONCOERCECLOCALE), then the PYTHON* variables and the -X options with
 * effect. Options win over variables; repeated flags add up; a numeric
 * flag variable raises a flag to its value (max), never lowers it. */
#include "runtime/config.h"
#include "runtime/config_internal.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INT_MAX_STR_DIGITS_DEFAULT 4300
#define INT_MAX_STR_DIGITS_THRESHOLD 640
#define MAX_HASH_SEED 4294967295UL

/* ---- small helpers ---------------------------------------------------- */

static int set_string(char **dst, const char *s)
{
    free(*dst);
    *dst = NULL;
    if (!s)
        return 0;
    *dst = strdup(s);
    return *dst ? 0 : -1;
}

/* Parses a whole decimal int (like CPython's _Py_str_to_int). 0 or -1. */
static int str_to_int(const char *s, int *out)
{
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*end != '\0' || errno == ERANGE || v < INT_MIN || v > INT_MAX)
        return -1;
    *out = (int)v;
    return 0;
}

/* The value of an environment variable in envp; NULL when absent. */
static const char *envp_lookup(char *const *envp, const char *name)
{
    if (!envp)
        return NULL;
    size_t n = strlen(name);
    for (char *const *e = envp; *e; e++) {
        if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
            return *e + n + 1;
    }
    return NULL;
}

static const char *nonempty(const char *s)
{
    return (s && *s) ? s : NULL;
}

/* A PYTHON* variable as the configuration sees it: NULL when -E is in
 * force, when it is absent, or when it is empty. */
static const char *config_env(const AdConfig *config, char *const *envp, const char *name)
{
    if (!config->use_environment)
        return NULL;
    const char *v = envp_lookup(envp, name);
    return (v && *v) ? v : NULL;
}

/* A numeric flag variable: text or a negative number counts as 1; the flag
 * only ever rises to the value. */
static void env_flag(const AdConfig *config, char *const *envp, int *flag, const char *name)
{
    const char *v = config_env(config, envp, name);
    if (!v)
        return;
    int value;
    if (str_to_int(v, &value) < 0 || value < 0)
        value = 1;
    if (*flag < value)
        *flag = value;
}

const char *AdConfig_GetXOption(const AdConfig *config, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < config->xoptions.len; i++) {
        const char *opt = config->xoptions.items[i];
        if (strncmp(opt, name, n) == 0 && (opt[n] == '\0' || opt[n] == '='))
            return opt[n] == '=' ? opt + n + 1 : opt + n;
    }
    return NULL;
}

/* True when -X name was given with an '=' (value may be empty). */
static bool xoption_has_value(const AdConfig *config, const char *name)
{
    const char *v = AdConfig_GetXOption(config, name);
    return v && v[-1] == '=';
}

/* ---- init and clear --------------------------------------------------- */

void AdConfig_Init(AdConfig *config)
{
    memset(config, 0, sizeof *config);
    config->run = AD_RUN_REPL_OR_STDIN;
    config->use_environment = 1;
    config->utf8_mode = -1;
    config->coerce_c_locale = -1;
    config->write_bytecode = 1;
    config->user_site_directory = 1;
    config->site_import = 1;
    config->buffered_stdio = 1;
    config->int_max_str_digits = -1;
    config->code_debug_ranges = 1;
    config->use_frozen_modules = 1;
    config->cpu_count = -1;
    config->remote_debug = 1;
}

/* The owned strings of a configuration, for clearing and copying. */
#define CONFIG_STRINGS(c) { \
    &(c)->program_name, &(c)->run_command, &(c)->run_module, \
    &(c)->run_filename, &(c)->usage_error, &(c)->check_hash_pycs_mode, \
    &(c)->pycache_prefix, &(c)->pythonpath_env, &(c)->home, \
    &(c)->platlibdir, &(c)->stdio_encoding, &(c)->stdio_errors, \
    &(c)->startup, &(c)->breakpoint, &(c)->history, \
    &(c)->colors, &(c)->user_base }

int AdConfig_Copy(AdConfig *dst, const AdConfig *src)
{
    AdConfig_Clear(dst);
    *dst = *src;
    dst->orig_argv = dst->argv = dst->xoptions = dst->warnoptions = (AdStrList){0};
    char **to[] = CONFIG_STRINGS(dst);
    char *const *from[] = CONFIG_STRINGS((AdConfig *)src);
    int failed = 0;
    for (size_t i = 0; i < sizeof to / sizeof *to; i++) {
        *to[i] = NULL;
        if (*from[i] && !(*to[i] = strdup(*from[i])))
            failed = 1;
    }
    if (failed || AdStrList_Copy(&dst->orig_argv, &src->orig_argv) < 0 ||
        AdStrList_Copy(&dst->argv, &src->argv) < 0 ||
        AdStrList_Copy(&dst->xoptions, &src->xoptions) < 0 ||
        AdStrList_Copy(&dst->warnoptions, &src->warnoptions) < 0) {
        AdConfig_Clear(dst);
        return -1;
    }
    return 0;
}

void AdConfig_Clear(AdConfig *config)
{
    AdStrList_Clear(&config->orig_argv);
    AdStrList_Clear(&config->argv);
    AdStrList_Clear(&config->xoptions);
    AdStrList_Clear(&config->warnoptions);
    char **strings[] = CONFIG_STRINGS(config);
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++) {
        free(*strings[i]);
        *strings[i] = NULL;
    }
    AdConfig_Init(config);
}

/* ---- the command line ------------------------------------------------- */

#define SHORT_OPTIONS "bBc:dEhiIJm:OPqRsSuvVW:xX:?"

static AdStatus usage_error(AdConfig *config, const char *fmt, const char *arg)
{
    int n = snprintf(NULL, 0, fmt, arg);
    free(config->usage_error);
    config->usage_error = malloc((size_t)n + 1);
    if (!config->usage_error)
        return AdStatus_NoMemory();
    snprintf(config->usage_error, (size_t)n + 1, fmt, arg);
    return AdStatus_Exit(2);
}

static AdStatus parse_long_option(AdConfig *config, int argc, char *const *argv, int *i)
{
    const char *name = argv[*i] + 2;
    /* A help request ends the parse at once (CPython prints it there). */
    if (strcmp(name, "help") == 0)
        config->help = AD_HELP_USAGE;
    else if (strcmp(name, "help-env") == 0)
        config->help = AD_HELP_ENV;
    else if (strcmp(name, "help-xoptions") == 0)
        config->help = AD_HELP_XOPTIONS;
    else if (strcmp(name, "help-all") == 0)
        config->help = AD_HELP_ALL;
    else if (strcmp(name, "version") == 0)
        config->version++;
    else if (strcmp(name, "check-hash-based-pycs") == 0) {
        if (*i + 1 >= argc)
            return usage_error(config, "Argument expected for the %s options", argv[*i]);
        const char *mode = argv[++*i];
        if (strcmp(mode, "default") && strcmp(mode, "always") && strcmp(mode, "never"))
            return usage_error(config, "%s", "--check-hash-based-pycs must be one of "
                                             "'default', 'always', or 'never'");
        if (set_string(&config->check_hash_pycs_mode, mode) < 0)
            return AdStatus_NoMemory();
    }
    else
        return usage_error(config, "Unknown option: %s", argv[*i]);
    return AdStatus_Ok();
}

/* Applies one short option without an argument. */
static AdStatus apply_short_flag(AdConfig *config, char c)
{
    switch (c) {
    case 'b': config->bytes_warning++; break;
    case 'B': config->write_bytecode = 0; break;
    case 'd': config->parser_debug++; break;
    case 'E': config->use_environment = 0; break;
    case 'h': case '?': config->help = AD_HELP_USAGE; break;
    case 'i': config->inspect++; config->interactive++; break;
    case 'I': config->isolated = 1; break;
    case 'O': config->optimization_level++; break;
    case 'P': config->safe_path = 1; break;
    case 'q': config->quiet++; break;
    case 'R': break; /* hash randomization is always on: accepted, no effect */
    case 's': config->user_site_directory = 0; break;
    case 'S': config->site_import = 0; break;
    case 'u': config->buffered_stdio = 0; break;
    case 'v': config->verbose++; break;
    case 'V': config->version++; break;
    case 'x': config->skip_source_first_line = 1; break;
    default: break;
    }
    return AdStatus_Ok();
}

/* Sets sys.argv to argv[first..] with argv[first] replaced by argv0. */
static int set_program_argv(AdConfig *config, const char *argv0, int argc, char *const *argv, int first)
{
    AdStrList_Clear(&config->argv);
    if (AdStrList_Append(&config->argv, argv0) < 0)
        return -1;
    for (int j = first + 1; j < argc; j++)
        if (AdStrList_Append(&config->argv, argv[j]) < 0)
            return -1;
    return 0;
}

static AdStatus parse_cmdline(AdConfig *config, AdStrList *cmd_warnoptions,
                              int argc, char *const *argv)
{
    if (set_string(&config->program_name, argc > 0 ? argv[0] : "adder") < 0)
        return AdStatus_NoMemory();
    for (int j = 0; j < argc; j++)
        if (AdStrList_Append(&config->orig_argv, argv[j]) < 0)
            return AdStatus_NoMemory();

    int i = 1;
    while (i < argc) {
        const char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0')
            break;                         /* a script, or "-" for stdin */
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (arg[1] == '-') {
            AdStatus st = parse_long_option(config, argc, argv, &i);
            if (AdStatus_Exception(st))
                return st;
            if (config->help)
                return AdStatus_Exit(0);
            i++;
            continue;
        }
        for (const char *p = arg + 1; *p; p++) {
            char c = *p;
            const char *spec = (c == ':') ? NULL : strchr(SHORT_OPTIONS, c);
            if (!spec) {
                char opt[2] = {c, 0};
                return usage_error(config, "Unknown option: -%s", opt);
            }
            if (c == 'J')
                return usage_error(config, "%s", "-J is reserved for Jython");
            if (spec[1] != ':') {
                apply_short_flag(config, c);
                if (config->help)
                    return AdStatus_Exit(0);
                continue;
            }
            /* An option with an argument: the rest of this word, or the next one. */
            const char *value;
            if (p[1])
                value = p + 1;
            else if (i + 1 < argc)
                value = argv[++i];
            else {
                char opt[3] = {'-', c, 0};
                return usage_error(config, "Argument expected for the %s option", opt);
            }
            if (c == 'c') {
                size_t n = strlen(value);
                char *cmd = malloc(n + 2);
                if (!cmd)
                    return AdStatus_NoMemory();
                memcpy(cmd, value, n);
                cmd[n] = '\n';
                cmd[n + 1] = '\0';
                free(config->run_command);
                config->run_command = cmd;
                config->run = AD_RUN_COMMAND;
                if (set_program_argv(config, "-c", argc, argv, i) < 0)
                    return AdStatus_NoMemory();
                return AdStatus_Ok();
            }
            if (c == 'm') {
                if (set_string(&config->run_module, value) < 0)
                    return AdStatus_NoMemory();
                config->run = AD_RUN_MODULE;
                if (set_program_argv(config, "-m", argc, argv, i) < 0)
                    return AdStatus_NoMemory();
                return AdStatus_Ok();
            }
            if (c == 'W') {
                if (AdStrList_Append(cmd_warnoptions, value) < 0)
                    return AdStatus_NoMemory();
            }
            else if (c == 'X') {
                if (AdStrList_Append(&config->xoptions, value) < 0)
                    return AdStatus_NoMemory();
            }
            break;                         /* the argument used up this word */
        }
        i++;
    }

    if (i < argc) {
        if (strcmp(argv[i], "-") == 0) {
            config->run = AD_RUN_STDIN;
        }
        else {
            config->run = AD_RUN_FILE;
            if (set_string(&config->run_filename, argv[i]) < 0)
                return AdStatus_NoMemory();
        }
        if (set_program_argv(config, argv[i], argc, argv, i) < 0)
            return AdStatus_NoMemory();
    }
    else if (set_program_argv(config, "", argc, argv, argc) < 0) {
        return AdStatus_NoMemory();
    }
    return AdStatus_Ok();
}

/* ---- the preconfiguration (decided before the runtime preinitializes) -- */

static AdStatus preconfig_init_utf8_mode(AdConfig *config, char *const *envp)
{
    const char *x = AdConfig_GetXOption(config, "utf8");
    if (x) {
        if ((*x == '\0' && !xoption_has_value(config, "utf8")) || strcmp(x, "1") == 0)
            config->utf8_mode = 1;
        else if (strcmp(x, "0") == 0)
            config->utf8_mode = 0;
        else
            return AdStatus_Error("invalid -X utf8 option value");
        return AdStatus_Ok();
    }
    const char *v = config_env(config, envp, "PYTHONUTF8");
    if (v) {
        if (strcmp(v, "1") == 0)
            config->utf8_mode = 1;
        else if (strcmp(v, "0") == 0)
            config->utf8_mode = 0;
        else
            return AdStatus_Error("invalid PYTHONUTF8 environment variable value");
    }
    return AdStatus_Ok();
}

static AdStatus preconfig_init_allocator(AdConfig *config, char *const *envp)
{
    static const struct { const char *name; AdAllocatorKind kind; } names[] = {
        {"default", AD_ALLOC_DEFAULT}, {"debug", AD_ALLOC_DEBUG},
        {"malloc", AD_ALLOC_MALLOC}, {"malloc_debug", AD_ALLOC_MALLOC_DEBUG},
        {"pymalloc", AD_ALLOC_PYMALLOC}, {"pymalloc_debug", AD_ALLOC_PYMALLOC_DEBUG},
        {"mimalloc", AD_ALLOC_MIMALLOC}, {"mimalloc_debug", AD_ALLOC_MIMALLOC_DEBUG},
    };
    const char *v = config_env(config, envp, "PYTHONMALLOC");
    if (!v)
        return AdStatus_Ok();
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (strcmp(v, names[i].name) == 0) {
            config->allocator = names[i].kind;
            return AdStatus_Ok();
        }
    }
    return AdStatus_Error("PYTHONMALLOC: unknown allocator");
}

AdStatus ad_config_read_pre(AdConfig *config, AdStrList *cmd_warnoptions,
                            int argc, char *const *argv, char *const *envp)
{
    AdStatus st = parse_cmdline(config, cmd_warnoptions, argc, argv);
    if (AdStatus_Exception(st))
        return st;
    if (config->help || config->version)
        return AdStatus_Exit(0);
    if (config->isolated) {
        config->use_environment = 0;
        config->safe_path = 1;
        config->user_site_directory = 0;
    }
    const char *coerce = config_env(config, envp, "PYTHONCOERCECLOCALE");
    if (coerce) {
        if (strcmp(coerce, "0") == 0)
            config->coerce_c_locale = 0;
        else if (strcmp(coerce, "1") == 0)
            config->coerce_c_locale = 1;
        else if (strcmp(coerce, "warn") == 0)
            config->coerce_c_locale_warn = 1;
    }
    if (AdConfig_GetXOption(config, "dev") || config_env(config, envp, "PYTHONDEVMODE"))
        config->dev_mode = 1;
    st = preconfig_init_utf8_mode(config, envp);
    if (AdStatus_Exception(st))
        return st;
    st = preconfig_init_allocator(config, envp);
    if (!AdStatus_Exception(st) && config->dev_mode && config->allocator == AD_ALLOC_NOT_SET)
        config->allocator = AD_ALLOC_DEBUG;    /* dev mode installs the debug hooks */
    return st;
}

/* ---- the rest: variables and -X options with effect -------------------- */

static AdStatus config_init_hash_seed(AdConfig *config, char *const *envp)
{
    const char *v = config_env(config, envp, "PYTHONHASHSEED");
    config->use_hash_seed = 0;
    config->hash_seed = 0;
    if (!v || strcmp(v, "random") == 0)
        return AdStatus_Ok();
    char *end;
    errno = 0;
    unsigned long seed = strtoul(v, &end, 10);
    if (*end != '\0' || errno == ERANGE || seed > MAX_HASH_SEED)
        return AdStatus_Error("PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]");
    config->use_hash_seed = 1;
    config->hash_seed = seed;
    return AdStatus_Ok();
}

/* An -X option's number: like str_to_int, except that an empty value reads
 * as 0 (as CPython's conversion of -X values does). */
static int xvalue_to_int(const char *s, int *out)
{
    if (s && *s == '\0') {
        *out = 0;
        return 0;
    }
    return str_to_int(s, out);
}

static bool valid_max_str_digits(const char *s, int *out, int (*conv)(const char *, int *))
{
    return s && conv(s, out) == 0 &&
           (*out == 0 || *out >= INT_MAX_STR_DIGITS_THRESHOLD);
}

static AdStatus config_init_int_max_str_digits(AdConfig *config, char *const *envp)
{
    int n;
    const char *v = config_env(config, envp, "PYTHONINTMAXSTRDIGITS");
    if (v) {
        if (!valid_max_str_digits(v, &n, str_to_int))
            return AdStatus_Error("PYTHONINTMAXSTRDIGITS: invalid limit; must be >= 640 or 0 for unlimited.");
        config->int_max_str_digits = n;
    }
    if (AdConfig_GetXOption(config, "int_max_str_digits")) {
        const char *x = xoption_has_value(config, "int_max_str_digits")
                            ? AdConfig_GetXOption(config, "int_max_str_digits") : NULL;
        if (!valid_max_str_digits(x, &n, xvalue_to_int))
            return AdStatus_Error("-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.");
        config->int_max_str_digits = n;
    }
    if (config->int_max_str_digits < 0)
        config->int_max_str_digits = INT_MAX_STR_DIGITS_DEFAULT;
    return AdStatus_Ok();
}

static AdStatus config_init_cpu_count(AdConfig *config, char *const *envp)
{
    int n;
    const char *v = config_env(config, envp, "PYTHON_CPU_COUNT");
    if (v) {
        if (strcmp(v, "default") == 0)
            n = -1;
        else if (str_to_int(v, &n) < 0 || n < 1)
            goto error;
        config->cpu_count = n;
    }
    if (AdConfig_GetXOption(config, "cpu_count")) {
        const char *x = AdConfig_GetXOption(config, "cpu_count");
        if (!xoption_has_value(config, "cpu_count"))
            goto error;
        if (strcmp(x, "default") == 0)
            n = -1;
        else if (xvalue_to_int(x, &n) < 0 || n < 1)
            goto error;
        config->cpu_count = n;
    }
    return AdStatus_Ok();
error:
    return AdStatus_Error("-X cpu_count=n option: n is missing or an invalid number, "
                          "n must be greater than 0");
}

static AdStatus config_init_tracemalloc(AdConfig *config, char *const *envp)
{
    int n;
    const char *v = config_env(config, envp, "PYTHONTRACEMALLOC");
    if (v) {
        if (str_to_int(v, &n) < 0 || n < 0)
            return AdStatus_Error("PYTHONTRACEMALLOC: invalid number of frames");
        config->tracemalloc = n;
    }
    if (AdConfig_GetXOption(config, "tracemalloc")) {
        if (xoption_has_value(config, "tracemalloc")) {
            if (xvalue_to_int(AdConfig_GetXOption(config, "tracemalloc"), &n) < 0 || n < 0)
                return AdStatus_Error("-X tracemalloc=NFRAME: invalid number of frames");
        }
        else {
            n = 1;
        }
        config->tracemalloc = n;
    }
    return AdStatus_Ok();
}

static AdStatus config_init_import_time(AdConfig *config, char *const *envp)
{
    int n = 0;
    const char *v = config_env(config, envp, "PYTHONPROFILEIMPORTTIME");
    if (v) {
        if (str_to_int(v, &n) < 0)
            n = 1;
        if (n < 0 || n > 2)
            return AdStatus_Error("PYTHONPROFILEIMPORTTIME: numeric values other than 1 and 2 "
                                  "are reserved for future use.");
    }
    const char *x = AdConfig_GetXOption(config, "importtime");
    if (x) {
        if (*x == '\0' || xvalue_to_int(x, &n) < 0)
            n = 1;
        if (n < 0 || n > 2)
            return AdStatus_Error("-X importtime: values other than 1 and 2 "
                                  "are reserved for future use.");
    }
    config->import_time = n;
    return AdStatus_Ok();
}

static AdStatus config_init_switch(AdConfig *config, char *const *envp, int *field,
                                   const char *env_name, const char *xname,
                                   const char *env_msg, const char *x_msg)
{
    int n;
    const char *v = config_env(config, envp, env_name);
    if (v) {
        if (str_to_int(v, &n) < 0 || n < 0 || n > 1)
            return (AdStatus){.kind = AD_STATUS_ERROR, .func = NULL, .err_msg = env_msg};
        *field = n;
    }
    if (AdConfig_GetXOption(config, xname)) {
        if (!xoption_has_value(config, xname) ||
            xvalue_to_int(AdConfig_GetXOption(config, xname), &n) < 0 || n < 0 || n > 1)
            return (AdStatus){.kind = AD_STATUS_ERROR, .func = NULL, .err_msg = x_msg};
        *field = n;
    }
    return AdStatus_Ok();
}

static AdStatus config_init_thread_inherit_context(AdConfig *config, char *const *envp)
{
    AdStatus st = config_init_switch(config, envp, &config->thread_inherit_context,
        "PYTHON_THREAD_INHERIT_CONTEXT", "thread_inherit_context",
        "PYTHON_THREAD_INHERIT_CONTEXT=N: N is missing or invalid",
        "-X thread_inherit_context=n: n is missing or invalid");
    if (AdStatus_IsError(st))
        st.func = __func__;
    return st;
}

static AdStatus config_init_context_aware_warnings(AdConfig *config, char *const *envp)
{
    AdStatus st = config_init_switch(config, envp, &config->context_aware_warnings,
        "PYTHON_CONTEXT_AWARE_WARNINGS", "context_aware_warnings",
        "PYTHON_CONTEXT_AWARE_WARNINGS=N: N is missing or invalid",
        "-X context_aware_warnings=n: n is missing or invalid");
    if (AdStatus_IsError(st))
        st.func = __func__;
    return st;
}

/* This build always has the GIL: "1" is accepted, "0" cannot be honoured. */
static AdStatus config_read_gil(const char *value)
{
    if (strcmp(value, "0") == 0)
        return AdStatus_Error("Disabling the GIL is not supported by this build");
    if (strcmp(value, "1") == 0)
        return AdStatus_Ok();
    return AdStatus_Error("PYTHON_GIL / -X gil must be \"0\" or \"1\"");
}

static AdStatus config_init_gil(AdConfig *config, char *const *envp)
{
    const char *v = config_env(config, envp, "PYTHON_GIL");
    if (v) {
        AdStatus st = config_read_gil(v);
        if (AdStatus_Exception(st))
            return st;
    }
    const char *x = AdConfig_GetXOption(config, "gil");
    return x ? config_read_gil(x) : AdStatus_Ok();
}

static AdStatus config_init_frozen_modules(AdConfig *config, char *const *envp)
{
    const char *v = config_env(config, envp, "PYTHON_FROZEN_MODULES");
    if (v) {
        if (strcmp(v, "on") == 0)
            config->use_frozen_modules = 1;
        else if (strcmp(v, "off") == 0)
            config->use_frozen_modules = 0;
        else
            return (AdStatus){.kind = AD_STATUS_ERROR,
                .err_msg = "bad value for PYTHON_FROZEN_MODULES (expected \"on\" or \"off\")"};
    }
    const char *x = AdConfig_GetXOption(config, "frozen_modules");
    if (x) {
        if (strcmp(x, "on") == 0 || *x == '\0')
            config->use_frozen_modules = 1;
        else if (strcmp(x, "off") == 0)
            config->use_frozen_modules = 0;
        else
            return (AdStatus){.kind = AD_STATUS_ERROR,
                .err_msg = "bad value for option -X frozen_modules (expected \"on\" or \"off\")"};
    }
    return AdStatus_Ok();
}

static int config_dup_env(const AdConfig *config, char *const *envp, char **dst, const char *name)
{
    return set_string(dst, config_env(config, envp, name));
}

static AdStatus config_init_strings(AdConfig *config, char *const *envp)
{
    /* -X pycache_prefix wins; "-X pycache_prefix=" (or bare) turns the variable off. */
    if (AdConfig_GetXOption(config, "pycache_prefix")) {
        const char *x = AdConfig_GetXOption(config, "pycache_prefix");
        if (set_string(&config->pycache_prefix, *x ? x : NULL) < 0)
            return AdStatus_NoMemory();
    }
    else if (config_dup_env(config, envp, &config->pycache_prefix, "PYTHONPYCACHEPREFIX") < 0)
        return AdStatus_NoMemory();

    if (config_dup_env(config, envp, &config->pythonpath_env, "PYTHONPATH") < 0 ||
        config_dup_env(config, envp, &config->home, "PYTHONHOME") < 0 ||
        config_dup_env(config, envp, &config->platlibdir, "PYTHONPLATLIBDIR") < 0 ||
        config_dup_env(config, envp, &config->startup, "PYTHONSTARTUP") < 0 ||
        config_dup_env(config, envp, &config->breakpoint, "PYTHONBREAKPOINT") < 0 ||
        config_dup_env(config, envp, &config->history, "PYTHON_HISTORY") < 0 ||
        config_dup_env(config, envp, &config->colors, "PYTHON_COLORS") < 0 ||
        set_string(&config->user_base, nonempty(envp_lookup(envp, "PYTHONUSERBASE"))) < 0)
        return AdStatus_NoMemory();
    if (!config->platlibdir && set_string(&config->platlibdir, "lib") < 0)
        return AdStatus_NoMemory();
    if (!config->check_hash_pycs_mode && set_string(&config->check_hash_pycs_mode, "default") < 0)
        return AdStatus_NoMemory();

    /* PYTHONIOENCODING=encoding[:errors]; an encoding alone means errors "strict". */
    const char *io = config_env(config, envp, "PYTHONIOENCODING");
    if (io) {
        const char *colon = strchr(io, ':');
        size_t enc_len = colon ? (size_t)(colon - io) : strlen(io);
        const char *errors = (colon && colon[1]) ? colon + 1 : NULL;
        if (enc_len) {
            free(config->stdio_encoding);
            config->stdio_encoding = strndup(io, enc_len);
            if (!config->stdio_encoding)
                return AdStatus_NoMemory();
            if (!errors)
                errors = "strict";
        }
        if (errors && set_string(&config->stdio_errors, errors) < 0)
            return AdStatus_NoMemory();
    }
    return AdStatus_Ok();
}

static void config_read_flags(AdConfig *config, char *const *envp)
{
    int v;
    env_flag(config, envp, &config->parser_debug, "PYTHONDEBUG");
    env_flag(config, envp, &config->verbose, "PYTHONVERBOSE");
    env_flag(config, envp, &config->optimization_level, "PYTHONOPTIMIZE");
    env_flag(config, envp, &config->inspect, "PYTHONINSPECT");
    v = 0;
    env_flag(config, envp, &v, "PYTHONDONTWRITEBYTECODE");
    if (v)
        config->write_bytecode = 0;
    v = 0;
    env_flag(config, envp, &v, "PYTHONNOUSERSITE");
    if (v)
        config->user_site_directory = 0;
    v = 0;
    env_flag(config, envp, &v, "PYTHONUNBUFFERED");
    if (v)
        config->buffered_stdio = 0;
    if (config_env(config, envp, "PYTHONSAFEPATH"))
        config->safe_path = 1;
    if (config_env(config, envp, "PYTHONMALLOCSTATS"))
        config->malloc_stats = 1;
    if (config_env(config, envp, "PYTHONCASEOK"))
        config->case_ok = 1;
    if (config_env(config, envp, "PYTHON_BASIC_REPL"))
        config->basic_repl = 1;
    if (config_env(config, envp, "PYTHONASYNCIODEBUG"))
        config->asyncio_debug = 1;
    if (config_env(config, envp, "PYTHONFAULTHANDLER") || AdConfig_GetXOption(config, "faulthandler"))
        config->faulthandler = 1;
    if (config_env(config, envp, "PYTHONNODEBUGRANGES") || AdConfig_GetXOption(config, "no_debug_ranges"))
        config->code_debug_ranges = 0;
    if (config_env(config, envp, "PYTHONWARNDEFAULTENCODING") ||
        AdConfig_GetXOption(config, "warn_default_encoding"))
        config->warn_default_encoding = 1;
    if (config->dev_mode)
        config->faulthandler = 1;
    if (AdConfig_GetXOption(config, "showrefcount"))
        config->show_ref_count = 1;
    if (config_env(config, envp, "PYTHON_DISABLE_REMOTE_DEBUG") ||
        AdConfig_GetXOption(config, "disable-remote-debug"))
        config->remote_debug = 0;

    /* perf: PYTHONPERFSUPPORT / -X perf give 1, PYTHON_PERF_JIT_SUPPORT / -X perf_jit give 2 */
    const char *perf = config_env(config, envp, "PYTHONPERFSUPPORT");
    if (perf && str_to_int(perf, &v) == 0 && v)
        config->perf_profiling = 1;
    if (AdConfig_GetXOption(config, "perf"))
        config->perf_profiling = 1;
    perf = config_env(config, envp, "PYTHON_PERF_JIT_SUPPORT");
    if (perf && str_to_int(perf, &v) == 0 && v)
        config->perf_profiling = 2;
    if (AdConfig_GetXOption(config, "perf_jit"))
        config->perf_profiling = 2;

    /* Not PYTHON* variables: read whatever -E says (as the stdlib's _colorize does). */
    const char *nc = envp_lookup(envp, "NO_COLOR");
    config->no_color = nc && *nc;
    const char *fc = envp_lookup(envp, "FORCE_COLOR");
    config->force_color = fc && *fc;
}

/* sys.warnoptions: dev mode's "default", then PYTHONWARNINGS, then -W, then
 * the BytesWarning filter for -b/-bb; an option already present is skipped. */
static int add_warnoption(AdConfig *config, const char *opt, size_t n)
{
    for (size_t i = 0; i < config->warnoptions.len; i++) {
        const char *have = config->warnoptions.items[i];
        if (strlen(have) == n && memcmp(have, opt, n) == 0)
            return 0;
    }
    return AdStrList_AppendN(&config->warnoptions, opt, n);
}

static AdStatus config_init_warnoptions(AdConfig *config, const AdStrList *cmd, char *const *envp)
{
    AdStrList_Clear(&config->warnoptions);
    if (config->dev_mode && add_warnoption(config, "default", 7) < 0)
        return AdStatus_NoMemory();
    const char *env = config_env(config, envp, "PYTHONWARNINGS");
    while (env && *env) {
        const char *comma = strchr(env, ',');
        size_t n = comma ? (size_t)(comma - env) : strlen(env);
        if (n && add_warnoption(config, env, n) < 0)
            return AdStatus_NoMemory();
        env = comma ? comma + 1 : NULL;
    }
    for (size_t i = 0; i < cmd->len; i++)
        if (add_warnoption(config, cmd->items[i], strlen(cmd->items[i])) < 0)
            return AdStatus_NoMemory();
    if (config->bytes_warning) {
        const char *f = config->bytes_warning > 1 ? "error::BytesWarning" : "default::BytesWarning";
        if (add_warnoption(config, f, strlen(f)) < 0)
            return AdStatus_NoMemory();
    }
    return AdStatus_Ok();
}

AdStatus ad_config_read_rest(AdConfig *config, const AdStrList *cmd_warnoptions, char *const *envp)
{
    typedef AdStatus (*step_fn)(AdConfig *, char *const *);
    static const step_fn steps[] = {
        config_init_hash_seed, config_init_strings, config_init_import_time,
        config_init_tracemalloc, config_init_int_max_str_digits, config_init_cpu_count,
        config_init_thread_inherit_context, config_init_context_aware_warnings,
        config_init_frozen_modules, config_init_gil,
    };
    config_read_flags(config, envp);
    /* These are booleans in sys.flags, however often they were given. */
    config->parser_debug = config->parser_debug != 0;
    config->inspect = config->inspect != 0;
    config->interactive = config->interactive != 0;
    config->quiet = config->quiet != 0;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        AdStatus st = steps[i](config, envp);
        if (AdStatus_Exception(st))
            return st;
    }
    return config_init_warnoptions(config, cmd_warnoptions, envp);
}

AdStatus AdConfig_Read(AdConfig *config, int argc, char *const *argv, char *const *envp)
{
    AdStrList cmd_warnoptions = {0};
    AdStatus st = ad_config_read_pre(config, &cmd_warnoptions, argc, argv, envp);
    if (!AdStatus_Exception(st))
        st = ad_config_read_rest(config, &cmd_warnoptions, envp);
    AdStrList_Clear(&cmd_warnoptions);
    return st;
}
