/* test-registry.c: every list of the registry round-trips through the store, and
 * adding, changing, moving and removing in it undoes and redoes exactly, in
 * the window's plan and in the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test walks the registry (our-plan-lists.h): a list added there without
 * a sample here fails make_item(), and a property of an item the sample leaves
 * at its default fails assert_every_property_set(), so a new list or a new
 * field is tested without anyone remembering to.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "our-command.h"
#include "our-plan-lists.h"
#include "our-session.h"
#include "our-store.h"
#include "test-plans.h"

typedef struct
{
  char  *dir;
  guint  n_files;
} Scratch;

static void
scratch_setup (Scratch       *scratch,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  scratch->dir = g_dir_make_tmp ("ourplan-registry-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
scratch_teardown (Scratch       *scratch,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (scratch->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (scratch->dir);
  g_free (scratch->dir);
}

static char *
scratch_new_path (Scratch *scratch)
{
  g_autofree char *name = g_strdup_printf ("plan-%u.ourplan", scratch->n_files++);

  return g_build_filename (scratch->dir, name, NULL);
}

/* ------------------------------------------------------------------------ */
/* One sample per list                                                      */

static const char picture_bytes[] = "\x89PNG not decoded by the store";

static char *
picture_id (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (picture_bytes, sizeof picture_bytes);

  return our_picture_compute_id (bytes);
}

/* A new item of @list with every field away from its default; @variant
 * makes items of one list differ from each other. */
static gpointer
make_item (OurListId   list,
           const char *id,
           int         variant)
{
  g_autofree char *text = g_strdup_printf ("Sample %d, in my words", variant);
  g_autofree char *picture = picture_id ();

  switch (list)
    {
    case OUR_LIST_GOALS:
      {
        OurGoal *goal = our_goal_new (id);

        our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, text, OUR_AUTHOR_COORDINATOR);
        our_goal_set_text (goal, OUR_GOAL_TEXT_WHY, "Because it matters", OUR_AUTHOR_COORDINATOR);
        our_goal_set_life_area (goal, OUR_LIFE_AREA_SOCIAL);
        our_goal_set_symbol (goal, "family");
        our_goal_set_progress (goal, 3 + variant);
        our_goal_set_status (goal, OUR_GOAL_STATUS_PAUSED);
        return goal;
      }
    case OUR_LIST_STEPS:
      {
        OurStep *step = our_step_new (id);

        our_step_set_text (step, OUR_STEP_TEXT_WHAT, text, OUR_AUTHOR_COORDINATOR);
        our_step_set_text (step, OUR_STEP_TEXT_WHO, "Sam", OUR_AUTHOR_COORDINATOR);
        our_step_set_text (step, OUR_STEP_TEXT_BY_WHEN, "2027-01-0" "1", OUR_AUTHOR_COORDINATOR);
        our_step_set_helper_id (step, "member-sam");
        return step;
      }
    case OUR_LIST_MEMBERS:
      {
        OurMember *member = our_member_new (id);

        our_member_set_text (member, OUR_MEMBER_TEXT_NAME, text, OUR_AUTHOR_COORDINATOR);
        our_member_set_text (member, OUR_MEMBER_TEXT_RELATIONSHIP, "Sister", OUR_AUTHOR_COORDINATOR);
        our_member_set_text (member, OUR_MEMBER_TEXT_NOTES, "Rings on Sundays", OUR_AUTHOR_COORDINATOR);
        our_member_set_kind (member, OUR_MEMBER_KIND_GROUP);
        our_member_set_place (member, OUR_RING_FURTHER, 40.0 + variant);
        our_member_set_helps (member, OUR_HELPS_EMOTIONAL | OUR_HELPS_CRISIS);
        our_member_set_contact (member, OUR_CONTACT_WEEKLY);
        our_member_set_wished_for (member, TRUE);
        our_member_set_is_carer (member, TRUE);
        our_member_set_symbol (member, "family");
        return member;
      }
    case OUR_LIST_BOARD_ITEMS:
      {
        OurBoardItem *item = our_board_item_new (id, OUR_BOARD_ITEM_PICTURE);

        our_board_item_set_text (item, text, OUR_AUTHOR_COORDINATOR);
        our_board_item_set_colour (item, OUR_NOTE_COLOUR_BLUE);
        our_board_item_set_picture_id (item, picture);
        our_board_item_set_symbol (item, "family");
        our_board_item_set_box (item, 10 + variant, 20, 180, 120);
        our_board_item_set_rotation (item, -4);
        our_board_item_set_added_by (item, OUR_AUTHOR_COORDINATOR);
        return item;
      }
    case OUR_LIST_BOARD_ZONES:
      {
        OurBoardZone *zone = our_board_zone_new (id);

        our_board_zone_set_name (zone, text, OUR_AUTHOR_COORDINATOR);
        our_board_zone_set_box (zone, 5 + variant, 6, 420, 310);
        return zone;
      }
    case OUR_LIST_CRISIS_CONTACTS:
      {
        OurCrisisContact *contact = our_crisis_contact_new (id);

        our_crisis_contact_set_member_id (contact, "member-sam");
        our_crisis_contact_set_name (contact, text);
        our_crisis_contact_set_phone (contact, "01632 960000");
        our_crisis_contact_set_when (contact, "At night");
        our_crisis_contact_set_author (contact, OUR_AUTHOR_COORDINATOR);
        return contact;
      }
    case OUR_LIST_SAFETY_NOTES:
      {
        OurSafetyNote *note = our_safety_note_new (id, OUR_SAFETY_NOTE_POSITIVE_RISK);

        our_safety_note_set_text (note, text, OUR_AUTHOR_COORDINATOR);
        our_safety_note_set_talked (note, TRUE, "2026-11-02");
        our_safety_note_set_team_only (note, TRUE);
        our_safety_note_set_written_on (note, "2026-11-01");
        return note;
      }
    case OUR_LIST_COPY_LOG:
      return our_copy_record_new (id, OUR_COPY_CARER, OUR_COPY_PDF, "member-sam", text,
                                  "2026-11-03T10:00:00Z", TRUE);
    case OUR_LIST_MEETINGS:
      {
        OurMeeting *meeting = our_meeting_new (id, "2026-11-04");

        our_meeting_set_text (meeting, OUR_MEETING_TEXT_CAME, "Gwen\nSam", OUR_AUTHOR_PERSON);
        our_meeting_set_text (meeting, OUR_MEETING_TEXT_COULD_NOT_COME, "Dr Rees",
                              OUR_AUTHOR_PERSON);
        our_meeting_set_text (meeting, OUR_MEETING_TEXT_TALKED_ABOUT, text, OUR_AUTHOR_PERSON);
        return meeting;
      }
    }
  g_assert_not_reached ();
}

