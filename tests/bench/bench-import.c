/* bench-import.c: how long a 12-megapixel photo takes to import, and whether the main loop keeps breathing meanwhile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-import [RUNS]
 *
 * Writes a 4000 x 3000 JPEG with noise (like a phone photo, a few MB) to a
 * scratch folder, then imports it RUNS times (default 5) with
 * our_picture_import_file_async() while the main loop runs a 1 ms repeating
 * timeout that records the longest gap between its ticks. Prints, per run
 * and as medians: the import time (call to callback: when the picture could
 * appear on the board), the longest main-loop stall (goal: under 50 ms),
 * bytes in, bytes out (what one photo adds to a plan file, before SQLite's
 * own overhead) and the size that comes out.
 *
 * Scratch files go to $OURPLAN_BENCH_DIR, else $G_TEST_BUILDDIR, else the
 * temporary folder.
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "our-history.h"
#include "our-picture-import.h"
#include "our-store.h"

#include "bench-photo.h"
#include "test-session.h"

typedef struct
{
  GMainLoop   *loop;
  gint64       started;
  gint64       finished;
  gint64       last_tick;
  gint64       longest_gap;
  guint        n_ticks;
  OurPicture  *picture;
  GError      *error;
} Run;

static gboolean
tick_cb (gpointer user_data)
{
  Run *run = user_data;
  gint64 now = g_get_monotonic_time ();

  run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
  run->last_tick = now;
  run->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  run->finished = g_get_monotonic_time ();
  run->picture = our_picture_import_file_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (goffset) st.st_size : -1;
}

/* The real growth: a plan file before and after the photo is placed on its
 * board (and closed, so that it is one self-contained file again). */
static void
print_file_growth (const char *dir,
                   OurPicture *picture)
{
  g_autofree char *plan_path = g_build_filename (dir, "growth.ourplan", NULL);
  g_autoptr(OurPlan) draft = our_plan_new ();
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurBoardItem) item = our_board_item_new (NULL, OUR_BOARD_ITEM_PICTURE);
  g_autoptr(GError) error = NULL;
  goffset before, after;

  store = our_store_create (plan_path, draft, &error);
  if (store == NULL)
    g_error ("Cannot make a plan: %s", error->message);
  g_clear_object (&store);
  before = file_size (plan_path);
  our_board_item_set_picture_id (item, our_picture_get_id (picture));
  store = our_store_open (plan_path, OUR_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("Cannot open the plan: %s", error->message);
  our_plan_add_picture (our_store_get_plan (store), picture);
  if (!our_history_run (our_session_get_history (our_store_get_session (store)),
                        our_command_new_add_board_item (item, -1), &error))
    g_error ("Cannot place the photo: %s", error->message);
  our_store_close (store);
  g_clear_object (&store);
  after = file_size (plan_path);
  g_print ("plan file growth:         %" G_GOFFSET_FORMAT " bytes (%" G_GOFFSET_FORMAT
           " to %" G_GOFFSET_FORMAT ") per imported photo\n", after - before, before, after);
  g_unlink (plan_path);
}

int
main (int   argc,
      char *argv[])
{
  int n_runs = argc > 1 ? CLAMP (atoi (argv[1]), 1, 50) : 5;
  g_autofree char *dir = bench_make_scratch_dir ("bench-import");
  g_autofree char *path = g_build_filename (dir, "photo-12mp.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) import_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GdkPixbuf) photo = bench_make_photo ();
  goffset input_bytes;
  gsize output_bytes = 0;
  int output_width = 0, output_height = 0;
  const char *output_mime_type = "";
  g_autoptr(OurPicture) last_picture = NULL;

  if (!gdk_pixbuf_save (photo, path, "jpeg", &error, "quality", "92", NULL))
    g_error ("Cannot write the photo: %s", error->message);
  g_clear_object (&photo);
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_assert_no_error (error);
    input_bytes = g_file_info_get_size (info);
  }

  g_print ("Import of a %d x %d JPEG (%.1f MB), %d runs\n", PHOTO_WIDTH, PHOTO_HEIGHT,
           input_bytes / 1e6, n_runs);
  g_print ("%4s  %12s  %18s  %12s  %12s\n", "run", "import (ms)", "longest stall (ms)",
           "bytes out", "size out");

  for (int i = 0; i < n_runs; i++)
    {
      Run run = { g_main_loop_new (NULL, FALSE), 0, 0, 0, 0, 0, NULL, NULL };
      guint tick_id;
      double ms, stall;

      tick_id = g_timeout_add (1, tick_cb, &run);
      run.started = run.last_tick = g_get_monotonic_time ();
      our_picture_import_file_async (file, NULL, imported_cb, &run);
      g_main_loop_run (run.loop);
      g_source_remove (tick_id);
      /* The gap still open when the import finished counts too. */
      run.longest_gap = MAX (run.longest_gap, run.finished - run.last_tick);

      if (run.picture == NULL)
        g_error ("The import failed: %s", run.error->message);
      ms = (run.finished - run.started) / 1000.0;
      stall = run.longest_gap / 1000.0;
      g_array_append_val (import_ms, ms);
      g_array_append_val (stall_ms, stall);
      output_bytes = g_bytes_get_size (our_picture_get_bytes (run.picture));
      output_width = our_picture_get_width (run.picture);
      output_height = our_picture_get_height (run.picture);
      output_mime_type = g_intern_string (our_picture_get_mime_type (run.picture));
      g_print ("%4d  %12.1f  %18.2f  %12" G_GSIZE_FORMAT "  %6d x %d\n", i + 1, ms, stall,
               output_bytes, output_width, output_height);

      g_set_object (&last_picture, run.picture);
      g_object_unref (run.picture);
      g_main_loop_unref (run.loop);
    }

  g_print ("\nimport time (median):     %.1f ms\n", bench_median (import_ms));
  g_print ("longest main-loop stall:  %.2f ms median, %.2f ms worst (goal: under 50 ms)\n",
           bench_median (stall_ms), bench_max_of (stall_ms));
  g_print ("input:                    %" G_GOFFSET_FORMAT " bytes\n", input_bytes);
  g_print ("output:                   %" G_GSIZE_FORMAT " bytes (%s): the plan file's growth "
           "per photo, before SQLite's page overhead\n", output_bytes, output_mime_type);
  g_print ("output size:              %d x %d\n", output_width, output_height);
  print_file_growth (dir, last_picture);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
