/* test-safety.c: the Staying well tab, safety notes, crisis contacts, who can see the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>
#include <string.h>

#include "our-choice-button.h"
#include "our-command.h"
#include "our-date-button.h"
#include "our-history.h"
#include "our-plan-view.h"
#include "our-safety-view.h"
#include "our-sharing-view.h"
#include "our-text-field.h"
#include "test-session.h"

/* Helpers */

typedef struct
{
  OurPlan       *plan;
  GtkWidget     *window;
  GtkWidget     *overlay;
  OurPlanView   *plan_view;
  OurSafetyView *view;
} Fixture;

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

/* The tab as it is used: inside a plan view, the person writing. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->plan = our_plan_new ();
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 900);
  fixture->overlay = adw_toast_overlay_new ();
  fixture->plan_view = OUR_PLAN_VIEW (our_plan_view_new ());
  our_plan_view_set_session (fixture->plan_view, test_session_for (fixture->plan));
  our_session_set_author (test_session_for (fixture->plan), OUR_AUTHOR_PERSON);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay),
                               GTK_WIDGET (fixture->plan_view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  adw_view_stack_set_visible_child_name (our_plan_view_get_stack (fixture->plan_view), "safety");
  gtk_window_present (GTK_WINDOW (fixture->window));
  test_wait_mapped (fixture->window);
  fixture->view = OUR_SAFETY_VIEW (test_find_nth (GTK_WIDGET (fixture->plan_view),
                                                  OUR_TYPE_SAFETY_VIEW, 0));
  g_assert_nonnull (fixture->view);
  g_assert_true (our_safety_view_get_plan (fixture->view) == fixture->plan);
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
  our_history_end_edit (test_history_for (fixture->plan));
}

static void
undo (OurPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (our_history_undo (test_history_for (plan), &error));
  g_assert_no_error (error);
  test_drain_events ();
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (message != NULL)
    g_error ("%s: %s", G_OBJECT_TYPE_NAME (widget), message);
}

/* Types @text into the field as a person would, then leaves it. */
static void
type_into (GtkWidget  *field,
           const char *text)
{
  GtkWidget *editor = test_find_nth (field, GTK_TYPE_TEXT_VIEW, 0);

  if (editor != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
  else
    {
      editor = test_find_nth (field, GTK_TYPE_ENTRY, 0);
      g_assert_nonnull (editor);
      gtk_editable_set_text (GTK_EDITABLE (editor), text);
    }
  our_text_field_commit (OUR_TEXT_FIELD (field));
  test_drain_events ();
}

static GtkWidget *
find_named (GtkWidget  *widget,
            GType       type,
            const char *name)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *found = test_find_nth (widget, type, i);

      if (found == NULL || g_strcmp0 (gtk_widget_get_name (found), name) == 0)
        return found;
    }
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button = test_find_nth (widget, GTK_TYPE_BUTTON, i);

      if (button == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (button), tooltip) == 0)
        return button;
    }
}

static gboolean
toast_offers_undo (Fixture *fixture)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button = test_find_nth (fixture->overlay, GTK_TYPE_BUTTON, i);

      if (button == NULL)
        return FALSE;
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "win.undo") == 0)
        return TRUE;
    }
}