/* A new state for @item: a copy with a field changed. */
static gpointer
make_changed (OurListId list,
              gpointer  item)
{
  gpointer copy = our_plan_lists_get (list)->copy (item);

  switch (list)
    {
    case OUR_LIST_GOALS:
      our_goal_set_text (copy, OUR_GOAL_TEXT_TITLE, "Reworded", OUR_AUTHOR_PERSON);
      our_goal_set_progress (copy, 9);
      break;
    case OUR_LIST_STEPS:
      our_step_set_text (copy, OUR_STEP_TEXT_WHAT, "Reworded step", OUR_AUTHOR_PERSON);
      break;
    case OUR_LIST_MEMBERS:
      our_member_set_place (copy, OUR_RING_CLOSEST, 200);
      break;
    case OUR_LIST_BOARD_ITEMS:
      our_board_item_set_box (copy, 300, 310, 90, 80);
      break;
    case OUR_LIST_BOARD_ZONES:
      our_board_zone_set_name (copy, "Renamed area", OUR_AUTHOR_PERSON);
      break;
    case OUR_LIST_CRISIS_CONTACTS:
      our_crisis_contact_set_phone (copy, "01632 960999");
      break;
    case OUR_LIST_SAFETY_NOTES:
      our_safety_note_set_team_only (copy, FALSE);
      break;
    case OUR_LIST_MEETINGS:
      our_meeting_set_held_on (copy, "2026-11-05");
      break;
    case OUR_LIST_COPY_LOG:
      g_assert_not_reached ();
    }
  return copy;
}

static void
assert_every_property_set (gpointer item)
{
  guint n_props;
  g_autofree GParamSpec **props = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (G_TYPE_IS_OBJECT (props[i]->value_type) || G_TYPE_IS_INTERFACE (props[i]->value_type))
        continue;
      g_value_init (&value, props[i]->value_type);
      g_object_get_property (item, props[i]->name, &value);
      if (g_param_value_defaults (props[i], &value))
        g_error ("%s.%s is left at its default by the test's sample",
                 G_OBJECT_TYPE_NAME (item), props[i]->name);
    }
}

