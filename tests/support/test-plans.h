/* test-plans.h: comparing two plans in a test, through the registry of lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "our-plan-lists.h"

/* Fails the test, naming the first difference (see
 * our_plan_find_difference()), unless @a and @b hold the same plan. */
#define test_assert_same_plan(a, b) \
  G_STMT_START { \
    g_autofree char *test_difference_ = our_plan_find_difference ((a), (b)); \
    if (test_difference_ != NULL) \
      { \
        g_autofree char *test_message_ = \
          g_strdup_printf ("the plans differ at %s", test_difference_); \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, test_message_); \
      } \
  } G_STMT_END