static OurSafetyNote *
note_at (Fixture *fixture,
         guint    position)
{
  g_autoptr(OurSafetyNote) note =
    g_list_model_get_item (our_plan_get_safety_notes (fixture->plan), position);
  return note;  /* the plan keeps it */
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static OurMember *
add_member (Fixture    *fixture,
            const char *name,
            gboolean    carer)
{
  g_autoptr(OurMember) member = our_member_new (NULL);

  our_member_set_text (member, OUR_MEMBER_TEXT_NAME, name, OUR_AUTHOR_PERSON);
  our_member_set_is_carer (member, carer);
  run (fixture, our_command_new_add_member (member, -1));
  return our_plan_find_member (fixture->plan, our_member_get_id (member), NULL);
}

/* The person's own words */

static void
test_well_text (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *early = find_named (GTK_WIDGET (fixture->view), OUR_TYPE_TEXT_FIELD, "early_signs");
  OurHistory *history = test_history_for (fixture->plan);

  g_assert_nonnull (early);
  g_assert_cmpstr (our_text_field_get_text (OUR_TEXT_FIELD (early)), ==, "");

  type_into (early, "I stop answering the phone");
  g_assert_cmpstr (our_plan_get_well_text (fixture->plan, OUR_WELL_FIELD_EARLY_SIGNS), ==,
                   "I stop answering the phone");
  /* In the person's own words: they were the one writing. */
  g_assert_cmpint (our_plan_get_well_author (fixture->plan, OUR_WELL_FIELD_EARLY_SIGNS), ==,
                   OUR_AUTHOR_PERSON);
  g_assert_true (our_history_get_can_undo (history));

  undo (fixture->plan);
  g_assert_cmpstr (our_plan_get_well_text (fixture->plan, OUR_WELL_FIELD_EARLY_SIGNS), ==, "");
  g_assert_cmpstr (our_text_field_get_text (OUR_TEXT_FIELD (early)), ==, "");

  /* A change from elsewhere (redo) shows in the field. */
  g_assert_true (our_history_redo (history, NULL));
  test_drain_events ();
  g_assert_cmpstr (our_text_field_get_text (OUR_TEXT_FIELD (early)), ==,
                   "I stop answering the phone");

  /* The coordinator writing: marked as theirs. */
  our_session_set_author (test_session_for (fixture->plan), OUR_AUTHOR_COORDINATOR);
  type_into (find_named (GTK_WIDGET (fixture->view), OUR_TYPE_TEXT_FIELD, "others_do"),
             "Ring Rhys if Gwen has not answered for two days");
  g_assert_cmpint (our_plan_get_well_author (fixture->plan, OUR_WELL_FIELD_OTHERS_DO), ==,
                   OUR_AUTHOR_COORDINATOR);
}

/* The team's safety notes */

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *date_today = today ();
  g_autofree char *id = NULL;
  OurSafetyNote *note;
  GtkWidget *card, *focus, *text, *team_switch, *talked, *date_button, *remove;

  /* Nothing yet: a sentence says so. */
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_safety_notes (fixture->plan)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "safety.add-note", "i",
                                             OUR_SAFETY_NOTE_POSITIVE_RISK));
  test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_safety_notes (fixture->plan)), ==, 1);
  note = note_at (fixture, 0);
  id = g_strdup (our_safety_note_get_id (note));
  g_assert_cmpint (our_safety_note_get_kind (note), ==, OUR_SAFETY_NOTE_POSITIVE_RISK);
  g_assert_cmpstr (our_safety_note_get_written_on (note), ==, date_today);
  g_assert_false (our_safety_note_get_team_only (note));

  card = our_safety_view_get_card (fixture->view, id);
  g_assert_nonnull (card);
  assert_label (card, "A risk we agreed I will take, and why");
  text = find_named (card, OUR_TYPE_TEXT_FIELD, "note-text");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, text));

  type_into (text, "Gwen goes on the choir trip without extra check-ins");
  g_assert_cmpstr (our_safety_note_get_text (note), ==,
                   "Gwen goes on the choir trip without extra check-ins");

  /* Team only: one switch, one undo step, and the card says so. */
  team_switch = test_find_nth (card, GTK_TYPE_SWITCH, 0);
  assert_label (team_switch, "Team only");
  gtk_switch_set_active (GTK_SWITCH (team_switch), TRUE);
  test_drain_events ();
  g_assert_true (our_safety_note_get_team_only (note));
  g_assert_cmpuint (our_plan_count_team_only_notes (fixture->plan), ==, 1);
  g_assert_true (gtk_widget_has_css_class (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (card)),
                                           "team-only"));
  undo (fixture->plan);
  g_assert_false (our_safety_note_get_team_only (note));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (team_switch)));
  g_assert_cmpstr (our_safety_note_get_text (note), ==,
                   "Gwen goes on the choir trip without extra check-ins");
  gtk_switch_set_active (GTK_SWITCH (team_switch), TRUE);
  test_drain_events ();
  g_assert_true (our_safety_note_get_team_only (note));

  /* Talked about together: today, until another date is chosen. */
  talked = test_find_nth (card, GTK_TYPE_CHECK_BUTTON, 0);
  date_button = test_find_nth (card, OUR_TYPE_DATE_BUTTON, 0);
  g_assert_false (gtk_widget_get_visible (date_button));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (talked), TRUE);
  test_drain_events ();
  g_assert_true (our_safety_note_get_talked_together (note));
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, date_today);
  g_assert_true (gtk_widget_get_visible (date_button));
  g_signal_emit_by_name (date_button, "date-chosen", "2027-03-12");
  test_drain_events ();
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, "2027-03-12");
  g_assert_cmpstr (our_date_button_get_date (OUR_DATE_BUTTON (date_button)), ==, "2027-03-12");
  undo (fixture->plan);
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, date_today);

  /* Newest first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "safety.add-note", "i",
                                             OUR_SAFETY_NOTE_CONCERN));
  test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_safety_notes (fixture->plan)), ==, 2);
  g_assert_cmpstr (our_safety_note_get_id (note_at (fixture, 1)), ==, id);
  g_assert_cmpint (our_safety_note_get_kind (note_at (fixture, 0)), ==, OUR_SAFETY_NOTE_CONCERN);

  /* Delete, with a toast that offers Undo; undo brings back every mark. */
  remove = find_button_with_tooltip (card, "Delete this safety note");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  test_drain_events ();
  g_assert_null (our_plan_find_safety_note (fixture->plan, id, NULL));
  g_assert_null (our_safety_view_get_card (fixture->view, id));
  g_assert_true (toast_offers_undo (fixture));

  undo (fixture->plan);
  note = our_plan_find_safety_note (fixture->plan, id, NULL);
  g_assert_nonnull (note);
  g_assert_true (our_safety_note_get_team_only (note));
  g_assert_cmpstr (our_safety_note_get_talked_on (note), ==, date_today);
  card = our_safety_view_get_card (fixture->view, id);
  g_assert_nonnull (card);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (test_find_nth (card, GTK_TYPE_SWITCH, 0))));

  /* Changing the kind changes what the words are asked for. */
  g_assert_true (gtk_widget_activate_action (test_find_nth (card, OUR_TYPE_CHOICE_BUTTON, 0),
                                             "choice.selected", "u",
                                             (guint32) OUR_SAFETY_NOTE_AGREED_ACTION));
  test_drain_events ();
  g_assert_cmpint (our_safety_note_get_kind (note), ==, OUR_SAFETY_NOTE_AGREED_ACTION);
  assert_label (card, "What we agreed to do");

  /* Words still waiting for their pause survive a click on the same card:
   * both the words and the click are kept. */
  text = find_named (card, OUR_TYPE_TEXT_FIELD, "note-text");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (test_find_nth (
                              text, GTK_TYPE_TEXT_VIEW, 0))), "Rhys has a key", -1);
  team_switch = test_find_nth (card, GTK_TYPE_SWITCH, 0);
  gtk_switch_set_active (GTK_SWITCH (team_switch), FALSE);
  test_drain_events ();
  g_assert_cmpstr (our_safety_note_get_text (note), ==, "Rhys has a key");
  g_assert_false (our_safety_note_get_team_only (note));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (team_switch)));
  g_assert_cmpstr (our_text_field_get_text (OUR_TEXT_FIELD (text)), ==, "Rhys has a key");
}