/* A plan with @n items in every list, and every field and choice filled. */
static OurPlan *
make_full_plan (guint n)
{
  OurPlan *plan = our_plan_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (picture_bytes, sizeof picture_bytes);
  g_autofree char *id = picture_id ();
  g_autoptr(OurPicture) picture = our_picture_new (id, bytes, "image/png", 3, 2);

  our_plan_add_picture (plan, picture);
  for (guint f = 0; f < OUR_N_ME_FIELDS; f++)
    our_plan_set_me_text (plan, f, f >= OUR_ME_FIELD_MADE_ON ? "2026-12-01" : "Mine",
                          OUR_AUTHOR_COORDINATOR);
  for (guint f = 0; f < OUR_N_WELL_FIELDS; f++)
    our_plan_set_well_text (plan, f, "Going for a walk", OUR_AUTHOR_PERSON);

  for (guint l = 0; l < OUR_N_LISTS; l++)
    {
      const OurPlanList *list = our_plan_lists_get (l);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *item_id = g_strdup_printf ("%s-%u", list->key, i);

          if (list->parent == OUR_N_LISTS)
            {
              g_autoptr(GObject) item = make_item (l, item_id, i);

              assert_every_property_set (item);
              list->insert (plan, i, item);
              continue;
            }
          /* Child lists: n items in each parent. */
          for (guint p = 0; p < g_list_model_get_n_items (our_plan_lists_get (list->parent)->get_list (plan)); p++)
            {
              g_autoptr(GObject) parent = g_list_model_get_item (our_plan_lists_get (list->parent)->get_list (plan), p);
              g_autofree char *child_id = g_strdup_printf ("%s-%u-%u", list->key, p, i);
              g_autoptr(GObject) item = make_item (l, child_id, i);

              assert_every_property_set (item);
              list->insert (parent, i, item);
            }
        }
    }
  for (guint s = 0; s < OUR_N_SECTIONS; s++)
    our_plan_set_consent (plan, s, "members-0", "2026-11-30", OUR_AUTHOR_PERSON);
  return plan;
}

/* The plan in the file at @path, opened as a second, read-only reader. */
static OurPlan *
read_back (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, &error);
  OurPlan *plan;

  g_assert_no_error (error);
  plan = g_object_ref (our_store_get_plan (store));
  our_store_close (store);
  return plan;
}

/* A copy of @plan as it is now, made through the store. */
static OurPlan *
snapshot (Scratch *scratch,
          OurPlan *plan)
{
  g_autofree char *path = scratch_new_path (scratch);
  g_autoptr(GError) error = NULL;

  g_assert_true (our_store_write_plan (plan, path, &error));
  g_assert_no_error (error);
  return read_back (path);
}

/* ------------------------------------------------------------------------ */

static void
test_round_trip (Scratch       *scratch,
                 gconstpointer  data)
{
  g_autoptr(OurPlan) plan = make_full_plan (3);
  g_autofree char *path = scratch_new_path (scratch);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = our_store_create (path, plan, &error);
  g_autoptr(OurPlan) reopened = NULL;

  g_assert_no_error (error);
  test_assert_same_plan (our_store_get_plan (store), plan);
  our_store_close (store);
  reopened = read_back (path);
  test_assert_same_plan (reopened, plan);

  /* The comparison itself sees a difference in any list. */
  for (guint l = 0; l < OUR_N_LISTS; l++)
    {
      const OurPlanList *list = our_plan_lists_get (l);
      gpointer container = list->parent == OUR_N_LISTS ? (gpointer) reopened
        : g_list_model_get_item (our_plan_lists_get (list->parent)->get_list (reopened), 0);
      g_autoptr(GObject) last = g_list_model_get_item (list->get_list (container), 2);
      g_autofree char *difference = NULL;

      list->remove (container, 2);
      difference = our_plan_find_difference (reopened, plan);
      g_assert_nonnull (difference);
      g_assert_nonnull (strstr (difference, list->key));
      list->insert (container, 2, last);
      if (container != reopened)
        g_object_unref (container);
      test_assert_same_plan (reopened, plan);
    }
}

