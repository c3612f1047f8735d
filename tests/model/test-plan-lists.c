/* test-plan-lists.c: the commands of the notes board, staying well, consent and the copy log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-command.h"
#include "our-history.h"
#include "our-plan.h"
#include "test-session.h"

static gboolean
run (OurPlan    *plan,
     OurCommand *command)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = our_history_run (test_history_for (plan), command, &error);

  g_assert_no_error (error);
  return ok;
}

static void
undo (OurPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (our_history_undo (test_history_for (plan), &error));
  g_assert_no_error (error);
}

static void
redo (OurPlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (our_history_redo (test_history_for (plan), &error));
  g_assert_no_error (error);
}

static OurBoardItem *
make_note (const char *id,
           const char *text)
{
  OurBoardItem *item = our_board_item_new (id, OUR_BOARD_ITEM_NOTE);

  our_board_item_set_text (item, text, OUR_AUTHOR_PERSON);
  our_board_item_set_box (item, 10, 20, 200, 150);
  return item;
}

static void
test_board_items (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurBoardItem) swim = make_note ("swim", "I want to go back to swimming");
  g_autoptr(OurBoardItem) sun = our_board_item_new ("sun", OUR_BOARD_ITEM_SYMBOL);
  g_autoptr(OurBoardItem) moved = NULL;
  OurBoardItem *live;
  double x, y, w, h;

  our_board_item_set_symbol (sun, "hopeful");
  g_assert_true (run (plan, our_command_new_add_board_item (swim, -1)));
  g_assert_true (run (plan, our_command_new_add_board_item (sun, -1)));
  g_assert_cmpuint (our_plan_get_n_board_items (plan), ==, 2);

  /* Moving by keys is many updates and, in one edit session, one undo step. */
  our_history_begin_edit (test_history_for (plan), "keys");
  live = our_plan_find_board_item (plan, "swim", NULL);
  for (int i = 1; i <= 5; i++)
    {
      g_autoptr(OurBoardItem) state = our_board_item_copy (live);

      our_board_item_set_box (state, 10 + i * 10, 20, 200, 150);
      g_assert_true (run (plan, our_command_new_update_board_item (state)));
    }
  our_board_item_get_box (live, &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, 60);
  undo (plan);
  our_board_item_get_box (live, &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, 10);
  redo (plan);
  our_board_item_get_box (live, &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, 60);

  /* Bring to front and back again. */
  our_history_end_edit (test_history_for (plan));
  g_assert_true (run (plan, our_command_new_restack_board_item ("swim", 1)));
  moved = g_list_model_get_item (our_plan_get_board_items (plan), 1);
  g_assert_cmpstr (our_board_item_get_id (moved), ==, "swim");
  undo (plan);
  g_assert_nonnull (our_plan_find_board_item (plan, "swim", NULL));
  {
    guint position;

    our_plan_find_board_item (plan, "swim", &position);
    g_assert_cmpuint (position, ==, 0);
  }

  /* Delete and undo gives back the same item at the same place. */
  g_assert_true (run (plan, our_command_new_delete_board_item ("swim")));
  g_assert_null (our_plan_find_board_item (plan, "swim", NULL));
  undo (plan);
  g_assert_true (our_plan_find_board_item (plan, "swim", NULL) == live);
  g_assert_cmpstr (our_board_item_get_text (live), ==, "I want to go back to swimming");

  /* A command about an item that is gone changes nothing. */
  g_assert_true (run (plan, our_command_new_delete_board_item ("sun")));
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (our_history_run (test_history_for (plan),
                                     our_command_new_restack_board_item ("sun", 0), &error));
    g_assert_error (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_GONE);
  }
}

