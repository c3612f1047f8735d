/* test-then-and-now.c: the then-and-now window on crafted versions: what it lists, version to version, damaged versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>
#include <string.h>

#include "our-agreed-version.h"
#include "our-then-and-now-window.h"

typedef struct
{
  OurPlan *plan;
} Fixture;

static void
add_goal (OurPlan    *plan,
          const char *id,
          const char *title,
          int         progress)
{
  g_autoptr(OurGoal) goal = our_goal_new (id);

  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, title, OUR_AUTHOR_PERSON);
  our_goal_set_progress (goal, progress);
  our_plan_insert_goal (plan, G_MAXUINT, goal);
}

static void
add_member (OurPlan    *plan,
            const char *id,
            const char *name,
            OurRing     ring,
            double      angle)
{
  g_autoptr(OurMember) member = our_member_new (id);

  our_member_set_text (member, OUR_MEMBER_TEXT_NAME, name, OUR_AUTHOR_PERSON);
  our_member_set_place (member, ring, angle);
  our_plan_insert_member (plan, G_MAXUINT, member);
}

static void
agree (OurPlan    *plan,
       const char *id,
       const char *day)
{
  g_autofree char *ids = NULL;
  g_autoptr(GBytes) snapshot = our_agreed_version_encode (plan, &ids, NULL);
  g_autoptr(OurAgreement) agreement = our_agreement_new (id, day, "Gwen", TRUE, "2027-06-01",
                                                         snapshot, ids);

  g_assert_nonnull (snapshot);
  our_plan_insert_agreement (plan, G_MAXUINT, agreement);
}

/* August: two goals and two people; November: a goal more, progress, Rhys
 * closer; now: a goal reworded and the staying-well plan written. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  OurPlan *plan = fixture->plan = our_plan_new ();

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Gwen", OUR_AUTHOR_PERSON);
  add_goal (plan, "choir", "Sing with the choir", 1);
  add_goal (plan, "sleep", "Sleep better", 3);
  add_member (plan, "rhys", "Rhys", OUR_RING_FURTHER, 40);
  add_member (plan, "nia", "Nia", OUR_RING_CLOSE, 200);
  agree (plan, "august", "2026-08-20");

  add_goal (plan, "walk", "Walk Bryn every morning", 2);
  our_goal_set_progress (our_plan_find_goal (plan, "choir", NULL), 4);
  our_member_set_place (our_plan_find_member (plan, "rhys", NULL), OUR_RING_CLOSEST, 40);
  agree (plan, "november", "2026-11-12");

  our_goal_set_text (our_plan_find_goal (plan, "sleep", NULL), OUR_GOAL_TEXT_TITLE,
                     "Mornings that are not empty", OUR_AUTHOR_PERSON);
  our_plan_set_well_text (plan, OUR_WELL_FIELD_EARLY_SIGNS, "I stop answering texts",
                          OUR_AUTHOR_PERSON);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_drain_events ();
  g_clear_object (&fixture->plan);
}

static OurThenAndNowWindow *
open_window (Fixture    *fixture,
             const char *then_id)
{
  GtkWidget *window = our_then_and_now_window_new (NULL, fixture->plan, then_id);

  gtk_window_present (GTK_WINDOW (window));
  test_wait_mapped (window);
  return OUR_THEN_AND_NOW_WINDOW (window);
}

static void
test_since_august (Fixture       *fixture,
                   gconstpointer  data)
{
  OurThenAndNowWindow *window = open_window (fixture, "august");

  /* Every goal, then and now; people that moved; staying well written. */
  g_assert_cmpuint (our_then_and_now_window_count_rows (window, OUR_PART_GOAL), ==, 3);
  g_assert_cmpuint (our_then_and_now_window_count_rows (window, OUR_PART_MEMBER), ==, 1);
  g_assert_cmpuint (our_then_and_now_window_count_rows (window, OUR_PART_STAYING_WELL), ==, 1);
  g_assert_cmpuint (our_then_and_now_window_count_rows (window, OUR_PART_SAFETY_NOTE), ==, 0);
  g_assert_nonnull (strstr (our_then_and_now_window_get_summary (window), "20 August 2026"));
  g_assert_nonnull (strstr (our_then_and_now_window_get_summary (window), "3 goals"));
  /* Two diagrams, then and now. */
  g_assert_cmpuint (test_count_descendants (GTK_WIDGET (window), GTK_TYPE_DRAWING_AREA), ==, 2 + 3);
  test_spin (50);
  test_save_picture (GTK_WIDGET (window), "then-and-now");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_version_to_version (Fixture       *fixture,
                         gconstpointer  data)
{
  OurThenAndNowWindow *window = open_window (fixture, NULL);

  /* The latest is the default: since November, one goal reworded. */
  g_assert_nonnull (strstr (our_then_and_now_window_get_summary (window), "12 November 2026"));
  g_assert_cmpuint (our_then_and_now_window_count_rows (window, OUR_PART_MEMBER), ==, 0);

  /* August to November, neither of them the plan now. */
  our_then_and_now_window_compare (window, "august", "november");
  g_assert_nonnull (strstr (our_then_and_now_window_get_summary (window), "20 August 2026"));
  g_assert_cmpuint (our_then_and_now_window_count_rows (window, OUR_PART_GOAL), ==, 3);
  g_assert_cmpuint (our_then_and_now_window_count_rows (window, OUR_PART_MEMBER), ==, 1);
  g_assert_cmpuint (our_then_and_now_window_count_rows (window, OUR_PART_STAYING_WELL), ==, 0);

  /* The same version both sides: nothing changed. */
  our_then_and_now_window_compare (window, "november", "november");
  g_assert_nonnull (strstr (our_then_and_now_window_get_summary (window), "Nothing has changed"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  static const char junk[] = "not a version";
  g_autoptr(GBytes) bytes = g_bytes_new_static (junk, sizeof junk);
  g_autoptr(OurAgreement) broken = our_agreement_new ("broken", "2026-12-01", "Gwen", TRUE,
                                                      "2027-01-01", bytes, "");
  OurThenAndNowWindow *window;

  our_plan_insert_agreement (fixture->plan, G_MAXUINT, broken);
  window = open_window (fixture, "broken");
  g_assert_nonnull (strstr (our_then_and_now_window_get_summary (window), "damaged"));
  g_assert_cmpuint (our_then_and_now_window_count_rows (window, OUR_PART_GOAL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/then-and-now/since-august", Fixture, NULL, fixture_set_up, test_since_august,
              fixture_tear_down);
  g_test_add ("/then-and-now/version-to-version", Fixture, NULL, fixture_set_up,
              test_version_to_version, fixture_tear_down);
  g_test_add ("/then-and-now/damaged", Fixture, NULL, fixture_set_up, test_damaged,
              fixture_tear_down);
  return g_test_run ();
}
