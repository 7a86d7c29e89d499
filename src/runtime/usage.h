/* usage.h: the texts Adder prints about its command line: -h, --help-env,
 * --help-xoptions, --help-all, -V/-VV, and the usage-error report. */
#ifndef ADDER_RUNTIME_USAGE_H
#define ADDER_RUNTIME_USAGE_H
#include <stdio.h>
#include "runtime/config.h"

/* Prints the help that config->help asks for to out (stdout in Ad_Main). */
void ad_usage_print_help(FILE *out, const AdConfig *config);
/* Prints -V (count 1) or -VV (count >= 2) output. */
void ad_usage_print_version(FILE *out, int count);
/* Prints the usage-error report: the message, the usage line and the hint. */
void ad_usage_print_error(FILE *err, const AdConfig *config);
#endif
