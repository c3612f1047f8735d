/* test-model.c: every command done, undone and redone; order; who wrote what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-history.h"
#include "our-plan.h"
#include "test-session.h"

#include <math.h>

static OurGoal *
add_goal (OurPlan    *plan,
          const char *title)
{
  g_autoptr(OurGoal) goal = our_goal_new (NULL);
  g_autoptr(GError) error = NULL;
  OurHistory *history = test_history_for (plan);

  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, title, OUR_AUTHOR_PERSON);
  g_assert_true (our_history_run (history, our_command_new_add_goal (goal, -1), &error));
  g_assert_no_error (error);
  our_history_end_edit (history);
  return our_plan_find_goal (plan, our_goal_get_id (goal), NULL);
}

static char *
titles (OurPlan *plan)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < our_plan_get_n_goals (plan); i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", our_goal_get_title (our_plan_get_goal (plan, i)));
  return g_string_free (s, FALSE);
}

static void
assert_titles (OurPlan    *plan,
               const char *expected)
{
  g_autofree char *got = titles (plan);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_me_text (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);

  our_history_run (history,
                   our_command_new_set_me_text (OUR_ME_FIELD_WHAT_MATTERS, "My cat, Pwtyn 🐈",
                                                OUR_AUTHOR_PERSON), NULL);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS), ==, "My cat, Pwtyn 🐈");
  g_assert_cmpint (our_plan_get_me_author (plan, OUR_ME_FIELD_WHAT_MATTERS), ==, OUR_AUTHOR_PERSON);

  our_history_end_edit (history);
  our_history_run (history,
                   our_command_new_set_me_text (OUR_ME_FIELD_WHAT_MATTERS, "My cat and my sister",
                                                OUR_AUTHOR_COORDINATOR), NULL);
  g_assert_cmpint (our_plan_get_me_author (plan, OUR_ME_FIELD_WHAT_MATTERS), ==, OUR_AUTHOR_COORDINATOR);

  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS), ==, "My cat, Pwtyn 🐈");
  /* Undo gives the words back to whoever wrote them. */
  g_assert_cmpint (our_plan_get_me_author (plan, OUR_ME_FIELD_WHAT_MATTERS), ==, OUR_AUTHOR_PERSON);
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS), ==, "");
  g_assert_false (our_history_get_can_undo (history));
  g_assert_false (our_history_undo (history, NULL));

  g_assert_true (our_history_redo (history, NULL));
  g_assert_true (our_history_redo (history, NULL));
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_WHAT_MATTERS), ==, "My cat and my sister");
  g_assert_cmpint (our_plan_get_me_author (plan, OUR_ME_FIELD_WHAT_MATTERS), ==, OUR_AUTHOR_COORDINATOR);
  g_assert_false (our_history_get_can_redo (history));
}

static void
test_typing_merges (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);
  OurGoal *goal = add_goal (plan, "");
  const char *id = our_goal_get_id (goal);

  /* One visit to the title field is one edit session. */
  our_history_begin_edit (history, "title");
  our_history_run (history, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "Wal", OUR_AUTHOR_PERSON), NULL);
  our_history_run (history, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "Walk by", OUR_AUTHOR_PERSON), NULL);
  our_history_begin_edit (history, "title");
  our_history_run (history, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "Walk by the river", OUR_AUTHOR_PERSON), NULL);
  /* A different field is a different undo step. */
  our_history_begin_edit (history, "why");
  our_history_run (history, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_WHY, "Fresh air", OUR_AUTHOR_PERSON), NULL);
  our_history_end_edit (history);

  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpstr (our_goal_get_text (goal, OUR_GOAL_TEXT_WHY), ==, "");
  g_assert_cmpstr (our_goal_get_title (goal), ==, "Walk by the river");
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpstr (our_goal_get_title (goal), ==, "");
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 0);
}

