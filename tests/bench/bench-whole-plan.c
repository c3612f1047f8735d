/* bench-whole-plan.c: open a whole large plan in the window, visit every tab, and print the peak memory
 *
 * The plan holds 300 goals of 5 steps each, 300 people and a board of 200
 * things (50 of them photos). One window opens it, timed to its first frame;
 * then every tab is shown in turn, and the goals are scrolled through from
 * the first to the last, as someone reading the whole plan would. The figure
 * that matters is the peak resident memory of this process over all of it
 * (goal: at most 200 MB), so the plan is opened once per process, and made
 * beforehand by another run of this program ("--make FOLDER"), whose photos
 * in memory would otherwise count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench-plans.h"
#include "bench-window.h"
#include "our-goals-view.h"
#include "our-window.h"

static double
resident_mib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static double
peak_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Everything the window does while idle (cards built, photos decoded),
 * then one more frame. */
static void
settle (GtkWidget *window)
{
  for (gint64 quiet_since = g_get_monotonic_time ();
       g_get_monotonic_time () - quiet_since < 100000;)
    if (g_main_context_iteration (NULL, FALSE))
      quiet_since = g_get_monotonic_time ();
  bench_wait_for_paint (window);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_is_drawable (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
show_tab (GtkWidget  *window,
          const char *tab)
{
  gtk_widget_activate_action (window, "win.show-tab", "s", tab);
  settle (window);
  g_print ("  %-7s shown: %6.1f MiB resident, %6.1f MiB peak so far\n", tab, resident_mib (),
           peak_mib ());
}

/* A page at a time from top to bottom, each page drawn and settled. */
static guint
scroll_through (GtkWidget *window)
{
  GtkWidget *goals = find_widget (window, OUR_TYPE_GOALS_VIEW);
  GtkScrolledWindow *scroller = goals != NULL ? (GtkScrolledWindow *) find_widget (goals, GTK_TYPE_SCROLLED_WINDOW)
                                              : NULL;
  GtkAdjustment *adjustment;
  guint pages = 0;

  if (scroller == NULL)
    g_error ("The goals tab has no scrolled list");
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  for (;;)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      if (value >= end - 1)
        break;
      gtk_adjustment_set_value (adjustment, MIN (end, value + gtk_adjustment_get_page_size (adjustment)));
      settle (window);
      pages++;
    }
  return pages;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = g_dir_make_tmp ("ourplan-bench-XXXXXX", NULL);
  g_autofree char *path = NULL;
  GtkWidget *window;
  double before_open, open_ms;
  gint64 start;
  guint pages;

  g_autoptr(GError) error = NULL;
  int status = 0;

  if (argc == 3 && g_str_equal (argv[1], "--make"))
    {
      g_autofree char *made = bench_make_whole_plan (argv[2]);
      return 0;
    }
  {
    const char *make[] = { argv[0], "--make", folder, NULL };

    if (!g_spawn_sync (NULL, (char **) make, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                       &status, &error) || !g_spawn_check_wait_status (status, &error))
      g_error ("The benchmark plan was not made: %s", error->message);
  }
  path = g_build_filename (folder, "whole.ourplan", NULL);

  gtk_init ();
  adw_init ();

  window = GTK_WIDGET (our_window_new (NULL, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  before_open = resident_mib ();

  start = g_get_monotonic_time ();
  if (!our_window_open_path (OUR_WINDOW (window), path))
    g_error ("The benchmark plan did not open");
  bench_wait_for_paint (window);
  open_ms = (g_get_monotonic_time () - start) / 1000.0;

  g_print ("whole plan of %u goals x %u steps, %u people, %u board things (%u photos):\n",
           BENCH_LARGE_GOALS, BENCH_LARGE_STEPS, BENCH_LARGE_MEMBERS, BENCH_BOARD_ITEMS,
           BENCH_BOARD_PICTURES);
  g_print ("  open to first frame: %.1f ms (goal: under 500 ms); window alone %.1f MiB\n",
           open_ms, before_open);

  show_tab (window, "me");
  show_tab (window, "goals");
  pages = scroll_through (window);
  g_print ("  goals scrolled through (%u pages): %6.1f MiB resident, %6.1f MiB peak so far\n",
           pages, resident_mib (), peak_mib ());
  show_tab (window, "people");
  show_tab (window, "board");
  show_tab (window, "safety");
  show_tab (window, "goals");

  g_print ("peak memory (max RSS) over every tab: %.1f MiB = %.0f MB (goal: at most 200 MB)\n",
           peak_mib (), peak_mib () * 1024 * 1024 / 1e6);
  printf ("BENCH-ROW Whole large plan: open to first frame\t%.0f\tms\t< 500 ms\n", open_ms);
  printf ("BENCH-ROW Whole large plan: peak memory, every tab visited\t%.0f\tMB\t<= 200 MB\n",
          peak_mib () * 1024 * 1024 / 1e6);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  bench_remove_tree (folder);
  return 0;
}
