/* test-print.c: printing a copy goes through GtkPrintOperation, is named "Care plan" and is logged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "our-history.h"
#include "our-print.h"
#include "test-session.h"

#define PERSON_NAME "Gwenllïan-Marker"
#define GOAL_MARKER "GOAL-MARKER-7391"

/* The text of a PDF, by poppler's pdftotext; NULL when it is not installed. */
static char *
pdf_text (const char *path,
          gboolean    info)
{
  g_autofree char *tool = g_find_program_in_path (info ? "pdfinfo" : "pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (tool == NULL)
    return NULL;
  {
    const char *argv_text[] = { tool, path, "-", NULL };
    const char *argv_info[] = { tool, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) (info ? argv_info : argv_text), NULL,
                                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                                 &status, &error));
  }
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static void
test_print_copy (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurGoal) goal = our_goal_new (NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ourplan-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OurCopyRecord) record = NULL;
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *window;

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, PERSON_NAME, OUR_AUTHOR_PERSON);
  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, GOAL_MARKER, OUR_AUTHOR_PERSON);
  g_assert_true (our_history_run (test_history_for (plan),
                                  our_command_new_add_goal (goal, -1), &error));
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (parent));
  window = our_print_new (GTK_WINDOW (parent), test_session_for (plan), FALSE);
  gtk_window_present (GTK_WINDOW (window));
  test_drain_events ();

  operation = our_print_start (OUR_PRINT (window), GTK_PRINT_OPERATION_ACTION_EXPORT, path);
  test_drain_events ();

  /* Print queues keep job names: never the person's. */
  {
    g_autofree char *job_name = NULL;

    g_object_get (operation, "job-name", &job_name, NULL);
    g_assert_cmpstr (job_name, ==, "Care plan");
  }

  /* The pages went through the printing code... */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  text = pdf_text (path, FALSE);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, GOAL_MARKER));
      info = pdf_text (path, TRUE);
      g_assert_null (strstr (info, PERSON_NAME));
    }

  /* ...and the copy given is in the plan's log, outside undo. */
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_copy_log (plan)), ==, 1);
  record = g_list_model_get_item (our_plan_get_copy_log (plan), 0);
  g_assert_cmpint (our_copy_record_get_kind (record), ==, OUR_COPY_PERSON);
  g_assert_cmpint (our_copy_record_get_medium (record), ==, OUR_COPY_PRINTED);
  g_assert_true (g_str_has_prefix (our_history_get_undo_label (test_history_for (plan)), "Add"));

  /* As in the app, the operation goes before the window that started it. */
  g_clear_object (&operation);
  test_drain_events ();
  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (parent));
  test_drain_events ();
  if (text == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed: the PDF's words were not read");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/print/export-through-print-operation", test_print_copy);

  return g_test_run ();
}
