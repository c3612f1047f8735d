/* test-session.c: the editing session — who is writing, read-only, undo groups and edit sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-limits.h"
#include "our-session.h"

/* A save hook that counts its calls (each one is one transaction in the
 * store) and can be told to fail. */
typedef struct
{
  guint    saves;
  guint    me_fields;       /* of the last save */
  guint    goals;           /* goal ids in the last save */
  int      fail_with;       /* -1: succeed */
} SaveLog;

static gboolean
save_cb (OurPlan           *plan,
         const OurChanges  *changes,
         gpointer           user_data,
         GError           **error)
{
  SaveLog *log = user_data;

  log->saves++;
  log->me_fields = changes->me_fields;
  log->goals = our_changes_get_n_items (changes, OUR_LIST_GOALS);
  if (log->fail_with >= 0)
    {
      g_set_error_literal (error, OUR_HISTORY_ERROR, log->fail_with, "The disk said no.");
      return FALSE;
    }
  return TRUE;
}

static OurSession *
new_session (SaveLog *log)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurSession *session = our_session_new (plan);

  log->fail_with = -1;
  our_session_set_save_func (session, save_cb, log, NULL);
  return session;
}

static OurCommand *
add_goal (const char *title)
{
  g_autoptr(OurGoal) goal = our_goal_new (NULL);

  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, title, OUR_AUTHOR_PERSON);
  return our_command_new_add_goal (goal, -1);
}

/* Several commands: one undo step with one label, one save. */
static void
test_group_is_one_step (void)
{
  SaveLog log = { 0 };
  g_autoptr(OurSession) session = new_session (&log);
  OurPlan *plan = our_session_get_plan (session);
  OurHistory *history = our_session_get_history (session);
  g_autoptr(GError) error = NULL;

  our_session_begin_group (session, "Agree this plan");
  g_assert_true (our_history_get_in_group (history));
  g_assert_true (our_session_run (session, add_goal ("Walk Bryn"), &error));
  g_assert_true (our_session_run (session, add_goal ("Sing"), &error));
  g_assert_true (our_session_run (session,
                                  our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT, "Baking",
                                                               OUR_AUTHOR_PERSON), &error));
  /* Done in the model at once; nothing saved and nothing to undo yet. */
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 2);
  g_assert_cmpuint (log.saves, ==, 0);
  g_assert_false (our_history_get_can_undo (history));
  g_assert_false (our_session_undo (session, NULL));

  g_assert_true (our_session_end_group (session, &error));
  g_assert_no_error (error);
  g_assert_false (our_history_get_in_group (history));
  g_assert_cmpuint (log.saves, ==, 1);
  g_assert_cmpuint (log.goals, ==, 2);
  g_assert_cmpuint (log.me_fields, ==, 1u << OUR_ME_FIELD_GOOD_AT);
  g_assert_cmpstr (our_history_get_undo_label (history), ==, "Agree this plan");

  g_assert_true (our_session_undo (session, &error));
  g_assert_cmpuint (log.saves, ==, 2);
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 0);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "");
  g_assert_false (our_history_get_can_undo (history));

  g_assert_true (our_session_redo (session, &error));
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 2);
  g_assert_cmpstr (our_goal_get_title (our_plan_get_goal (plan, 1)), ==, "Sing");
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "Baking");
}

/* Groups nest; an empty group adds no step; the label defaults to the
 * first command's; typing merges inside a group but not across its edges. */
static void
test_group_nesting_and_edges (void)
{
  SaveLog log = { 0 };
  g_autoptr(OurSession) session = new_session (&log);
  OurPlan *plan = our_session_get_plan (session);
  OurHistory *history = our_session_get_history (session);

  our_session_begin_group (session, NULL);
  g_assert_true (our_session_end_group (session, NULL));
  g_assert_false (our_history_get_can_undo (history));
  g_assert_cmpuint (log.saves, ==, 0);

  g_assert_true (our_session_run (session,
                                  our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT, "B",
                                                               OUR_AUTHOR_PERSON), NULL));
  our_session_begin_group (session, NULL);
  our_session_begin_group (session, "inner label is not used");
  g_assert_true (our_session_run (session,
                                  our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT, "Ba",
                                                               OUR_AUTHOR_PERSON), NULL));
  g_assert_true (our_session_end_group (session, NULL));
  g_assert_true (our_history_get_in_group (history));
  g_assert_true (our_session_run (session,
                                  our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT, "Bak",
                                                               OUR_AUTHOR_PERSON), NULL));
  g_assert_true (our_session_end_group (session, NULL));
  g_assert_cmpuint (log.saves, ==, 2);
  g_assert_cmpstr (our_history_get_undo_label (history), ==, "Change writing");

  /* Typing after the group is a step of its own. */
  g_assert_true (our_session_run (session,
                                  our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT, "Bake",
                                                               OUR_AUTHOR_PERSON), NULL));
  g_assert_true (our_session_undo (session, NULL));
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "Bak");
  g_assert_true (our_session_undo (session, NULL));
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "B");
  g_assert_true (our_session_undo (session, NULL));
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "");
}

