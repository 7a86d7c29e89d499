/* builtin_modules.h: the init functions of the native modules listed in
 * the builtin-module registry (import_registry.c). Each returns a new,
 * filled module object (new ref) or NULL with an exception. Owners of a
 * native module add its prototype here and one line to the table. */
#ifndef ADDER_IMPORT_BUILTIN_MODULES_H
#define ADDER_IMPORT_BUILTIN_MODULES_H
#include "objects/object.h"

AdObject *AdModule_InitMath(void);
AdObject *AdModule_InitTime(void);
AdObject *AdModule_InitGc(void);
AdObject *AdModule_InitSignal(void);
AdObject *AdModule_InitErrno(void);
AdObject *AdModule_InitTyping(void);

#endif
