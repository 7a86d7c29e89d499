/* str_args.c: argument parsing for str's (and bytes') methods, with the
 * TypeError texts CPython's argument clinic and its older checks give. */
#include "objects/str_internal.h"
#if STR_KERNEL_READY
#include "objects/tuple.h"

int str_slice_arg(AdObject *o, Ad_ssize_t *out)
{
    if (!o || o == Ad_None)
        return 0;
    if (!str_has_index(o)) {
        AdErr_SetString(AdExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    Ad_ssize_t v = str_as_ssize(o, NULL);
    if (v == -1 && AdErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

#endif /* STR_KERNEL_READY */
