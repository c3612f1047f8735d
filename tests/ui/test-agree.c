/* test-agree.c: "Agree this Plan": the review date it needs, disagreements, one undo, agreed versions opened read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>

#include "our-agree-dialog.h"
#include "our-agreed-version.h"
#include "our-command.h"
#include "our-history.h"
#include "our-meetings-view.h"
#include "our-plan-view.h"
#include "test-session.h"

typedef struct
{
  OurPlan         *plan;
  OurSession      *session;
  GtkWidget       *window;
  OurMeetingsView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  OurPlanView *plan_view;

  fixture->plan = our_plan_new ();
  our_plan_set_me_text (fixture->plan, OUR_ME_FIELD_PREFERRED_NAME, "Gwen", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (fixture->plan, OUR_ME_FIELD_COORDINATOR_NAME, "Ceri Jones",
                        OUR_AUTHOR_COORDINATOR);
  {
    g_autoptr(OurGoal) goal = our_goal_new ("goal-swim");
    our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, "Get back to swimming", OUR_AUTHOR_PERSON);
    our_goal_set_progress (goal, 4);
    our_plan_insert_goal (fixture->plan, 0, goal);
  }
  fixture->session = g_object_ref (test_session_for (fixture->plan));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  plan_view = OUR_PLAN_VIEW (our_plan_view_new ());
  our_plan_view_set_session (plan_view, fixture->session);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (plan_view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  adw_view_stack_set_visible_child_name (our_plan_view_get_stack (plan_view), "meetings");
  gtk_window_present (GTK_WINDOW (fixture->window));
  test_wait_mapped (fixture->window);
  fixture->view = OUR_MEETINGS_VIEW (test_find_nth (GTK_WIDGET (plan_view),
                                                    OUR_TYPE_MEETINGS_VIEW, 0));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_drain_events ();
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->plan);
}

static char *
months_from_today (int months)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_months (now, months);

  return g_date_time_format (then, "%Y-%m-%d");
}

static guint
n_agreements (Fixture *fixture)
{
  return g_list_model_get_n_items (our_plan_get_agreements (fixture->plan));
}

static void
test_agree (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *dialog = our_agree_dialog_new (GTK_WINDOW (fixture->window), fixture->session);
  g_autofree char *review = months_from_today (6);
  g_autoptr(OurAgreement) agreement = NULL;
  g_autoptr(OurDisagreement) disagreement = NULL;
  g_autoptr(OurPlan) version = NULL;
  g_autoptr(OurGoal) frozen_goal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) watch = g_object_ref (dialog);
  GtkWidget *words;

  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_mapped (dialog);

  /* Without a review date the plan cannot be agreed. */
  gtk_widget_activate_action (dialog, "agree.agree", NULL);
  g_assert_cmpuint (n_agreements (fixture), ==, 0);

  g_assert_true (gtk_widget_activate_action (dialog, "agree.review-in", "i", 6));
  g_assert_cmpstr (our_agree_dialog_get_review_date (OUR_AGREE_DIALOG (dialog)), ==, review);

  /* Gwen does not agree with her goal as it is written. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_nth (dialog, ADW_TYPE_COMBO_ROW, 0)), 2);
  words = test_find_nth (dialog, ADW_TYPE_ENTRY_ROW, 1);
  gtk_editable_set_text (GTK_EDITABLE (words), "Swimming is too much for now");
  g_assert_true (gtk_widget_activate_action (dialog, "agree.add-disagreement", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (words)), ==, "");

  g_assert_true (gtk_widget_activate_action (dialog, "agree.agree", NULL));
  g_assert_cmpuint (n_agreements (fixture), ==, 1);
  WAIT_UNTIL (!gtk_widget_get_visible (watch));
  g_assert_false (gtk_widget_get_visible (watch));

  agreement = g_list_model_get_item (our_plan_get_agreements (fixture->plan), 0);
  g_assert_cmpstr (our_plan_get_me_text (fixture->plan, OUR_ME_FIELD_REVIEW_DATE), ==, review);
  g_assert_cmpstr (our_agreement_get_review_on (agreement), ==, review);
  g_assert_cmpstr (our_agreement_get_agreed_by (agreement), ==, "Gwen\nCeri Jones");
  g_assert_true (our_agreement_get_with_person (agreement));
  g_assert_cmpuint (g_list_model_get_n_items (our_agreement_get_disagreements (agreement)), ==, 1);
  disagreement = g_list_model_get_item (our_agreement_get_disagreements (agreement), 0);
  g_assert_cmpint (our_disagreement_get_part_kind (disagreement), ==, OUR_PART_GOAL);
  g_assert_cmpstr (our_disagreement_get_part_id (disagreement), ==, "goal-swim");
  g_assert_cmpstr (our_disagreement_get_part_label (disagreement), ==, "Get back to swimming");
  g_assert_cmpstr (our_disagreement_get_text (disagreement), ==, "Swimming is too much for now");

  /* The frozen version holds the plan with its new review date. */
  version = our_agreed_version_decode (agreement, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_plan_get_me_text (version, OUR_ME_FIELD_REVIEW_DATE), ==, review);
  frozen_goal = g_list_model_get_item (our_plan_get_goals (version), 0);
  g_assert_cmpint (our_goal_get_progress (frozen_goal), ==, 4);

  /* One undo takes back the agreement and the review date together. */
  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  g_assert_cmpuint (n_agreements (fixture), ==, 0);
  g_assert_cmpstr (our_plan_get_me_text (fixture->plan, OUR_ME_FIELD_REVIEW_DATE), ==, "");
}