/* Crisis contacts */

static void
test_contacts (Fixture       *fixture,
               gconstpointer  data)
{
  OurMember *rhys = add_member (fixture, "Rhys", FALSE);
  GListModel *contacts = our_plan_get_crisis_contacts (fixture->plan);
  g_autoptr(OurCrisisContact) first = NULL;
  g_autoptr(OurCrisisContact) second = NULL;
  g_autofree char *second_id = NULL;
  GtkWidget *card, *name_field;

  /* Someone from My people: their name follows a rename. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "safety.add-contact",
                                             "s", our_member_get_id (rhys)));
  test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  first = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (our_crisis_contact_get_member_id (first), ==, our_member_get_id (rhys));
  card = our_safety_view_get_card (fixture->view, our_crisis_contact_get_id (first));
  g_assert_nonnull (card);
  assert_label (card, "Rhys");
  g_assert_false (gtk_widget_get_visible (find_named (card, OUR_TYPE_TEXT_FIELD, "contact-name")));
  type_into (find_named (card, OUR_TYPE_TEXT_FIELD, "contact-phone"), "07700 900123");
  g_assert_cmpstr (our_crisis_contact_get_phone (first), ==, "07700 900123");

  run (fixture, our_command_new_set_member_text (our_member_get_id (rhys), OUR_MEMBER_TEXT_NAME,
                                                 "Rhys Jones", OUR_AUTHOR_PERSON));
  test_drain_events ();
  assert_label (card, "Rhys Jones");

  /* Someone else: a name typed in, the keyboard ready for it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "safety.add-contact",
                                             "s", ""));
  test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  second = g_list_model_get_item (contacts, 1);
  second_id = g_strdup (our_crisis_contact_get_id (second));
  card = our_safety_view_get_card (fixture->view, second_id);
  name_field = find_named (card, OUR_TYPE_TEXT_FIELD, "contact-name");
  g_assert_true (gtk_widget_get_visible (name_field));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         name_field));
  type_into (name_field, "Crisis team");
  type_into (find_named (card, OUR_TYPE_TEXT_FIELD, "contact-when"), "At night");
  g_assert_cmpstr (our_crisis_contact_get_name (second), ==, "Crisis team");
  g_assert_cmpstr (our_crisis_contact_get_when (second), ==, "At night");
  g_assert_cmpint (our_crisis_contact_get_author (second), ==, OUR_AUTHOR_PERSON);
  assert_label (card, "Crisis team");

  /* Typing in two fields is two undo steps. */
  undo (fixture->plan);
  g_assert_cmpstr (our_crisis_contact_get_when (second), ==, "");
  g_assert_cmpstr (our_crisis_contact_get_name (second), ==, "Crisis team");
  g_assert_true (our_history_redo (test_history_for (fixture->plan), NULL));

  /* The same contact can be picked from My people instead, and back. */
  {
    GtkWidget *picker = test_find_nth (card, GTK_TYPE_MENU_BUTTON, 0);
    GtkWidget *popover, *choice = NULL;

    assert_label (picker, "Choose someone from My people");
    gtk_menu_button_popup (GTK_MENU_BUTTON (picker));
    test_drain_events ();
    popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (picker)));
    for (guint i = 0; choice == NULL; i++)
      {
        GtkWidget *button = test_find_nth (popover, GTK_TYPE_BUTTON, i);

        g_assert_nonnull (button);
        if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "Rhys Jones") == 0)
          choice = button;
      }
    g_signal_emit_by_name (choice, "clicked");
    test_drain_events ();
    g_assert_cmpstr (our_crisis_contact_get_member_id (second), ==, our_member_get_id (rhys));
    g_assert_cmpstr (our_crisis_contact_get_name (second), ==, "Rhys Jones");
    g_assert_false (gtk_widget_get_visible (name_field));
    assert_label (card, "Rhys Jones");
    undo (fixture->plan);
    g_assert_cmpstr (our_crisis_contact_get_member_id (second), ==, "");
    g_assert_cmpstr (our_crisis_contact_get_name (second), ==, "Crisis team");
    g_assert_true (gtk_widget_get_visible (name_field));
  }

  /* Remove, and take it back. */
  g_signal_emit_by_name (find_button_with_tooltip (card, "Remove Crisis team"), "clicked");
  test_drain_events ();
  g_assert_null (our_plan_find_crisis_contact (fixture->plan, second_id, NULL));
  g_assert_true (toast_offers_undo (fixture));
  undo (fixture->plan);
  g_assert_nonnull (our_plan_find_crisis_contact (fixture->plan, second_id, NULL));
  g_assert_nonnull (our_safety_view_get_card (fixture->view, second_id));
}

