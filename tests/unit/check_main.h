/*
 * check_main.h: the main() of every unit-test program. A test file defines its suite function
 * and ends with CHECK_MAIN(name_suite). The summary line Check prints is what tests/run.sh
 * counts.
 */
#ifndef TESTS_CHECK_MAIN_H
#define TESTS_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

#define CHECK_MAIN(suite_fn)                                            \
	int main(void)                                                  \
	{                                                               \
		SRunner *sr = srunner_create(suite_fn());               \
		int failed;                                             \
		srunner_set_fork_status(sr, CK_NOFORK);                 \
		srunner_run_all(sr, CK_NORMAL);                         \
		failed = srunner_ntests_failed(sr);                     \
		srunner_free(sr);                                       \
		return failed ? EXIT_FAILURE : EXIT_SUCCESS;            \
	}

/* Adds a test case named after the test function holding one test. */
#define ADD_TEST(suite, fn)                                             \
	do {                                                            \
		TCase *tc_ = tcase_create(#fn);                         \
		tcase_add_test(tc_, fn);                                \
		suite_add_tcase((suite), tc_);                          \
	} while (0)

#endif