static void
test_no_merge_outside_edit_sessions (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);
  OurGoal *goal = add_goal (plan, "");
  const char *id = our_goal_get_id (goal);

  /* Without an edit session, each change is its own step. */
  our_history_run (history, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "Swim", OUR_AUTHOR_PERSON), NULL);
  our_history_run (history, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "Swim more", OUR_AUTHOR_PERSON), NULL);
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpstr (our_goal_get_title (goal), ==, "Swim");

  /* A session's step that is no longer the newest takes in nothing more. */
  our_history_begin_edit (history, "title");
  our_history_run (history, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "Swim on", OUR_AUTHOR_PERSON), NULL);
  our_history_run (history, our_command_new_set_progress (id, 3), NULL);
  our_history_run (history, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "Swim on Fridays", OUR_AUTHOR_PERSON), NULL);
  g_assert_cmpstr (our_history_get_edit_key (history), ==, "title");
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpstr (our_goal_get_title (goal), ==, "Swim on");
  g_assert_cmpuint (our_goal_get_progress (goal), ==, 3);

  /* After an undo the session goes on in a new step. */
  our_history_run (history, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "Swim at noon", OUR_AUTHOR_PERSON), NULL);
  our_history_run (history, our_command_new_set_goal_text (id, OUR_GOAL_TEXT_TITLE, "Swim at noon daily", OUR_AUTHOR_PERSON), NULL);
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpstr (our_goal_get_title (goal), ==, "Swim on");

  /* Ended: nothing merges. */
  our_history_end_edit (history);
  g_assert_null (our_history_get_edit_key (history));
  our_history_run (history, our_command_new_set_progress (id, 4), NULL);
  our_history_run (history, our_command_new_set_progress (id, 5), NULL);
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpuint (our_goal_get_progress (goal), ==, 4);
}

static void
test_goal_values (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);
  OurGoal *goal = add_goal (plan, "Cook for friends");
  const char *id = our_goal_get_id (goal);

  our_history_run (history, our_command_new_set_life_area (id, OUR_LIFE_AREA_SOCIAL), NULL);
  our_history_run (history, our_command_new_set_symbol (id, "food"), NULL);
  our_history_run (history, our_command_new_set_progress (id, 4), NULL);
  our_history_end_edit (history);
  our_history_run (history, our_command_new_set_status (id, OUR_GOAL_STATUS_PAUSED), NULL);
  our_history_run (history, our_command_new_set_progress (id, 99), NULL);

  g_assert_cmpint (our_goal_get_life_area (goal), ==, OUR_LIFE_AREA_SOCIAL);
  g_assert_cmpstr (our_goal_get_symbol (goal), ==, "food");
  g_assert_cmpint (our_goal_get_status (goal), ==, OUR_GOAL_STATUS_PAUSED);
  g_assert_cmpuint (our_goal_get_progress (goal), ==, OUR_PROGRESS_MAX);

  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpuint (our_goal_get_progress (goal), ==, 4);
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpint (our_goal_get_status (goal), ==, OUR_GOAL_STATUS_ACTIVE);
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpuint (our_goal_get_progress (goal), ==, 0);
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpstr (our_goal_get_symbol (goal), ==, "");
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpint (our_goal_get_life_area (goal), ==, OUR_LIFE_AREA_NONE);

  for (guint i = 0; i < 5; i++)
    g_assert_true (our_history_redo (history, NULL));
  g_assert_cmpint (our_goal_get_life_area (goal), ==, OUR_LIFE_AREA_SOCIAL);
  g_assert_cmpstr (our_goal_get_symbol (goal), ==, "food");
  g_assert_cmpuint (our_goal_get_progress (goal), ==, OUR_PROGRESS_MAX);
  g_assert_cmpint (our_goal_get_status (goal), ==, OUR_GOAL_STATUS_PAUSED);
}

