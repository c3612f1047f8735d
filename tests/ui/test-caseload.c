/* test-caseload.c: the start screen lists the plans folder, overdue first, and searches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "our-caseload-row.h"
#include "our-caseload-view.h"
#include "our-plan.h"
#include "our-store.h"

/* Enough main-loop turns for a scan and the view's 300 ms pause after a
 * change, with plenty to spare on a slow machine. */
#define MAX_WAIT_TURNS 1000

static char *plans_folder;
static char *other_folder;
static char *open_path_asked;

static char *
iso_date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* The date the way the list writes it, e.g. "3 March 2027". */
static char *
shown_date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%-d %B %Y");
}

static char *
make_plan (const char *folder,
           const char *file_name,
           const char *name,
           int         review_in_days,
           gboolean    has_review)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, file_name, NULL);

  if (name != NULL)
    our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, name, OUR_AUTHOR_PERSON);
  if (has_review)
    {
      g_autofree char *date = iso_date_from_today (review_in_days);
      our_plan_set_me_text (plan, OUR_ME_FIELD_REVIEW_DATE, date, OUR_AUTHOR_COORDINATOR);
    }
  store = our_store_create (path, plan, &error);
  g_assert_no_error (error);
  our_store_close (store);
  return path;
}

static void
write_file (const char *folder,
            const char *file_name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (folder, file_name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_shown_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (OUR_IS_CASELOAD_ROW (child))
        {
          if (our_caseload_row_get_entry (OUR_CASELOAD_ROW (child)) != NULL
              && gtk_widget_get_child_visible (gtk_widget_get_parent (child))
              && gtk_widget_get_visible (gtk_widget_get_parent (child)))
            g_ptr_array_add (rows, child);
        }
      else
        collect_shown_rows (child, rows);
    }
}

static GPtrArray *
get_rows (GtkWidget  *view,
          const char *list_name,
          gboolean    only_shown)
{
  GtkWidget *list = find_named (view, list_name);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list);
  if (GTK_IS_LIST_VIEW (list))
    {
      /* A recycling list: its rows are the ones on screen, in order. */
      collect_shown_rows (list, rows);
      return rows;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && (!only_shown || gtk_widget_get_child_visible (child)))
      g_ptr_array_add (rows, child);
  return rows;
}

static guint
count_rows (GtkWidget  *view,
            const char *list_name,
            gboolean    only_shown)
{
  g_autoptr(GPtrArray) rows = get_rows (view, list_name, only_shown);
  return rows->len;
}

static const char *
row_text (GtkWidget  *row,
          const char *label_name)
{
  GtkWidget *label = find_named (row, label_name);

  /* A row shown again for another plan keeps its labels, hidden. */
  return label != NULL && gtk_widget_is_visible (label) ? gtk_label_get_text (GTK_LABEL (label))
                                                        : NULL;
}

static gboolean
stack_shows (GtkWidget  *view,
             const char *page)
{
  GtkWidget *stack = find_named (view, "caseload-stack");
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), page) == 0;
}

typedef gboolean (*Condition) (GtkWidget *view, gconstpointer data);

static gboolean
wait_for (GtkWidget     *view,
          Condition      condition,
          gconstpointer  data)
{
  for (guint turn = 0; turn < MAX_WAIT_TURNS; turn++)
    {
      if (condition (view, data))
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  return condition (view, data);
}

static gboolean
folder_has_rows (GtkWidget     *view,
                 gconstpointer  data)
{
  return count_rows (view, "caseload-folder-list", FALSE) == GPOINTER_TO_UINT (data);
}

static gboolean
folder_shows_rows (GtkWidget     *view,
                   gconstpointer  data)
{
  return count_rows (view, "caseload-folder-list", TRUE) == GPOINTER_TO_UINT (data);
}

static gboolean
recent_has_rows (GtkWidget     *view,
                 gconstpointer  data)
{
  return stack_shows (view, "list")
         && count_rows (view, "caseload-recent-list", FALSE) == GPOINTER_TO_UINT (data);
}

static gboolean
shows_page (GtkWidget     *view,
            gconstpointer  data)
{
  return stack_shows (view, data);
}

static void
open_path_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  g_free (open_path_asked);
  open_path_asked = g_variant_dup_string (parameter, NULL);
}

