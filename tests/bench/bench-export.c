/* bench-export.c: how long a printed copy takes to lay out and write as a PDF, printed as figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-export SAMPLE.ourplan
 *
 * sample:  median time to lay out and write My copy of the sample plan as a
 *          PDF (goal: under 300 ms).
 * large:   the team copy of a generated plan with 300 goals, 300 members
 *          and a 200-item board: time and pages (goal: under 3 s).
 * soffice: side by side, LibreOffice (`soffice --headless --convert-to pdf`)
 *          converting an HTML document with the same words as the large
 *          plan; prints the ratio, or that it was skipped when soffice is
 *          not installed.
 *
 * Scratch files go to $OURPLAN_BENCH_DIR, else the system's temporary folder.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-plans.h"
#include "our-copy.h"
#include "our-store.h"

#define SAMPLE_RUNS 15
#define LARGE_RUNS 3

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

/* Lays out and writes one copy; returns milliseconds. */
static double
time_export (OurPlan     *plan,
             OurCopyKind  kind,
             const char  *path,
             guint       *n_pages)
{
  OurCopyOptions options = { kind, NULL, FALSE, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(OurCopy) copy = our_copy_new (plan, &options, OUR_COPY_A4_WIDTH, OUR_COPY_A4_HEIGHT);

  if (!our_copy_write_pdf (copy, path, &error))
    g_error ("%s", error->message);
  *n_pages = our_copy_get_n_pages (copy);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static const char *words[] = {
  "walk", "Bryn", "up", "to", "the", "reservoir", "sing", "with", "the", "choir", "on",
  "Tuesdays", "sleep", "better", "so", "mornings", "are", "not", "a", "battle", "money",
  "letters", "garden", "centre", "Nia", "panad", "Caffi", "Tŷ", "Coch", "bara", "brith",
};

static char *
sentence (GRand *rand,
          guint  n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

/* A plan of 300 goals (each with a reason and steps), 300 members and a
 * 200-item board, and the same words as HTML for LibreOffice. */
static OurPlan *
generate_plan (GString *html)
{
  OurPlan *plan = our_plan_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  const char *symbols[] = { "home", "sleep", "food", "money", "work", "friends" };

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Gwen", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_REVIEW_DATE, "2027-02-11", OUR_AUTHOR_COORDINATOR);
  g_string_append (html, "<html><head><meta charset=\"utf-8\"><title>Care plan</title></head><body>"
                         "<h1>Gwen</h1><h2>My goals</h2>\n");
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("goal-%u", i);
      g_autofree char *title = sentence (rand, 6);
      g_autofree char *why = sentence (rand, 30);
      g_autoptr(OurGoal) goal = our_goal_new (id);

      our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, title, OUR_AUTHOR_PERSON);
      our_goal_set_text (goal, OUR_GOAL_TEXT_WHY, why, OUR_AUTHOR_PERSON);
      our_goal_set_symbol (goal, symbols[i % G_N_ELEMENTS (symbols)]);
      our_goal_set_progress (goal, i % 11);
      g_string_append_printf (html, "<h3>%s</h3><p>%u out of 10</p><h4>Why it matters</h4><p>%s</p><ul>",
                              title, i % 11, why);
      for (guint s = 0; s < 3; s++)
        {
          g_autofree char *step_id = g_strdup_printf ("step-%u-%u", i, s);
          g_autofree char *what = sentence (rand, 9);
          g_autoptr(OurStep) step = our_step_new (step_id);

          our_step_set_text (step, OUR_STEP_TEXT_WHAT, what, OUR_AUTHOR_PERSON);
          our_step_set_text (step, OUR_STEP_TEXT_WHO, "Nia", OUR_AUTHOR_PERSON);
          our_step_set_text (step, OUR_STEP_TEXT_BY_WHEN, "2027-01-10", OUR_AUTHOR_PERSON);
          our_goal_insert_step (goal, s, step);
          g_string_append_printf (html, "<li>%s<br>Who helps: Nia · By 10 January 2027</li>", what);
        }
      g_string_append (html, "</ul>\n");
      our_plan_insert_goal (plan, i, goal);
    }

  g_string_append (html, "<h2>My people</h2><ul>\n");
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("member-%u", i);
      g_autofree char *name = g_strdup_printf ("%s %u", words[i % G_N_ELEMENTS (words)], i);
      g_autofree char *notes = sentence (rand, 8);
      g_autoptr(OurMember) member = our_member_new (id);

      our_member_set_text (member, OUR_MEMBER_TEXT_NAME, name, OUR_AUTHOR_PERSON);
      our_member_set_text (member, OUR_MEMBER_TEXT_NOTES, notes, OUR_AUTHOR_PERSON);
      our_member_set_kind (member, i % OUR_N_MEMBER_KINDS);
      our_member_set_place (member, i % OUR_N_RINGS, g_rand_double_range (rand, 0, 360));
      our_member_set_helps (member, 1 + i % OUR_HELPS_ALL);
      our_plan_insert_member (plan, i, member);
      g_string_append_printf (html, "<li><b>%s</b><br>A person · Close<br>%s</li>", name, notes);
    }

  g_string_append (html, "</ul><h2>Notes board</h2><ul>\n");
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("item-%u", i);
      gboolean note = i % 4 != 0;
      g_autoptr(OurBoardItem) item = our_board_item_new (id, note ? OUR_BOARD_ITEM_NOTE
                                                                  : OUR_BOARD_ITEM_SYMBOL);
      g_autofree char *text = sentence (rand, 7);

      if (note)
        our_board_item_set_text (item, text, OUR_AUTHOR_PERSON);
      else
        our_board_item_set_symbol (item, symbols[i % G_N_ELEMENTS (symbols)]);
      our_board_item_set_colour (item, i % OUR_N_NOTE_COLOURS);
      our_board_item_set_box (item, (i % 20) * 190.0, (i / 20) * 190.0, 170, 150);
      our_board_item_set_rotation (item, (i % 7) - 3.0);
      our_plan_insert_board_item (plan, i, item);
      g_string_append_printf (html, "<li>Note: %s</li>", note ? text : "Symbol");
    }
  g_string_append (html, "</ul></body></html>\n");
  return plan;
}

