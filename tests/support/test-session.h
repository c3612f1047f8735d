/* test-session.h: the editing session of a plan made in a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "our-session.h"

/* The session of @plan, made on first use, for tests that build a plan in
 * memory. (A plan opened through a store has the store's session:
 * our_store_get_session().) The session holds the plan, so both are kept
 * until the test program ends. */
static inline OurSession *
test_session_for (OurPlan *plan)
{
  static GHashTable *sessions;
  OurSession *session;

  if (sessions == NULL)
    sessions = g_hash_table_new (NULL, NULL);
  session = g_hash_table_lookup (sessions, plan);
  if (session == NULL)
    {
      session = our_session_new (plan);
      g_hash_table_insert (sessions, plan, session);
    }
  return session;
}

/* The undo history of test_session_for (@plan). */
static inline OurHistory *
test_history_for (OurPlan *plan)
{
  return our_session_get_history (test_session_for (plan));
}