static GtkWidget *
show_view (GtkWindow **window_out)
{
  static const GActionEntry win_actions[] = {
    { "open-path", open_path_cb, "s", NULL, NULL, { 0 } },
    { "new-plan", NULL, NULL, NULL, NULL, { 0 } },
    { "open", NULL, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = our_caseload_view_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), win_actions,
                                   G_N_ELEMENTS (win_actions), NULL);
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  *window_out = GTK_WINDOW (window);
  return view;
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  for (guint turn = 0; turn < 20; turn++)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_order (void)
{
  GtkWindow *window;
  GtkWidget *view = show_view (&window);
  g_autoptr(GPtrArray) rows = NULL;
  const char *expected[] = { "Gwen Morgan", "Ali Hassan", "Bea Evans", "x" };

  g_assert_true (wait_for (view, folder_has_rows, GUINT_TO_POINTER (4)));
  g_assert_true (stack_shows (view, "list"));

  /* Overdue first even though "Ali" and "Bea" come first in the alphabet;
   * then by review date; the plan without one and the unreadable file last.
   * Hidden files, backups and other files are not plans. */
  rows = get_rows (view, "caseload-folder-list", FALSE);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (row_text (rows->pdata[i], "plan-name"), ==, expected[i]);

  g_assert_cmpstr (row_text (rows->pdata[0], "plan-mark"), ==, "Review overdue");
  g_assert_null (row_text (rows->pdata[1], "plan-mark"));
  g_assert_cmpstr (row_text (rows->pdata[2], "plan-review"), ==, "No review date agreed");

  close_window (window);
}

static void
test_unreadable (void)
{
  GtkWindow *window;
  GtkWidget *view = show_view (&window);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *bad_path = g_build_filename (plans_folder, "x.ourplan", NULL);
  GtkWidget *bad_row;

  g_assert_true (wait_for (view, folder_has_rows, GUINT_TO_POINTER (4)));
  rows = get_rows (view, "caseload-folder-list", FALSE);
  bad_row = rows->pdata[3];

  /* Listed by its file name, with a plain reason. */
  g_assert_cmpstr (row_text (bad_row, "plan-name"), ==, "x");
  g_assert_true (g_str_has_prefix (row_text (bad_row, "plan-review"),
                                   "This file could not be read: "));
  g_assert_cmpuint (strlen (row_text (bad_row, "plan-review")), >,
                    strlen ("This file could not be read: "));

  /* Choosing it still asks the window to open it, which explains in full. */
  g_clear_pointer (&open_path_asked, g_free);
  g_assert_true (gtk_widget_activate_action (bad_row, "list.activate-item", "u", 3));
  g_assert_cmpstr (open_path_asked, ==, bad_path);

  close_window (window);
}

static void
set_search (GtkWidget  *view,
            const char *text)
{
  GtkWidget *entry = find_named (view, "caseload-search");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
test_search (void)
{
  GtkWindow *window;
  GtkWidget *view = show_view (&window);
  g_autoptr(GPtrArray) shown = NULL;

  g_assert_true (wait_for (view, folder_has_rows, GUINT_TO_POINTER (4)));

  set_search (view, "gwen");
  g_assert_true (wait_for (view, folder_shows_rows, GUINT_TO_POINTER (1)));
  shown = get_rows (view, "caseload-folder-list", TRUE);
  g_assert_cmpstr (row_text (shown->pdata[0], "plan-name"), ==, "Gwen Morgan");
  g_assert_false (gtk_widget_get_visible (find_named (view, "caseload-no-match")));

  /* A part of a surname matches too, whatever the case. */
  set_search (view, "EVAN");
  g_assert_true (wait_for (view, folder_shows_rows, GUINT_TO_POINTER (1)));
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = get_rows (view, "caseload-folder-list", TRUE);
  g_assert_cmpstr (row_text (shown->pdata[0], "plan-name"), ==, "Bea Evans");

  set_search (view, "nobody like this");
  g_assert_true (wait_for (view, folder_shows_rows, GUINT_TO_POINTER (0)));
  g_assert_true (gtk_widget_get_visible (find_named (view, "caseload-no-match")));

  set_search (view, "");
  g_assert_true (wait_for (view, folder_shows_rows, GUINT_TO_POINTER (4)));
  g_assert_false (gtk_widget_get_visible (find_named (view, "caseload-no-match")));

  close_window (window);
}

static void
test_accessible (void)
{
  GtkWindow *window;
  GtkWidget *view = show_view (&window);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *past = shown_date_from_today (-10);
  g_autofree char *future = shown_date_from_today (200);
  g_autofree char *overdue_label = g_strdup_printf ("Gwen Morgan, review overdue since %s", past);
  g_autofree char *overdue_description = g_strdup_printf ("Review overdue. Review was due on %s", past);
  g_autofree char *future_label = g_strdup_printf ("Ali Hassan, review on %s", future);

  g_assert_true (wait_for (view, folder_has_rows, GUINT_TO_POINTER (4)));
  rows = get_rows (view, "caseload-folder-list", FALSE);

  /* A screen reader hears who, and that the review is overdue, in words. */
  gtk_test_accessible_assert_property (rows->pdata[0], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       overdue_label);
  gtk_test_accessible_assert_property (rows->pdata[0], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       overdue_description);
  gtk_test_accessible_assert_property (rows->pdata[1], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       future_label);
  gtk_test_accessible_assert_property (rows->pdata[2], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Bea Evans, no review date agreed");
  gtk_test_accessible_assert_property (rows->pdata[3], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "x, this file could not be read");
  gtk_test_accessible_assert_property (find_named (view, "caseload-search"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Search plans by name");

  close_window (window);
}

static void
test_recent_and_private (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *elsewhere = make_plan (other_folder, "rhys.ourplan", "Rhys Price", 5, TRUE);
  g_autofree char *in_folder = g_build_filename (plans_folder, "gwen.ourplan", NULL);
  g_autofree char *missing = g_build_filename (other_folder, "gone.ourplan", NULL);
  const char *recent[] = { elsewhere, in_folder, missing, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *where = NULL;
  GtkWindow *window;
  GtkWidget *view;

  g_settings_set_strv (settings, "recent-plans", recent);
  view = show_view (&window);

  /* Only the plan outside the folder, once; a deleted one is left out. */
  g_assert_true (wait_for (view, recent_has_rows, GUINT_TO_POINTER (1)));
  g_assert_true (wait_for (view, folder_has_rows, GUINT_TO_POINTER (4)));
  rows = get_rows (view, "caseload-recent-list", FALSE);
  g_assert_cmpstr (row_text (rows->pdata[0], "plan-name"), ==, "Rhys Price");
  g_assert_cmpstr (row_text (rows->pdata[0], "plan-mark"), ==, "Review due soon");
  where = g_strdup_printf ("In %s", other_folder);
  g_assert_cmpstr (row_text (rows->pdata[0], "plan-folder"), ==, where);
  g_assert_true (gtk_widget_get_visible (find_named (view, "caseload-recent-section")));

  g_clear_pointer (&open_path_asked, g_free);
  gtk_widget_activate (rows->pdata[0]);
  g_assert_cmpstr (open_path_asked, ==, elsewhere);

  /* On a shared computer, nothing shows which plans were opened. */
  g_settings_set_boolean (settings, "private-mode", TRUE);
  g_assert_true (wait_for (view, recent_has_rows, GUINT_TO_POINTER (0)));
  g_assert_false (gtk_widget_get_visible (find_named (view, "caseload-recent-section")));
  g_assert_cmpuint (count_rows (view, "caseload-folder-list", FALSE), ==, 4);

  close_window (window);
  g_settings_reset (settings, "private-mode");
  g_settings_reset (settings, "recent-plans");
}

static void
test_folder_change (void)
{
  GtkWindow *window;
  GtkWidget *view = show_view (&window);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (wait_for (view, folder_has_rows, GUINT_TO_POINTER (4)));

  /* A plan saved into the folder by someone else appears without a reload. */
  path = make_plan (plans_folder, "new.ourplan", "Nia Owen", -400, TRUE);
  g_assert_true (wait_for (view, folder_has_rows, GUINT_TO_POINTER (5)));
  rows = get_rows (view, "caseload-folder-list", FALSE);
  g_assert_cmpstr (row_text (rows->pdata[0], "plan-name"), ==, "Nia Owen");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_true (wait_for (view, folder_has_rows, GUINT_TO_POINTER (4)));

  /* A change while a plan covers the list is shown when the list is back. */
  gtk_widget_set_visible (view, FALSE);
  g_free (path);
  path = make_plan (plans_folder, "later.ourplan", "Cai Rees", 100, TRUE);
  for (guint turn = 0; turn < 200; turn++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  gtk_widget_set_visible (view, TRUE);
  g_assert_true (wait_for (view, folder_has_rows, GUINT_TO_POINTER (5)));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_true (wait_for (view, folder_has_rows, GUINT_TO_POINTER (4)));

  close_window (window);
}

static void
test_empty (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *empty_folder = g_build_filename (other_folder, "empty", NULL);
  g_autofree char *chosen = NULL;
  GtkWindow *window;
  GtkWidget *view;

  g_settings_set_string (settings, "plans-folder", empty_folder);
  view = show_view (&window);

  /* The folder is made when missing, and the screen invites a new plan. */
  g_assert_true (wait_for (view, shows_page, "empty"));
  g_assert_true (g_file_test (empty_folder, G_FILE_TEST_IS_DIR));
  chosen = our_caseload_get_plans_folder ();
  g_assert_cmpstr (chosen, ==, empty_folder);

  close_window (window);
  g_settings_set_string (settings, "plans-folder", plans_folder);
  g_rmdir (empty_folder);
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_remove (path);
    }
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *gwen = NULL;
  g_autofree char *ali = NULL;
  g_autofree char *bea = NULL;
  int result;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  plans_folder = g_dir_make_tmp ("ourplan-caseload-XXXXXX", NULL);
  other_folder = g_dir_make_tmp ("ourplan-elsewhere-XXXXXX", NULL);
  g_assert_nonnull (plans_folder);
  g_assert_nonnull (other_folder);

  gwen = make_plan (plans_folder, "gwen.ourplan", "Gwen Morgan", -10, TRUE);
  ali = make_plan (plans_folder, "ali.ourplan", "Ali Hassan", 200, TRUE);
  bea = make_plan (plans_folder, "bea.ourplan", "Bea Evans", 0, FALSE);
  write_file (plans_folder, "x.ourplan", "These are my notes, not a plan.\n");
  write_file (plans_folder, ".hidden.ourplan", "");
  write_file (plans_folder, "gwen.ourplan.before-update-v0.bak", "");
  write_file (plans_folder, "notes.txt", "Ring Gwen on Friday.\n");

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "plans-folder", plans_folder);

  g_test_add_func ("/caseload/order", test_order);
  g_test_add_func ("/caseload/unreadable", test_unreadable);
  g_test_add_func ("/caseload/search", test_search);
  g_test_add_func ("/caseload/accessible", test_accessible);
  g_test_add_func ("/caseload/recent-and-private", test_recent_and_private);
  g_test_add_func ("/caseload/folder-change", test_folder_change);
  g_test_add_func ("/caseload/empty", test_empty);

  result = g_test_run ();

  remove_folder (plans_folder);
  remove_folder (other_folder);
  g_free (plans_folder);
  g_free (other_folder);
  g_free (open_path_asked);
  return result;
}