/* A date already gone cannot be the next review. */
static void
test_review_in_past (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *dialog = our_agree_dialog_new (GTK_WINDOW (fixture->window), fixture->session);

  our_plan_set_me_text (fixture->plan, OUR_ME_FIELD_REVIEW_DATE, "2001-01-01", OUR_AUTHOR_COORDINATOR);
  gtk_window_present (GTK_WINDOW (dialog));
  test_wait_mapped (dialog);
  g_assert_cmpstr (our_agree_dialog_get_review_date (OUR_AGREE_DIALOG (dialog)), ==, "");
  gtk_widget_activate_action (dialog, "agree.agree", NULL);
  g_assert_cmpuint (n_agreements (fixture), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWindow *
find_window_titled (const char *prefix)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      const char *title = gtk_window_get_title (window);

      if (title != NULL && g_str_has_prefix (title, prefix) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* An agreed version is listed on the Meetings tab and opens read-only,
 * as it was, however the plan changed after. */
static void
test_open_version (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autoptr(GBytes) snapshot = our_agreed_version_encode (fixture->plan, &ids, &error);
  g_autoptr(OurAgreement) agreement = our_agreement_new ("agreed-1", "2026-11-12", "Gwen", TRUE,
                                                         "2027-05-12", snapshot, ids);
  g_autoptr(OurAgreement) damaged = our_agreement_new ("agreed-0", "2026-05-01", "Gwen", TRUE,
                                                       "2026-11-01", NULL, "");
  g_autoptr(OurGoal) live_goal = g_list_model_get_item (our_plan_get_goals (fixture->plan), 0);
  GtkWindow *window;
  OurPlanView *view;
  OurSession *session;
  g_autoptr(OurGoal) goal = NULL;

  g_assert_no_error (error);
  our_plan_insert_agreement (fixture->plan, 0, damaged);
  our_plan_insert_agreement (fixture->plan, 1, agreement);
  our_goal_set_text (live_goal, OUR_GOAL_TEXT_TITLE, "Swimming twice a week", OUR_AUTHOR_PERSON);
  test_spin (10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.open-version",
                                             "s", "agreed-1"));
  WAIT_UNTIL ((window = find_window_titled ("Agreed on")) != NULL);
  g_assert_nonnull (window);
  view = OUR_PLAN_VIEW (test_find_nth (GTK_WIDGET (window), OUR_TYPE_PLAN_VIEW, 0));
  session = our_plan_view_get_session (view);
  g_assert_true (our_session_get_read_only (session));
  goal = g_list_model_get_item (our_plan_get_goals (our_session_get_plan (session)), 0);
  g_assert_cmpstr (our_goal_get_text (goal, OUR_GOAL_TEXT_TITLE), ==, "Get back to swimming");
  g_assert_false (our_session_run (session, our_command_new_delete_goal ("goal-swim"), NULL));
  gtk_window_destroy (window);

  /* The damaged one says so, and opens nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "plan.open-version", "s", "agreed-0");
  test_spin (20);
  g_assert_null (find_window_titled ("Agreed on"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/agree/agree", Fixture, NULL, fixture_set_up, test_agree, fixture_tear_down);
  g_test_add ("/agree/review-in-past", Fixture, NULL, fixture_set_up, test_review_in_past,
              fixture_tear_down);
  g_test_add ("/agree/open-version", Fixture, NULL, fixture_set_up, test_open_version,
              fixture_tear_down);
  return g_test_run ();
}
