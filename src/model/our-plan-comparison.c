/* our-plan-comparison.c: then and now: what changed between two versions of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-plan-comparison.h"

static void
change_free (gpointer data)
{
  OurPlanChange *change = data;

  g_free (change->id);
  g_free (change->then_text);
  g_free (change->now_text);
  g_free (change);
}

static OurPlanChange *
change_new (OurPartKind  part,
            const char  *id,
            const char  *then_text,
            const char  *now_text,
            int          then_value,
            int          now_value)
{
  OurPlanChange *change = g_new0 (OurPlanChange, 1);

  change->part = part;
  change->id = g_strdup (id);
  change->then_text = g_strdup (then_text != NULL ? then_text : "");
  change->now_text = g_strdup (now_text != NULL ? now_text : "");
  change->then_value = then_value;
  change->now_value = now_value;
  if (then_text == NULL)
    change->flags |= OUR_CHANGE_ADDED;
  else if (now_text == NULL)
    change->flags |= OUR_CHANGE_REMOVED;
  else if (g_strcmp0 (then_text, now_text) != 0)
    change->flags |= OUR_CHANGE_REWORDED;
  return change;
}

/* How one list's items are read: their id, the text shown, and a value. */
typedef struct
{
  OurPartKind   part;
  GListModel *(*get_list)  (OurPlan *plan);
  const char *(*get_id)    (gpointer item);
  const char *(*get_text)  (gpointer item);
  int         (*get_value) (gpointer item);     /* NULL: none */
  OurChangeFlags value_flag;
  gboolean      keep_unchanged;
} ListReader;

static GHashTable *
index_by_id (const ListReader *reader,
             GListModel       *list)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      gpointer item = g_list_model_get_item (list, i);

      /* The first of a repeated id counts, as in the loaders. */
      if (!g_hash_table_contains (index, reader->get_id (item)))
        g_hash_table_insert (index, (gpointer) reader->get_id (item), item);
      else
        g_object_unref (item);
    }
  return index;
}

static void
compare_list (const ListReader *reader,
              OurPlan          *then,
              OurPlan          *now,
              GPtrArray        *changes)
{
  GListModel *then_list = reader->get_list (then);
  GListModel *now_list = reader->get_list (now);
  g_autoptr(GHashTable) then_index = index_by_id (reader, then_list);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (now_list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (now_list, i);
      const char *id = reader->get_id (item);
      gpointer before = g_hash_table_lookup (then_index, id);
      OurPlanChange *change;

      if (!g_hash_table_add (seen, (gpointer) id))
        continue;
      change = change_new (reader->part, id, before != NULL ? reader->get_text (before) : NULL,
                           reader->get_text (item),
                           before != NULL && reader->get_value ? reader->get_value (before) : -1,
                           reader->get_value ? reader->get_value (item) : -1);
      if (before != NULL && change->then_value != change->now_value)
        change->flags |= reader->value_flag;
      if (change->flags == 0 && !reader->keep_unchanged)
        change_free (change);
      else
        g_ptr_array_add (changes, change);
    }
  for (guint i = 0; i < g_list_model_get_n_items (then_list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (then_list, i);
      const char *id = reader->get_id (item);

      if (g_hash_table_contains (seen, id) || g_hash_table_lookup (then_index, id) != item)
        continue;
      g_ptr_array_add (changes, change_new (reader->part, id, reader->get_text (item), NULL,
                                            reader->get_value ? reader->get_value (item) : -1,
                                            -1));
    }
}

static const char *
goal_title (gpointer goal)
{
  return our_goal_get_text (goal, OUR_GOAL_TEXT_TITLE);
}

static int
goal_progress (gpointer goal)
{
  return our_goal_get_progress (goal);
}

static int
member_ring (gpointer member)
{
  return our_member_get_ring (member);
}

GPtrArray *
our_plan_compare (OurPlan *then,
                  OurPlan *now)
{
  static const ListReader readers[] = {
    { OUR_PART_GOAL, our_plan_get_goals, (const char *(*) (gpointer)) our_goal_get_id,
      goal_title, goal_progress, OUR_CHANGE_PROGRESS, TRUE },
    { OUR_PART_MEMBER, our_plan_get_members, (const char *(*) (gpointer)) our_member_get_id,
      (const char *(*) (gpointer)) our_member_get_name, member_ring, OUR_CHANGE_MOVED, FALSE },
    { OUR_PART_SAFETY_NOTE, our_plan_get_safety_notes,
      (const char *(*) (gpointer)) our_safety_note_get_id,
      (const char *(*) (gpointer)) our_safety_note_get_text, NULL, 0, FALSE },
  };
  GPtrArray *changes;

  g_return_val_if_fail (OUR_IS_PLAN (then), NULL);
  g_return_val_if_fail (OUR_IS_PLAN (now), NULL);

  changes = g_ptr_array_new_with_free_func (change_free);
  for (guint r = 0; r < G_N_ELEMENTS (readers); r++)
    compare_list (&readers[r], then, now, changes);
  for (guint f = 0; f < OUR_N_WELL_FIELDS; f++)
    {
      const char *before = our_plan_get_well_text (then, f);
      const char *after = our_plan_get_well_text (now, f);
      OurPlanChange *change;

      if (g_strcmp0 (before, after) == 0)
        continue;
      /* A field left empty is not there. */
      change = change_new (OUR_PART_STAYING_WELL, our_well_field_get_key (f),
                           before[0] != '\0' ? before : NULL,
                           after[0] != '\0' ? after : NULL, -1, -1);
      change->field = f;
      g_ptr_array_add (changes, change);
    }
  return changes;
}

guint
our_plan_changes_count (GPtrArray   *changes,
                        OurPartKind  part)
{
  guint n = 0;

  g_return_val_if_fail (changes != NULL, 0);

  for (guint i = 0; i < changes->len; i++)
    {
      OurPlanChange *change = g_ptr_array_index (changes, i);

      if (change->part == part && change->flags != 0)
        n++;
    }
  return n;
}
