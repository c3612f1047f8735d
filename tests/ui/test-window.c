/* test-window.c: the real window: open the sample, add a goal, undo, redo, find it in the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "fault-vfs.h"
#include "our-application.h"
#include "our-caseload-view.h"
#include "our-board-view.h"
#include "our-goals-view.h"
#include "our-history.h"
#include "our-me-view.h"
#include "our-people-view.h"
#include "our-plan-view.h"
#include "our-safety-view.h"
#include "our-store.h"
#include "our-window.h"
#include "test-session.h"

/* Reads the goal titles from the file through a connection of its own, as
 * another program would see them. */
static char *
titles_in_file (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *titles = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT title FROM goals ORDER BY position", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (titles, "%s|", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (titles, FALSE);
}

static char *
copy_sample (const char *folder)
{
  g_autofree char *sample = g_build_filename (BUILD_DATADIR, "sample.ourplan", NULL);
  char *copy = g_build_filename (folder, "sample.ourplan", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  return copy;
}

static void
test_add_undo_redo_in_file (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-window-XXXXXX", NULL);
  g_autofree char *path = copy_sample (folder);
  g_autofree char *before = titles_in_file (path);
  g_autofree char *after_add = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *after_redo = NULL;
  OurWindow *window;
  OurStore *store;
  OurPlan *plan;
  GtkWidget *goals_view, *focus;
  guint n_goals;

  window = our_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (our_window_open_path (window, path));
  store = our_window_get_store (window);
  g_assert_false (our_store_get_read_only (store));
  plan = our_store_get_plan (store);
  n_goals = our_plan_get_n_goals (plan);
  g_assert_cmpuint (n_goals, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tab", "s", "goals"));
  test_spin (200);
  goals_view = test_find_nth (GTK_WIDGET (window), OUR_TYPE_GOALS_VIEW, 0);
  g_assert_nonnull (goals_view);

  /* Add a goal as the button does, then type its title where the keyboard is. */
  g_assert_true (gtk_widget_activate_action (goals_view, "goals.add", NULL));
  test_spin (200);
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, n_goals + 1);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), "Learn to swim with Siân 🏊");
  /* Typing is saved after a short pause. */
  test_spin (1000);

  after_add = titles_in_file (path);
  g_assert_nonnull (strstr (after_add, "Learn to swim with Siân 🏊"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  test_spin (100);
  after_undo = titles_in_file (path);
  g_assert_cmpstr (after_undo, ==, before);
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, n_goals);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  test_spin (100);
  after_redo = titles_in_file (path);
  g_assert_cmpstr (after_redo, ==, after_add);

  gtk_window_destroy (GTK_WINDOW (window));
  test_spin (100);

  /* And it is there when the plan is opened again. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(OurStore) again = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
    OurPlan *reopened;
    gboolean found = FALSE;

    g_assert_no_error (error);
    reopened = our_store_get_plan (again);
    for (guint i = 0; i < our_plan_get_n_goals (reopened); i++)
      found |= g_str_equal (our_goal_get_title (our_plan_get_goal (reopened, i)),
                            "Learn to swim with Siân 🏊");
    g_assert_true (found);
  }
}

/* Only the tab on show is built when a plan opens (so its first frame does
 * not wait for the others); a tab is built, with the plan, when first shown. */
static void
test_tabs_built_when_first_shown (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-window-XXXXXX", NULL);
  g_autofree char *path = copy_sample (folder);
  g_autoptr(OurSession) shown_session = NULL;
  OurWindow *window;
  GtkWidget *goals_view;
  OurPlan *plan;

  window = our_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (our_window_open_path (window, path));
  plan = our_store_get_plan (our_window_get_store (window));

  g_assert_nonnull (test_find_nth (GTK_WIDGET (window), OUR_TYPE_ME_VIEW, 0));
  g_assert_null (test_find_nth (GTK_WIDGET (window), OUR_TYPE_GOALS_VIEW, 0));
  g_assert_null (test_find_nth (GTK_WIDGET (window), OUR_TYPE_PEOPLE_VIEW, 0));
  g_assert_null (test_find_nth (GTK_WIDGET (window), OUR_TYPE_BOARD_VIEW, 0));
  g_assert_null (test_find_nth (GTK_WIDGET (window), OUR_TYPE_SAFETY_VIEW, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tab", "s", "goals"));
  goals_view = test_find_nth (GTK_WIDGET (window), OUR_TYPE_GOALS_VIEW, 0);
  g_assert_nonnull (goals_view);
  g_object_get (goals_view, "session", &shown_session, NULL);
  g_assert_true (our_session_get_plan (shown_session) == plan);
  g_assert_null (test_find_nth (GTK_WIDGET (window), OUR_TYPE_PEOPLE_VIEW, 0));

  /* Built once: going back and forth keeps the same view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tab", "s", "me"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tab", "s", "goals"));
  g_assert_true (test_find_nth (GTK_WIDGET (window), OUR_TYPE_GOALS_VIEW, 0) == goals_view);
  g_assert_null (test_find_nth (GTK_WIDGET (window), OUR_TYPE_GOALS_VIEW, 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The caseload is built when it is shown: not for a window opened on a plan,
 * but as soon as that plan is closed (and at once in a window without one). */
static void
test_caseload_built_when_shown (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-window-XXXXXX", NULL);
  g_autofree char *path = copy_sample (folder);
  OurWindow *window;

  window = our_window_new (NULL, NULL);
  g_assert_true (our_window_open_path (window, path));
  gtk_window_present (GTK_WINDOW (window));
  test_wait_mapped (GTK_WIDGET (window));
  g_assert_null (test_find_nth (GTK_WIDGET (window), OUR_TYPE_CASELOAD_VIEW, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-caseload", NULL));
  g_assert_nonnull (test_find_nth (GTK_WIDGET (window), OUR_TYPE_CASELOAD_VIEW, 0));
  gtk_window_destroy (GTK_WINDOW (window));

  window = our_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_mapped (GTK_WIDGET (window));
  g_assert_nonnull (test_find_nth (GTK_WIDGET (window), OUR_TYPE_CASELOAD_VIEW, 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* GTK 4.8's shortcuts window measures one of its labels as -3 pixels wide
 * and warns about it: only that warning is let through as not fatal. */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "GtkLabel") != NULL &&
        strstr (fields[i].value, "reported min width -") != NULL &&
        strstr (fields[i].value, "sizes must be >= 0") != NULL)
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* The keyboard shortcuts window is made when first asked for, then kept. */
static void
test_shortcuts_built_when_asked (void)
{
  OurWindow *window = our_window_new (NULL, NULL);
  GtkShortcutsWindow *overlay;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  gtk_window_close (GTK_WINDOW (overlay));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The toggle button below @widget that sets "session.author" to @who. */
static GtkWidget *
find_author_toggle (GtkWidget  *widget,
                    const char *who)
{
  for (guint i = 0; ; i++)
    {
      GtkWidget *toggle = test_find_nth (widget, GTK_TYPE_TOGGLE_BUTTON, i);
      GVariant *target;

      if (toggle == NULL)
        return NULL;
      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (toggle));
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (toggle)), "session.author") == 0
          && target != NULL && g_str_equal (g_variant_get_string (target, NULL), who))
        return toggle;
    }
}

/* The "Writing:" toggles in the header are the session's "author" action:
 * pressing one changes who is writing, and the session's choice shows. */
static void
test_writing_toggles_follow_session (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-window-XXXXXX", NULL);
  g_autofree char *path = copy_sample (folder);
  OurWindow *window;
  OurSession *session;
  GtkWidget *plan_view, *person, *coordinator;

  window = our_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (our_window_open_path (window, path));
  test_wait_mapped (GTK_WIDGET (window));
  session = our_store_get_session (our_window_get_store (window));
  plan_view = test_find_nth (GTK_WIDGET (window), OUR_TYPE_PLAN_VIEW, 0);
  person = find_author_toggle (plan_view, "person");
  coordinator = find_author_toggle (plan_view, "coordinator");
  g_assert_nonnull (person);
  g_assert_nonnull (coordinator);

  /* A plan opens with the person writing. */
  g_assert_cmpint (our_session_get_author (session), ==, OUR_AUTHOR_PERSON);
  g_assert_true (gtk_widget_is_sensitive (person));
  g_assert_true (gtk_widget_is_sensitive (coordinator));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (person)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (coordinator)));

  g_signal_emit_by_name (coordinator, "clicked");
  test_drain_events ();
  g_assert_cmpint (our_session_get_author (session), ==, OUR_AUTHOR_COORDINATOR);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (coordinator)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (person)));

  our_session_set_author (session, OUR_AUTHOR_PERSON);
  test_drain_events ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (person)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_file_shows_sentence (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "notes.ourplan", NULL);
  OurWindow *window;

  g_assert_true (g_file_set_contents (path, "Shopping list: milk, bara brith\n", -1, NULL));
  window = our_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (our_window_open_path (window, path));
  g_assert_null (our_window_get_store (window));
  g_assert_null (our_window_get_path (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_read_only_plan (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-window-XXXXXX", NULL);
  g_autofree char *path = copy_sample (folder);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  OurWindow *window;
  GtkWidget *plan_view, *focus;
  OurPlan *plan;
  guint n_goals;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = titles_in_file (path);

  window = our_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (our_window_open_path (window, path));
  g_assert_true (our_store_get_read_only (our_window_get_store (window)));
  plan = our_store_get_plan (our_window_get_store (window));
  n_goals = our_plan_get_n_goals (plan);

  /* The window says so, and nothing can be changed from it. */
  plan_view = test_find_nth (GTK_WIDGET (window), OUR_TYPE_PLAN_VIEW, 0);
  g_assert_true (our_session_get_read_only (our_plan_view_get_session (OUR_PLAN_VIEW (plan_view))));
  /* Nobody is writing in a plan that cannot change. */
  g_assert_false (gtk_widget_is_sensitive (find_author_toggle (plan_view, "person")));
  g_assert_false (gtk_widget_is_sensitive (find_author_toggle (plan_view, "coordinator")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tab", "s", "goals");
  test_spin (200);
  gtk_widget_activate_action (test_find_nth (GTK_WIDGET (window), OUR_TYPE_GOALS_VIEW, 0),
                              "goals.add", NULL);
  test_spin (200);
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, n_goals);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tab", "s", "me");
  test_spin (200);
  focus = test_find_nth (plan_view, GTK_TYPE_ENTRY, 0);
  g_assert_nonnull (focus);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (focus)));

  gtk_window_destroy (GTK_WINDOW (window));
  test_spin (100);
  after = titles_in_file (path);
  g_assert_cmpstr (after, ==, before);
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The plan's file is moved away while it is open: the next change is kept in
 * the window, and the person is told and offered to save a copy. */
static void
test_file_moved_while_open (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-window-XXXXXX", NULL);
  g_autofree char *path = copy_sample (folder);
  g_autofree char *moved = g_build_filename (folder, "moved.ourplan", NULL);
  g_autofree char *copy = g_build_filename (folder, "saved copy.ourplan", NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  OurWindow *window;
  OurStore *store;
  OurPlan *plan;

  window = our_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (our_window_open_path (window, path));
  store = our_window_get_store (window);
  plan = our_store_get_plan (store);

  g_assert_cmpint (g_rename (path, moved), ==, 0);
  our_history_run (our_session_get_history (our_store_get_session (store)),
                   our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT, "Making bara brith",
                                                OUR_AUTHOR_PERSON), &error);
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
  test_spin (100);

  g_assert_true (our_store_get_saving_stopped (store));
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "Making bara brith");
  dialog = find_message_dialog ("This Plan Is Not Being Saved");
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_error (&error);

  /* What "Save a Copy" writes holds the change. */
  g_assert_true (our_store_write_plan (plan, copy, &error));
  g_assert_no_error (error);
  g_assert_true (our_window_open_path (window, copy));
  g_assert_cmpstr (our_plan_get_me_text (our_store_get_plan (our_window_get_store (window)),
                                         OUR_ME_FIELD_GOOD_AT), ==, "Making bara brith");
  gtk_window_destroy (GTK_WINDOW (window));
  test_spin (100);
}

/* The disk fills up in the middle of a meeting: the change stays on the
 * screen, the person is told in a sentence and offered "Save a Copy
 * Elsewhere…", later changes stay too, and the file is left whole, as it
 * was before the disk filled. */
static void
test_disk_full_mid_meeting (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-window-XXXXXX", NULL);
  g_autofree char *path = copy_sample (folder);
  g_autofree char *copy = g_build_filename (folder, "saved elsewhere.ourplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) reopened = NULL;
  AdwMessageDialog *dialog = NULL;
  gint64 deadline;
  OurWindow *window;
  OurStore *store;
  OurPlan *plan;

  window = our_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (our_window_open_path (window, path));
  store = our_window_get_store (window);
  plan = our_store_get_plan (store);

  fault_vfs_arm (FAULT_DISK_FULL, "sample");
  g_assert_false (our_history_run (our_session_get_history (our_store_get_session (store)),
                                   our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT,
                                                                "Making bara brith",
                                                                OUR_AUTHOR_PERSON), &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
  g_clear_error (&error);
  g_assert_true (our_store_get_saving_stopped (store));
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "Making bara brith");

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline
         && ((dialog = find_message_dialog ("This Plan Is Not Being Saved")) == NULL
             || !gtk_widget_get_mapped (GTK_WIDGET (dialog))))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "The disk is full, so this change is only in this window. "
                   "Save a copy somewhere else to keep it.");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "save"), ==,
                   "_Save a Copy Elsewhere…");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Space comes back, but later changes still stay in the window only. */
  fault_vfs_arm (FAULT_NONE, NULL);
  g_assert_false (our_history_run (our_session_get_history (our_store_get_session (store)),
                                   our_command_new_set_me_text (OUR_ME_FIELD_GOOD_DAY, "Sunny",
                                                                OUR_AUTHOR_PERSON), &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
  g_clear_error (&error);

  /* What "Save a Copy Elsewhere…" writes holds both changes, and the
   * window goes on with the copy. */
  g_assert_true (our_store_write_plan (plan, copy, &error));
  g_assert_no_error (error);
  g_assert_true (our_window_open_path (window, copy));
  plan = our_store_get_plan (our_window_get_store (window));
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "Making bara brith");
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_DAY), ==, "Sunny");
  gtk_window_destroy (GTK_WINDOW (window));
  test_drain_events ();

  /* The original is whole and as it was. */
  reopened = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_plan_get_me_text (our_store_get_plan (reopened), OUR_ME_FIELD_GOOD_AT), !=,
                   "Making bara brith");
}

