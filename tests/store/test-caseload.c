/* test-caseload.c: the start screen's list of plans: read off the main thread, in order, changing nothing on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "our-caseload.h"
#include "our-store.h"

static char *
iso_date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
write_plan (const char *folder,
            const char *file_name,
            const char *name,
            int         review_in_days)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autofree char *path = g_build_filename (folder, file_name, NULL);
  g_autoptr(GError) error = NULL;

  if (name != NULL)
    our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, name, OUR_AUTHOR_PERSON);
  if (review_in_days != G_MININT)
    {
      g_autofree char *date = iso_date_from_today (review_in_days);
      our_plan_set_me_text (plan, OUR_ME_FIELD_REVIEW_DATE, date, OUR_AUTHOR_COORDINATOR);
    }
  g_assert_true (our_store_write_plan (plan, path, &error));
  g_assert_no_error (error);
}

static gboolean
is_scanning (OurCaseload *caseload)
{
  return our_caseload_get_scanning (caseload);
}

static void
scan_and_wait (OurCaseload        *caseload,
               const char         *folder,
               const char * const *recent)
{
  our_caseload_scan (caseload, folder, recent);
  while (is_scanning (caseload))
    g_main_context_iteration (NULL, TRUE);
}

static OurCaseloadEntry *
entry_at (OurCaseload *caseload,
          guint        position)
{
  OurCaseloadEntry *entry = g_list_model_get_item (G_LIST_MODEL (caseload), position);

  g_assert_nonnull (entry);
  g_object_unref (entry);  /* the list keeps it */
  return entry;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every file's name, size and time, to show that nothing was touched. */
static char *
describe_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, name,
                                               (gint64) st.st_size, (gint64) st.st_mtime));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_order_and_status (void)
{
  g_autofree char *folder = g_dir_make_tmp ("test-caseload-XXXXXX", NULL);
  g_autofree char *elsewhere = g_dir_make_tmp ("test-caseload-recent-XXXXXX", NULL);
  g_autofree char *recent_path = g_build_filename (elsewhere, "visiting.ourplan", NULL);
  g_autofree char *damaged = g_build_filename (folder, "damaged.ourplan", NULL);
  g_autofree char *notes = g_build_filename (folder, "notes.txt", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(OurCaseload) caseload = our_caseload_new ();
  const char *recent[] = { recent_path, "relative.ourplan", NULL };
  static const struct { const char *name; OurReviewStatus status; gboolean recent; } expected[] = {
    { "Gwen Morgan", OUR_REVIEW_OVERDUE, FALSE },
    { "Bea Evans", OUR_REVIEW_DUE_SOON, FALSE },
    { "Alun Price", OUR_REVIEW_SCHEDULED, FALSE },
    { "Dai Jones", OUR_REVIEW_NO_DATE, FALSE },
    { "Yann Rees", OUR_REVIEW_NO_DATE, TRUE },
    { "zed", OUR_REVIEW_NO_DATE, FALSE },
    { "damaged", OUR_REVIEW_UNREADABLE, FALSE },
  };

  write_plan (folder, "alun.ourplan", "Alun Price", 90);
  write_plan (folder, "bea.ourplan", "  Bea Evans ", 10);
  write_plan (folder, "dai.ourplan", "Dai Jones", G_MININT);
  write_plan (folder, "gwen.ourplan", "Gwen Morgan", -3);
  write_plan (folder, "zed.ourplan", NULL, G_MININT);
  write_plan (elsewhere, "visiting.ourplan", "Yann Rees", G_MININT);
  g_assert_true (g_file_set_contents (damaged, "SQLite format 3\0 not really", 28, NULL));
  g_assert_true (g_file_set_contents (notes, "not a plan", -1, NULL));
  before = describe_folder (folder);

  scan_and_wait (caseload, folder, recent);
  g_assert_true (our_caseload_get_loaded (caseload));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (caseload)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      OurCaseloadEntry *entry = entry_at (caseload, i);

      g_assert_cmpstr (our_caseload_entry_get_name (entry), ==, expected[i].name);
      g_assert_cmpint (our_caseload_entry_get_status (entry), ==, expected[i].status);
      g_assert_cmpint (our_caseload_entry_get_recent (entry), ==, expected[i].recent);
      g_assert_true ((our_caseload_entry_get_problem (entry) != NULL)
                     == (expected[i].status == OUR_REVIEW_UNREADABLE));
    }
  g_assert_cmpint (our_caseload_entry_get_days_to_review (entry_at (caseload, 1)), ==, 10);
  g_assert_true (our_caseload_entry_matches (entry_at (caseload, 0), "gwen"));
  g_assert_true (our_caseload_entry_matches (entry_at (caseload, 0), "gwen.our"));
  g_assert_false (our_caseload_entry_matches (entry_at (caseload, 0), "bea"));

  /* Reading the list changed nothing beside the plans. */
  after = describe_folder (folder);
  g_assert_cmpstr (before, ==, after);

  /* A plan renamed, one removed: the next scan replaces and drops them. */
  write_plan (folder, "alun.ourplan", "Alun Pryce", 90);
  g_assert_cmpint (g_unlink (damaged), ==, 0);
  scan_and_wait (caseload, folder, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (caseload)), ==, 5);
  g_assert_cmpstr (our_caseload_entry_get_name (entry_at (caseload, 2)), ==, "Alun Pryce");
}