static void
test_board_zones (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurBoardZone) zone = our_board_zone_new ("now");
  g_autoptr(OurBoardZone) renamed = NULL;
  OurBoardZone *live;

  our_board_zone_set_name (zone, "How I feel now", OUR_AUTHOR_PERSON);
  g_assert_true (run (plan, our_command_new_add_board_zone (zone, -1)));
  live = our_plan_find_board_zone (plan, "now", NULL);
  renamed = our_board_zone_copy (live);
  our_board_zone_set_name (renamed, "Where I want to be", OUR_AUTHOR_COORDINATOR);
  g_assert_true (run (plan, our_command_new_update_board_zone (renamed)));
  g_assert_cmpstr (our_board_zone_get_name (live), ==, "Where I want to be");
  undo (plan);
  g_assert_cmpstr (our_board_zone_get_name (live), ==, "How I feel now");
  g_assert_cmpint (our_board_zone_get_name_author (live), ==, OUR_AUTHOR_PERSON);
  g_assert_true (run (plan, our_command_new_delete_board_zone ("now")));
  g_assert_null (our_plan_find_board_zone (plan, "now", NULL));
  undo (plan);
  g_assert_nonnull (our_plan_find_board_zone (plan, "now", NULL));
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_well_texts (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  guint changed = 0;

  g_signal_connect_swapped (plan, "well-changed", G_CALLBACK (count_signal), &changed);
  our_history_begin_edit (test_history_for (plan), "early signs");
  g_assert_true (run (plan, our_command_new_set_well_text (OUR_WELL_FIELD_EARLY_SIGNS,
                                                           "I stop sleeping", OUR_AUTHOR_PERSON)));
  g_assert_true (run (plan, our_command_new_set_well_text (OUR_WELL_FIELD_EARLY_SIGNS,
                                                           "I stop sleeping and eating",
                                                           OUR_AUTHOR_PERSON)));
  g_assert_cmpstr (our_plan_get_well_text (plan, OUR_WELL_FIELD_EARLY_SIGNS), ==,
                   "I stop sleeping and eating");
  /* One typing session is one step. */
  our_history_end_edit (test_history_for (plan));
  undo (plan);
  g_assert_cmpstr (our_plan_get_well_text (plan, OUR_WELL_FIELD_EARLY_SIGNS), ==, "");
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_crisis_contacts_and_notes (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurMember) rhys = our_member_new ("rhys");
  g_autoptr(OurCrisisContact) contact = our_crisis_contact_new ("c1");
  g_autoptr(OurCrisisContact) edited = NULL;
  g_autoptr(OurSafetyNote) note = our_safety_note_new ("n1", OUR_SAFETY_NOTE_POSITIVE_RISK);
  g_autoptr(OurSafetyNote) talked = NULL;
  OurSafetyNote *live;

  our_member_set_text (rhys, OUR_MEMBER_TEXT_NAME, "Rhys", OUR_AUTHOR_PERSON);
  g_assert_true (run (plan, our_command_new_add_member (rhys, -1)));

  our_crisis_contact_set_member_id (contact, "rhys");
  our_crisis_contact_set_phone (contact, "07700 900123");
  g_assert_true (run (plan, our_command_new_add_crisis_contact (contact, -1)));
  g_assert_cmpstr (our_plan_get_crisis_contact_name (plan, our_plan_find_crisis_contact (plan, "c1", NULL)),
                   ==, "Rhys");
  edited = our_crisis_contact_copy (our_plan_find_crisis_contact (plan, "c1", NULL));
  our_crisis_contact_set_when (edited, "at night");
  g_assert_true (run (plan, our_command_new_update_crisis_contact (edited)));
  g_assert_cmpstr (our_crisis_contact_get_when (our_plan_find_crisis_contact (plan, "c1", NULL)),
                   ==, "at night");
  undo (plan);
  g_assert_cmpstr (our_crisis_contact_get_when (our_plan_find_crisis_contact (plan, "c1", NULL)),
                   ==, "");

  our_safety_note_set_text (note, "Going to the festival with Rhys", OUR_AUTHOR_COORDINATOR);
  g_assert_true (run (plan, our_command_new_add_safety_note (note, -1)));
  live = our_plan_find_safety_note (plan, "n1", NULL);
  talked = our_safety_note_copy (live);
  our_safety_note_set_talked (talked, TRUE, "2026-11-20");
  our_safety_note_set_team_only (talked, TRUE);
  g_assert_true (run (plan, our_command_new_update_safety_note (talked)));
  g_assert_true (our_safety_note_get_talked_together (live));
  g_assert_cmpstr (our_safety_note_get_talked_on (live), ==, "2026-11-20");
  g_assert_cmpuint (our_plan_count_team_only_notes (plan), ==, 1);
  undo (plan);
  g_assert_false (our_safety_note_get_talked_together (live));
  g_assert_cmpuint (our_plan_count_team_only_notes (plan), ==, 0);
  g_assert_true (run (plan, our_command_new_delete_safety_note ("n1")));
  g_assert_null (our_plan_find_safety_note (plan, "n1", NULL));
  undo (plan);
  g_assert_true (our_plan_find_safety_note (plan, "n1", NULL) == live);
}

static OurMember *
add_carer (OurPlan    *plan,
           const char *id,
           const char *name)
{
  g_autoptr(OurMember) carer = our_member_new (id);

  our_member_set_text (carer, OUR_MEMBER_TEXT_NAME, name, OUR_AUTHOR_PERSON);
  our_member_set_is_carer (carer, TRUE);
  g_assert_true (run (plan, our_command_new_add_member (carer, -1)));
  return our_plan_find_member (plan, id, NULL);
}

