/* test-limits.c: a plan holds what a person could write, and a file that holds more is cut, said and kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files from anywhere may hold far more than a meeting writes (a hostile
 * file held 100,000 consent rows, 50,000 notes and megabytes of text without
 * a space). Opening such a file reads no more than our-limits.h allows, tells
 * the person in a sentence for each part, opens it read-only and leaves it as
 * it was; edits never go beyond the limits either.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "our-command.h"
#include "our-history.h"
#include "our-limits.h"
#include "our-store-private.h"
#include "test-session.h"

static char *
make_plan_file (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurStore) store = NULL;
  char *path;

  *dir = g_dir_make_tmp ("ourplan-limits-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "plan.ourplan", NULL);
  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Sam", OUR_AUTHOR_PERSON);
  store = our_store_create (path, plan, &error);
  g_assert_no_error (error);
  our_store_close (store);
  return path;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char *
list_folder (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, (char *) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static gboolean
has_notice (const char * const *notices,
            const char         *words)
{
  for (; *notices != NULL; notices++)
    if (strstr (*notices, words) != NULL)
      return TRUE;
  return FALSE;
}

/* Rows far beyond every limit, the way a hostile file would hold them. */
#define COUNT_TO(n) "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " #n ") "

static void
test_file_holding_more (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_plan_file (&dir);
  g_autofree char *bytes_before = NULL, *bytes_after = NULL;
  g_autofree char *folder_before = NULL, *folder_after = NULL;
  gsize size_before, size_after;
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = NULL;
  const char * const *notices;
  OurPlan *plan;
  OurGoal *first;

  run_sql (path,
           COUNT_TO (600) "INSERT INTO goals (id, position, title) SELECT 'g' || i, i, 'Goal ' || i FROM n;"
           COUNT_TO (150) "INSERT INTO steps (id, goal_id, position, what) SELECT 's' || i, 'g1', i, 'Step' FROM n;"
           COUNT_TO (1200) "INSERT INTO board_items (id, position, text) SELECT 'b' || i, i, 'Note' FROM n;"
           COUNT_TO (100000) "INSERT INTO consent SELECT 'goals', 'm' || i, '2026-01-01', 0 FROM n;"
           "INSERT OR REPLACE INTO me (key, text, author) SELECT 'preferred-name',"
           " group_concat('x', ''), 0 FROM (" COUNT_TO (25000) "SELECT i FROM n);");
  g_assert_true (g_file_get_contents (path, &bytes_before, &size_before, NULL));
  folder_before = list_folder (dir);

  store = our_store_open (path, 0, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, OUR_MAX_GOALS);
  first = our_plan_get_goal (plan, 0);
  g_assert_cmpstr (our_goal_get_id (first), ==, "g1");
  g_assert_cmpuint (our_goal_get_n_steps (first), ==, OUR_MAX_STEPS_PER_GOAL);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_board_items (plan)), ==,
                    OUR_MAX_BOARD_ITEMS);
  g_assert_cmpuint (our_plan_get_consents (plan)->len, ==, OUR_MAX_CONSENTS);
  g_assert_nonnull (our_plan_get_consent (plan, OUR_SECTION_GOALS, "m1"));
  g_assert_null (our_plan_get_consent (plan, OUR_SECTION_GOALS, "m99999"));
  g_assert_cmpint (g_utf8_strlen (our_plan_get_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME), -1),
                   ==, OUR_MAX_TEXT_CHARS);

  /* Told, part by part, and kept from being saved back cut. */
  notices = our_store_get_notices (store);
  g_assert_true (has_notice (notices, "more goals"));
  g_assert_true (has_notice (notices, "more steps"));
  g_assert_true (has_notice (notices, "notes board"));
  g_assert_true (has_notice (notices, "what each person may see"));
  g_assert_true (has_notice (notices, "longer than Our Plan can show"));
  g_assert_true (our_store_get_read_only (store));
  g_assert_nonnull (strstr (our_store_get_read_only_reason (store), "holds more than"));
  our_store_close (store);

  g_assert_true (g_file_get_contents (path, &bytes_after, &size_after, NULL));
  g_assert_cmpmem (bytes_before, size_before, bytes_after, size_after);
  folder_after = list_folder (dir);
  g_assert_cmpstr (folder_before, ==, folder_after);
  remove_folder (dir);
}

/* `ourplan check` says the same, and a plan within the limits is told nothing. */
static void
test_check_says_so (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_plan_file (&dir);
  OurStoreReport report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = NULL;

  store = our_store_open (path, 0, &error);
  g_assert_no_error (error);
  g_assert_null (our_store_get_notices (store)[0]);
  g_assert_false (our_store_get_read_only (store));
  our_store_close (store);

  run_sql (path, COUNT_TO (201) "INSERT INTO board_zones (id, position) SELECT 'z' || i, i FROM n;");
  g_assert_true (our_store_check (path, &report, &error));
  g_assert_no_error (error);
  g_assert_true (has_notice ((const char * const *) report.notices, "more areas"));
  our_store_report_clear (&report);
  remove_folder (dir);
}

