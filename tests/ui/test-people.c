/* test-people.c: the "My people" tab: one widget per member, keyboard moves, drag, delete, add, list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>
#include <math.h>

#include "our-command.h"
#include "our-history.h"
#include "our-member-editor.h"
#include "our-member-widget.h"
#include "our-network-summary.h"
#include "our-network-view.h"
#include "our-people-view.h"
#include "our-symbols.h"
#include "our-text-field.h"
#include "test-session.h"

/* Helpers */

/* Lets the frame clock lay out and draw (idle sources alone do not). */
static void
wait_frames (void)
{
  for (int i = 0; i < 5; i++)
    {
      test_drain_events ();
      g_usleep (10000);
    }
  test_drain_events ();
}

/* Lets members glide to their places (a quarter of a second). */
static void
wait_settled (void)
{
  gint64 until = g_get_monotonic_time () + 500 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      test_drain_events ();
      g_usleep (5000);
    }
}

typedef struct
{
  OurPlan        *plan;
  GtkWidget      *window;
  OurPeopleView  *view;
  OurNetworkView *network;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->plan = our_plan_new ();
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
  fixture->view = OUR_PEOPLE_VIEW (our_people_view_new ());
  fixture->network = OUR_NETWORK_VIEW (our_people_view_get_network (fixture->view));
  our_people_view_set_session (fixture->view, test_session_for (fixture->plan));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  test_wait_mapped (fixture->window);
  wait_frames ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_drain_events ();
  g_clear_object (&fixture->plan);
}

static void
run (Fixture    *fixture,
     OurCommand *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (our_history_run (test_history_for (fixture->plan), command, &error));
  g_assert_no_error (error);
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (our_history_undo (test_history_for (fixture->plan), &error));
  g_assert_no_error (error);
}

static OurMember *
add_member (Fixture    *fixture,
            const char *name,
            OurRing     ring,
            double      angle,
            guint       helps)
{
  g_autofree char *id = our_new_id ();
  g_autoptr(OurMember) member = our_member_new (id);

  our_member_set_text (member, OUR_MEMBER_TEXT_NAME, name, OUR_AUTHOR_PERSON);
  our_member_set_place (member, ring, angle);
  our_member_set_helps (member, helps);
  run (fixture, our_command_new_add_member (member, -1));
  our_history_end_edit (test_history_for (fixture->plan));
  return our_plan_find_member (fixture->plan, id, NULL);
}

static GtkWidget *
widget_for (Fixture   *fixture,
            OurMember *member)
{
  GtkWidget *widget = our_network_view_get_member_widget (fixture->network, member);

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_parent (widget) == GTK_WIDGET (fixture->network));
  return widget;
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  if (message != NULL)
    g_error ("%s", message);
}

