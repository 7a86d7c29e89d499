/* version.h: the versions Adder reports. Adder presents itself as the
 * Python version of the standard library it runs (DESIGN.md, "Version and
 * names"); its own name and version appear in -VV, sys.version and
 * sys.implementation. */
#ifndef ADDER_RUNTIME_VERSION_H
#define ADDER_RUNTIME_VERSION_H

#define AD_PY_MAJOR 3
#define AD_PY_MINOR 14
#define AD_PY_MICRO 2
#define AD_PY_VERSION "3.14.2"
#define AD_PY_HEXVERSION 0x030E02F0
#define AD_ADDER_VERSION "0.1.0"

#if defined(__clang__)
#define AD_COMPILER "Clang " __clang_version__
#elif defined(__GNUC__)
#define AD_COMPILER "GCC " __VERSION__
#else
#define AD_COMPILER "unknown compiler"
#endif

/* "3.14.2 (adder 0.1.0, <build date>) [<compiler>]": sys.version's text. */
const char *Ad_GetVersion(void);

#endif
