/* test-plan-comparison.c: then and now on crafted pairs of plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-plan-comparison.h"

static void
add_goal (OurPlan    *plan,
          const char *id,
          const char *title,
          int         progress)
{
  g_autoptr(OurGoal) goal = our_goal_new (id);

  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, title, OUR_AUTHOR_PERSON);
  our_goal_set_progress (goal, progress);
  our_plan_insert_goal (plan, G_MAXUINT, goal);
}

static void
add_member (OurPlan    *plan,
            const char *id,
            const char *name,
            OurRing     ring)
{
  g_autoptr(OurMember) member = our_member_new (id);

  our_member_set_text (member, OUR_MEMBER_TEXT_NAME, name, OUR_AUTHOR_PERSON);
  our_member_set_place (member, ring, 90);
  our_plan_insert_member (plan, G_MAXUINT, member);
}

static void
add_note (OurPlan    *plan,
          const char *id,
          const char *text)
{
  g_autoptr(OurSafetyNote) note = our_safety_note_new (id, OUR_SAFETY_NOTE_CONCERN);

  our_safety_note_set_text (note, text, OUR_AUTHOR_COORDINATOR);
  our_plan_insert_safety_note (plan, G_MAXUINT, note);
}

static const OurPlanChange *
find (GPtrArray   *changes,
      OurPartKind  part,
      const char  *id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const OurPlanChange *change = g_ptr_array_index (changes, i);

      if (change->part == part && g_str_equal (change->id, id))
        return change;
    }
  return NULL;
}

static void
test_same (void)
{
  g_autoptr(OurPlan) then = our_plan_new ();
  g_autoptr(OurPlan) now = our_plan_new ();
  g_autoptr(GPtrArray) changes = NULL;
  const OurPlanChange *goal;

  add_goal (then, "g1", "Swim", 3);
  add_goal (now, "g1", "Swim", 3);
  add_member (then, "m1", "Sam", OUR_RING_CLOSE);
  add_member (now, "m1", "Sam", OUR_RING_CLOSE);
  our_plan_set_well_text (then, OUR_WELL_FIELD_EARLY_SIGNS, "Not sleeping", OUR_AUTHOR_PERSON);
  our_plan_set_well_text (now, OUR_WELL_FIELD_EARLY_SIGNS, "Not sleeping", OUR_AUTHOR_PERSON);
  changes = our_plan_compare (then, now);

  /* Goals are always listed, so progress shows then and now. */
  g_assert_cmpuint (changes->len, ==, 1);
  goal = find (changes, OUR_PART_GOAL, "g1");
  g_assert_nonnull (goal);
  g_assert_cmpint (goal->flags, ==, 0);
  g_assert_cmpint (goal->then_value, ==, 3);
  g_assert_cmpint (goal->now_value, ==, 3);
  for (OurPartKind part = 0; part < OUR_N_PART_KINDS; part++)
    g_assert_cmpuint (our_plan_changes_count (changes, part), ==, 0);
}

static void
test_goals (void)
{
  g_autoptr(OurPlan) then = our_plan_new ();
  g_autoptr(OurPlan) now = our_plan_new ();
  g_autoptr(GPtrArray) changes = NULL;
  const OurPlanChange *change;

  add_goal (then, "kept", "Walk Bryn", 2);
  add_goal (then, "reworded", "Sleep", 5);
  add_goal (then, "gone", "Go back to work", 1);
  add_goal (now, "added", "Sing in the choir", 0);
  add_goal (now, "reworded", "Sleep better", 7);
  add_goal (now, "kept", "Walk Bryn", 6);
  changes = our_plan_compare (then, now);

  g_assert_cmpuint (changes->len, ==, 4);
  /* In the order of now, then what only then had. */
  g_assert_cmpstr (((OurPlanChange *) changes->pdata[0])->id, ==, "added");
  g_assert_cmpstr (((OurPlanChange *) changes->pdata[3])->id, ==, "gone");

  change = find (changes, OUR_PART_GOAL, "added");
  g_assert_cmpint (change->flags, ==, OUR_CHANGE_ADDED);
  g_assert_cmpint (change->then_value, ==, -1);
  g_assert_cmpstr (change->then_text, ==, "");
  change = find (changes, OUR_PART_GOAL, "gone");
  g_assert_cmpint (change->flags, ==, OUR_CHANGE_REMOVED);
  g_assert_cmpint (change->now_value, ==, -1);
  g_assert_cmpstr (change->then_text, ==, "Go back to work");
  change = find (changes, OUR_PART_GOAL, "reworded");
  g_assert_cmpint (change->flags, ==, OUR_CHANGE_REWORDED | OUR_CHANGE_PROGRESS);
  g_assert_cmpstr (change->then_text, ==, "Sleep");
  g_assert_cmpstr (change->now_text, ==, "Sleep better");
  change = find (changes, OUR_PART_GOAL, "kept");
  g_assert_cmpint (change->flags, ==, OUR_CHANGE_PROGRESS);
  g_assert_cmpint (change->then_value, ==, 2);
  g_assert_cmpint (change->now_value, ==, 6);
  g_assert_cmpuint (our_plan_changes_count (changes, OUR_PART_GOAL), ==, 4);
}