/* A group that cannot be saved is taken back whole; one kept only in the
 * window stays, and can be undone. */
static void
test_group_not_saved (void)
{
  SaveLog log = { 0 };
  g_autoptr(OurSession) session = new_session (&log);
  OurPlan *plan = our_session_get_plan (session);
  g_autoptr(GError) error = NULL;

  log.fail_with = OUR_HISTORY_ERROR_NOT_SAVED;
  our_session_begin_group (session, "Bring in comments");
  g_assert_true (our_session_run (session, add_goal ("One"), NULL));
  g_assert_true (our_session_run (session, add_goal ("Two"), NULL));
  g_assert_false (our_session_end_group (session, &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_NOT_SAVED);
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 0);
  g_assert_false (our_history_get_can_undo (our_session_get_history (session)));
  g_clear_error (&error);

  log.fail_with = OUR_HISTORY_ERROR_ONLY_IN_WINDOW;
  our_session_begin_group (session, "Bring in comments");
  g_assert_true (our_session_run (session, add_goal ("One"), NULL));
  g_assert_false (our_session_end_group (session, &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 1);
  g_assert_true (our_history_get_can_undo (our_session_get_history (session)));
}

/* A command of the group whose target is gone fails alone; the rest of the
 * group is kept. */
static void
test_group_with_a_gone_command (void)
{
  SaveLog log = { 0 };
  g_autoptr(OurSession) session = new_session (&log);
  OurPlan *plan = our_session_get_plan (session);
  g_autoptr(GError) error = NULL;

  our_session_begin_group (session, NULL);
  g_assert_true (our_session_run (session, add_goal ("Kept"), NULL));
  g_assert_false (our_session_run (session, our_command_new_delete_goal ("no-such-goal"), &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_GONE);
  g_assert_true (our_session_end_group (session, NULL));
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 1);
  g_assert_true (our_session_undo (session, NULL));
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 0);
}

/* One click is one step: run_alone neither merges into the step before nor
 * takes in the typing after it. Edit sessions merge typing under one key. */
static void
test_run_alone_and_edit_sessions (void)
{
  SaveLog log = { 0 };
  g_autoptr(OurSession) session = new_session (&log);
  OurPlan *plan = our_session_get_plan (session);
  OurHistory *history = our_session_get_history (session);
  const char *id;

  g_assert_true (our_session_run_alone (session, add_goal ("Walk"), NULL));
  id = our_goal_get_id (our_plan_get_goal (plan, 0));
  g_assert_true (our_session_run_alone (session, our_command_new_set_progress (id, 3), NULL));
  g_assert_true (our_session_run_alone (session, our_command_new_set_progress (id, 4), NULL));
  g_assert_true (our_session_undo (session, NULL));
  g_assert_cmpuint (our_goal_get_progress (our_plan_get_goal (plan, 0)), ==, 3);
  g_assert_true (our_session_undo (session, NULL));
  g_assert_cmpuint (our_goal_get_progress (our_plan_get_goal (plan, 0)), ==, 0);

  /* Same key: one step. A new key: a new step. */
  our_session_begin_edit (session, "goal:title");
  our_session_run (session, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "W",
                                                           OUR_AUTHOR_PERSON), NULL);
  our_session_begin_edit (session, "goal:title");
  our_session_run (session, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "Wa",
                                                           OUR_AUTHOR_PERSON), NULL);
  our_session_begin_edit (session, "goal:why");
  our_session_run (session, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_WHY, "Air",
                                                           OUR_AUTHOR_PERSON), NULL);
  g_assert_true (our_session_undo (session, NULL));
  g_assert_cmpstr (our_goal_get_text (our_plan_get_goal (plan, 0), OUR_GOAL_TEXT_TITLE), ==, "Wa");
  g_assert_true (our_session_undo (session, NULL));
  g_assert_cmpstr (our_goal_get_text (our_plan_get_goal (plan, 0), OUR_GOAL_TEXT_TITLE), ==, "Walk");
  g_assert_true (our_history_get_can_undo (history));
}

