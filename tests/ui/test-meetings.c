/* test-meetings.c: the Meetings tab: starting a meeting, who came, the date, deleting and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>

#include "our-command.h"
#include "our-history.h"
#include "our-meeting-row.h"
#include "our-meetings-view.h"
#include "our-plan-lists.h"
#include "our-plan-view.h"
#include "our-text-field.h"
#include "test-session.h"

typedef struct
{
  OurPlan         *plan;
  GtkWidget       *window;
  OurPlanView     *plan_view;
  OurMeetingsView *view;
} Fixture;

/* Waits, frame by frame, until @done holds (or a generous bound passes,
 * when the assertion after it fails). */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->plan = our_plan_new ();
  our_plan_set_me_text (fixture->plan, OUR_ME_FIELD_PREFERRED_NAME, "Gwen", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (fixture->plan, OUR_ME_FIELD_COORDINATOR_NAME, "Ceri Jones",
                        OUR_AUTHOR_COORDINATOR);
  {
    g_autoptr(OurMember) sam = our_member_new ("m-sam");
    our_member_set_text (sam, OUR_MEMBER_TEXT_NAME, "Sam", OUR_AUTHOR_PERSON);
    our_plan_insert_member (fixture->plan, 0, sam);
  }
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 800);
  fixture->plan_view = OUR_PLAN_VIEW (our_plan_view_new ());
  our_plan_view_set_session (fixture->plan_view, test_session_for (fixture->plan));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->plan_view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  adw_view_stack_set_visible_child_name (our_plan_view_get_stack (fixture->plan_view), "meetings");
  gtk_window_present (GTK_WINDOW (fixture->window));
  test_wait_mapped (fixture->window);
  fixture->view = OUR_MEETINGS_VIEW (test_find_nth (GTK_WIDGET (fixture->plan_view),
                                                    OUR_TYPE_MEETINGS_VIEW, 0));
  g_assert_nonnull (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_drain_events ();
  g_clear_object (&fixture->plan);
}

static OurMeeting *
only_meeting (Fixture *fixture)
{
  GListModel *meetings = our_plan_get_meetings (fixture->plan);

  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 1);
  return g_list_model_get_item (meetings, 0);
}

static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(OurMeeting) meeting = NULL;
  GtkWidget *card;
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "meetings.start", NULL));
  meeting = only_meeting (fixture);
  g_assert_cmpstr (our_meeting_get_held_on (meeting), ==, today);
  /* Who is usually there is written in already, and can be changed. */
  g_assert_true (our_meeting_has_name (meeting, OUR_MEETING_TEXT_CAME, "gwen"));
  g_assert_true (our_meeting_has_name (meeting, OUR_MEETING_TEXT_CAME, "Ceri Jones"));
  g_assert_false (our_meeting_has_name (meeting, OUR_MEETING_TEXT_CAME, "Sam"));

  WAIT_UNTIL ((card = our_meetings_view_get_card (fixture->view, our_meeting_get_id (meeting))) != NULL);
  g_assert_nonnull (card);
  /* The keyboard is in the new meeting's "who came". */
  WAIT_UNTIL ((focus = gtk_root_get_focus (GTK_ROOT (fixture->window))) != NULL
              && gtk_widget_is_ancestor (focus, card));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, card));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, OUR_TYPE_TEXT_FIELD));
  g_assert_cmpstr (gtk_widget_get_name (gtk_widget_get_ancestor (focus, OUR_TYPE_TEXT_FIELD)),
                   ==, "meeting-came");

  /* One undo step takes the whole meeting back. */
  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_meetings (fixture->plan)), ==, 0);
  WAIT_UNTIL (our_meetings_view_get_card (fixture->view, our_meeting_get_id (meeting)) == NULL);
  g_assert_null (our_meetings_view_get_card (fixture->view, our_meeting_get_id (meeting)));
}

static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *dates[] = { "2026-03-01", "2026-09-14", "2026-06-02" };
  const char *expected[] = { "2026-09-14", "2026-06-02", "2026-03-01" };
  g_autoptr(OurMeeting) first = NULL;
  g_autoptr(OurMeeting) moved = NULL;
  GtkWidget *list;
  guint i = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr(OurMeeting) meeting = our_meeting_new (NULL, dates[d]);
      g_assert_true (our_session_run (test_session_for (fixture->plan),
                                      our_command_new_add_item (OUR_LIST_MEETINGS, NULL, meeting, -1),
                                      NULL));
    }
  first = g_list_model_get_item (our_plan_get_meetings (fixture->plan), 0);
  test_drain_events ();
  list = gtk_widget_get_parent (our_meetings_view_get_card (fixture->view, our_meeting_get_id (first)));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(OurMeeting) shown = NULL;

      g_object_get (row, "meeting", &shown, NULL);
      g_assert_cmpstr (our_meeting_get_held_on (shown), ==, expected[i++]);
    }
  g_assert_cmpuint (i, ==, 3);

  /* A date changed later moves its card to the top. */
  moved = our_meeting_copy (first);
  our_meeting_set_held_on (moved, "2026-12-01");
  g_assert_true (our_session_run (test_session_for (fixture->plan),
                                  our_command_new_update_item (OUR_LIST_MEETINGS, NULL, moved),
                                  NULL));
  test_drain_events ();
  {
    g_autoptr(OurMeeting) top = NULL;

    g_object_get (gtk_widget_get_first_child (list), "meeting", &top, NULL);
    g_assert_cmpstr (our_meeting_get_id (top), ==, our_meeting_get_id (first));
  }
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(OurMeeting) meeting = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "meetings.start", NULL));
  meeting = only_meeting (fixture);
  test_drain_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "meetings.delete", "s",
                                             our_meeting_get_id (meeting)));
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_meetings (fixture->plan)), ==, 0);
  g_assert_true (our_history_undo (test_history_for (fixture->plan), NULL));
  g_assert_nonnull (our_plan_find_meeting (fixture->plan, our_meeting_get_id (meeting), NULL));
}

/* A read-only plan (a carer's copy, an agreed version) starts no meeting. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_object_set (fixture->view, "read-only", TRUE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "meetings.start", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_meetings (fixture->plan)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/meetings/start", Fixture, NULL, fixture_set_up, test_start, fixture_tear_down);
  g_test_add ("/meetings/newest-first", Fixture, NULL, fixture_set_up, test_newest_first,
              fixture_tear_down);
  g_test_add ("/meetings/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/meetings/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);

  return g_test_run ();
}
