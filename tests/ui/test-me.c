/* test-me.c: the Me tab's plan facts: the copy log says whether the person has a copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>

#include "our-history.h"
#include "our-me-view.h"
#include "test-session.h"

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_copies_given (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = our_me_view_new ();
  GtkWidget *label;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* This year's dates, so that the sentences leave the year out. */
  int year = g_date_time_get_year (now);

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Gwen", OUR_AUTHOR_PERSON);
  our_me_view_set_session (OUR_ME_VIEW (view), test_session_for (plan));
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  test_drain_events ();

  label = find_named (view, "copies-given");
  g_assert_nonnull (label);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "No copy has been given yet"));

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%d", i);
      g_autofree char *when = g_strdup_printf ("%d-03-%02dT10:00:00Z", year, 10 + i);
      g_autoptr(OurCopyRecord) record =
        our_copy_record_new (id, i == 4 ? OUR_COPY_PERSON : OUR_COPY_TEAM, OUR_COPY_PRINTED,
                             "", "", when, FALSE);

      g_assert_true (our_history_record (test_history_for (plan),
                                         our_command_new_log_copy (record), &error));
      g_assert_no_error (error);
    }
  /* Newest first, three of them, and how many more. */
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "Gwen’s copy printed 14 March"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "and 2 earlier copies"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/me/copies-given", test_copies_given);

  return g_test_run ();
}
