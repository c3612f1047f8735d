/* bench-agree.c: agreeing a large plan, then and now between two such versions, and bringing in 200 comments
 *
 * Prints figures (milliseconds, the median of several runs); asserts
 * nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "bench-plans.h"
#include "our-agreed-version.h"
#include "our-carer-comments.h"
#include "our-command.h"
#include "our-plan-comparison.h"
#include "our-store.h"

#define RUNS 9

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof *values, compare_doubles);
  return values[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OurPlan) plan = NULL;
  g_autoptr(OurAgreement) then = NULL;
  g_autoptr(OurPlan) then_plan = NULL;
  g_autoptr(OurPlan) now_plan = NULL;
  g_autoptr(GBytes) snapshot = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *carer_path = NULL;
  double times[RUNS];
  guint changes = 0;

  setlocale (LC_ALL, "");
  plan = bench_make_board ();
  bench_add_goals (plan, 300);
  bench_add_members (plan, BENCH_LARGE_MEMBERS);

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_pointer (&snapshot, g_bytes_unref);
      g_clear_pointer (&ids, g_free);
      snapshot = our_agreed_version_encode (plan, &ids, NULL);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_assert_nonnull (snapshot);
  g_print ("agree (freeze) 300 goals, 300 people, 200 board items: %.1f ms, %zu kB kept\n",
           median (times), g_bytes_get_size (snapshot) / 1024);
  then = our_agreement_new (NULL, "2026-08-20", "Gwen", TRUE, "2026-11-12", snapshot, ids);

  /* The plan moves on: progress on every other goal, a third of the people
   * change ring. */
  for (guint i = 0; i < our_plan_get_n_goals (plan); i += 2)
    our_goal_set_progress (our_plan_get_goal (plan, i), (our_goal_get_progress (our_plan_get_goal (plan, i)) + 3) % 11);
  for (guint i = 0; i < our_plan_get_n_members (plan); i += 3)
    {
      OurMember *member = our_plan_get_member (plan, i);
      our_member_set_place (member, (our_member_get_ring (member) + 1) % OUR_N_RINGS,
                            our_member_get_angle (member));
    }

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_object (&then_plan);
      then_plan = our_agreed_version_decode (then, plan, NULL);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_print ("open an agreed version of that plan: %.1f ms\n", median (times));

  {
    g_autofree char *now_ids = NULL;
    g_autoptr(GBytes) now_snapshot = our_agreed_version_encode (plan, &now_ids, NULL);
    g_autoptr(OurAgreement) now = our_agreement_new (NULL, "2026-11-12", "Gwen", TRUE,
                                                     "2027-02-11", now_snapshot, now_ids);

    now_plan = our_agreed_version_decode (now, plan, NULL);
  }
  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) found = our_plan_compare (then_plan, now_plan);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      changes = found->len;
    }
  g_print ("then and now between two such versions: %.2f ms (%u entries)\n", median (times), changes);

  /* A carer's copy with 200 comments, brought in. */
  folder = g_dir_make_tmp ("ourplan-bench-agree-XXXXXX", NULL);
  carer_path = g_build_filename (folder, "carer.ourplan", NULL);
  {
    g_autoptr(OurMember) carer = our_member_new ("bench-carer");
    g_autoptr(OurPlan) copy = NULL;
    g_autoptr(OurStore) store = NULL;

    our_member_set_text (carer, OUR_MEMBER_TEXT_NAME, "Sam", OUR_AUTHOR_PERSON);
    our_member_set_is_carer (carer, TRUE);
    our_plan_insert_member (plan, 0, carer);
    our_plan_set_plan_id (plan, "bench-plan");
    our_plan_set_consent (plan, OUR_SECTION_GOALS, "bench-carer", "2026-11-12", OUR_AUTHOR_PERSON);
    copy = our_plan_new_carer_copy (plan, "bench-carer");
    g_assert_true (our_store_write_plan (copy, carer_path, NULL));
    store = our_store_open (carer_path, OUR_STORE_OPEN_DEFAULT, NULL);
    our_session_begin_group (our_store_get_session (store), NULL);
    for (guint i = 0; i < 200; i++)
      {
        g_autoptr(OurComment) comment = our_comment_new (NULL, "bench-carer", "Sam", "2026-12-01",
                                                         OUR_PART_GOAL,
                                                         our_goal_get_id (our_plan_get_goal (plan, i)),
                                                         "A goal");
        our_comment_set_text (comment, "She went to choir twice this week and loved it.");
        our_session_run (our_store_get_session (store),
                         our_command_new_add_item (OUR_LIST_COMMENTS, NULL, comment, -1), NULL);
      }
    our_session_end_group (our_store_get_session (store), NULL);
    our_store_close (store);
  }
  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) comments = our_carer_comments_read (carer_path, plan, NULL);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (comments->len, ==, 200);
    }
  g_print ("bring in a carer's copy with 200 comments (read and match): %.1f ms\n", median (times));
  bench_remove_tree (folder);
  return 0;
}
