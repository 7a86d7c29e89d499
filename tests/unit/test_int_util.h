/* test_int_util.h: the harness shared by the int, float and complex suites:
 * the object setup (runtime core + static types + ad_int_init) and the
 * replay of the CPython-generated tables in tests/unit/data/numeric_objects
 * (gen_objects.py documents the line format): each case is run through the
 * abstract layer, the type slots, constructors, methods and attributes, its
 * result (or exception) is encoded like the table's and compared. */
#ifndef TEST_INT_UTIL_H
#define TEST_INT_UTIL_H

#include "objects/object.h"

/* Check fixture: the object model ready for the numeric types. */
void numobj_setup(void);

/* Which cases of a table a suite replays: the most complex operand kind. */
enum { NUMOBJ_INT = 1, NUMOBJ_FLOAT = 2, NUMOBJ_COMPLEX = 4, NUMOBJ_ALL = 7 };

/* Replays the lines of table `name` whose kind is in `kinds` and whose op
 * is `op` (NULL: every op). Returns the number of mismatches (the first
 * ones are printed); *ncases gets the number of cases run. */
int numobj_run_table(const char *name, int kinds, const char *op, int *ncases);

/* A value in the table notation (new ref; NULL and no exception on a
 * malformed text) and back (malloc'ed; NULL result = the raised
 * exception, which is cleared). */
AdObject *numobj_decode(const char *text);
char *numobj_encode(AdObject *result);

#endif