/* Read-only: nothing can be added, changed or removed. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *card, *text;
  gboolean editable;
  g_autofree char *id = NULL;
  g_autoptr(OurSession) read_only = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "safety.add-note", "i",
                                             OUR_SAFETY_NOTE_CONCERN));
  test_drain_events ();
  id = g_strdup (our_safety_note_get_id (note_at (fixture, 0)));
  card = our_safety_view_get_card (fixture->view, id);

  /* The same plan in a session that may not change it (a carer's copy). */
  read_only = our_session_new_read_only (fixture->plan, "This is a carer’s copy.");
  our_plan_view_set_session (fixture->plan_view, read_only);
  test_drain_events ();
  card = our_safety_view_get_card (fixture->view, id);
  g_assert_false (gtk_widget_is_sensitive (test_find_nth (card, GTK_TYPE_SWITCH, 0)));
  g_assert_false (gtk_widget_is_sensitive (test_find_nth (card, OUR_TYPE_CHOICE_BUTTON, 0)));
  g_assert_false (gtk_widget_get_visible (find_button_with_tooltip (card,
                                                                   "Delete this safety note")));
  text = find_named (GTK_WIDGET (fixture->view), OUR_TYPE_TEXT_FIELD, "early_signs");
  g_object_get (text, "editable", &editable, NULL);
  g_assert_false (editable);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "safety.add-note", "i", 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "safety.add-contact", "s", "");
  test_drain_events ();
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_safety_notes (fixture->plan)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_crisis_contacts (fixture->plan)), ==, 0);

  our_plan_view_set_session (fixture->plan_view, test_session_for (fixture->plan));
  test_drain_events ();
  card = our_safety_view_get_card (fixture->view, id);
  g_assert_true (gtk_widget_is_sensitive (test_find_nth (card, GTK_TYPE_SWITCH, 0)));
}

