/* warnings.h: the C side of warnings (modules/warnings_module.c). */
#ifndef ADDER_MODULES_WARNINGS_H
#define ADDER_MODULES_WARNINGS_H

/* Routes AdErr_WarnEx through the warnings machinery (default filters,
 * then the stdlib's warnings module). Called once sys exists. */
void AdWarnings_InstallHook(void);

#endif