static void
test_delete_and_reorder (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);
  OurGoal *b;
  g_autofree char *b_id = NULL;

  add_goal (plan, "A");
  b = add_goal (plan, "B");
  add_goal (plan, "C");
  b_id = g_strdup (our_goal_get_id (b));
  assert_titles (plan, "A,B,C");

  our_history_run (history, our_command_new_move_goal (b_id, 2), NULL);
  assert_titles (plan, "A,C,B");
  our_history_run (history, our_command_new_move_goal (b_id, 0), NULL);
  assert_titles (plan, "B,A,C");
  our_history_run (history, our_command_new_delete_goal (b_id), NULL);
  assert_titles (plan, "A,C");

  g_assert_true (our_history_undo (history, NULL));
  assert_titles (plan, "B,A,C");
  /* The very same goal comes back, so views keep showing it. */
  g_assert_true (our_plan_find_goal (plan, b_id, NULL) == b);
  g_assert_true (our_history_undo (history, NULL));
  assert_titles (plan, "A,C,B");
  g_assert_true (our_history_undo (history, NULL));
  assert_titles (plan, "A,B,C");
  g_assert_true (our_history_redo (history, NULL));
  g_assert_true (our_history_redo (history, NULL));
  g_assert_true (our_history_redo (history, NULL));
  assert_titles (plan, "A,C");

  /* A command about a goal that is gone changes nothing and says so. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (our_history_run (history, our_command_new_set_progress (b_id, 3), &error));
    g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_GONE);
  }
}

static void
test_steps (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);
  OurGoal *goal = add_goal (plan, "Swim again");
  const char *goal_id = our_goal_get_id (goal);
  g_autoptr(OurStep) one = our_step_new (NULL);
  g_autoptr(OurStep) two = our_step_new (NULL);
  g_autofree char *one_id = g_strdup (our_step_get_id (one));
  g_autofree char *two_id = g_strdup (our_step_get_id (two));

  our_step_set_text (one, OUR_STEP_TEXT_WHAT, "Find my costume", OUR_AUTHOR_PERSON);
  our_step_set_text (two, OUR_STEP_TEXT_WHAT, "Go on a quiet morning", OUR_AUTHOR_PERSON);
  g_assert_true (our_history_run (history, our_command_new_add_step (goal_id, one, -1), NULL));
  g_assert_true (our_history_run (history, our_command_new_add_step (goal_id, two, -1), NULL));
  g_assert_cmpuint (our_goal_get_n_steps (goal), ==, 2);

  our_history_run (history, our_command_new_set_step_text (two_id, OUR_STEP_TEXT_WHO, "Siân", OUR_AUTHOR_COORDINATOR), NULL);
  our_history_run (history, our_command_new_set_step_text (two_id, OUR_STEP_TEXT_BY_WHEN, "2027-03-01", OUR_AUTHOR_COORDINATOR), NULL);
  our_history_run (history, our_command_new_move_step (two_id, 0), NULL);
  g_assert_cmpstr (our_step_get_id (our_goal_get_step (goal, 0)), ==, two_id);
  g_assert_cmpstr (our_step_get_text (our_goal_get_step (goal, 0), OUR_STEP_TEXT_WHO), ==, "Siân");
  g_assert_cmpint (our_step_get_author (our_goal_get_step (goal, 0), OUR_STEP_TEXT_WHO), ==, OUR_AUTHOR_COORDINATOR);
  g_assert_cmpint (our_step_get_author (our_goal_get_step (goal, 1), OUR_STEP_TEXT_WHAT), ==, OUR_AUTHOR_PERSON);

  our_history_run (history, our_command_new_delete_step (one_id), NULL);
  g_assert_cmpuint (our_goal_get_n_steps (goal), ==, 1);

  g_assert_true (our_history_undo (history, NULL)); /* delete */
  g_assert_cmpuint (our_goal_get_n_steps (goal), ==, 2);
  g_assert_cmpstr (our_step_get_id (our_goal_get_step (goal, 1)), ==, one_id);
  g_assert_true (our_history_undo (history, NULL)); /* move */
  g_assert_cmpstr (our_step_get_id (our_goal_get_step (goal, 0)), ==, one_id);
  g_assert_true (our_history_undo (history, NULL)); /* by when */
  g_assert_cmpstr (our_step_get_text (our_goal_get_step (goal, 1), OUR_STEP_TEXT_BY_WHEN), ==, "");
  g_assert_true (our_history_undo (history, NULL)); /* who */
  g_assert_cmpstr (our_step_get_text (our_goal_get_step (goal, 1), OUR_STEP_TEXT_WHO), ==, "");
  g_assert_true (our_history_undo (history, NULL)); /* add two */
  g_assert_true (our_history_undo (history, NULL)); /* add one */
  g_assert_cmpuint (our_goal_get_n_steps (goal), ==, 0);

  for (guint i = 0; i < 6; i++)
    g_assert_true (our_history_redo (history, NULL));
  g_assert_cmpuint (our_goal_get_n_steps (goal), ==, 1);
  g_assert_cmpstr (our_step_get_text (our_goal_get_step (goal, 0), OUR_STEP_TEXT_BY_WHEN), ==, "2027-03-01");

  /* Deleting the goal and undoing brings its steps back with it. */
  our_history_run (history, our_command_new_delete_goal (goal_id), NULL);
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpuint (our_goal_get_n_steps (our_plan_find_goal (plan, goal_id, NULL)), ==, 1);
}