/* A file beside the plan that is not its own is set aside, and the person
 * is told in a message over the window when the plan opens. */
static void
test_foreign_side_file_noticed (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-window-XXXXXX", NULL);
  g_autofree char *path = copy_sample (folder);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  AdwMessageDialog *dialog = NULL;
  gint64 deadline;
  OurWindow *window;

  g_assert_true (g_file_set_contents (journal, "left here by another program", -1, NULL));

  /* As at start-up: the plan opens before the window is shown. */
  window = our_window_new (NULL, NULL);
  g_assert_true (our_window_open_path (window, path));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  gtk_window_present (GTK_WINDOW (window));
  test_wait_mapped (GTK_WIDGET (window));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline
         && ((dialog = find_message_dialog ("Please Note")) == NULL
             || !gtk_widget_get_mapped (GTK_WIDGET (dialog))))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "did not belong to it"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  test_drain_events ();
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fault_vfs_install ();

  g_test_add_func ("/window/add-undo-redo-in-file", test_add_undo_redo_in_file);
  g_test_add_func ("/window/tabs-built-when-first-shown", test_tabs_built_when_first_shown);
  g_test_add_func ("/window/caseload-built-when-shown", test_caseload_built_when_shown);
  g_test_add_func ("/window/shortcuts-built-when-asked", test_shortcuts_built_when_asked);
  g_test_add_func ("/window/writing-toggles", test_writing_toggles_follow_session);
  g_test_add_func ("/window/bad-file", test_bad_file_shows_sentence);
  g_test_add_func ("/window/read-only", test_read_only_plan);
  g_test_add_func ("/window/file-moved-while-open", test_file_moved_while_open);
  g_test_add_func ("/window/disk-full-mid-meeting", test_disk_full_mid_meeting);
  g_test_add_func ("/window/foreign-side-file-noticed", test_foreign_side_file_noticed);

  return g_test_run ();
}
