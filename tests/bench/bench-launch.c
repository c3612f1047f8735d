/* bench-launch.c: launch to first paint of the sample plan, beside GNOME Text Editor in the same run
 *
 * Starts `ourplan SAMPLE` and `gnome-text-editor TEXT` in turns, each with
 * first-paint-probe in LD_PRELOAD, and times from just before the start of
 * the process to the end of its first painted frame. Both start with empty
 * settings and data folders of their own, so neither restores anything.
 * Then the same for a large plan (bench-plans.h). Prints BENCH-ROW lines for
 * the table of build-aux/run-benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-photo.h"
#include "bench-plans.h"

#define N_WARM 2
#define N_RUNS 11

static char *scratch;

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
}

/* One launch, in milliseconds; the file it opens is a fresh copy each time. */
static double
launch (const char *program,
        const char *file,
        const char *probe)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp_path = g_build_filename (scratch, "first-paint", NULL);
  g_autofree char *home = g_build_filename (scratch, "home", NULL);
  g_autofree char *base = g_path_get_basename (file);
  g_autofree char *copy = g_build_filename (scratch, base, NULL);
  g_autofree char *stamp = NULL;
  const char *argv[] = { program, copy, NULL };
  gint64 start;

  bench_remove_tree (home);
  g_mkdir_with_parents (home, 0700);
  g_unlink (stamp_path);
  copy_file (file, copy);
  for (const char **xdg = (const char *[]) { "CONFIG", "DATA", "STATE", "CACHE", NULL }; *xdg; xdg++)
    {
      g_autofree char *name = g_strdup_printf ("XDG_%s_HOME", *xdg);
      g_autofree char *value = g_build_filename (home, *xdg, NULL);

      g_subprocess_launcher_setenv (launcher, name, value, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", probe, TRUE);
  g_subprocess_launcher_setenv (launcher, "OURPLAN_FIRST_PAINT_FILE", stamp_path, TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("%s", error->message);
  if (!g_subprocess_wait_check (process, NULL, &error))
    g_error ("%s did not paint a window: %s", program, error->message);
  if (!g_file_get_contents (stamp_path, &stamp, NULL, &error))
    g_error ("%s ended without painting a window: %s", program, error->message);
  g_unlink (copy);
  return (g_ascii_strtoll (stamp, NULL, 10) - start) / 1000.0;
}

static void
print_times (const char *what,
             GArray     *times)
{
  double middle = bench_median (times);   /* sorts them */

  g_print ("%s: median %.0f ms, best %.0f ms, worst %.0f ms over %u runs\n", what, middle,
           g_array_index (times, double, 0), g_array_index (times, double, times->len - 1),
           times->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peers = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) large = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *peer = g_find_program_in_path ("gnome-text-editor");
  g_autofree char *plans = NULL;
  g_autofree char *large_plan = NULL;

  if (argc != 5)
    {
      g_printerr ("Usage: bench-launch OURPLAN SAMPLE.ourplan SAMPLE-TEXT FIRST-PAINT-PROBE.so\n");
      return 2;
    }
  scratch = g_dir_make_tmp ("ourplan-bench-launch-XXXXXX", NULL);
  plans = g_build_filename (scratch, "plans", NULL);
  g_mkdir (plans, 0700);
  large_plan = bench_make_large_plan (plans);
  if (peer == NULL)
    g_print ("GNOME Text Editor: skipped (not installed: apt-get install gnome-text-editor)\n");

  /* Turns, so that whatever else the machine is doing falls on all alike. */
  for (guint i = 0; i < N_WARM + N_RUNS; i++)
    {
      double ms = launch (argv[1], argv[2], argv[4]);

      if (i >= N_WARM)
        g_array_append_val (ours, ms);
      ms = launch (argv[1], large_plan, argv[4]);
      if (i >= N_WARM)
        g_array_append_val (large, ms);
      if (peer == NULL)
        continue;
      /* The same words, as text: the file the sample is made from. */
      ms = launch (peer, argv[3], argv[4]);
      if (i >= N_WARM)
        g_array_append_val (peers, ms);
    }

  print_times ("Our Plan, launch to first paint of the sample", ours);
  print_times ("Our Plan, launch to first paint of a plan of "
               G_STRINGIFY (BENCH_LARGE_GOALS) " goals x " G_STRINGIFY (BENCH_LARGE_STEPS)
               " steps", large);
  if (peer != NULL)
    {
      print_times ("GNOME Text Editor, launch to first paint of the same words as text", peers);
      g_print ("Our Plan / GNOME Text Editor = %.2f (goal: at most 0.8)\n",
               bench_median (ours) / bench_median (peers));
      printf ("BENCH-ROW Launch to first paint of the sample\t%.0f\tms\t<= 0.8x peer\t"
              "GNOME Text Editor\t%.0f\n", bench_median (ours), bench_median (peers));
    }
  else
    printf ("BENCH-ROW Launch to first paint of the sample\t%.0f\tms\t<= 0.8x peer\n",
            bench_median (ours));
  printf ("BENCH-ROW Large plan (" G_STRINGIFY (BENCH_LARGE_GOALS) " goals): launch to first "
          "paint\t%.0f\tms\t< 500 ms\n", bench_median (large));
  fflush (stdout);

  bench_remove_tree (scratch);
  return 0;
}