/* A command that cannot be done says why: gone, already there, or full. */
static void
test_outcomes (void)
{
  SaveLog log = { 0 };
  g_autoptr(OurSession) session = new_session (&log);
  OurPlan *plan = our_session_get_plan (session);
  g_autoptr(OurGoal) goal = our_goal_new ("goal-a");
  g_autoptr(OurGoal) other = our_goal_new ("goal-b");
  g_autoptr(OurStep) step = our_step_new ("step-a");
  g_autoptr(GError) error = NULL;
  OurCommand *command;

  g_assert_true (our_session_run (session, our_command_new_add_goal (goal, -1), NULL));
  g_assert_true (our_session_run (session, our_command_new_add_goal (other, -1), NULL));
  g_assert_true (our_session_run (session, our_command_new_add_step ("goal-a", step, -1), NULL));

  /* The same id again, in the list or (for steps) in another goal. */
  g_assert_false (our_session_run (session, our_command_new_add_goal (goal, 0), &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_DUPLICATE);
  g_clear_error (&error);
  command = our_command_new_add_step ("goal-b", step, -1);
  g_assert_false (our_session_run (session, g_object_ref (command), &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_DUPLICATE);
  g_assert_cmpint (our_command_get_outcome (command), ==, OUR_COMMAND_DUPLICATE);
  g_clear_error (&error);
  g_object_unref (command);
  g_assert_cmpuint (our_goal_get_n_steps (our_plan_find_goal (plan, "goal-b", NULL)), ==, 0);

  /* Gone. */
  g_assert_false (our_session_run (session, our_command_new_delete_step ("no-such-step"), &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_GONE);
  g_clear_error (&error);

  /* Full: a list at its limit takes nothing more, and a group says why. */
  for (guint i = 0; i < OUR_MAX_BOARD_ZONES; i++)
    {
      g_autofree char *id = g_strdup_printf ("zone-%u", i);
      g_autoptr(OurBoardZone) zone = our_board_zone_new (id);

      our_plan_insert_board_zone (plan, i, zone);
    }
  {
    g_autoptr(OurBoardZone) one_more = our_board_zone_new ("zone-extra");

    our_session_begin_group (session, "Add areas");
    g_assert_false (our_session_run (session, our_command_new_add_board_zone (one_more, -1), &error));
    g_assert_true (our_session_end_group (session, NULL));
  }
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_FULL);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_board_zones (plan)), ==, OUR_MAX_BOARD_ZONES);
}

static void
count_cb (OurSession *session,
          guint      *count)
{
  (*count)++;
}

/* Who is writing is the session's, and so is its action; a read-only
 * session has no history and changes nothing. */
static void
test_author_and_read_only (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurSession) session = our_session_new (plan);
  g_autoptr(OurSession) carer = our_session_new_read_only (plan, "This is a carer’s copy.");
  GActionGroup *actions = our_session_get_actions (session);
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GError) error = NULL;
  guint pending = 0;

  g_signal_connect (session, "commit-pending", G_CALLBACK (count_cb), &pending);

  g_assert_cmpint (our_session_get_author (session), ==, OUR_AUTHOR_PERSON);
  g_action_group_change_action_state (actions, "author", g_variant_new_string ("coordinator"));
  g_assert_cmpint (our_session_get_author (session), ==, OUR_AUTHOR_COORDINATOR);
  /* Typing waiting for its pause was the person's: it is committed first. */
  g_assert_cmpuint (pending, ==, 1);
  our_session_set_author (session, OUR_AUTHOR_PERSON);
  state = g_action_group_get_action_state (actions, "author");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "person");

  g_assert_true (our_session_get_read_only (carer));
  g_assert_null (our_session_get_history (carer));
  g_assert_cmpstr (our_session_get_read_only_reason (carer), ==, "This is a carer’s copy.");
  g_assert_false (g_action_group_get_action_enabled (our_session_get_actions (carer), "author"));
  g_assert_false (our_session_run (carer, our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT, "x",
                                                                       OUR_AUTHOR_PERSON),
                                   &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "This is a carer’s copy.");
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "");
  g_clear_error (&error);
  g_assert_false (our_session_undo (carer, &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_READ_ONLY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/group-is-one-step", test_group_is_one_step);
  g_test_add_func ("/session/group-nesting-and-edges", test_group_nesting_and_edges);
  g_test_add_func ("/session/group-not-saved", test_group_not_saved);
  g_test_add_func ("/session/group-with-a-gone-command", test_group_with_a_gone_command);
  g_test_add_func ("/session/run-alone-and-edit-sessions", test_run_alone_and_edit_sessions);
  g_test_add_func ("/session/author-and-read-only", test_author_and_read_only);
  g_test_add_func ("/session/outcomes", test_outcomes);
  return g_test_run ();
}
