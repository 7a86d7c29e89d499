/* colorize.h: whether Adder's own output (the REPL's prompts, tracebacks)
 * is coloured, decided as 3.14's _colorize.can_colorize decides it. */
#ifndef ADDER_RUNTIME_COLORIZE_H
#define ADDER_RUNTIME_COLORIZE_H

#include "runtime/config.h"

/* What the environment alone decides: PYTHON_COLORS=0/1 first (ignored
 * with -E), then NO_COLOR (set and not empty: no), FORCE_COLOR (set and
 * not empty: yes), TERM=dumb (no). Returns 1 (colour), 0 (none) or -1
 * (undecided: colour when the output is a terminal). */
int AdConfig_ColorDecision(const AdConfig *config);

/* 1 when output to FD is coloured: the decision above, else whether FD
 * is a terminal (FD < 0: no). Never fails. */
int AdConfig_CanColorize(const AdConfig *config, int fd);

#endif