static guint
n_member_widgets (Fixture *fixture)
{
  return test_count_descendants (GTK_WIDGET (fixture->network), OUR_TYPE_MEMBER_WIDGET);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Tests */

static void
test_one_widget_per_member (Fixture       *fixture,
                            gconstpointer  data)
{
  OurMember *mum, *rex;

  g_assert_cmpuint (n_member_widgets (fixture), ==, 0);

  mum = add_member (fixture, "Mum", OUR_RING_CLOSEST, 0, OUR_HELPS_EMOTIONAL);
  rex = add_member (fixture, "Rex", OUR_RING_CLOSE, 90, 0);
  add_member (fixture, "Drop-in café", OUR_RING_FURTHER, 200, OUR_HELPS_SOCIAL);
  wait_frames ();
  g_assert_cmpuint (n_member_widgets (fixture), ==, 3);
  g_assert_true (our_member_widget_get_member (OUR_MEMBER_WIDGET (widget_for (fixture, mum)))
                 == mum);

  /* Each child is laid out inside the diagram, with a size to be seen. */
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *child = test_find_nth (GTK_WIDGET (fixture->network), OUR_TYPE_MEMBER_WIDGET, i);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_get_focusable (child));
      g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (fixture->network), &bounds));
      g_assert_cmpfloat (bounds.size.width, >, 10);
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                         gtk_widget_get_width (GTK_WIDGET (fixture->network)) + 1);
    }

  run (fixture, our_command_new_delete_member (our_member_get_id (rex),
                                               OUR_DELETE_MEMBER_KEEP_NAME));
  g_assert_cmpuint (n_member_widgets (fixture), ==, 2);
  undo (fixture);
  g_assert_cmpuint (n_member_widgets (fixture), ==, 3);

  /* A plan opened with members shows them all at once. */
  our_people_view_set_session (fixture->view, NULL);
  g_assert_cmpuint (n_member_widgets (fixture), ==, 0);
  our_people_view_set_session (fixture->view, test_session_for (fixture->plan));
  g_assert_cmpuint (n_member_widgets (fixture), ==, 3);
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  OurMember *mum = add_member (fixture, "Mum", OUR_RING_CLOSEST, 30,
                               OUR_HELPS_EMOTIONAL | OUR_HELPS_PRACTICAL);
  OurMember *library = add_member (fixture, "Library", OUR_RING_FURTHER, 100, 0);
  GtkWidget *widget = widget_for (fixture, mum);

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget),
                                               GTK_ACCESSIBLE_ROLE_BUTTON));
  assert_label (widget, "Mum, closest to me, helps with: emotional, practical");
  assert_label (widget_for (fixture, library), "Library, further out");

  /* The name follows the model: renamed, moved, helping with more. */
  run (fixture, our_command_new_set_member_text (our_member_get_id (mum), OUR_MEMBER_TEXT_NAME,
                                                 "Mam", OUR_AUTHOR_PERSON));
  run (fixture, our_command_new_place_member (our_member_get_id (mum), OUR_RING_CLOSE, 30));
  run (fixture, our_command_new_set_member_helps (our_member_get_id (mum),
                                                  OUR_HELPS_EMOTIONAL | OUR_HELPS_CRISIS));
  assert_label (widget, "Mam, close to me, helps with: emotional, in a crisis");
}

static void
test_keyboard_actions (Fixture       *fixture,
                       gconstpointer  data)
{
  OurMember *sister = add_member (fixture, "Siân", OUR_RING_CLOSE, 90, 0);
  GtkWidget *widget = widget_for (fixture, sister);

  /* Page Up: one ring in, one undo step. */
  g_assert_true (gtk_widget_activate_action (widget, "member.ring-in", NULL));
  g_assert_cmpint (our_member_get_ring (sister), ==, OUR_RING_CLOSEST);
  g_assert_cmpfloat_with_epsilon (our_member_get_angle (sister), 90, 0.001);
  assert_label (widget, "Siân, closest to me");
  /* Nothing is closer than the closest ring. */
  gtk_widget_activate_action (widget, "member.ring-in", NULL);
  g_assert_cmpint (our_member_get_ring (sister), ==, OUR_RING_CLOSEST);
  undo (fixture);
  g_assert_cmpint (our_member_get_ring (sister), ==, OUR_RING_CLOSE);

  /* Page Down twice: two steps out, each undone on its own. */
  g_assert_true (gtk_widget_activate_action (widget, "member.ring-out", NULL));
  g_assert_cmpint (our_member_get_ring (sister), ==, OUR_RING_FURTHER);
  gtk_widget_activate_action (widget, "member.ring-out", NULL);
  g_assert_cmpint (our_member_get_ring (sister), ==, OUR_RING_FURTHER);
  undo (fixture);
  g_assert_cmpint (our_member_get_ring (sister), ==, OUR_RING_CLOSE);

  /* Alt+Right held down: 10° each, one undo step for the whole turn. */
  g_assert_true (gtk_widget_activate_action (widget, "member.turn-right", NULL));
  g_assert_cmpfloat_with_epsilon (our_member_get_angle (sister), 100, 0.001);
  g_assert_true (gtk_widget_activate_action (widget, "member.turn-right", NULL));
  g_assert_cmpfloat_with_epsilon (our_member_get_angle (sister), 110, 0.001);
  undo (fixture);
  g_assert_cmpfloat_with_epsilon (our_member_get_angle (sister), 90, 0.001);
  g_assert_cmpint (our_member_get_ring (sister), ==, OUR_RING_CLOSE);

  /* Alt+Left past the top goes round. */
  run (fixture, our_command_new_place_member (our_member_get_id (sister), OUR_RING_CLOSE, 5));
  g_usleep (800 * 1000);
  g_assert_true (gtk_widget_activate_action (widget, "member.turn-left", NULL));
  g_assert_cmpfloat_with_epsilon (our_member_get_angle (sister), 355, 0.001);

  /* The shortcuts are the keys the person presses. */
  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_is_focus (widget));
  g_assert_true (our_network_view_get_selected (fixture->network) == sister);
}

