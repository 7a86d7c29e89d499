/* test_numeric_util.h: helpers shared by the numeric kernel suites: reading
 * the CPython-generated tables under tests/unit/data/numeric/ and
 * converting their fields (hex-encoded text, float bits, Python hex() ints,
 * "!Type:message" errors). */
#ifndef TEST_NUMERIC_UTIL_H
#define TEST_NUMERIC_UTIL_H

#include <stddef.h>

#include "numeric/bigint.h"
#include "numeric/numeric.h"

/* The lines of a data file (NULL-terminated array; *n lines). The file is
 * looked up in $NUMERIC_DATA_DIR or tests/unit/data/numeric. Aborts the
 * test if missing. Free with numtest_free_lines. */
char **numtest_read_lines(const char *name, size_t *n);
void numtest_free_lines(char **lines);
/* Splits line in place at tabs; returns the field count. */
int numtest_split(char *line, char **fields, int max);
/* Decodes hex text ('-' is empty) into out (NUL-terminated); returns length. */
size_t numtest_unhex(const char *hex, char *out);
double numtest_double(const char *bits16);
const char *numtest_bits(double x, char buf[17]);
AdBigInt *numtest_int(const char *pyhex);
/* Python hex() text of a (malloc'ed). */
char *numtest_int_hex(const AdBigInt *a);
/* "!Type:message" for an error record. */
const char *numtest_err(const AdNumError *e, char *buf, size_t n);
/* Reports a mismatch (first 20 per suite run are printed). */
void numtest_mismatch(int *fails, const char *what, const char *input, const char *got,
                      const char *want);

#endif
