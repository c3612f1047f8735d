/* bench-commit.c: how long one saved command and opening a large plan take, next to the disk's own floor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-commit commit|open
 *
 * commit: in one run, on the same disk, the time of a raw 4 KiB write +
 *         fdatasync (and + fsync), and of one command through
 *         our_history_run() with journal_mode=DELETE and with WAL (both
 *         synchronous=FULL). Prints median and p99 and median / floor.
 * open:   a plan of 300 goals x 5 steps: median time of our_store_open() over
 *         10 runs, and the peak resident memory.
 *
 * Scratch files go to $OURPLAN_BENCH_DIR, else $G_TEST_BUILDDIR, else the
 * temporary folder: fsync on a tmpfs costs nothing, so prefer a real disk.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "our-history.h"
#include "our-store-private.h"

#define N_COMMITS 200
#define N_OPENS 10

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  double median;
  double p99;
} Figures;

static Figures
summarise (GArray *times_ms)
{
  Figures figures;

  g_array_sort (times_ms, compare_doubles);
  figures.median = g_array_index (times_ms, double, times_ms->len / 2);
  figures.p99 = g_array_index (times_ms, double, MIN (times_ms->len - 1, times_ms->len * 99 / 100));
  return figures;
}

static char *
make_scratch_dir (void)
{
  const char *base = g_getenv ("OURPLAN_BENCH_DIR");
  g_autofree char *template = NULL;

  if (base == NULL)
    base = g_getenv ("G_TEST_BUILDDIR");
  if (base == NULL)
    base = g_get_tmp_dir ();
  template = g_build_filename (base, "bench-ourplan-XXXXXX", NULL);
  if (g_mkdtemp (template) == NULL)
    g_error ("Cannot make a folder in %s", base);
  return g_steal_pointer (&template);
}

static void
remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  if (dir)
    g_dir_close (dir);
  g_rmdir (path);
}

static Figures
measure_floor (const char *dir,
               gboolean    data_only)
{
  g_autofree char *path = g_build_filename (dir, "floor.bin", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  char block[4096];
  int fd;

  memset (block, 'x', sizeof block);
  fd = open (path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert (fd >= 0);
  for (int i = 0; i < N_COMMITS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      block[0] = (char) i;
      if (pwrite (fd, block, sizeof block, (off_t) (i % 16) * sizeof block) != sizeof block)
        g_error ("write failed");
      if ((data_only ? fdatasync (fd) : fsync (fd)) != 0)
        g_error ("sync failed");
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  close (fd);
  g_unlink (path);
  return summarise (times);
}

static OurPlan *
make_plan (guint n_goals,
           guint n_steps)
{
  OurPlan *plan = our_plan_new ();

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Siân", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS,
                        "Dw i'n hoffi cerdded ger yr afon gyda'r ci", OUR_AUTHOR_PERSON);
  for (guint i = 0; i < n_goals; i++)
    {
      g_autoptr(OurGoal) goal = our_goal_new (NULL);
      g_autofree char *title = g_strdup_printf ("Goal %u: walk by the river on Saturdays", i);

      our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, title, OUR_AUTHOR_PERSON);
      our_goal_set_text (goal, OUR_GOAL_TEXT_WHY,
                         "It clears my head and I see people I know on the way.",
                         OUR_AUTHOR_COORDINATOR);
      our_goal_set_life_area (goal, i % OUR_N_LIFE_AREAS);
      our_goal_set_progress (goal, i % (OUR_PROGRESS_MAX + 1));
      for (guint s = 0; s < n_steps; s++)
        {
          g_autoptr(OurStep) step = our_step_new (NULL);

          our_step_set_text (step, OUR_STEP_TEXT_WHAT, "Ask Dafydd about the walking group",
                             OUR_AUTHOR_PERSON);
          our_step_set_text (step, OUR_STEP_TEXT_WHO, "Dafydd", OUR_AUTHOR_PERSON);
          our_step_set_text (step, OUR_STEP_TEXT_BY_WHEN, "2026-12-01", OUR_AUTHOR_PERSON);
          our_goal_insert_step (goal, s, step);
        }
      our_plan_insert_goal (plan, i, goal);
    }
  return plan;
}

static Figures
measure_commits (const char      *dir,
                 OurStoreJournal  journal,
                 const char      *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(OurPlan) seed = make_plan (10, 3);
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  OurHistory *history;
  OurPlan *plan;

  our_store_set_journal_for_testing (journal);
  store = our_store_create (path, seed, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);
  history = our_session_get_history (our_store_get_session (store));

  for (int i = 0; i < N_COMMITS; i++)
    {
      g_autofree char *text = g_strdup_printf ("A good day %d: te yn yr ardd", i);
      OurGoal *goal = our_plan_get_goal (plan, i % our_plan_get_n_goals (plan));
      OurCommand *command;
      gint64 start;
      double ms;

      /* Typing in a Me field, and a goal's progress, in turn. */
      if (i % 2 == 0)
        command = our_command_new_set_me_text (OUR_ME_FIELD_GOOD_DAY, text, OUR_AUTHOR_PERSON);
      else
        command = our_command_new_set_progress (our_goal_get_id (goal),
                                                (our_goal_get_progress (goal) + 1)
                                                % (OUR_PROGRESS_MAX + 1));
      our_history_end_edit (history);
      start = g_get_monotonic_time ();
      if (!our_history_run (history, command, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  our_store_set_journal_for_testing (OUR_STORE_JOURNAL_DEFAULT);
  return summarise (times);
}

static void
bench_commit (void)
{
  g_autofree char *dir = make_scratch_dir ();
  Figures datasync, full_sync, exclusive_mode, wal_mode;

  g_print ("Folder: %s (%d commits each)\n", dir, N_COMMITS);
  datasync = measure_floor (dir, TRUE);
  full_sync = measure_floor (dir, FALSE);
  exclusive_mode = measure_commits (dir, OUR_STORE_JOURNAL_EXCLUSIVE, "exclusive.ourplan");
  wal_mode = measure_commits (dir, OUR_STORE_JOURNAL_WAL, "wal.ourplan");

  g_print ("floor: 4 KiB write + fdatasync   median %7.3f ms  p99 %7.3f ms\n",
           datasync.median, datasync.p99);
  g_print ("floor: 4 KiB write + fsync       median %7.3f ms  p99 %7.3f ms\n",
           full_sync.median, full_sync.p99);
  g_print ("command, WAL, exclusive locking median %7.3f ms  p99 %7.3f ms  median/floor %.1f\n",
           exclusive_mode.median, exclusive_mode.p99, exclusive_mode.median / datasync.median);
  g_print ("command, journal_mode=WAL        median %7.3f ms  p99 %7.3f ms  median/floor %.1f\n",
           wal_mode.median, wal_mode.p99, wal_mode.median / datasync.median);
  printf ("BENCH-ROW Per-edit commit (WAL, synchronous=FULL)\t%.3f\tms\t<= 3x peer\t"
          "fsync floor, same round\t%.3f\n", wal_mode.median, datasync.median);
  remove_dir (dir);
}

static void
bench_open (void)
{
  g_autofree char *dir = make_scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "300-goals.ourplan", NULL);
  g_autoptr(OurPlan) plan = make_plan (300, 5);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GStatBuf st;
  Figures figures;

  if (!our_store_write_plan (plan, path, &error))
    g_error ("%s", error->message);
  g_stat (path, &st);

  for (int i = 0; i < N_OPENS; i++)
    {
      g_autoptr(OurStore) store = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (store == NULL)
        g_error ("%s", error->message);
      g_assert_cmpuint (our_plan_get_n_goals (our_store_get_plan (store)), ==, 300);
      g_array_append_val (times, ms);
    }
  figures = summarise (times);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("open a plan of 300 goals x 5 steps (%.0f KiB): median %.1f ms, slowest %.1f ms "
           "over %d runs\n", st.st_size / 1024.0, figures.median, figures.p99, N_OPENS);
  g_print ("peak resident memory of this process: %.1f MiB\n", usage.ru_maxrss / 1024.0);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *what = argc > 1 ? argv[1] : "commit";

  if (g_str_equal (what, "commit"))
    bench_commit ();
  else if (g_str_equal (what, "open"))
    bench_open ();
  else
    {
      g_printerr ("Usage: %s commit|open\n", argv[0]);
      return 2;
    }
  return 0;
}