/* A save function that fails as the store would. */
static gboolean
failing_save (OurPlan          *plan,
              const OurChanges *changes,
              gpointer          user_data,
              GError          **error)
{
  int code = GPOINTER_TO_INT (user_data);

  g_set_error_literal (error, OUR_HISTORY_ERROR, code, "It went wrong.");
  return FALSE;
}

static void
count_failure (OurHistory *history,
               GError     *error,
               guint      *count)
{
  g_assert_nonnull (error);
  (*count)++;
}

static void
test_save_failure_takes_back (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);
  g_autoptr(GError) error = NULL;
  guint failures = 0;

  g_signal_connect (history, "failed", G_CALLBACK (count_failure), &failures);
  our_history_set_save_func (history, failing_save,
                             GINT_TO_POINTER (OUR_HISTORY_ERROR_NOT_SAVED), NULL);
  g_assert_false (our_history_run (history,
                                   our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT, "Baking", OUR_AUTHOR_PERSON),
                                   &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_NOT_SAVED);
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "");
  g_assert_false (our_history_get_can_undo (history));
  g_assert_cmpuint (failures, ==, 1);
}

static void
test_file_lost_keeps_change (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);
  g_autoptr(GError) error = NULL;

  our_history_set_save_func (history, failing_save,
                             GINT_TO_POINTER (OUR_HISTORY_ERROR_ONLY_IN_WINDOW), NULL);
  g_assert_false (our_history_run (history,
                                   our_command_new_set_me_text (OUR_ME_FIELD_GOOD_AT, "Baking", OUR_AUTHOR_PERSON),
                                   &error));
  g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
  /* Kept in the window so that the person can save a copy elsewhere. */
  g_assert_cmpstr (our_plan_get_me_text (plan, OUR_ME_FIELD_GOOD_AT), ==, "Baking");
  g_assert_true (our_history_get_can_undo (history));
}

static void
test_changes_name_what_was_touched (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurGoal *goal = add_goal (plan, "A");
  g_autoptr(OurChanges) changes = our_changes_new ();
  g_autoptr(OurCommand) move = NULL;
  g_autoptr(OurCommand) me = our_command_new_set_me_text (OUR_ME_FIELD_GOOD_DAY, "Sun", OUR_AUTHOR_PERSON);
  g_autoptr(OurCommand) progress = our_command_new_set_progress (our_goal_get_id (goal), 2);

  g_assert_true (our_command_do (me, plan, changes));
  g_assert_cmpuint (changes->me_fields, ==, 1u << OUR_ME_FIELD_GOOD_DAY);
  g_assert_cmpuint (our_changes_get_n_items (changes, OUR_LIST_GOALS), ==, 0);
  our_changes_clear (changes);

  g_assert_true (our_command_do (progress, plan, changes));
  g_assert_cmpuint (our_changes_get_n_items (changes, OUR_LIST_GOALS), ==, 1);
  g_assert_false (changes->order[OUR_LIST_GOALS]);
  our_changes_clear (changes);

  add_goal (plan, "B");
  move = our_command_new_move_goal (our_goal_get_id (goal), 1);
  g_assert_true (our_command_do (move, plan, changes));
  g_assert_true (changes->order[OUR_LIST_GOALS]);
}

