/* bench-board-import.c: from "add this photo" to the photo drawn on the board, with the window kept responsive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-board-import [RUNS]   (needs a display: run-benchmarks gives
 * it a virtual one)
 *
 * Opens the Notes board of an empty plan in a window, writes a 4000 x 3000
 * photo-like JPEG, and RUNS times (default 5) asks the board to import it,
 * the way "Add a Picture…" and dropping a file do. Measures the time until a
 * frame has been painted with the picture's widget on the board, and the
 * longest gap between the ticks of a 1 ms main-loop timeout meanwhile (goal:
 * under 50 ms: the window never freezes). Each run's picture is undone
 * before the next.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "our-board-item-widget.h"
#include "our-board-view.h"
#include "our-history.h"

#include "bench-photo.h"
#include "test-session.h"

typedef struct
{
  OurBoardCanvas *canvas;
  GMainLoop      *loop;
  gint64          started;
  gint64          shown;
  gint64          last_tick;
  gint64          longest_gap;
} Run;

static gboolean
tick_cb (gpointer user_data)
{
  Run *run = user_data;
  gint64 now = g_get_monotonic_time ();

  run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
has_drawn_item (OurBoardCanvas *canvas)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas)); child;
       child = gtk_widget_get_next_sibling (child))
    if (OUR_IS_BOARD_ITEM_WIDGET (child) && gtk_widget_get_mapped (child)
        && gtk_widget_get_width (child) > 0)
      return TRUE;
  return FALSE;
}

/* After each painted frame: is the picture on the board now? */
static void
after_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  if (run->shown == 0 && has_drawn_item (run->canvas))
    {
      run->shown = g_get_monotonic_time ();
      g_main_loop_quit (run->loop);
    }
}

int
main (int   argc,
      char *argv[])
{
  int n_runs = argc > 1 ? CLAMP (atoi (argv[1]), 1, 50) : 5;
  g_autofree char *dir = bench_make_scratch_dir ("bench-board-import");
  g_autofree char *path = g_build_filename (dir, "photo-12mp.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) shown_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(OurPlan) plan = NULL;
  GtkWidget *window;
  OurBoardView *view;
  GdkFrameClock *clock;

  gtk_init ();
  adw_init ();

  {
    g_autoptr(GdkPixbuf) photo = bench_make_photo ();

    if (!gdk_pixbuf_save (photo, path, "jpeg", &error, "quality", "92", NULL))
      g_error ("Cannot write the photo: %s", error->message);
  }

  plan = our_plan_new ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  view = OUR_BOARD_VIEW (our_board_view_new ());
  our_board_view_set_session (view, test_session_for (plan));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);

  g_print ("A %d x %d JPEG added to the Notes board, %d runs\n", PHOTO_WIDTH, PHOTO_HEIGHT, n_runs);
  g_print ("%4s  %22s  %18s\n", "run", "to the board (ms)", "longest stall (ms)");
  for (int i = 0; i < n_runs; i++)
    {
      Run run = { our_board_view_get_canvas (view), g_main_loop_new (NULL, FALSE), 0, 0, 0, 0 };
      GList files = { file, NULL, NULL };
      gulong paint_id;
      guint tick_id;
      double ms, stall;

      paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &run);
      tick_id = g_timeout_add (1, tick_cb, &run);
      run.started = run.last_tick = g_get_monotonic_time ();
      our_board_view_import_files (view, &files, 400, 300);
      g_main_loop_run (run.loop);
      g_source_remove (tick_id);
      g_signal_handler_disconnect (clock, paint_id);
      run.longest_gap = MAX (run.longest_gap, run.shown - run.last_tick);

      ms = (run.shown - run.started) / 1000.0;
      stall = run.longest_gap / 1000.0;
      g_array_append_val (shown_ms, ms);
      g_array_append_val (stall_ms, stall);
      g_print ("%4d  %22.1f  %18.2f\n", i + 1, ms, stall);

      if (!our_history_undo (test_history_for (plan), &error))
        g_error ("Cannot take the picture off again: %s", error->message);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_main_loop_unref (run.loop);
    }

  g_print ("\nto the picture on the board (median): %.1f ms\n", bench_median (shown_ms));
  g_print ("longest main-loop stall: %.2f ms median, %.2f ms worst (goal: under 50 ms)\n",
           bench_median (stall_ms), bench_max_of (stall_ms));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
