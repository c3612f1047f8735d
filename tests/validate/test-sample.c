/* test-sample.c: the sample plan that `ourplan --demo` opens is whole and reads back as written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-sample SAMPLE.ourplan MAKE-SAMPLE BROKEN-SAMPLE.ini
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "our-plan.h"
#include "our-store.h"

static const char *sample_path;
static const char *make_sample_path;
static const char *broken_sample_path;

static OurStore *
open_sample (void)
{
  g_autoptr(GError) error = NULL;
  OurStore *store = our_store_open (sample_path, OUR_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* `ourplan check` on the demo plan: a damaged sample is the first thing a
 * new user would meet. */
static void
test_sample_check (void)
{
  g_autoptr(GError) error = NULL;
  OurStoreReport report = { 0 };

  g_assert_true (our_store_check (sample_path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report.integrity, ==, "ok");
  g_assert_cmpint (report.schema_version, ==, OUR_SCHEMA_VERSION);
  g_assert_cmpuint (report.n_goals, ==, 5);
  g_assert_cmpuint (report.n_steps, ==, 12);
  g_assert_cmpuint (report.n_me_fields, ==, OUR_N_ME_FIELDS);
  our_store_report_clear (&report);
}

/* Every Me field is filled, in the right voice, and the Welsh letters and
 * curly quotes survive the trip through the file. */
static void
test_sample_me (void)
{
  g_autoptr(OurStore) store = open_sample ();
  OurPlan *plan = our_store_get_plan (store);
  const char *made_on, *review;

  g_assert_cmpstr (our_plan_get_name (plan), ==, "Gwen");
  for (guint field = 0; field < OUR_N_ME_FIELDS; field++)
    g_assert_cmpstr (our_plan_get_me_text (plan, field), !=, "");

  g_assert_nonnull (strstr (our_plan_get_me_text (plan, OUR_ME_FIELD_HOW_TO_TALK),
                            "Gwenllïan"));
  g_assert_nonnull (strstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_DAY), "Tŷ Coch"));
  g_assert_cmpint (our_plan_get_me_author (plan, OUR_ME_FIELD_WHAT_MATTERS), ==,
                   OUR_AUTHOR_PERSON);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_COORDINATOR_NAME), ==,
                   "Dafydd Pryce");
  g_assert_cmpint (our_plan_get_me_author (plan, OUR_ME_FIELD_COORDINATOR_NAME), ==,
                   OUR_AUTHOR_COORDINATOR);

  made_on = our_plan_get_me_text (plan, OUR_ME_FIELD_MADE_ON);
  review = our_plan_get_me_text (plan, OUR_ME_FIELD_REVIEW_DATE);
  g_assert_true (our_iso_date_is_valid (made_on));
  g_assert_true (our_iso_date_is_valid (review));
  g_assert_cmpstr (made_on, <, review);
}

/* Five goals in the written order, each with a symbol, a visible amount of
 * progress and two to four steps with someone who helps. */
static void
test_sample_goals (void)
{
  g_autoptr(OurStore) store = open_sample ();
  OurPlan *plan = our_store_get_plan (store);
  gboolean area_seen[OUR_N_LIFE_AREAS] = { FALSE };
  guint n_areas = 0;
  guint n_by_coordinator = 0;

  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 5);
  g_assert_cmpstr (our_goal_get_title (our_plan_get_goal (plan, 0)), ==,
                   "Get back to singing with the choir");
  g_assert_cmpint (our_goal_get_status (our_plan_get_goal (plan, 4)), ==,
                   OUR_GOAL_STATUS_PAUSED);

  for (guint i = 0; i < our_plan_get_n_goals (plan); i++)
    {
      OurGoal *goal = our_plan_get_goal (plan, i);
      OurLifeArea area = our_goal_get_life_area (goal);

      g_assert_cmpstr (our_goal_get_text (goal, OUR_GOAL_TEXT_WHY), !=, "");
      g_assert_cmpstr (our_goal_get_symbol (goal), !=, "");
      g_assert_cmpuint (our_goal_get_progress (goal), >=, 2);
      g_assert_cmpuint (our_goal_get_progress (goal), <=, 7);
      g_assert_cmpuint (our_goal_get_n_steps (goal), >=, 2);
      g_assert_cmpuint (our_goal_get_n_steps (goal), <=, 4);

      if (area != OUR_LIFE_AREA_NONE && !area_seen[area])
        {
          area_seen[area] = TRUE;
          n_areas++;
        }

      for (guint j = 0; j < our_goal_get_n_steps (goal); j++)
        {
          OurStep *step = our_goal_get_step (goal, j);
          const char *by_when = our_step_get_text (step, OUR_STEP_TEXT_BY_WHEN);

          g_assert_cmpstr (our_step_get_text (step, OUR_STEP_TEXT_WHO), !=, "");
          g_assert_true (our_iso_date_is_valid (by_when));
          if (our_step_get_author (step, OUR_STEP_TEXT_WHAT) == OUR_AUTHOR_COORDINATOR)
            n_by_coordinator++;
        }
    }

  /* The sample shows both voices, and a plan that covers several parts of life. */
  g_assert_cmpuint (n_by_coordinator, >=, 1);
  g_assert_cmpuint (n_areas, >=, 4);
}

/* A sample with a mistake (progress 12) is refused with the group and key
 * named, and no plan file is left behind. */
static void
test_sample_refuses_broken (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("ourplan-sample-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "broken.ourplan", NULL);
  const char *argv[] = { make_sample_path, broken_sample_path, out, NULL };
  g_autofree char *err_text = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (tmpdir);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err_text, &status, &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, &error));
  g_assert_error (error, G_SPAWN_EXIT_ERROR, 1);
  g_assert_nonnull (strstr (err_text, "[goal 1] progress"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (tmpdir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 4)
    {
      g_printerr ("Usage: %s SAMPLE.ourplan MAKE-SAMPLE BROKEN-SAMPLE.ini\n", argv[0]);
      return 2;
    }
  sample_path = argv[1];
  make_sample_path = argv[2];
  broken_sample_path = argv[3];

  g_test_add_func ("/sample/check", test_sample_check);
  g_test_add_func ("/sample/me", test_sample_me);
  g_test_add_func ("/sample/goals", test_sample_goals);
  g_test_add_func ("/sample/refuses-broken", test_sample_refuses_broken);

  return g_test_run ();
}
