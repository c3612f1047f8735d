/* test-comments.c: a carer's copy that takes comments and nothing else, and bringing its comments in
 *
 * Bringing in twice, a copy of another person's plan, a copy with no
 * identity, rows edited by hand into nonsense, a newer copy, and comments
 * on something since removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "our-carer-comments.h"
#include "our-command.h"
#include "our-limits.h"
#include "our-session.h"
#include "our-store.h"
#include "our-store-error.h"

typedef struct
{
  char     *dir;
  char     *plan_path;
  char     *carer_path;
  OurStore *store;       /* the plan, open in clinic */
} Fixture;

static OurPlan *
make_plan (const char *name)
{
  OurPlan *plan = our_plan_new ();
  g_autoptr(OurMember) sam = our_member_new ("member-sam");
  g_autoptr(OurGoal) goal = our_goal_new ("goal-choir");

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, name, OUR_AUTHOR_PERSON);
  our_member_set_text (sam, OUR_MEMBER_TEXT_NAME, "Sam", OUR_AUTHOR_PERSON);
  our_member_set_is_carer (sam, TRUE);
  our_plan_insert_member (plan, 0, sam);
  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, "Sing with the choir", OUR_AUTHOR_PERSON);
  our_plan_insert_goal (plan, 0, goal);
  our_plan_set_consent (plan, OUR_SECTION_GOALS, "member-sam", "2026-11-12", OUR_AUTHOR_PERSON);
  return plan;
}

