/* test-crash.c: an editor killed at any moment loses no acknowledged edit and leaves a sound file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (meson passes the editor): test-crash PATH-TO-crash-editor
 *
 * Runs crash-editor on one plan 200 times, killing it with SIGKILL after a
 * random short delay, in turn with journal_mode=DELETE and WAL. After each
 * kill the plan must open, pass integrity_check, and hold every fact the
 * editor reported as acknowledged; only the facts of the one command in
 * flight at the kill may be either old or new.
 *
 * The soak (build-aux/run-soak) runs the same for longer: with
 * OURPLAN_SOAK_KILLS=N it kills at least N times, and with
 * OURPLAN_SOAK_MINUTES=M it goes on until M minutes have passed.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crash-common.h"
#include "our-store.h"

#define N_ROUNDS 200

static const char *editor_path;

typedef struct
{
  guint  acknowledged;
  guint  in_flight;
  guint  empty_rounds;
} Totals;

static GHashTable *
facts_of_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = NULL;

  /* Opening read-write is what the next start of Our Plan does: it repairs
   * from the journal or log left by the killed editor. */
  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (our_store_get_read_only (store));
  return crash_plan_facts (our_store_get_plan (store));
}

static char *
read_all (GInputStream *stream)
{
  GString *out = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (out, buffer, n);
  return g_string_free (out, FALSE);
}

/* Applies the acknowledged blocks of @output to @expected; returns the keys
 * of the command that was in flight at the kill, if any. */
static GStrv
apply_output (const char  *output,
              GHashTable  *expected,
              guint       *n_acknowledged)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  g_autoptr(GPtrArray) block = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pending = NULL;
  guint n_lines = g_strv_length (lines);

  /* The last piece has no newline: it is cut short, or empty. */
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "TRY"))
        {
          g_strfreev (pending);
          pending = g_strsplit (line[3] == ' ' ? line + 4 : "", " ", -1);
          g_ptr_array_set_size (block, 0);
        }
      else if (g_str_has_prefix (line, "F ") || g_str_has_prefix (line, "D "))
        g_ptr_array_add (block, g_strdup (line));
      else if (g_str_equal (line, "OK"))
        {
          for (guint b = 0; b < block->len; b++)
            {
              const char *fact = g_ptr_array_index (block, b);
              const char *key = fact + 2;
              const char *space = strchr (key, ' ');

              if (fact[0] == 'D')
                g_hash_table_remove (expected, key);
              else
                {
                  g_assert_nonnull (space);
                  g_hash_table_replace (expected, g_strndup (key, space - key),
                                        g_strdup (space + 1));
                }
            }
          g_ptr_array_set_size (block, 0);
          g_clear_pointer (&pending, g_strfreev);
          (*n_acknowledged)++;
        }
      else
        g_error ("crash-editor wrote an unexpected line: %s", line);
    }
  return g_steal_pointer (&pending);
}

static void
compare_facts (GHashTable *expected,
               GHashTable *found,
               GStrv       in_flight,
               guint       round)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keys, key);
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keys, key);

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *want = g_hash_table_lookup (expected, key);
      const char *have = g_hash_table_lookup (found, key);

      if (in_flight != NULL && g_strv_contains ((const char * const *) in_flight, key))
        continue;
      if (g_strcmp0 (want, have) != 0)
        {
          g_test_message ("round %u: %s acknowledged as '%s' but the file has '%s'",
                          round, (char *) key, want ? want : "(gone)", have ? have : "(gone)");
          g_test_fail ();
        }
    }
}

