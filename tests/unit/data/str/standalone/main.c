#include <check.h>
#include <stdio.h>
Suite *str_suite(void);
int main(void){ SRunner *r = srunner_create(str_suite()); srunner_set_fork_status(r, CK_NOFORK); srunner_run_all(r, CK_NORMAL); int f = srunner_ntests_failed(r); srunner_free(r); return f != 0; }