/* Writes Sam's copy of @plan to @path. */
static void
write_carer_copy (OurPlan    *plan,
                  const char *path)
{
  g_autoptr(OurPlan) copy = our_plan_new_carer_copy (plan, "member-sam");
  g_autoptr(GError) error = NULL;

  g_assert_true (our_store_write_plan (copy, path, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPlan) plan = make_plan ("Gwen");

  fixture->dir = g_dir_make_tmp ("ourplan-comments-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->plan_path = g_build_filename (fixture->dir, "gwen.ourplan", NULL);
  fixture->carer_path = g_build_filename (fixture->dir, "sam.ourplan", NULL);
  fixture->store = our_store_create (fixture->plan_path, plan, &error);
  g_assert_no_error (error);
  write_carer_copy (our_store_get_plan (fixture->store), fixture->carer_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  our_store_close (fixture->store);
  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->plan_path);
  g_free (fixture->carer_path);
}

/* Opens the carer's copy as the carer would, writes @n comments, closes it. */
static void
write_comments (const char *path,
                guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  OurSession *session;

  g_assert_no_error (error);
  session = our_store_get_session (store);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("Comment %u: she sang on Sunday", i);
      g_autoptr(OurComment) comment = our_comment_new (NULL, "member-sam", "Sam", "2026-12-01",
                                                       i % 2 ? OUR_PART_GOAL : OUR_PART_PLAN,
                                                       "goal-choir", "Sing with the choir");

      our_comment_set_text (comment, text);
      g_assert_true (our_session_run (session, our_command_new_add_item (OUR_LIST_COMMENTS, NULL,
                                                                         comment, -1), &error));
      g_assert_no_error (error);
    }
  our_store_close (store);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The carer can write comments, and nothing else, whatever asks. */
static void
test_copy_takes_only_comments (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = our_store_open (fixture->carer_path, OUR_STORE_OPEN_DEFAULT, &error);
  OurSession *session;
  OurPlan *plan;
  g_autoptr(OurGoal) goal = our_goal_new (NULL);
  g_autoptr(OurComment) comment = our_comment_new (NULL, "member-sam", "Sam", "2026-12-01",
                                                   OUR_PART_GOAL, "goal-choir", "Sing");
  g_autoptr(OurComment) changed = NULL;

  g_assert_no_error (error);
  session = our_store_get_session (store);
  plan = our_session_get_plan (session);
  g_assert_cmpstr (our_plan_get_carer_id (plan), ==, "member-sam");
  g_assert_cmpstr (our_plan_get_carer_name (plan), ==, "Sam");
  g_assert_true (our_session_get_read_only (session));
  g_assert_true (our_session_get_comments_only (session));
  g_assert_nonnull (strstr (our_session_get_read_only_reason (session), "Sam’s copy of Gwen’s plan"));

  /* Every other change is refused, and the plan is as it was. */
  g_assert_false (our_session_run (session, our_command_new_add_goal (goal, -1), &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (our_session_run (session, our_command_new_delete_goal ("goal-choir"), NULL));
  g_assert_false (our_session_run (session, our_command_new_set_me_text (OUR_ME_FIELD_PREFERRED_NAME,
                                                                         "Someone", OUR_AUTHOR_PERSON),
                                   NULL));
  g_assert_false (our_session_run (session, our_command_new_delete_item (OUR_LIST_GOALS, NULL,
                                                                         "goal-choir"), NULL));
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 1);

  /* Comments are written, changed and removed, and saved at once. */
  our_comment_set_text (comment, "Gwen sang at chapel");
  g_assert_true (our_session_run (session, our_command_new_add_item (OUR_LIST_COMMENTS, NULL,
                                                                     comment, -1), &error));
  g_assert_no_error (error);
  changed = our_comment_copy (comment);
  our_comment_set_text (changed, "Gwen sang at chapel, twice");
  g_assert_true (our_session_run (session, our_command_new_update_item (OUR_LIST_COMMENTS, NULL,
                                                                        changed), &error));
  g_assert_true (our_session_undo (session, &error));
  g_assert_true (our_session_redo (session, &error));
  g_assert_no_error (error);
  our_store_close (store);
  g_clear_object (&store);

  store = our_store_open (fixture->carer_path, OUR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  plan = our_store_get_plan (store);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_comments (plan)), ==, 1);
  {
    g_autoptr(OurComment) saved = g_list_model_get_item (our_plan_get_comments (plan), 0);
    g_assert_cmpstr (our_comment_get_text (saved), ==, "Gwen sang at chapel, twice");
  }
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 1);
  our_store_close (store);
}

static void
bring_in (Fixture *fixture,
          guint    expected)
{
  OurSession *session = our_store_get_session (fixture->store);
  OurPlan *plan = our_session_get_plan (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = our_carer_comments_read (fixture->carer_path, plan, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comments);
  g_assert_cmpuint (comments->len, ==, expected);
  our_session_begin_group (session, NULL);
  for (guint i = 0; i < comments->len; i++)
    g_assert_true (our_session_run (session,
                                    our_command_new_add_item (OUR_LIST_COMMENTS, NULL,
                                                              comments->pdata[i], -1), &error));
  g_assert_true (our_session_end_group (session, &error));
}

static void
test_bring_in_twice (Fixture       *fixture,
                     gconstpointer  data)
{
  OurPlan *plan = our_store_get_plan (fixture->store);
  g_autoptr(OurComment) first = NULL;

  write_comments (fixture->carer_path, 3);
  bring_in (fixture, 3);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_comments (plan)), ==, 3);
  first = g_list_model_get_item (our_plan_get_comments (plan), 0);
  g_assert_cmpstr (our_comment_get_carer_name (first), ==, "Sam");
  g_assert_cmpstr (our_comment_get_text (first), ==, "Comment 0: she sang on Sunday");

  /* The same file again adds nothing; a comment written since is added. */
  bring_in (fixture, 0);
  write_comments (fixture->carer_path, 1);
  bring_in (fixture, 1);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_comments (plan)), ==, 4);

  /* A goal removed since: the comment stays, and says so. */
  g_assert_true (our_session_run (our_store_get_session (fixture->store),
                                  our_command_new_delete_goal ("goal-choir"), NULL));
  {
    g_autoptr(OurComment) about_goal = g_list_model_get_item (our_plan_get_comments (plan), 1);

    g_assert_cmpint (our_comment_get_part_kind (about_goal), ==, OUR_PART_GOAL);
    g_assert_false (our_plan_find_part (plan, OUR_PART_GOAL, our_comment_get_part_id (about_goal)));
    g_assert_true (our_plan_find_part (plan, OUR_PART_PLAN, ""));
  }
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_comments (plan)), ==, 4);
}