static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  OurMember *further = add_member (fixture, "Gym", OUR_RING_FURTHER, 10, 0);
  OurMember *closest_late = add_member (fixture, "Dad", OUR_RING_CLOSEST, 200, 0);
  OurMember *closest_early = add_member (fixture, "Mum", OUR_RING_CLOSEST, 20, 0);
  GtkWidget *network = GTK_WIDGET (fixture->network);

  /* Tab reads the diagram: closest ring first, clockwise from the top. */
  g_assert_true (gtk_widget_child_focus (network, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, closest_early)));
  g_assert_true (gtk_widget_child_focus (network, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, closest_late)));
  g_assert_true (gtk_widget_child_focus (network, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, further)));
  /* ... then out of the diagram. */
  g_assert_false (gtk_widget_child_focus (network, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_child_focus (network, GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, closest_late)));
}

static OurStep *
add_goal_with_helper (Fixture   *fixture,
                      OurMember *helper)
{
  g_autofree char *goal_id = our_new_id ();
  g_autofree char *step_id = our_new_id ();
  g_autoptr(OurGoal) goal = our_goal_new (goal_id);
  g_autoptr(OurStep) step = our_step_new (step_id);

  run (fixture, our_command_new_add_goal (goal, -1));
  run (fixture, our_command_new_add_step (goal_id, step, -1));
  run (fixture, our_command_new_set_step_helper (step_id, our_member_get_id (helper)));
  return our_plan_find_step (fixture->plan, step_id, NULL, NULL);
}

