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

#include "our-agreed-version.h"
#include "our-command.h"
#include "our-store-error.h"
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
    case OUR_LIST_AGREEMENTS:
      {
        g_autoptr(GBytes) snapshot = g_bytes_new (text, strlen (text));

        return our_agreement_new (id, "2026-11-12", "Gwen\nSam", TRUE, "2027-05-12", snapshot,
                                  picture);
      }
    case OUR_LIST_DISAGREEMENTS:
      return our_disagreement_new (id, OUR_PART_GOAL, "goal-1", "Swimming", text,
                                   OUR_AUTHOR_COORDINATOR);
    case OUR_LIST_COMMENTS:
      {
        OurComment *comment = our_comment_new (id, "member-sam", "Sam", "2026-12-01",
                                               OUR_PART_MEMBER, "member-rhys", "Rhys");

        our_comment_set_text (comment, text);
        our_comment_set_talked_about_on (comment, "2026-12-07");
        return comment;
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
    case OUR_LIST_COMMENTS:
      our_comment_set_text (copy, "Reworded comment");
      our_comment_set_talked_about_on (copy, "");
      break;
    case OUR_LIST_COPY_LOG:
    case OUR_LIST_AGREEMENTS:
    case OUR_LIST_DISAGREEMENTS:
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

/* ------------------------------------------------------------------------ */
/* Agreed versions                                                          */

/* @plan with its history lists emptied: what a version of it holds. */
static void
remove_history (OurPlan *plan)
{
  for (guint l = 0; l < OUR_N_LISTS; l++)
    {
      const OurPlanList *list = our_plan_lists_get (l);

      if (list->parent == OUR_N_LISTS && (list->flags & OUR_PLAN_LIST_HISTORY))
        while (g_list_model_get_n_items (list->get_list (plan)) > 0)
          list->remove (plan, 0);
    }
}

static OurAgreement *
agree (OurPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *picture_ids = NULL;
  g_autoptr(GBytes) snapshot = our_agreed_version_encode (plan, &picture_ids, &error);

  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  return our_agreement_new (NULL, "2026-12-07", "Gwen", TRUE, "2027-06-07", snapshot, picture_ids);
}

/* A version holds every list of the registry but the history, and reads
 * back as the plan was. */
static void
test_version_round_trip (Scratch       *scratch,
                         gconstpointer  data)
{
  g_autoptr(OurPlan) plan = make_full_plan (3);
  g_autoptr(OurPlan) expected = make_full_plan (3);
  g_autoptr(OurAgreement) agreement = agree (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPlan) version = our_agreed_version_decode (agreement, plan, &error);
  g_autofree char *picture = picture_id ();

  g_assert_no_error (error);
  g_assert_nonnull (version);
  g_assert_cmpstr (our_agreement_get_picture_ids (agreement), ==, picture);
  remove_history (expected);
  test_assert_same_plan (version, expected);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_agreements (version)), ==, 0);

  /* The plan changing afterwards does not change the version. */
  {
    g_autoptr(OurGoal) goal = g_list_model_get_item (our_plan_get_goals (plan), 0);
    g_autoptr(OurPlan) again = NULL;

    our_goal_set_text (goal, OUR_GOAL_TEXT_TITLE, "Changed after", OUR_AUTHOR_PERSON);
    again = our_agreed_version_decode (agreement, plan, &error);
    g_assert_no_error (error);
    test_assert_same_plan (again, expected);
  }
}

static OurAgreement *
agreement_with_snapshot (const void *data,
                         gsize       size)
{
  g_autoptr(GBytes) snapshot = data != NULL ? g_bytes_new (data, size) : NULL;

  return our_agreement_new (NULL, "2026-12-07", "Gwen", TRUE, "2027-06-07", snapshot, "");
}