static void
assert_refused (Fixture    *fixture,
                const char *path,
                const char *words)
{
  OurPlan *plan = our_store_get_plan (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = our_carer_comments_read (path, plan, &error);

  g_assert_null (comments);
  g_assert_nonnull (error);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_comments (plan)), ==, 0);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(OurPlan) other = make_plan ("Huw");
  g_autofree char *other_path = g_build_filename (fixture->dir, "huw-sam.ourplan", NULL);
  g_autofree char *junk_path = g_build_filename (fixture->dir, "junk.ourplan", NULL);

  /* Another person's plan: the sentence says whose. */
  write_carer_copy (other, other_path);
  assert_refused (fixture, other_path, "Huw’s plan");
  /* The plan itself is not a carer's copy. */
  assert_refused (fixture, fixture->plan_path, "not a carer’s copy");
  /* A copy that lost its identity. */
  write_comments (fixture->carer_path, 2);
  exec_sql (fixture->carer_path, "DELETE FROM plan_info WHERE key = 'plan-id'");
  assert_refused (fixture, fixture->carer_path, "does not say which plan");
  /* From a newer Our Plan. */
  write_carer_copy (our_store_get_plan (fixture->store), fixture->carer_path);
  exec_sql (fixture->carer_path, "PRAGMA user_version = 99");
  assert_refused (fixture, fixture->carer_path, "newer");
  /* Not a plan at all. */
  g_assert_true (g_file_set_contents (junk_path, "hello", -1, NULL));
  assert_refused (fixture, junk_path, "");
}

/* Rows edited by hand: parts that do not exist, kinds out of range, huge
 * text, repeated and empty ids. Mended, never trusted, nothing lost. */
static void
test_hand_edited (Fixture       *fixture,
                  gconstpointer  data)
{
  OurPlan *plan = our_store_get_plan (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO comments (id, position, carer_id, carer_name, written_on, part_kind, part_id,"
    " part_label, text, talked_about_on) VALUES"
    " ('c1', 0, 'someone-else', 'Mallory', 'yesterday', 99, 'nowhere', '', 'Odd kind', 'soon'),"
    " ('c2', 1, '', '', '2026-12-01', 1, 'goal-that-never-was', 'Ghost', 'About nothing', ''),"
    " ('c3', 2, '', '', '2026-12-01', 0, '', '', printf ('%%.*c', %d, 'x'), ''),"
    " ('', 3, '', '', '', 0, '', '', 'No id', ''),"
    " ('c5', 4, '', '', '', 0, '', '', '', '')",
    OUR_MAX_TEXT_CHARS * 3);
  OurComment *odd;

  exec_sql (fixture->carer_path, sql);
  comments = our_carer_comments_read (fixture->carer_path, plan, &error);
  g_assert_no_error (error);
  /* The empty id and the empty comment are left out. */
  g_assert_cmpuint (comments->len, ==, 3);
  odd = comments->pdata[0];
  g_assert_cmpstr (our_comment_get_id (odd), ==, "c1");
  g_assert_cmpint (our_comment_get_part_kind (odd), ==, OUR_PART_PLAN);
  g_assert_cmpstr (our_comment_get_part_id (odd), ==, "");
  g_assert_cmpstr (our_comment_get_written_on (odd), ==, "");
  g_assert_cmpstr (our_comment_get_talked_about_on (odd), ==, "");
  /* The copy's carer wrote it, whatever the row says. */
  g_assert_cmpstr (our_comment_get_carer_name (odd), ==, "Sam");
  g_assert_false (our_plan_find_part (plan, OUR_PART_GOAL,
                                      our_comment_get_part_id (comments->pdata[1])));
  g_assert_cmpuint (g_utf8_strlen (our_comment_get_text (comments->pdata[2]), -1), ==,
                    OUR_MAX_TEXT_CHARS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/comments/copy-takes-only-comments", Fixture, NULL, fixture_set_up,
              test_copy_takes_only_comments, fixture_tear_down);
  g_test_add ("/comments/bring-in-twice", Fixture, NULL, fixture_set_up, test_bring_in_twice,
              fixture_tear_down);
  g_test_add ("/comments/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/comments/hand-edited", Fixture, NULL, fixture_set_up, test_hand_edited,
              fixture_tear_down);
  return g_test_run ();
}
