/* bench-limits.c: how long files holding far more than a person writes take to open and to print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each file is a small plan with, added behind Our Plan's back, one of:
 * 100,000 consent rows, 50,000 notes on the board, 100,000 board areas, or
 * 1 MB of text without a space. Before the limits (our-limits.h) these took
 * 13 s to over 20 s; now each is cut on opening. Prints, for each, the time
 * of our_store_open() and of laying out the team copy, as BENCH-ROW lines.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "our-copy.h"
#include "our-store-private.h"

#define COUNT_TO(n) "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " #n ") "

static const struct
{
  const char *name;
  const char *sql;
} files[] = {
  { "100,000 consent rows",
    COUNT_TO (100000) "INSERT INTO consent SELECT 'goals', 'm' || i, '2026-01-01', 0 FROM n" },
  { "50,000 board notes",
    COUNT_TO (50000) "INSERT INTO board_items (id, position, text) SELECT 'b' || i, i, 'Note ' || i FROM n" },
  { "100,000 board areas",
    COUNT_TO (100000) "INSERT INTO board_zones (id, position, name) SELECT 'z' || i, i, 'Area ' || i FROM n" },
  { "1 MB of text without a space",
    "INSERT OR REPLACE INTO me (key, text, author) SELECT 'good-at', group_concat('x', ''), 0"
    " FROM (" COUNT_TO (1000000) "SELECT i FROM n)" },
};

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ourplan-bench-limits-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_strdup_printf ("%s/plan-%u.ourplan", dir, f);
      g_autoptr(OurPlan) plan = our_plan_new ();
      g_autoptr(OurStore) store = NULL;
      g_autoptr(OurCopy) copy = NULL;
      OurCopyOptions options = { OUR_COPY_TEAM, NULL, FALSE, NULL };
      sqlite3 *db = NULL;
      char *message = NULL;
      gint64 start;
      double open_ms, copy_ms;

      our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Sam", OUR_AUTHOR_PERSON);
      g_assert_true (our_store_write_plan (plan, path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      if (sqlite3_exec (db, files[f].sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s", message);
      sqlite3_close (db);

      start = g_get_monotonic_time ();
      store = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, &error);
      open_ms = elapsed_ms (start);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      copy = our_copy_new (our_store_get_plan (store), &options, OUR_COPY_A4_WIDTH, OUR_COPY_A4_HEIGHT);
      copy_ms = elapsed_ms (start);

      printf ("%s: open %.0f ms, team copy laid out in %.0f ms (pages: %u)\n", files[f].name,
              open_ms, copy_ms, our_copy_get_n_pages (copy));
      printf ("BENCH-ROW File of %s: open\t%.0f\tms\t< 1000 ms\n", files[f].name, open_ms);
      printf ("BENCH-ROW File of %s: team copy laid out\t%.0f\tms\t< 1000 ms\n", files[f].name,
              copy_ms);
      our_store_close (store);
      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