typedef struct
{
  Scratch    *scratch;
  OurStore   *store;
  OurSession *session;
} Bench;

/* Runs @command, then checks that the window's plan and the file agree
 * after it, after undoing it and after redoing it. */
static void
check_step (Bench      *bench,
            OurCommand *command)
{
  OurPlan *plan = our_session_get_plan (bench->session);
  const char *path = our_store_get_path (bench->store);
  g_autoptr(OurPlan) before = snapshot (bench->scratch, plan);
  g_autoptr(OurPlan) after = NULL;
  g_autoptr(OurPlan) in_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (our_command_get_label (command));
  g_autofree char *difference = NULL;

  g_assert_nonnull (label);
  g_assert_cmpstr (label, !=, "");
  g_assert_true (our_session_run_alone (bench->session, command, &error));
  g_assert_no_error (error);
  after = snapshot (bench->scratch, plan);
  difference = our_plan_find_difference (before, after);
  g_assert_nonnull (difference);
  in_file = read_back (path);
  test_assert_same_plan (in_file, after);

  g_assert_true (our_session_undo (bench->session, &error));
  g_assert_no_error (error);
  test_assert_same_plan (plan, before);
  g_clear_object (&in_file);
  in_file = read_back (path);
  test_assert_same_plan (in_file, before);

  g_assert_true (our_session_redo (bench->session, &error));
  g_assert_no_error (error);
  test_assert_same_plan (plan, after);
  g_clear_object (&in_file);
  in_file = read_back (path);
  test_assert_same_plan (in_file, after);
}

static void
test_undo_redo (Scratch       *scratch,
                gconstpointer  data)
{
  g_autoptr(OurPlan) plan = make_full_plan (2);
  g_autofree char *path = scratch_new_path (scratch);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = our_store_create (path, plan, &error);
  Bench bench = { scratch, store, NULL };

  g_assert_no_error (error);
  bench.session = our_store_get_session (store);

  for (guint l = 0; l < OUR_N_LISTS; l++)
    {
      const OurPlanList *list = our_plan_lists_get (l);
      g_autoptr(GObject) parent = NULL;
      const char *parent_id = NULL;
      gpointer container;
      guint position;
      g_autofree char *new_id = g_strdup_printf ("%s-new", list->key);
      g_autoptr(GObject) added = make_item (l, new_id, 7);

      /* A child list's items go into the second of their parents. */
      if (list->parent != OUR_N_LISTS)
        {
          const OurPlanList *parents = our_plan_lists_get (list->parent);

          parent = g_list_model_get_item (parents->get_list (our_store_get_plan (store)), 1);
          parent_id = parents->get_item_id (parent);
        }
      container = our_plan_list_get_container (list, our_store_get_plan (store), parent_id);
      g_assert_nonnull (container);
      g_test_message ("list %s", list->key);

      /* Add at the start. */
      check_step (&bench, our_command_new_add_item (l, parent_id, added, 0));
      g_assert_nonnull (list->find (container, new_id, &position));
      g_assert_cmpuint (position, ==, 0);
      g_assert_true (our_plan_list_items_equal (list, list->find (container, new_id, NULL), added));

      if (list->flags & OUR_PLAN_LIST_EDITABLE)
        {
          gpointer live = list->find (container, new_id, NULL);
          g_autoptr(GObject) changed = make_changed (l, live);

          check_step (&bench, our_command_new_update_item (l, parent_id, changed));
          g_assert_true (our_plan_list_items_equal (list, live, changed));
          g_assert_false (our_plan_list_items_equal (list, live, added));
        }
      if (list->flags & OUR_PLAN_LIST_ORDERED)
        {
          check_step (&bench, our_command_new_move_item (l, parent_id, new_id, 2));
          g_assert_nonnull (list->find (container, new_id, &position));
          g_assert_cmpuint (position, ==, 2);
        }

      check_step (&bench, our_command_new_delete_item (l, parent_id, new_id));
      g_assert_null (list->find (container, new_id, NULL));
    }
  our_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/registry/round-trip", Scratch, NULL, scratch_setup, test_round_trip,
              scratch_teardown);
  g_test_add ("/registry/undo-redo", Scratch, NULL, scratch_setup, test_undo_redo,
              scratch_teardown);
  return g_test_run ();
}