static void
test_vocabularies (void)
{
  OurLifeArea area;
  OurMeField field;
  OurGoalStatus status;

  for (guint i = 0; i < OUR_N_LIFE_AREAS; i++)
    {
      g_assert_true (our_life_area_from_key (our_life_area_get_key (i), &area));
      g_assert_cmpint (area, ==, i);
      g_assert_cmpstr (our_life_area_get_label (i), !=, "");
    }
  for (guint i = 0; i < OUR_N_ME_FIELDS; i++)
    {
      g_assert_true (our_me_field_from_key (our_me_field_get_key (i), &field));
      g_assert_cmpint (field, ==, i);
    }
  for (guint i = 0; i < OUR_N_GOAL_STATUSES; i++)
    {
      g_assert_true (our_goal_status_from_key (our_goal_status_get_key (i), &status));
      g_assert_cmpint (status, ==, i);
    }
  g_assert_false (our_life_area_from_key ("moon", &area));
  g_assert_true (our_iso_date_is_valid ("2027-02-28"));
  g_assert_false (our_iso_date_is_valid ("2027-02-30"));
  g_assert_false (our_iso_date_is_valid ("next week"));
  g_assert_false (our_iso_date_is_valid (""));
}

static void
test_members (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  OurHistory *history = test_history_for (plan);
  g_autoptr(OurMember) draft = our_member_new (NULL);
  g_autofree char *id = g_strdup (our_member_get_id (draft));
  OurMember *member;
  OurGoal *goal = add_goal (plan, "Go to the café");
  g_autoptr(OurStep) step = our_step_new (NULL);
  g_autofree char *step_id = g_strdup (our_step_get_id (step));
  OurStep *in_plan;

  our_member_set_text (draft, OUR_MEMBER_TEXT_NAME, "Nia", OUR_AUTHOR_PERSON);
  g_assert_true (our_history_run (history, our_command_new_add_member (draft, -1), NULL));
  member = our_plan_find_member (plan, id, NULL);
  g_assert_nonnull (member);
  g_assert_true (our_history_run (history, our_command_new_add_step (our_goal_get_id (goal), step, -1), NULL));
  in_plan = our_plan_find_step (plan, step_id, NULL, NULL);

  our_history_run (history, our_command_new_set_member_kind (id, OUR_MEMBER_KIND_GROUP), NULL);
  our_history_run (history, our_command_new_set_member_helps (id, OUR_HELPS_SOCIAL), NULL);
  our_history_run (history, our_command_new_set_member_contact (id, OUR_CONTACT_WEEKLY), NULL);
  our_history_run (history, our_command_new_set_member_wished_for (id, TRUE), NULL);
  our_history_run (history, our_command_new_set_member_carer (id, TRUE), NULL);
  our_history_run (history, our_command_new_set_member_text (id, OUR_MEMBER_TEXT_RELATIONSHIP,
                                                             "my friend", OUR_AUTHOR_COORDINATOR), NULL);
  our_history_run (history, our_command_new_set_step_helper (step_id, id), NULL);
  g_assert_cmpstr (our_plan_get_step_helper_name (plan, in_plan), ==, "Nia");
  our_history_end_edit (history);

  /* A key held down is many moves in one edit session, one undo step. */
  our_history_begin_edit (history, "turn");
  our_history_run (history, our_command_new_place_member (id, OUR_RING_FURTHER, 10), NULL);
  our_history_run (history, our_command_new_place_member (id, OUR_RING_FURTHER, 20), NULL);
  our_history_run (history, our_command_new_place_member (id, OUR_RING_CLOSEST, 400), NULL);
  our_history_end_edit (history);
  g_assert_cmpint (our_member_get_ring (member), ==, OUR_RING_CLOSEST);
  g_assert_cmpfloat (our_member_get_angle (member), ==, 40);
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpint (our_member_get_ring (member), ==, OUR_RING_CLOSE);
  g_assert_cmpfloat (our_member_get_angle (member), ==, 0);

  /* Renamed: the step shows the new name. */
  our_history_run (history, our_command_new_set_member_text (id, OUR_MEMBER_TEXT_NAME, "Nia Jones",
                                                             OUR_AUTHOR_PERSON), NULL);
  g_assert_cmpstr (our_plan_get_step_helper_name (plan, in_plan), ==, "Nia Jones");

  /* Deleted: the step keeps the name, or says nobody; undo links it back. */
  our_history_run (history, our_command_new_delete_member (id, OUR_DELETE_MEMBER_CLEAR_STEPS), NULL);
  g_assert_null (our_plan_find_member (plan, id, NULL));
  g_assert_cmpstr (our_step_get_helper_id (in_plan), ==, "");
  g_assert_cmpstr (our_plan_get_step_helper_name (plan, in_plan), ==, "");
  g_assert_true (our_history_undo (history, NULL));
  g_assert_true (our_plan_find_member (plan, id, NULL) == member);
  g_assert_cmpstr (our_plan_get_step_helper_name (plan, in_plan), ==, "Nia Jones");
  our_history_run (history, our_command_new_delete_member (id, OUR_DELETE_MEMBER_KEEP_NAME), NULL);
  g_assert_cmpstr (our_step_get_text (in_plan, OUR_STEP_TEXT_WHO), ==, "Nia Jones");
  g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpstr (our_step_get_text (in_plan, OUR_STEP_TEXT_WHO), ==, "");

  /* Everything undone, one by one, back to no members. */
  while (our_history_get_can_undo (history))
    g_assert_true (our_history_undo (history, NULL));
  g_assert_cmpuint (our_plan_get_n_members (plan), ==, 0);
  g_assert_cmpuint (our_plan_get_n_goals (plan), ==, 0);
  while (our_history_get_can_redo (history))
    g_assert_true (our_history_redo (history, NULL));
  /* The last step redone was the delete that kept the name. */
  g_assert_null (our_plan_find_member (plan, id, NULL));
  g_assert_true (our_history_undo (history, NULL));
  member = our_plan_find_member (plan, id, NULL);
  g_assert_cmpint (our_member_get_kind (member), ==, OUR_MEMBER_KIND_GROUP);
  g_assert_cmpuint (our_member_get_helps (member), ==, OUR_HELPS_SOCIAL);
  g_assert_cmpint (our_member_get_contact (member), ==, OUR_CONTACT_WEEKLY);
  g_assert_true (our_member_get_wished_for (member));
  g_assert_true (our_member_get_is_carer (member));
  g_assert_cmpstr (our_member_get_text (member, OUR_MEMBER_TEXT_NAME), ==, "Nia Jones");
  /* The drag was undone before the rename, so it is not redone. */
  g_assert_cmpint (our_member_get_ring (member), ==, OUR_RING_CLOSE);
}