static void
test_consent (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(GPtrArray) carers = NULL;
  const OurConsent *consent;
  OurMember *sam = add_carer (plan, "sam", "Sam");

  add_carer (plan, "ceri", "Ceri");
  carers = our_plan_list_carers (plan);
  g_assert_cmpuint (carers->len, ==, 2);
  g_assert_true (our_plan_find_carer_by_name (plan, "  SAM ") == sam);
  g_assert_null (our_plan_find_carer_by_name (plan, "Nobody"));

  /* By default carers see nothing; the person and the team see everything. */
  for (OurSection s = 0; s < OUR_N_SECTIONS; s++)
    {
      g_assert_false (our_plan_copy_shows (plan, OUR_COPY_CARER, "sam", s));
      g_assert_true (our_plan_copy_shows (plan, OUR_COPY_PERSON, NULL, s));
      g_assert_true (our_plan_copy_shows (plan, OUR_COPY_TEAM, NULL, s));
    }

  g_assert_true (run (plan, our_command_new_set_consent (OUR_SECTION_GOALS, "sam", TRUE,
                                                         "2026-11-21", OUR_AUTHOR_PERSON)));
  consent = our_plan_get_consent (plan, OUR_SECTION_GOALS, "sam");
  g_assert_nonnull (consent);
  g_assert_cmpstr (consent->since, ==, "2026-11-21");
  g_assert_cmpint (consent->agreed_by, ==, OUR_AUTHOR_PERSON);
  g_assert_true (our_plan_copy_shows (plan, OUR_COPY_CARER, "sam", OUR_SECTION_GOALS));
  g_assert_false (our_plan_copy_shows (plan, OUR_COPY_CARER, "ceri", OUR_SECTION_GOALS));
  g_assert_false (our_plan_copy_shows (plan, OUR_COPY_CARER, "sam", OUR_SECTION_ME));

  /* Undo takes the consent back; redo gives it with the same date. */
  undo (plan);
  g_assert_null (our_plan_get_consent (plan, OUR_SECTION_GOALS, "sam"));
  redo (plan);
  g_assert_cmpstr (our_plan_get_consent (plan, OUR_SECTION_GOALS, "sam")->since, ==, "2026-11-21");

  /* Withdrawing, then undoing the withdrawal. */
  g_assert_true (run (plan, our_command_new_set_consent (OUR_SECTION_GOALS, "sam", FALSE,
                                                         NULL, OUR_AUTHOR_PERSON)));
  g_assert_false (our_plan_copy_shows (plan, OUR_COPY_CARER, "sam", OUR_SECTION_GOALS));
  undo (plan);
  g_assert_true (our_plan_copy_shows (plan, OUR_COPY_CARER, "sam", OUR_SECTION_GOALS));

  /* Someone no longer marked as a carer sees nothing, whatever was agreed. */
  g_assert_true (run (plan, our_command_new_set_member_carer ("sam", FALSE)));
  g_assert_false (our_plan_copy_shows (plan, OUR_COPY_CARER, "sam", OUR_SECTION_GOALS));
}

