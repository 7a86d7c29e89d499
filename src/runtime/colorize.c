/* colorize.c: the single colour decision (see colorize.h) shared by the
 * REPL's prompts and the traceback printer. */
#include "runtime/colorize.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int AdConfig_ColorDecision(const AdConfig *config)
{
    if (config->colors && strcmp(config->colors, "0") == 0)
        return 0;
    if (config->colors && strcmp(config->colors, "1") == 0)
        return 1;
    if (config->no_color)
        return 0;
    if (config->force_color)
        return 1;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0)
        return 0;
    return -1;
}

int AdConfig_CanColorize(const AdConfig *config, int fd)
{
    int d = AdConfig_ColorDecision(config);
    if (d >= 0)
        return d;
    return fd >= 0 && isatty(fd);
}
