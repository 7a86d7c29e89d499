/* builtin_modules.h: the init functions of the native modules listed in
 * builtin_modules.def. Each returns a new, filled module object (new ref)
 * or NULL with an exception. A native module's owner adds one line to the
 * .def file; nothing else. */
#ifndef ADDER_IMPORT_BUILTIN_MODULES_H
#define ADDER_IMPORT_BUILTIN_MODULES_H
#include "objects/object.h"

#define BUILTIN_MODULE(name, init) AdObject *init(void);
#include "import/builtin_modules.def"
#undef BUILTIN_MODULE

#endif