static void
run_round (const char *path,
           GHashTable *expected,
           guint       round,
           Totals     *totals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) editor = NULL;
  g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int ());
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  g_auto(GStrv) in_flight = NULL;
  g_autoptr(GHashTable) found = NULL;
  OurStoreReport report = { 0 };
  guint acknowledged = 0;
  /* Starting the editor takes 20–60 ms (it links the renderer's libraries), so
   * the window reaches past the first edits as well as into the open. */
  int delay_ms = g_test_rand_int_range (3, 150);
  const char *journal = round % 2 ? "wal" : "exclusive";

  editor = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                             &error, editor_path, path, seed, journal, NULL);
  g_assert_no_error (error);
  g_usleep (delay_ms * 1000);
  g_subprocess_force_exit (editor);
  g_subprocess_wait (editor, NULL, &error);
  g_assert_no_error (error);

  output = read_all (g_subprocess_get_stdout_pipe (editor));
  errors = read_all (g_subprocess_get_stderr_pipe (editor));
  if (!g_subprocess_get_if_signaled (editor))
    g_error ("round %u: crash-editor (seed %s) stopped by itself: %s", round, seed, errors);

  in_flight = apply_output (output, expected, &acknowledged);
  totals->acknowledged += acknowledged;
  if (in_flight != NULL)
    totals->in_flight++;
  if (acknowledged == 0)
    totals->empty_rounds++;

  found = facts_of_file (path);
  g_assert_true (our_store_check (path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report.integrity, ==, "ok");
  our_store_report_clear (&report);

  compare_facts (expected, found, in_flight, round);
  if (g_test_failed ())
    g_error ("round %u (editor seed %s, %s journal, killed after %d ms) lost an acknowledged edit",
             round, seed, journal, delay_ms);

  /* The command in flight may or may not have reached the file: from now on
   * the file is what counts. */
  g_hash_table_remove_all (expected);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, found);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (expected, g_strdup (key), g_strdup (value));
  }
}

static void
test_kill_anytime (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ourplan-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurGoal) goal = our_goal_new (NULL);
  g_autoptr(GHashTable) expected = NULL;
  Totals totals = { 0 };
  GDir *listing;
  const char *name;
  const char *kills_setting = g_getenv ("OURPLAN_SOAK_KILLS");
  const char *minutes_setting = g_getenv ("OURPLAN_SOAK_MINUTES");
  guint n_kills = kills_setting ? (guint) g_ascii_strtoull (kills_setting, NULL, 10) : N_ROUNDS;
  gint64 until = g_get_monotonic_time () +
                 (minutes_setting ? (gint64) (g_ascii_strtod (minutes_setting, NULL) * 60e6) : 0);
  gint64 started = g_get_monotonic_time ();
  guint round;

  g_assert_no_error (error);
  path = g_build_filename (dir, "crash.ourplan", NULL);
  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Siân", OUR_AUTHOR_PERSON);
  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, "Cerdded ger yr afon", OUR_AUTHOR_PERSON);
  our_plan_insert_goal (plan, 0, goal);
  store = our_store_create (path, plan, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  expected = facts_of_file (path);
  for (round = 0; round < MAX (n_kills, 1) || g_get_monotonic_time () < until; round++)
    run_round (path, expected, round, &totals);

  g_test_message ("%u kills: %u acknowledged edits checked, %u kills during an edit, "
                  "%u kills before the first edit",
                  round, totals.acknowledged, totals.in_flight, totals.empty_rounds);
  /* Every round above ended in a sound file holding every acknowledged
   * edit, or the test stopped there. */
  g_test_message ("SOAK-RESULT kills=%u acknowledged_edits=%u kills_during_an_edit=%u "
                  "corrupt_files=0 lost_acknowledged_edits=0 minutes=%.1f",
                  round, totals.acknowledged, totals.in_flight,
                  (g_get_monotonic_time () - started) / 60e6);
  /* The test means nothing if the editor never got to edit. How many edits
   * fit before a kill depends on the machine's speed (sanitizers, a busy
   * machine): only "none at all" is a failure, never a count that a slower
   * run would miss. */
  g_assert_cmpuint (totals.acknowledged, >, 0);
  g_assert_cmpuint (totals.empty_rounds, <, round);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_dir_close (listing);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("Usage: %s PATH-TO-crash-editor\n", argv[0]);
      return 2;
    }
  editor_path = argv[1];

  g_test_add_func ("/store/crash/kill-anytime", test_kill_anytime);
  return g_test_run ();
}
