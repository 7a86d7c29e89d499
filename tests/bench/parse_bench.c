/* parse_bench.c: the parser benchmark's Adder side. Reads every file named
 * on the command line into memory first, then parses all of them N times
 * (the first argument) and prints the best wall time of one round in
 * seconds, so that only parsing is measured, as CPython's side measures
 * only ast.parse. Exit 1 if any file fails to parse. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "parser/parser.h"

typedef struct { char *data; size_t len; const char *name; } Source;

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
        }
    }
    fclose(fp);
    *len = n;
    return buf;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: parse-bench ROUNDS FILE...\n");
        return 2;
    }
    int rounds = atoi(argv[1]);
    int nfiles = argc - 2;
    Source *src = calloc((size_t)nfiles, sizeof *src);
    for (int i = 0; i < nfiles; i++) {
        src[i].name = argv[i + 2];
        src[i].data = slurp(src[i].name, &src[i].len);
        if (!src[i].data) {
            fprintf(stderr, "parse-bench: can't read %s\n", src[i].name);
            return 1;
        }
    }
    double best = 1e30;
    int failures = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        for (int i = 0; i < nfiles; i++) {
            AdArena *arena = AdArena_New();
            AdParseError err = {0};
            AdMod *mod = AdParser_ParseString(src[i].data, src[i].len, src[i].name,
                                              AD_PARSE_EXEC, 0, arena, &err);
            if (!mod && r == 0) {
                fprintf(stderr, "parse-bench: %s: %s\n", src[i].name, err.msg ? err.msg : "?");
                failures++;
            }
            AdParseError_Clear(&err);
            AdArena_Free(arena);
        }
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    printf("%.4f\n", best);
    for (int i = 0; i < nfiles; i++)
        free(src[i].data);
    free(src);
    return failures ? 1 : 0;
}