static void
test_people_notes_staying_well (void)
{
  g_autoptr(OurPlan) then = our_plan_new ();
  g_autoptr(OurPlan) now = our_plan_new ();
  g_autoptr(GPtrArray) changes = NULL;
  const OurPlanChange *change;

  add_member (then, "same", "Nia", OUR_RING_CLOSE);
  add_member (then, "moved", "Rhys", OUR_RING_FURTHER);
  add_member (then, "left", "Old friend", OUR_RING_CLOSE);
  add_member (now, "same", "Nia", OUR_RING_CLOSE);
  add_member (now, "moved", "Rhys", OUR_RING_CLOSEST);
  add_member (now, "new", "Choir", OUR_RING_CLOSE);
  add_note (then, "n1", "Drinks more when lonely");
  add_note (now, "n1", "Drinks more when lonely, less since choir");
  our_plan_set_well_text (then, OUR_WELL_FIELD_EARLY_SIGNS, "Not sleeping", OUR_AUTHOR_PERSON);
  our_plan_set_well_text (now, OUR_WELL_FIELD_EARLY_SIGNS, "Not sleeping, not going out",
                          OUR_AUTHOR_PERSON);
  our_plan_set_well_text (now, OUR_WELL_FIELD_WHAT_HELPS, "Bryn", OUR_AUTHOR_PERSON);
  changes = our_plan_compare (then, now);

  g_assert_null (find (changes, OUR_PART_MEMBER, "same"));
  change = find (changes, OUR_PART_MEMBER, "moved");
  g_assert_cmpint (change->flags, ==, OUR_CHANGE_MOVED);
  g_assert_cmpint (change->then_value, ==, OUR_RING_FURTHER);
  g_assert_cmpint (change->now_value, ==, OUR_RING_CLOSEST);
  g_assert_cmpint (find (changes, OUR_PART_MEMBER, "left")->flags, ==, OUR_CHANGE_REMOVED);
  g_assert_cmpint (find (changes, OUR_PART_MEMBER, "new")->flags, ==, OUR_CHANGE_ADDED);
  g_assert_cmpuint (our_plan_changes_count (changes, OUR_PART_MEMBER), ==, 3);

  g_assert_cmpint (find (changes, OUR_PART_SAFETY_NOTE, "n1")->flags, ==, OUR_CHANGE_REWORDED);

  change = find (changes, OUR_PART_STAYING_WELL, our_well_field_get_key (OUR_WELL_FIELD_EARLY_SIGNS));
  g_assert_cmpint (change->flags, ==, OUR_CHANGE_REWORDED);
  g_assert_cmpuint (change->field, ==, OUR_WELL_FIELD_EARLY_SIGNS);
  change = find (changes, OUR_PART_STAYING_WELL, our_well_field_get_key (OUR_WELL_FIELD_WHAT_HELPS));
  g_assert_cmpint (change->flags, ==, OUR_CHANGE_ADDED);
  g_assert_null (find (changes, OUR_PART_STAYING_WELL, our_well_field_get_key (OUR_WELL_FIELD_OTHERS_DO)));
}

/* A damaged file can repeat an id: the first counts, nothing is listed twice. */
static void
test_repeated_ids (void)
{
  g_autoptr(OurPlan) then = our_plan_new ();
  g_autoptr(OurPlan) now = our_plan_new ();
  g_autoptr(GPtrArray) changes = NULL;

  add_goal (then, "g", "First", 1);
  add_goal (then, "g", "Second", 2);
  add_goal (now, "g", "First", 4);
  add_goal (now, "g", "Again", 9);
  changes = our_plan_compare (then, now);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpint (find (changes, OUR_PART_GOAL, "g")->flags, ==, OUR_CHANGE_PROGRESS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-comparison/same", test_same);
  g_test_add_func ("/plan-comparison/goals", test_goals);
  g_test_add_func ("/plan-comparison/people-notes-staying-well", test_people_notes_staying_well);
  g_test_add_func ("/plan-comparison/repeated-ids", test_repeated_ids);
  return g_test_run ();
}