static void
test_delete_asks_about_steps (Fixture       *fixture,
                              gconstpointer  data)
{
  OurMember *mum = add_member (fixture, "Mum", OUR_RING_CLOSEST, 0, 0);
  OurMember *rex = add_member (fixture, "Rex", OUR_RING_CLOSE, 120, 0);
  g_autofree char *mum_id = g_strdup (our_member_get_id (mum));
  OurStep *step = add_goal_with_helper (fixture, mum);
  AdwMessageDialog *dialog;

  /* Nobody's step names Rex: gone at once (with a toast to undo). */
  g_assert_true (gtk_widget_activate_action (widget_for (fixture, rex), "member.delete", NULL));
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (our_plan_get_n_members (fixture->plan), ==, 1);
  g_assert_cmpuint (n_member_widgets (fixture), ==, 1);

  /* A step names Mum: asked first. Cancel keeps her. */
  g_assert_true (gtk_widget_activate_action (widget_for (fixture, mum), "member.delete", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Mum"));
  adw_message_dialog_response (dialog, "cancel");
  test_drain_events ();
  g_assert_nonnull (our_plan_find_member (fixture->plan, mum_id, NULL));
  g_assert_cmpstr (our_step_get_helper_id (step), ==, mum_id);

  /* "Clear who helps": she goes and the step names nobody; undo brings
   * both back. */
  gtk_widget_activate_action (widget_for (fixture, mum), "member.delete", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "clear");
  test_drain_events ();
  g_assert_null (our_plan_find_member (fixture->plan, mum_id, NULL));
  g_assert_cmpstr (our_step_get_helper_id (step), ==, "");
  g_assert_cmpstr (our_plan_get_step_helper_name (fixture->plan, step), ==, "");
  undo (fixture);
  mum = our_plan_find_member (fixture->plan, mum_id, NULL);
  g_assert_nonnull (mum);
  g_assert_cmpstr (our_step_get_helper_id (step), ==, mum_id);

  /* "Keep the name": the step still says Mum helps. */
  gtk_widget_activate_action (widget_for (fixture, mum), "member.delete", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "keep");
  test_drain_events ();
  g_assert_null (our_plan_find_member (fixture->plan, mum_id, NULL));
  g_assert_cmpstr (our_plan_get_step_helper_name (fixture->plan, step), ==, "Mum");
}

static GtkWidget *
editor_name_entry (Fixture *fixture)
{
  GtkWidget *editor = our_network_view_get_editor (fixture->network);
  GtkWidget *field = test_find_nth (editor, OUR_TYPE_TEXT_FIELD, 0);

  g_assert_nonnull (field);
  return test_find_nth (field, GTK_TYPE_ENTRY, 0);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  GtkWidget *editor;
  GtkWidget *entry;
  GtkWidget *field;
  OurMember *pet;
  OurMember *person;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "people.add", "s",
                                             "pet"));
  g_assert_cmpuint (our_plan_get_n_members (fixture->plan), ==, 1);
  pet = our_plan_get_member (fixture->plan, 0);
  g_assert_cmpint (our_member_get_kind (pet), ==, OUR_MEMBER_KIND_PET);
  g_assert_cmpstr (our_member_get_name (pet), ==, "New pet");
  g_assert_cmpint (our_member_get_ring (pet), ==, OUR_RING_CLOSE);
  g_assert_true (our_network_view_get_selected (fixture->network) == pet);
  g_assert_cmpuint (n_member_widgets (fixture), ==, 1);

  /* The editor is open on it, the name ready to type over. */
  editor = our_network_view_get_editor (fixture->network);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (our_member_editor_get_member (OUR_MEMBER_EDITOR (editor)) == pet);
  entry = editor_name_entry (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "New pet");

  /* An empty name is refused with a message; the name stays. */
  field = test_find_nth (editor, OUR_TYPE_TEXT_FIELD, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  our_text_field_commit (OUR_TEXT_FIELD (field));
  g_assert_cmpstr (our_member_get_name (pet), ==, "New pet");
  g_assert_nonnull (test_find_nth (editor, GTK_TYPE_LABEL, 0));
  {
    gboolean shown = FALSE;

    for (guint i = 0; test_find_nth (editor, GTK_TYPE_LABEL, i) != NULL; i++)
      {
        GtkWidget *label = test_find_nth (editor, GTK_TYPE_LABEL, i);

        if (gtk_widget_get_visible (label) &&
            strstr (gtk_label_get_label (GTK_LABEL (label)), "A name is needed") != NULL)
          shown = TRUE;
      }
    g_assert_true (shown);
  }

  gtk_editable_set_text (GTK_EDITABLE (entry), "Bella");
  our_text_field_commit (OUR_TEXT_FIELD (field));
  g_assert_cmpstr (our_member_get_name (pet), ==, "Bella");

  /* Each change in the editor is a command: the kind, what they help with. */
  {
    GtkWidget *check = test_find_nth (editor, GTK_TYPE_CHECK_BUTTON, 3);   /* in a crisis */

    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    g_assert_cmpuint (our_member_get_helps (pet), ==, OUR_HELPS_CRISIS);
    undo (fixture);
    g_assert_cmpuint (our_member_get_helps (pet), ==, 0);
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  }

  gtk_popover_popdown (GTK_POPOVER (editor));
  test_drain_events ();

  /* A second one goes to a free spot of the same ring, not on top. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "people.add", "s",
                                             "person"));
  person = our_plan_get_member (fixture->plan, 1);
  g_assert_cmpstr (our_member_get_name (person), ==, "New person");
  g_assert_cmpint (our_member_get_ring (person), ==, OUR_RING_CLOSE);
  g_assert_cmpfloat (fabs (our_member_get_angle (person) - our_member_get_angle (pet)), >, 90);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *list = our_people_view_get_list (fixture->view);
  OurMember *gym;

  add_member (fixture, "Gym", OUR_RING_FURTHER, 10, 0);
  add_member (fixture, "Mum", OUR_RING_CLOSEST, 20, OUR_HELPS_EMOTIONAL);
  add_member (fixture, "Sam", OUR_RING_CLOSE, 300, 0);
  g_object_set (fixture->view, "show-list", TRUE, NULL);
  wait_frames ();

  /* The same members, closest first. */
  g_assert_cmpuint (test_count_descendants (list, ADW_TYPE_ACTION_ROW), ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (test_find_nth (list, ADW_TYPE_ACTION_ROW, 0))),
                   ==, "Mum");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (test_find_nth (list, ADW_TYPE_ACTION_ROW, 1))),
                   ==, "Sam");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (test_find_nth (list, ADW_TYPE_ACTION_ROW, 2))),
                   ==, "Gym");

  /* Moved in the diagram, moved in the list. */
  gym = our_plan_get_member (fixture->plan, 0);
  gtk_widget_activate_action (widget_for (fixture, gym), "member.ring-in", NULL);
  test_drain_events ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (test_find_nth (list, ADW_TYPE_ACTION_ROW, 2))),
                   ==, "Sam");

  /* Activating a row edits that member. */
  g_signal_emit_by_name (list, "row-activated", test_find_nth (list, ADW_TYPE_ACTION_ROW, 0));
  g_assert_true (our_member_editor_get_member (OUR_MEMBER_EDITOR (our_network_view_get_editor (fixture->network)))
                 == our_plan_get_member (fixture->plan, 1));
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *empty = our_network_summary (fixture->plan);
  g_autofree char *expected = NULL;

  g_assert_cmpstr (our_people_view_get_summary (fixture->view), ==, empty);
  add_member (fixture, "Mum", OUR_RING_CLOSEST, 20, OUR_HELPS_EMOTIONAL | OUR_HELPS_CRISIS);
  expected = our_network_summary (fixture->plan);
  g_assert_cmpstr (expected, !=, empty);
  g_assert_cmpstr (our_people_view_get_summary (fixture->view), ==, expected);
}