static void
test_text_cut_at_a_character (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  const char *kept;

  /* Two bytes a character: cut by characters, never inside one. */
  for (int i = 0; i < OUR_MAX_TEXT_CHARS + 10; i++)
    g_string_append (text, "é");
  our_plan_set_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS, text->str, OUR_AUTHOR_PERSON);
  kept = our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS);
  g_assert_true (g_utf8_validate (kept, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (kept, -1), ==, OUR_MAX_TEXT_CHARS);
  g_assert_cmpuint (our_text_cut_length ("abc", 2), ==, 2);
  g_assert_cmpuint (our_text_cut_length ("abc", 3), ==, 3);
  g_assert_cmpuint (our_text_cut_length ("ééé", 2), ==, 4);
}

static void
test_adding_stops_at_the_limit (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);
  g_autoptr(OurGoal) extra = our_goal_new ("one-too-many");
  g_autoptr(OurStep) extra_step = our_step_new ("step-too-many");
  OurGoal *first;

  for (guint i = 0; i < OUR_MAX_GOALS; i++)
    {
      g_autoptr(OurGoal) goal = our_goal_new (NULL);
      g_assert_true (our_history_run (history, our_command_new_add_goal (goal, -1), NULL));
    }
  g_assert_false (our_history_run (history, our_command_new_add_goal (extra, -1), NULL));
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, OUR_MAX_GOALS);

  first = our_plan_get_goal (plan, 0);
  for (guint i = 0; i < OUR_MAX_STEPS_PER_GOAL; i++)
    {
      g_autoptr(OurStep) step = our_step_new (NULL);
      g_assert_true (our_history_run (history,
                                      our_command_new_add_step (our_goal_get_id (first), step, -1),
                                      NULL));
    }
  g_assert_false (our_history_run (history,
                                   our_command_new_add_step (our_goal_get_id (first), extra_step, -1),
                                   NULL));
  g_assert_cmpuint (our_goal_get_n_steps (first), ==, OUR_MAX_STEPS_PER_GOAL);

  for (guint i = 0; i < OUR_MAX_BOARD_ZONES; i++)
    {
      g_autoptr(OurBoardZone) zone = our_board_zone_new (NULL);
      g_assert_true (our_history_run (history, our_command_new_add_board_zone (zone, -1), NULL));
    }
  {
    g_autoptr(OurBoardZone) zone = our_board_zone_new (NULL);
    g_assert_false (our_history_run (history, our_command_new_add_board_zone (zone, -1), NULL));
  }
  /* Undo still takes back what was added. */
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_board_zones (plan)), ==,
                    OUR_MAX_BOARD_ZONES - 1);
}

/* Consents are found by section and person, whatever their number. */
static void
test_consent_lookup (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  const OurConsent *consent;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      our_plan_set_consent (plan, i % OUR_N_SECTIONS, id, "2026-01-02", OUR_AUTHOR_PERSON);
    }
  for (guint i = 0; i < 2000; i += 2)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      our_plan_set_consent (plan, i % OUR_N_SECTIONS, id, NULL, OUR_AUTHOR_PERSON);
    }
  g_assert_cmpuint (our_plan_get_consents (plan)->len, ==, 1000);
  g_assert_null (our_plan_get_consent (plan, 0, "m0"));
  consent = our_plan_get_consent (plan, 1, "m1");
  g_assert_nonnull (consent);
  g_assert_cmpstr (consent->member_id, ==, "m1");
  /* Another section of the same person is a different choice. */
  g_assert_null (our_plan_get_consent (plan, 2, "m1"));
  our_plan_set_consent (plan, 1, "m1", "2026-03-04", OUR_AUTHOR_COORDINATOR);
  consent = our_plan_get_consent (plan, 1, "m1");
  g_assert_cmpstr (consent->since, ==, "2026-03-04");
  g_assert_cmpuint (our_plan_get_consents (plan)->len, ==, 1000);
}

/* Members are found by id; with two of one id (only a hand-made file has
 * them), the first is found, and the second once the first has gone. */
static void
test_member_lookup (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurMember) first = our_member_new ("same");
  g_autoptr(OurMember) second = our_member_new ("same");
  g_autoptr(OurMember) other = our_member_new ("other");
  guint position = 99;

  our_plan_insert_member (plan, 0, other);
  our_plan_insert_member (plan, 1, first);
  our_plan_insert_member (plan, 2, second);
  g_assert_true (our_plan_find_member (plan, "same", &position) == first);
  g_assert_cmpuint (position, ==, 1);
  our_plan_remove_member (plan, 1);
  g_assert_true (our_plan_find_member (plan, "same", &position) == second);
  g_assert_cmpuint (position, ==, 1);
  our_plan_remove_member (plan, 1);
  g_assert_null (our_plan_find_member (plan, "same", NULL));
  g_assert_true (our_plan_find_member (plan, "other", &position) == other);
  g_assert_cmpuint (position, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/file-holding-more", test_file_holding_more);
  g_test_add_func ("/limits/check-says-so", test_check_says_so);
  g_test_add_func ("/limits/text-cut-at-a-character", test_text_cut_at_a_character);
  g_test_add_func ("/limits/adding-stops", test_adding_stops_at_the_limit);
  g_test_add_func ("/limits/consent-lookup", test_consent_lookup);
  g_test_add_func ("/limits/member-lookup", test_member_lookup);

  return g_test_run ();
}
