/* objects_fixture.h: a Check fixture for suites that need the object
 * model: a runtime taken through preinit and core init (which gives a
 * thread state) and the static types readied. */
#ifndef ADDER_TESTS_OBJECTS_FIXTURE_H
#define ADDER_TESTS_OBJECTS_FIXTURE_H
#include <check.h>
#include "objects/objects.h"
#include "runtime/lifecycle.h"
#include "runtime/runtime.h"

static inline void ad_test_objects_setup(void)
{
    static char *const argv[] = {"adder", "-c", "pass", NULL};
    AdConfig config;
    ad_runtime_reset();
    AdConfig_Init(&config);
    ck_assert(!AdStatus_Exception(Ad_PreInitializeFromArgs(&config, 3, argv, NULL)));
    ck_assert(!AdStatus_Exception(Ad_ReadConfigRest(&config, NULL)));
    ck_assert(!AdStatus_Exception(Ad_InitializeCore(&config)));
    AdConfig_Clear(&config);
    ck_assert_int_eq(ad_objects_init(), 0);
}
#endif