/* Accessible names on every control */

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  /* A button named by the words it shows. */
  for (guint i = 0;; i++)
    {
      GtkWidget *label = test_find_nth (widget, GTK_TYPE_LABEL, i);

      if (label == NULL)
        return FALSE;
      if (*gtk_label_get_label (GTK_LABEL (label)) != '\0')
        return TRUE;
    }
}

static void
check_names (GtkWidget *widget,
             guint     *n_checked)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_DROP_DOWN (child) || GTK_IS_MENU_BUTTON (child) || GTK_IS_ENTRY (child) ||
          GTK_IS_TEXT_VIEW (child) || GTK_IS_SWITCH (child) || GTK_IS_CHECK_BUTTON (child))
        {
          if (!has_name (child))
            g_error ("%s (%s) has no accessible name", G_OBJECT_TYPE_NAME (child),
                     gtk_widget_get_name (child));
          (*n_checked)++;
          continue;
        }
      if (GTK_IS_BUTTON (child))
        {
          if (!has_name (child))
            g_error ("button %s has no accessible name",
                     gtk_widget_get_tooltip_text (child) ?: "(no tooltip)");
          (*n_checked)++;
        }
      if (GTK_IS_CALENDAR (child))
        continue;
      check_names (child, n_checked);
    }
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  OurMember *sam = add_member (fixture, "Sam", TRUE);
  GtkWidget *sharing;
  guint n_checked = 0;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "safety.add-note", "i", 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "safety.add-contact", "s", "");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "safety.add-contact", "s",
                              our_member_get_id (sam));
  test_drain_events ();

  check_names (GTK_WIDGET (fixture->view), &n_checked);
  /* 3 texts, 2 add buttons; per contact 3 fields, a picker and remove (one name
   * hidden but named); the note's kind, text, check, date, switch, delete. */
  g_assert_cmpuint (n_checked, >=, 20);

  sharing = our_sharing_view_new (GTK_WINDOW (fixture->window), test_session_for (fixture->plan));
  gtk_window_present (GTK_WINDOW (sharing));
  test_drain_events ();
  n_checked = 0;
  check_names (sharing, &n_checked);
  g_assert_cmpuint (n_checked, >=, OUR_N_SECTIONS);
  assert_label (GTK_WIDGET (our_sharing_view_get_switch (OUR_SHARING_VIEW (sharing),
                                                         our_member_get_id (sam),
                                                         OUR_SECTION_GOALS)),
                "Share My goals with Sam");
  gtk_window_destroy (GTK_WINDOW (sharing));
}