static void
test_member_place_clamps (void)
{
  g_autoptr(OurMember) member = our_member_new (NULL);

  our_member_set_place (member, 9, -30);
  g_assert_cmpint (our_member_get_ring (member), ==, OUR_RING_FURTHER);
  g_assert_cmpfloat (our_member_get_angle (member), ==, 330);
  our_member_set_place (member, -4, NAN);
  g_assert_cmpint (our_member_get_ring (member), ==, OUR_RING_CLOSEST);
  g_assert_cmpfloat (our_member_get_angle (member), ==, 0);
  our_member_set_place (member, 1, 720.5);
  g_assert_cmpfloat (our_member_get_angle (member), ==, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/me/text-and-author", test_me_text);
  g_test_add_func ("/model/typing-merges", test_typing_merges);
  g_test_add_func ("/model/no-merge-outside-edit-sessions", test_no_merge_outside_edit_sessions);
  g_test_add_func ("/model/goal/values", test_goal_values);
  g_test_add_func ("/model/goal/delete-and-reorder", test_delete_and_reorder);
  g_test_add_func ("/model/steps", test_steps);
  g_test_add_func ("/model/save/failure-takes-back", test_save_failure_takes_back);
  g_test_add_func ("/model/save/file-lost-keeps-change", test_file_lost_keeps_change);
  g_test_add_func ("/model/changes", test_changes_name_what_was_touched);
  g_test_add_func ("/model/vocabularies", test_vocabularies);
  g_test_add_func ("/model/members", test_members);
  g_test_add_func ("/model/members/place-clamps", test_member_place_clamps);

  return g_test_run ();
}