/* The point at @radius from the centre of the diagram at @angle degrees
 * clockwise from the top. */
static void
point_at (const OurNetworkLayout *layout,
          double                  radius,
          double                  angle,
          double                 *x,
          double                 *y)
{
  *x = layout->centre_x + radius * sin (angle * G_PI / 180);
  *y = layout->centre_y - radius * cos (angle * G_PI / 180);
}

static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  OurMember *friend = add_member (fixture, "Jo", OUR_RING_FURTHER, 90, 0);
  const OurNetworkLayout *layout;
  GtkWidget *widget;
  graphene_rect_t bounds;
  double x, y;

  wait_frames ();
  layout = our_network_view_get_layout (fixture->network);
  g_assert_nonnull (layout);
  widget = widget_for (fixture, friend);
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->network), &bounds));

  /* Grab it, carry it to the top of the closest ring in a few moves. */
  g_assert_true (our_network_view_drag_begin (fixture->network,
                                              layout->places[0].x, layout->places[0].y));
  for (int i = 1; i <= 10; i++)
    {
      double tx, ty;

      point_at (layout, layout->ring_radius[OUR_RING_CLOSEST], 0, &tx, &ty);
      our_network_view_drag_update (fixture->network,
                                    layout->places[0].x + (tx - layout->places[0].x) * i / 10,
                                    layout->places[0].y + (ty - layout->places[0].y) * i / 10);
      /* Nothing changes in the plan while dragging. */
      g_assert_cmpint (our_member_get_ring (friend), ==, OUR_RING_FURTHER);
    }
  point_at (layout, layout->ring_radius[OUR_RING_CLOSEST], 0, &x, &y);
  our_network_view_drag_end (fixture->network, x, y);
  g_assert_cmpint (our_member_get_ring (friend), ==, OUR_RING_CLOSEST);
  g_assert_true (fabs (our_member_get_angle (friend)) < 1 ||
                 fabs (our_member_get_angle (friend) - 360) < 1);

  /* The whole drag is one undo step. */
  undo (fixture);
  g_assert_cmpint (our_member_get_ring (friend), ==, OUR_RING_FURTHER);
  g_assert_cmpfloat_with_epsilon (our_member_get_angle (friend), 90, 0.001);
  wait_settled ();

  /* Dropped in a corner, outside every ring: the nearest ring, at that angle. */
  layout = our_network_view_get_layout (fixture->network);
  g_assert_true (our_network_view_drag_begin (fixture->network,
                                              layout->places[0].x, layout->places[0].y));
  our_network_view_drag_update (fixture->network, layout->places[0].x - 40, layout->places[0].y);
  our_network_view_drag_end (fixture->network, 2, layout->height - 2);
  g_assert_cmpint (our_member_get_ring (friend), ==, OUR_RING_FURTHER);
  g_assert_cmpfloat (our_member_get_angle (friend), >, 180);
  g_assert_cmpfloat (our_member_get_angle (friend), <, 270);

  /* A press without moving is a click, not a move. */
  undo (fixture);
  wait_settled ();
  layout = our_network_view_get_layout (fixture->network);
  g_assert_true (our_network_view_drag_begin (fixture->network,
                                              layout->places[0].x, layout->places[0].y));
  our_network_view_drag_end (fixture->network, layout->places[0].x + 1, layout->places[0].y);
  g_assert_cmpfloat_with_epsilon (our_member_get_angle (friend), 90, 0.001);
  /* No new command: what was undone can still be redone. */
  g_assert_true (our_history_get_can_redo (test_history_for (fixture->plan)));

  /* Nothing to drag in an empty spot. */
  g_assert_false (our_network_view_drag_begin (fixture->network, 1, 1));
}

