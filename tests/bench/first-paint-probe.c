/* first-paint-probe.c: preloaded into a GTK 4 program, notes when its first frame is painted
 *
 * bench-launch starts Our Plan and GNOME Text Editor with this library in
 * LD_PRELOAD, so both are timed the same way without changing either: at the
 * end of the first frame that painted a window, the probe writes the time
 * (g_get_monotonic_time, the same clock in every process) to the file named
 * by OURPLAN_FIRST_PAINT_FILE and ends the process at once, so nothing is
 * saved or restored on the way out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>
#include <stdio.h>
#include <unistd.h>

static gboolean rendered;

/* Emission hooks run before the handlers: the surface is about to paint. */
static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  rendered = TRUE;
  return FALSE;
}

static gboolean
after_paint_hook (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  gint64 now = g_get_monotonic_time ();
  FILE *file;

  if (!rendered)
    return TRUE;
  file = fopen (g_getenv ("OURPLAN_FIRST_PAINT_FILE"), "w");
  if (file != NULL)
    {
      fprintf (file, "%" G_GINT64_FORMAT "\n", now);
      fclose (file);
    }
  _exit (file != NULL ? 0 : 3);
}

__attribute__ ((constructor)) static void
first_paint_probe_init (void)
{
  if (g_getenv ("OURPLAN_FIRST_PAINT_FILE") == NULL)
    return;
  /* Signals exist once their class does. */
  g_type_class_ref (GDK_TYPE_SURFACE);
  g_type_class_ref (GDK_TYPE_FRAME_CLOCK);
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              render_hook, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK), 0,
                              after_paint_hook, NULL, NULL);
}