static void
test_carer_copy (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurPlan) copy = NULL;
  g_autoptr(OurGoal) goal = our_goal_new ("g1");
  g_autoptr(OurStep) step = our_step_new ("s1");
  g_autoptr(OurMember) bryn = our_member_new ("bryn");
  g_autoptr(OurSafetyNote) shared = our_safety_note_new ("shared", OUR_SAFETY_NOTE_AGREED_ACTION);
  g_autoptr(OurSafetyNote) held = our_safety_note_new ("held", OUR_SAFETY_NOTE_CONCERN);
  g_autoptr(OurBoardItem) note = make_note ("board", "board words");

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, "Gwen", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_GOOD_DAY, "a walk by the sea", OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_REVIEW_DATE, "2027-03-12", OUR_AUTHOR_COORDINATOR);
  add_carer (plan, "sam", "Sam");
  our_member_set_text (bryn, OUR_MEMBER_TEXT_NAME, "Bryn", OUR_AUTHOR_PERSON);
  g_assert_true (run (plan, our_command_new_add_member (bryn, -1)));
  our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, "Swim again", OUR_AUTHOR_PERSON);
  our_step_set_helper_id (step, "bryn");
  our_goal_insert_step (goal, 0, step);
  g_assert_true (run (plan, our_command_new_add_goal (goal, -1)));
  our_safety_note_set_text (shared, "shared words", OUR_AUTHOR_COORDINATOR);
  our_safety_note_set_text (held, "held words", OUR_AUTHOR_COORDINATOR);
  our_safety_note_set_team_only (held, TRUE);
  g_assert_true (run (plan, our_command_new_add_safety_note (shared, -1)));
  g_assert_true (run (plan, our_command_new_add_safety_note (held, -1)));
  g_assert_true (run (plan, our_command_new_add_board_item (note, -1)));
  g_assert_true (run (plan, our_command_new_set_well_text (OUR_WELL_FIELD_OTHERS_DO, "well words",
                                                           OUR_AUTHOR_PERSON)));

  g_assert_true (run (plan, our_command_new_set_consent (OUR_SECTION_GOALS, "sam", TRUE, NULL,
                                                         OUR_AUTHOR_PERSON)));
  g_assert_true (run (plan, our_command_new_set_consent (OUR_SECTION_SAFETY_NOTES, "sam", TRUE, NULL,
                                                         OUR_AUTHOR_PERSON)));
  copy = our_plan_new_carer_copy (plan, "sam");

  /* The facts every copy has... */
  g_assert_cmpstr (our_plan_get_name (copy), ==, "Gwen");
  g_assert_cmpstr (our_plan_get_me_text (copy, OUR_ME_FIELD_REVIEW_DATE), ==, "2027-03-12");
  /* ...the shared sections... */
  g_assert_cmpuint (our_plan_get_n_goals (copy), ==, 1);
  g_assert_nonnull (our_plan_find_safety_note (copy, "shared", NULL));
  /* ...and nothing else: not Me, not the team-only note, not the board, not
   * staying well, not the people (but the step keeps Bryn's name as text). */
  g_assert_cmpstr (our_plan_get_me_text (copy, OUR_ME_FIELD_GOOD_DAY), ==, "");
  g_assert_null (our_plan_find_safety_note (copy, "held", NULL));
  g_assert_cmpuint (our_plan_get_n_board_items (copy), ==, 0);
  g_assert_cmpstr (our_plan_get_well_text (copy, OUR_WELL_FIELD_OTHERS_DO), ==, "");
  g_assert_null (our_plan_find_member (copy, "bryn", NULL));
  g_assert_cmpstr (our_step_get_text (our_goal_get_step (our_plan_get_goal (copy, 0), 0),
                                      OUR_STEP_TEXT_WHO), ==, "Bryn");
  g_assert_cmpstr (our_step_get_helper_id (our_goal_get_step (our_plan_get_goal (copy, 0), 0)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_copy_log (copy)), ==, 0);
}

static void
test_copy_log (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurCopyRecord) record =
    our_copy_record_new ("r1", OUR_COPY_CARER, OUR_COPY_PRINTED, "sam", "Sam",
                         "2027-03-12T10:00:00Z", FALSE);

  g_autoptr(OurMember) rhys = our_member_new ("rhys");
  g_autoptr(GError) error = NULL;
  OurHistory *history = test_history_for (plan);

  g_assert_true (run (plan, our_command_new_add_member (rhys, -1)));
  g_assert_true (our_history_record (history, our_command_new_log_copy (record), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_copy_log (plan)), ==, 1);
  g_assert_true (our_plan_find_copy_record (plan, "r1", NULL) == record);
  /* Undo after printing takes back the last edit, not the record of the copy. */
  undo (plan);
  g_assert_null (our_plan_find_member (plan, "rhys", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_copy_log (plan)), ==, 1);
  g_assert_false (our_history_get_can_undo (history));
}

static void
test_member_symbol (void)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurMember) pet = our_member_new ("pero");

  g_assert_true (run (plan, our_command_new_add_member (pet, -1)));
  g_assert_true (run (plan, our_command_new_set_member_symbol ("pero", "pet")));
  g_assert_cmpstr (our_member_get_symbol (our_plan_find_member (plan, "pero", NULL)), ==, "pet");
  undo (plan);
  g_assert_cmpstr (our_member_get_symbol (our_plan_find_member (plan, "pero", NULL)), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/board/items", test_board_items);
  g_test_add_func ("/model/board/zones", test_board_zones);
  g_test_add_func ("/model/safety/well-texts", test_well_texts);
  g_test_add_func ("/model/safety/contacts-and-notes", test_crisis_contacts_and_notes);
  g_test_add_func ("/model/consent/commands", test_consent);
  g_test_add_func ("/model/consent/carer-copy", test_carer_copy);
  g_test_add_func ("/model/copy-log", test_copy_log);
  g_test_add_func ("/model/members/symbol", test_member_symbol);

  return g_test_run ();
}