/* What @widget shows, as pixels. */
static GBytes *
widget_pixels (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GBytes *bytes;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  cairo_surface_destroy (surface);
  return bytes;
}

/* A symbol chosen for a member shows in the diagram at once, and goes
 * again with undo. */
static void
test_symbol (Fixture       *fixture,
             gconstpointer  data)
{
  OurMember *mum = add_member (fixture, "Mum", OUR_RING_CLOSEST, 30, 0);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) with_symbol = NULL;
  g_autoptr(GBytes) undone = NULL;
  GtkWidget *widget;

  wait_settled ();
  widget = widget_for (fixture, mum);
  before = widget_pixels (widget);

  run (fixture, our_command_new_set_member_symbol (our_member_get_id (mum),
                                                   our_symbols_get_key (0)));
  wait_frames ();
  with_symbol = widget_pixels (widget);
  g_assert_false (g_bytes_equal (before, with_symbol));

  undo (fixture);
  wait_frames ();
  undone = widget_pixels (widget);
  g_assert_true (g_bytes_equal (before, undone));
}

/* Dropping a member in another ring leaves the others where they were:
 * nothing else jumps about under the person's eyes. */
static void
test_drop_keeps_others (Fixture       *fixture,
                        gconstpointer  data)
{
  OurMember *members[12];
  graphene_rect_t before[G_N_ELEMENTS (members)];
  const OurNetworkLayout *layout;
  double x, y;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *name = g_strdup_printf ("Friend %u", i);

      members[i] = add_member (fixture, name, i % OUR_N_RINGS, i * 30.0, 0);
    }
  wait_settled ();
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, members[i]),
                                              GTK_WIDGET (fixture->network), &before[i]));

  layout = our_network_view_get_layout (fixture->network);
  g_assert_true (our_network_view_drag_begin (fixture->network,
                                              layout->places[0].x, layout->places[0].y));
  /* Right onto Friend 8 (further out, at 240°): it stays, the dropped one
   * takes the free spot next to it. */
  point_at (layout, layout->ring_radius[OUR_RING_FURTHER], 240, &x, &y);
  our_network_view_drag_update (fixture->network, (x + layout->places[0].x) / 2,
                                (y + layout->places[0].y) / 2);
  our_network_view_drag_update (fixture->network, x, y);
  our_network_view_drag_end (fixture->network, x, y);
  g_assert_cmpint (our_member_get_ring (members[0]), ==, OUR_RING_FURTHER);
  wait_settled ();

  for (guint i = 1; i < G_N_ELEMENTS (members); i++)
    {
      graphene_rect_t after;

      g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, members[i]),
                                                GTK_WIDGET (fixture->network), &after));
      g_assert_true (graphene_rect_equal (&before[i], &after));
    }
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  OurMember *mum = add_member (fixture, "Mum", OUR_RING_CLOSE, 45, 0);
  const OurNetworkLayout *layout;
  GtkWidget *widget = widget_for (fixture, mum);

  g_object_set (fixture->view, "read-only", TRUE, NULL);
  wait_frames ();
  layout = our_network_view_get_layout (fixture->network);

  gtk_widget_activate_action (widget, "member.ring-in", NULL);
  gtk_widget_activate_action (widget, "member.turn-right", NULL);
  gtk_widget_activate_action (widget, "member.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "people.add", "s", "person");
  g_assert_false (our_network_view_drag_begin (fixture->network,
                                               layout->places[0].x, layout->places[0].y));
  g_assert_false (our_network_view_add_member (fixture->network, OUR_MEMBER_KIND_PET));
  our_network_view_delete_member (fixture->network, mum);
  g_assert_cmpuint (our_plan_get_n_members (fixture->plan), ==, 1);
  g_assert_cmpint (our_member_get_ring (mum), ==, OUR_RING_CLOSE);
  g_assert_cmpfloat_with_epsilon (our_member_get_angle (mum), 45, 0.001);

  /* Reading still works: the keyboard reaches the member, and the editor
   * shows it without letting it change. */
  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_true (gtk_widget_activate_action (widget, "member.edit", NULL));
  {
    GtkWidget *editor = our_network_view_get_editor (fixture->network);
    GtkWidget *check = test_find_nth (editor, GTK_TYPE_CHECK_BUTTON, 0);

    g_assert_true (gtk_widget_get_visible (editor));
    g_assert_false (gtk_widget_is_sensitive (check));
    g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (editor_name_entry (fixture))));
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/people/one-widget-per-member", test_one_widget_per_member);
  ADD ("/people/accessible-names", test_accessible_names);
  ADD ("/people/keyboard", test_keyboard_actions);
  ADD ("/people/tab-order", test_tab_order);
  ADD ("/people/delete-asks", test_delete_asks_about_steps);
  ADD ("/people/add", test_add);
  ADD ("/people/list", test_list);
  ADD ("/people/summary", test_summary);
  ADD ("/people/drag", test_drag);
  ADD ("/people/read-only", test_read_only);
  ADD ("/people/symbol", test_symbol);
  ADD ("/people/drop-keeps-others", test_drop_keeps_others);
#undef ADD

  return g_test_run ();
}
