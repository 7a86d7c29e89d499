/* collections_internal.h: what the files of the _collections module share:
 * its types (deque and its iterators in collections_deque.c; defaultdict,
 * _tuplegetter and _count_elements in collections_misc.c) and a helper that
 * turns a tp_init/tp_new (args tuple, kwargs dict) call into the vectorcall
 * form AdArg_Parse reads. */
#ifndef ADDER_MODULES_COLLECTIONS_INTERNAL_H
#define ADDER_MODULES_COLLECTIONS_INTERNAL_H
#include "objects/object.h"

extern AdTypeObject collections_deque_type;
extern AdTypeObject collections_dequeiter_type;
extern AdTypeObject collections_dequereviter_type;
extern AdTypeObject collections_defaultdict_type;
extern AdTypeObject collections_tuplegetter_type;
extern AdTypeObject collections_odict_type;
extern AdTypeObject collections_odictiter_type;
/* Readies OrderedDict and its view and iterator types. 0 or -1. */
int collections_odict_ready(void);

/* _count_elements(mapping, iterable) (module function). New ref or NULL. */
AdObject *collections_count_elements(AdObject *module, AdObject *const *args, Ad_ssize_t nargs);

/* Parses (args, kwargs) of a tp_init/tp_new with AdArg_Parse's rules and
 * messages. out[i] borrowed (NULL when absent). 0 or -1. */
int collections_parse_tuple_args(const char *fname, AdObject *args, AdObject *kwargs,
                                 const char *const *names, int npos_only, int nrequired,
                                 AdObject **out);
#endif