/* Who can see my plan */

static void
test_consent (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *date_today = today ();
  OurMember *sam, *nia;
  GtkWidget *sharing;
  GtkSwitch *goals_switch;
  const OurConsent *consent;
  GtkWidget *row;
  g_autoptr(OurSession) read_only = NULL;

  run (fixture, our_command_new_set_me_text (OUR_ME_FIELD_PREFERRED_NAME, "Gwen",
                                             OUR_AUTHOR_PERSON));
  nia = add_member (fixture, "Nia", FALSE);
  {
    g_autoptr(OurSafetyNote) note = our_safety_note_new (NULL, OUR_SAFETY_NOTE_CONCERN);

    our_safety_note_set_text (note, "About the neighbour", OUR_AUTHOR_COORDINATOR);
    our_safety_note_set_team_only (note, TRUE);
    run (fixture, our_command_new_add_safety_note (note, 0));
  }

  /* No carer yet: a sentence says how to mark one. */
  sharing = our_sharing_view_new (GTK_WINDOW (fixture->window), test_session_for (fixture->plan));
  gtk_window_present (GTK_WINDOW (sharing));
  test_drain_events ();
  /* Team-only notes are never shared, and the person is told how many exist. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_named (sharing, GTK_TYPE_LABEL,
                                                                        "team-only"))),
                            "1 safety note marked “Team only”"));
  g_assert_nonnull (find_named (sharing, GTK_TYPE_LABEL, "no-carers"));
  g_assert_null (our_sharing_view_get_switch (OUR_SHARING_VIEW (sharing), our_member_get_id (nia),
                                              OUR_SECTION_GOALS));

  /* Marking a carer in My people gives them a group of switches, all off. */
  sam = add_member (fixture, "Sam", TRUE);
  test_drain_events ();
  g_assert_null (find_named (sharing, GTK_TYPE_LABEL, "no-carers"));
  for (guint i = 0; i < OUR_N_SECTIONS; i++)
    {
      GtkSwitch *share = our_sharing_view_get_switch (OUR_SHARING_VIEW (sharing),
                                                      our_member_get_id (sam), i);
      g_assert_nonnull (share);
      g_assert_false (gtk_switch_get_active (share));
      g_assert_false (our_plan_copy_shows (fixture->plan, OUR_COPY_CARER, our_member_get_id (sam),
                                           i));
    }

  /* Turning a switch on shares that part with Sam, from today, agreed by Gwen. */
  goals_switch = our_sharing_view_get_switch (OUR_SHARING_VIEW (sharing), our_member_get_id (sam),
                                              OUR_SECTION_GOALS);
  gtk_switch_set_active (goals_switch, TRUE);
  test_drain_events ();
  g_assert_true (our_plan_copy_shows (fixture->plan, OUR_COPY_CARER, our_member_get_id (sam),
                                      OUR_SECTION_GOALS));
  g_assert_false (our_plan_copy_shows (fixture->plan, OUR_COPY_CARER, our_member_get_id (sam),
                                       OUR_SECTION_SAFETY_NOTES));
  consent = our_plan_get_consent (fixture->plan, OUR_SECTION_GOALS, our_member_get_id (sam));
  g_assert_nonnull (consent);
  g_assert_cmpstr (consent->since, ==, date_today);
  g_assert_cmpint (consent->agreed_by, ==, OUR_AUTHOR_PERSON);
  row = gtk_widget_get_ancestor (GTK_WIDGET (goals_switch), ADW_TYPE_ACTION_ROW);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Shared since "));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   ", agreed by Gwen"));

  /* Undo takes it back, and the switch follows. */
  undo (fixture->plan);
  g_assert_false (our_plan_copy_shows (fixture->plan, OUR_COPY_CARER, our_member_get_id (sam),
                                       OUR_SECTION_GOALS));
  goals_switch = our_sharing_view_get_switch (OUR_SHARING_VIEW (sharing), our_member_get_id (sam),
                                              OUR_SECTION_GOALS);
  g_assert_false (gtk_switch_get_active (goals_switch));
  row = gtk_widget_get_ancestor (GTK_WIDGET (goals_switch), ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Not shared");

  /* Read-only: the switches cannot be changed. */
  gtk_window_destroy (GTK_WINDOW (sharing));
  read_only = our_session_new_read_only (fixture->plan, NULL);
  sharing = our_sharing_view_new (GTK_WINDOW (fixture->window), read_only);
  gtk_window_present (GTK_WINDOW (sharing));
  goals_switch = our_sharing_view_get_switch (OUR_SHARING_VIEW (sharing), our_member_get_id (sam),
                                              OUR_SECTION_GOALS);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (goals_switch)));
  gtk_window_destroy (GTK_WINDOW (sharing));
}

