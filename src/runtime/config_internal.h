/* config_internal.h: the two halves of reading a configuration, for the
 * lifecycle, which runs them on either side of preinitialization (so that
 * an error reports the runtime state CPython reports). Internal to
 * src/runtime. */
#ifndef ADDER_RUNTIME_CONFIG_INTERNAL_H
#define ADDER_RUNTIME_CONFIG_INTERNAL_H
#include "runtime/config.h"

/* The command line and the preconfiguration; collects -W options into
 * cmd_warnoptions (owned by the caller). Exit(0) for help/version. */
AdStatus ad_config_read_pre(AdConfig *config, AdStrList *cmd_warnoptions,
                            int argc, char *const *argv, char *const *envp);
/* Everything else; finishes sys.warnoptions. */
AdStatus ad_config_read_rest(AdConfig *config, const AdStrList *cmd_warnoptions,
                             char *const *envp);
#endif
