/* bench-caseload.c: the start screen with 1,000 plans in the plans folder, to a complete list on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the time to read the list (OurCaseload, in its worker thread) and
 * the time from making the start screen to the end of the first frame that
 * shows the complete list, each a median of several runs.
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-plans.h"
#include "bench-window.h"
#include "our-caseload.h"
#include "our-caseload-row.h"
#include "our-caseload-view.h"
#include "our-store.h"

#define N_PLANS 1000
#define N_RUNS 5

static void
make_plans (const char *folder)
{
  static const char *first[] = { "Alun", "Bea", "Cerys", "Dai", "Efa", "Ffion", "Gwen", "Huw" };
  static const char *last[] = { "Evans", "Jones", "Morgan", "Price", "Rees", "Williams" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < N_PLANS; i++)
    {
      g_autoptr(OurPlan) plan = our_plan_new ();
      g_autoptr(GDateTime) review = g_date_time_add_days (now, (int) (i % 400) - 100);
      g_autofree char *name = g_strdup_printf ("%s %s %u", first[i % G_N_ELEMENTS (first)],
                                               last[i % G_N_ELEMENTS (last)], i);
      g_autofree char *date = g_date_time_format (review, "%Y-%m-%d");
      g_autofree char *file = g_strdup_printf ("%s/plan-%04u.ourplan", folder, i);
      g_autoptr(GError) error = NULL;

      our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, name, OUR_AUTHOR_PERSON);
      if (i % 7 != 0)
        our_plan_set_me_text (plan, OUR_ME_FIELD_REVIEW_DATE, date, OUR_AUTHOR_COORDINATOR);
      if (!our_store_write_plan (plan, file, &error))
        g_error ("%s", error->message);
    }
}

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

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Row widgets made: with a recycling list, about a screenful. */
static guint
count_row_widgets (GtkWidget *widget)
{
  guint n = OUR_IS_CASELOAD_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_row_widgets (child);
  return n;
}

/* The complete list: every plan in the list (a person can scroll to any of
 * them at once) and the rows on screen made. */
static gboolean
complete_list_shown (GtkWidget *view)
{
  GtkWidget *list = find_named (view, "caseload-folder-list");
  GListModel *model;

  if (list == NULL || !gtk_widget_get_mapped (list))
    return FALSE;
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  return g_list_model_get_n_items (model) == N_PLANS && count_row_widgets (list) > 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-bench-caseload-XXXXXX", NULL);
  g_autoptr(GSettings) settings = NULL;
  double scan[N_RUNS], shown[N_RUNS];
  double longest_stall = 0;
  guint rows_made = 0;

  gtk_init ();
  adw_init ();
  make_plans (folder);
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "plans-folder", folder);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(OurCaseload) caseload = our_caseload_new ();
      gint64 start = g_get_monotonic_time ();

      our_caseload_scan (caseload, folder, NULL);
      while (our_caseload_get_scanning (caseload))
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (caseload)), ==, N_PLANS);
      scan[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  for (guint run = 0; run < N_RUNS; run++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *view;
      gint64 start;

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
      gtk_window_present (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;

      start = g_get_monotonic_time ();
      view = our_caseload_view_new ();
      gtk_window_set_child (GTK_WINDOW (window), view);
      while (!complete_list_shown (view))
        {
          gint64 before = g_get_monotonic_time ();

          g_main_context_iteration (NULL, TRUE);
          longest_stall = MAX (longest_stall, (g_get_monotonic_time () - before) / 1000.0);
        }
      bench_wait_for_paint (window);
      shown[run] = (g_get_monotonic_time () - start) / 1000.0;
      rows_made = count_row_widgets (view);
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  qsort (scan, N_RUNS, sizeof scan[0], bench_compare_doubles);
  qsort (shown, N_RUNS, sizeof shown[0], bench_compare_doubles);
  g_print ("%d plans: list read (names and review dates): median %.0f ms, best %.0f ms, "
           "worst %.0f ms (%d runs)\n", N_PLANS, scan[N_RUNS / 2], scan[0], scan[N_RUNS - 1],
           N_RUNS);
  g_print ("%d plans: start screen made to the complete list painted: median %.0f ms, "
           "best %.0f ms, worst %.0f ms; longest main-loop stall %.0f ms (goal: under 1000 ms)\n",
           N_PLANS, shown[N_RUNS / 2], shown[0], shown[N_RUNS - 1], longest_stall);
  g_print ("%d plans: %u row widgets made for the rows on screen\n", N_PLANS, rows_made);
  printf ("BENCH-ROW Start screen with %d plans: complete list on screen\t%.0f\tms\t< 1000 ms\n",
          N_PLANS, shown[N_RUNS / 2]);

  bench_remove_tree (folder);
  return 0;
}