/* A scan started before the last one ended never shows its findings. */
static void
test_rescan_replaces (void)
{
  g_autofree char *first = g_dir_make_tmp ("test-caseload-a-XXXXXX", NULL);
  g_autofree char *second = g_dir_make_tmp ("test-caseload-b-XXXXXX", NULL);
  g_autoptr(OurCaseload) caseload = our_caseload_new ();

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *file = g_strdup_printf ("p%02u.ourplan", i);
      write_plan (first, file, "In the first folder", G_MININT);
    }
  write_plan (second, "only.ourplan", "In the second folder", G_MININT);

  our_caseload_scan (caseload, first, NULL);
  scan_and_wait (caseload, second, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (caseload)), ==, 1);
  g_assert_cmpstr (our_caseload_entry_get_name (entry_at (caseload, 0)), ==, "In the second folder");
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  GThread **thread = user_data;

  /* Every change is told on the thread that owns the list. */
  g_assert_true (*thread == g_thread_self ());
}

/* The scan's findings reach the list only through the main loop, on the
 * main thread, even while the main thread is busy elsewhere: the start
 * screen's widgets follow the list and must never be touched by the scan. */
static void
test_batches_only_on_main_thread (void)
{
  g_autofree char *folder = g_dir_make_tmp ("test-caseload-XXXXXX", NULL);
  g_autoptr(OurCaseload) caseload = our_caseload_new ();
  GThread *main_thread = g_thread_self ();
  gint64 until;

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("plan-%d.ourplan", i);
      write_plan (folder, name, "Someone", 10);
    }
  g_signal_connect (caseload, "items-changed", G_CALLBACK (count_changes_cb), &main_thread);

  our_caseload_scan (caseload, folder, NULL);
  /* Long enough for the scan to finish; the main loop is not run. */
  until = g_get_monotonic_time () + 500 * 1000;
  while (g_get_monotonic_time () < until)
    g_usleep (10 * 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (caseload)), ==, 0);
  g_assert_true (our_caseload_get_scanning (caseload));

  while (is_scanning (caseload))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (caseload)), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/caseload/order-and-status", test_order_and_status);
  g_test_add_func ("/caseload/rescan-replaces", test_rescan_replaces);
  g_test_add_func ("/caseload/batches-only-on-main-thread", test_batches_only_on_main_thread);
  return g_test_run ();
}