static GBytes *
zlib_convert (GConverter *converter,
              GBytes     *in)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, converter);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_output_stream_write_all (out, g_bytes_get_data (in, NULL), g_bytes_get_size (in),
                                            NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
assert_decode_fails (OurAgreement *agreement,
                     OurPlan      *live,
                     int           code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPlan) version = our_agreed_version_decode (agreement, live, &error);

  g_assert_null (version);
  g_assert_error (error, OUR_STORE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

/* A version that cannot be read is refused with a sentence; the plan it
 * belongs to is not touched. */
static void
test_version_damaged (Scratch       *scratch,
                      gconstpointer  data)
{
  g_autoptr(OurPlan) plan = make_full_plan (2);
  g_autoptr(OurAgreement) good = agree (plan);
  GBytes *snapshot = our_agreement_get_snapshot (good);
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  g_autoptr(GBytes) image = zlib_convert (G_CONVERTER (decompressor), snapshot);
  g_autoptr(OurPlan) before = make_full_plan (2);
  static const char text[] = "not a plan at all";

  {
    g_autoptr(OurAgreement) missing = agreement_with_snapshot (NULL, 0);
    assert_decode_fails (missing, plan, OUR_STORE_ERROR_DAMAGED);
  }
  {
    g_autoptr(OurAgreement) garbage = agreement_with_snapshot (text, sizeof text);
    assert_decode_fails (garbage, plan, OUR_STORE_ERROR_DAMAGED);
  }
  {
    /* Cut short. */
    g_autoptr(OurAgreement) cut = agreement_with_snapshot (g_bytes_get_data (snapshot, NULL),
                                                           g_bytes_get_size (snapshot) / 2);
    assert_decode_fails (cut, plan, OUR_STORE_ERROR_DAMAGED);
  }
  {
    /* Well packed, but not a database. */
    g_autoptr(GBytes) plain = g_bytes_new_static (text, sizeof text);
    g_autoptr(GZlibCompressor) packer = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
    g_autoptr(GBytes) packed = zlib_convert (G_CONVERTER (packer), plain);
    g_autoptr(OurAgreement) foreign = agreement_with_snapshot (g_bytes_get_data (packed, NULL),
                                                               g_bytes_get_size (packed));
    assert_decode_fails (foreign, plan, OUR_STORE_ERROR_DAMAGED);
  }
  {
    /* A database with its pages scrambled past the header. */
    gsize size = g_bytes_get_size (image);
    g_autofree guint8 *bytes = g_memdup2 (g_bytes_get_data (image, NULL), size);
    g_autoptr(GBytes) scrambled = NULL;
    g_autoptr(GBytes) packed = NULL;
    g_autoptr(GZlibCompressor) packer = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
    g_autoptr(OurAgreement) broken = NULL;

    for (gsize i = 1024; i < size; i += 7)
      bytes[i] ^= 0x5a;
    scrambled = g_bytes_new (bytes, size);
    packed = zlib_convert (G_CONVERTER (packer), scrambled);
    broken = agreement_with_snapshot (g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
    assert_decode_fails (broken, plan, OUR_STORE_ERROR_DAMAGED);
  }
  {
    /* Made by a newer Our Plan: user_version is at byte 60 of the header. */
    gsize size = g_bytes_get_size (image);
    g_autofree guint8 *bytes = g_memdup2 (g_bytes_get_data (image, NULL), size);
    g_autoptr(GBytes) newer = NULL;
    g_autoptr(GBytes) packed = NULL;
    g_autoptr(OurAgreement) from_future = NULL;

    bytes[60] = 0; bytes[61] = 0; bytes[62] = 0; bytes[63] = 99;
    newer = g_bytes_new (bytes, size);
    packed = zlib_convert (G_CONVERTER (compressor), newer);
    from_future = agreement_with_snapshot (g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
    assert_decode_fails (from_future, plan, OUR_STORE_ERROR_TOO_NEW);
  }
  test_assert_same_plan (plan, before);
}

/* The file keeps a picture an agreed version shows after the board no
 * longer does, and the version opened from the file shows it. */
static void
test_version_keeps_pictures (Scratch       *scratch,
                             gconstpointer  data)
{
  g_autoptr(OurPlan) plan = make_full_plan (1);
  g_autofree char *path = scratch_new_path (scratch);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurPlan) reopened = NULL;
  g_autoptr(OurPlan) version = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *picture = picture_id ();
  g_autoptr(OurAgreement) agreement = NULL;
  g_autoptr(OurBoardItem) item = NULL;
  OurSession *session;

  remove_history (plan);
  store = our_store_create (path, plan, &error);
  g_assert_no_error (error);
  session = our_store_get_session (store);
  agreement = agree (our_session_get_plan (session));
  g_assert_true (our_session_run (session, our_command_new_add_item (OUR_LIST_AGREEMENTS, NULL,
                                                                     agreement, -1), &error));
  item = g_list_model_get_item (our_plan_get_board_items (our_session_get_plan (session)), 0);
  g_assert_true (our_session_run (session,
                                  our_command_new_delete_item (OUR_LIST_BOARD_ITEMS, NULL,
                                                               our_board_item_get_id (item)),
                                  &error));
  g_assert_no_error (error);
  our_store_close (store);

  reopened = read_back (path);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_board_items (reopened)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_agreements (reopened)), ==, 1);
  {
    g_autoptr(OurAgreement) stored = g_list_model_get_item (our_plan_get_agreements (reopened), 0);

    version = our_agreed_version_decode (stored, reopened, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (our_plan_get_board_items (version)), ==, 1);
  g_assert_nonnull (our_plan_get_picture (version, picture));
  bytes = our_picture_dup_bytes (our_plan_get_picture (version, picture));
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   picture_bytes, sizeof picture_bytes);
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
  g_test_add ("/registry/version-round-trip", Scratch, NULL, scratch_setup,
              test_version_round_trip, scratch_teardown);
  g_test_add ("/registry/version-damaged", Scratch, NULL, scratch_setup, test_version_damaged,
              scratch_teardown);
  g_test_add ("/registry/version-keeps-pictures", Scratch, NULL, scratch_setup,
              test_version_keeps_pictures, scratch_teardown);
  return g_test_run ();
}