/* LibreOffice's time for the same words, or -1 when it could not be run. */
static double
run_soffice (const char *dir,
             const char *html_path,
             double      ours_ms)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = NULL;
  g_autofree char *profile_arg = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start;
  double ms;

  if (soffice == NULL)
    {
      g_print ("soffice: skipped (LibreOffice is not installed: apt-get install libreoffice-writer-nogui)\n");
      return -1;
    }
  profile = g_build_filename (dir, "lo-profile", NULL);
  profile_arg = g_strdup_printf ("-env:UserInstallation=file://%s", profile);

  {
    /* The first start builds LibreOffice's profile: not counted. */
    const char *warm[] = { soffice, profile_arg, "--headless", "--convert-to", "pdf:writer_pdf_Export",
                           "--outdir", dir, html_path, NULL };
    if (!g_spawn_sync (NULL, (char **) warm, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, &error))
      {
        g_print ("soffice: skipped (%s)\n", error->message);
        return -1;
      }
  }
  {
    const char *argv[] = { soffice, profile_arg, "--headless", "--convert-to", "pdf:writer_pdf_Export",
                           "--outdir", dir, html_path, NULL };

    start = g_get_monotonic_time ();
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    ms = (g_get_monotonic_time () - start) / 1000.0;
  }
  if (error != NULL || !g_spawn_check_wait_status (status, NULL))
    {
      g_print ("soffice: skipped (the conversion failed)\n");
      return -1;
    }
  g_print ("soffice: LibreOffice converted the same words (HTML to PDF) in %.0f ms, "
           "including its start-up; Our Plan's team copy took %.0f ms: LibreOffice / Our Plan = %.1f\n",
           ms, ours_ms, ms / ours_ms);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  const char *base = g_getenv ("OURPLAN_BENCH_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *plan_copy = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *html_path = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurPlan) large = NULL;
  g_autoptr(GError) error = NULL;
  GString *html = g_string_new (NULL);
  guint n_pages = 0;
  double ms, large_ms, soffice_ms;

  if (argc != 2)
    {
      g_printerr ("Usage: bench-export SAMPLE.ourplan\n");
      return 2;
    }
  dir = g_build_filename (base != NULL ? base : g_get_tmp_dir (), "bench-export-XXXXXX", NULL);
  if (g_mkdtemp (dir) == NULL)
    g_error ("Cannot make a folder for scratch files");

  /* Open a copy of the sample read-only: the benchmark logs nothing. */
  plan_copy = g_build_filename (dir, "sample.ourplan", NULL);
  {
    g_autofree char *contents = NULL;
    gsize length;

    if (!g_file_get_contents (argv[1], &contents, &length, &error) ||
        !g_file_set_contents (plan_copy, contents, length, &error))
      g_error ("%s", error->message);
  }
  store = our_store_open (plan_copy, OUR_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  pdf = g_build_filename (dir, "copy.pdf", NULL);

  time_export (our_store_get_plan (store), OUR_COPY_PERSON, pdf, &n_pages);   /* fonts warm */
  for (guint i = 0; i < SAMPLE_RUNS; i++)
    {
      ms = time_export (our_store_get_plan (store), OUR_COPY_PERSON, pdf, &n_pages);
      g_array_append_val (times, ms);
    }
  g_print ("sample: My copy of the sample plan as a PDF: median %.1f ms over %u runs, %u pages "
           "(goal: under 300 ms)\n", median (times), SAMPLE_RUNS, n_pages);
  printf ("BENCH-ROW My copy of the sample as a PDF\t%.0f\tms\t< 300 ms\n", median (times));

  large = generate_plan (html);
  g_array_set_size (times, 0);
  for (guint i = 0; i < LARGE_RUNS; i++)
    {
      ms = time_export (large, OUR_COPY_TEAM, pdf, &n_pages);
      g_array_append_val (times, ms);
    }
  large_ms = median (times);
  {
    GStatBuf buf;

    g_stat (pdf, &buf);
    g_print ("large: team copy of 300 goals, 300 members and a 200-item board: median %.0f ms "
             "over %u runs, %u pages, %.1f MB (goal: under 3 s)\n",
             large_ms, LARGE_RUNS, n_pages, buf.st_size / 1e6);
  }

  html_path = g_build_filename (dir, "same-words.html", NULL);
  if (!g_file_set_contents (html_path, html->str, (gssize) html->len, &error))
    g_error ("%s", error->message);
  g_string_free (html, TRUE);
  soffice_ms = run_soffice (dir, html_path, large_ms);
  printf ("BENCH-ROW Team copy of a large plan as a PDF\t%.0f\tms\t< 3000 ms\n", large_ms);
  if (soffice_ms > 0)
    printf ("BENCH-ROW Team copy of a large plan vs LibreOffice (same words)\t%.0f\tms\t"
            "<= 1x peer\tLibreOffice\t%.0f\n", large_ms, soffice_ms);

  our_store_close (store);
  g_clear_object (&store);
  bench_remove_tree (dir);
  return 0;
}
