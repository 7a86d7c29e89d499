/* test_alloc.c: the small-object allocator: sizes and alignment, reuse of
 * freed blocks, large blocks, realloc across the small/large boundary,
 * returning empty arenas, and the live-block count. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "memory/alloc.h"

START_TEST(blocks_are_aligned_and_distinct)
{
    size_t before = AdMem_LiveBlocks();
    void *a = AdMem_Malloc(0), *b = AdMem_Malloc(1), *c = AdMem_Malloc(512), *d = AdMem_Malloc(513);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_ne(a, b);
    ck_assert_int_eq((uintptr_t)a % 16, 0);
    ck_assert_int_eq((uintptr_t)c % 16, 0);
    memset(c, 0xab, 512);
    memset(d, 0xcd, 513);
    ck_assert_int_eq(AdMem_LiveBlocks(), before + 4);
    AdMem_Free(a); AdMem_Free(b); AdMem_Free(c); AdMem_Free(d);
    AdMem_Free(NULL);
    ck_assert_int_eq(AdMem_LiveBlocks(), before);
}
END_TEST

START_TEST(freed_blocks_are_reused)
{
    int was = AdMem_UseArenas(1);
    void *a = AdMem_Malloc(40);
    AdMem_Free(a);
    void *b = AdMem_Malloc(33);     /* same 48-byte class */
    ck_assert_ptr_eq(a, b);
    AdMem_Free(b);
    AdMem_UseArenas(was);
}
END_TEST

START_TEST(many_blocks_many_pools)
{
    enum { N = 100000 };
    static void *blocks[N];
    int was = AdMem_UseArenas(1);
    for (int i = 0; i < N; i++) {
        blocks[i] = AdMem_Malloc((size_t)(i % 512) + 1);
        ck_assert_ptr_nonnull(blocks[i]);
        memset(blocks[i], i & 0xff, (size_t)(i % 512) + 1);
    }
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(((unsigned char *)blocks[i])[0], i & 0xff);
    ck_assert_int_gt(AdMem_ArenaCount(), 1);
    for (int i = 0; i < N; i += 2)
        AdMem_Free(blocks[i]);
    for (int i = 1; i < N; i += 2)
        AdMem_Free(blocks[i]);
    AdMem_Shutdown(0);
    ck_assert_int_le(AdMem_ArenaCount(), 1);
    AdMem_UseArenas(was);
}
END_TEST

START_TEST(realloc_keeps_contents)
{
    char *p = AdMem_Malloc(10);
    memcpy(p, "abcdefghi", 10);
    p = AdMem_Realloc(p, 300);
    ck_assert_str_eq(p, "abcdefghi");
    p = AdMem_Realloc(p, 5000);
    ck_assert_str_eq(p, "abcdefghi");
    p = AdMem_Realloc(p, 20);
    ck_assert_int_eq(memcmp(p, "abcdefghi", 10), 0);
    AdMem_Free(p);
    ck_assert_ptr_null(AdMem_Calloc(SIZE_MAX / 2, 4));
    int *z = AdMem_Calloc(10, sizeof(int));
    for (int i = 0; i < 10; i++)
        ck_assert_int_eq(z[i], 0);
    AdMem_Free(z);
}
END_TEST

Suite *alloc_suite(void)
{
    Suite *s = suite_create("alloc");
    TCase *t = tcase_create("core");
    tcase_add_test(t, blocks_are_aligned_and_distinct);
    tcase_add_test(t, freed_blocks_are_reused);
    tcase_add_test(t, many_blocks_many_pools);
    tcase_add_test(t, realloc_keeps_contents);
    suite_add_tcase(s, t);
    return s;
}