static void
test_copy_log (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *made_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *day = g_date_time_format (local, "%-d %B");
  g_autofree char *first = g_strdup_printf ("Gwen’s copy printed %s", day);
  g_autofree char *second = g_strdup_printf ("Sam’s copy saved as a plan file %s", day);
  g_autoptr(OurCopyRecord) mine = NULL;
  g_autoptr(OurCopyRecord) sams = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *sharing;
  OurMember *sam;

  run (fixture, our_command_new_set_me_text (OUR_ME_FIELD_PREFERRED_NAME, "Gwen",
                                             OUR_AUTHOR_PERSON));
  sam = add_member (fixture, "Sam", TRUE);
  sharing = our_sharing_view_new (GTK_WINDOW (fixture->window), test_session_for (fixture->plan));
  gtk_window_present (GTK_WINDOW (sharing));
  test_drain_events ();

  lines = our_sharing_view_dup_copy_lines (OUR_SHARING_VIEW (sharing));
  g_assert_cmpuint (g_strv_length (lines), ==, 0);
  g_clear_pointer (&lines, g_strfreev);

  mine = our_copy_record_new (NULL, OUR_COPY_PERSON, OUR_COPY_PRINTED, NULL, NULL, made_at, FALSE);
  run (fixture, our_command_new_log_copy (mine));
  sams = our_copy_record_new (NULL, OUR_COPY_CARER, OUR_COPY_PLAN_FILE, our_member_get_id (sam),
                              "Sam", made_at, FALSE);
  run (fixture, our_command_new_log_copy (sams));
  test_drain_events ();

  /* Newest first. */
  lines = our_sharing_view_dup_copy_lines (OUR_SHARING_VIEW (sharing));
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==, second);
  g_assert_cmpstr (lines[1], ==, first);
  gtk_window_destroy (GTK_WINDOW (sharing));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/safety/well-text", Fixture, NULL, fixture_set_up, test_well_text,
              fixture_tear_down);
  g_test_add ("/safety/notes", Fixture, NULL, fixture_set_up, test_notes, fixture_tear_down);
  g_test_add ("/safety/contacts", Fixture, NULL, fixture_set_up, test_contacts,
              fixture_tear_down);
  g_test_add ("/safety/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  g_test_add ("/safety/accessible", Fixture, NULL, fixture_set_up, test_accessible,
              fixture_tear_down);
  g_test_add ("/safety/consent", Fixture, NULL, fixture_set_up, test_consent, fixture_tear_down);
  g_test_add ("/safety/copy-log", Fixture, NULL, fixture_set_up, test_copy_log,
              fixture_tear_down);

  return g_test_run ();
}
