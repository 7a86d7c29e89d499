/* template.h: string.templatelib.Template and Interpolation, what
 * t-strings evaluate to (template.c). */
#ifndef ADDER_OBJECTS_TEMPLATE_H
#define ADDER_OBJECTS_TEMPLATE_H

#include "objects/object.h"

extern AdTypeObject AdTemplate_Type, AdInterpolation_Type;

/* A template of strings (tuple of str, one more than interpolations) and
 * interpolations (tuple of Interpolation); takes new refs. NULL on error. */
AdObject *AdTemplate_New(AdObject *strings, AdObject *interpolations);
/* An interpolation; conversion is None or 's'/'r'/'a', format_spec a str. */
AdObject *AdInterpolation_New(AdObject *value, AdObject *expression, AdObject *conversion, AdObject *format_spec);

#endif
