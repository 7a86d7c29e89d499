/* version.c: the version text that sys.version and -VV report. */
#include "runtime/version.h"

const char *Ad_GetVersion(void)
{
    return AD_PY_VERSION " (adder " AD_ADDER_VERSION ", " __DATE__ ", " __TIME__ ") [" AD_COMPILER "]";
}
