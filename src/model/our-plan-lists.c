/* our-plan-lists.c: the registry, where each list a plan is made of is described once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "our-limits.h"
#include "our-plan-lists.h"

/* The plan's own lists take the plan; steps take their goal. */
#define LIST(f)   ((GListModel *(*) (gpointer)) (f))
#define FIND(f)   ((gpointer (*) (gpointer, const char *, guint *)) (f))
#define INSERT(f) ((void (*) (gpointer, guint, gpointer)) (f))
#define REMOVE(f) ((void (*) (gpointer, guint)) (f))
#define GET_ID(f) ((const char *(*) (gpointer)) (f))
#define COPY(f)   ((gpointer (*) (gpointer)) (f))
#define ASSIGN(f) ((void (*) (gpointer, gpointer)) (f))

static gpointer
copy_step (gpointer step)
{
  return our_step_copy (step, NULL);
}

static const OurPlanList lists[OUR_N_LISTS] = {
  [OUR_LIST_GOALS] = {
    OUR_LIST_GOALS, "goals", our_goal_get_type,
    OUR_PLAN_LIST_ORDERED | OUR_PLAN_LIST_EDITABLE, OUR_N_LISTS, OUR_MAX_GOALS,
    LIST (our_plan_get_goals), FIND (our_plan_find_goal), INSERT (our_plan_insert_goal),
    REMOVE (our_plan_remove_goal), GET_ID (our_goal_get_id),
    COPY (our_goal_copy), ASSIGN (our_goal_assign),
    N_("Add goal"), N_("Delete goal"), N_("Change goal"), N_("Move goal"),
  },
  [OUR_LIST_STEPS] = {
    OUR_LIST_STEPS, "steps", our_step_get_type,
    OUR_PLAN_LIST_ORDERED | OUR_PLAN_LIST_EDITABLE, OUR_LIST_GOALS, OUR_MAX_STEPS_PER_GOAL,
    LIST (our_goal_get_steps), FIND (our_goal_find_step), INSERT (our_goal_insert_step),
    REMOVE (our_goal_remove_step), GET_ID (our_step_get_id),
    copy_step, ASSIGN (our_step_assign),
    N_("Add step"), N_("Delete step"), N_("Change step"), N_("Move step"),
  },
  [OUR_LIST_MEMBERS] = {
    OUR_LIST_MEMBERS, "members", our_member_get_type,
    OUR_PLAN_LIST_ORDERED | OUR_PLAN_LIST_EDITABLE, OUR_N_LISTS, OUR_MAX_MEMBERS,
    LIST (our_plan_get_members), FIND (our_plan_find_member), INSERT (our_plan_insert_member),
    REMOVE (our_plan_remove_member), GET_ID (our_member_get_id),
    COPY (our_member_copy), ASSIGN (our_member_assign),
    N_("Add to my people"), N_("Remove from my people"), N_("Change someone in my people"),
    N_("Move someone in my people"),
  },
  /* The order of the board's items is their stacking order. */
  [OUR_LIST_BOARD_ITEMS] = {
    OUR_LIST_BOARD_ITEMS, "board_items", our_board_item_get_type,
    OUR_PLAN_LIST_ORDERED | OUR_PLAN_LIST_EDITABLE, OUR_N_LISTS, OUR_MAX_BOARD_ITEMS,
    LIST (our_plan_get_board_items), FIND (our_plan_find_board_item),
    INSERT (our_plan_insert_board_item), REMOVE (our_plan_remove_board_item),
    GET_ID (our_board_item_get_id), COPY (our_board_item_copy), ASSIGN (our_board_item_assign),
    N_("Add to the board"), N_("Remove from the board"), N_("Change the board"),
    N_("Change what is on top"),
  },
  [OUR_LIST_BOARD_ZONES] = {
    OUR_LIST_BOARD_ZONES, "board_zones", our_board_zone_get_type,
    OUR_PLAN_LIST_ORDERED | OUR_PLAN_LIST_EDITABLE, OUR_N_LISTS, OUR_MAX_BOARD_ZONES,
    LIST (our_plan_get_board_zones), FIND (our_plan_find_board_zone),
    INSERT (our_plan_insert_board_zone), REMOVE (our_plan_remove_board_zone),
    GET_ID (our_board_zone_get_id), COPY (our_board_zone_copy), ASSIGN (our_board_zone_assign),
    N_("Add an area to the board"), N_("Remove an area of the board"),
    N_("Change an area of the board"), N_("Move an area of the board"),
  },
  [OUR_LIST_CRISIS_CONTACTS] = {
    OUR_LIST_CRISIS_CONTACTS, "crisis_contacts", our_crisis_contact_get_type,
    OUR_PLAN_LIST_ORDERED | OUR_PLAN_LIST_EDITABLE, OUR_N_LISTS, OUR_MAX_CRISIS_CONTACTS,
    LIST (our_plan_get_crisis_contacts), FIND (our_plan_find_crisis_contact),
    INSERT (our_plan_insert_crisis_contact), REMOVE (our_plan_remove_crisis_contact),
    GET_ID (our_crisis_contact_get_id), COPY (our_crisis_contact_copy),
    ASSIGN (our_crisis_contact_assign),
    N_("Add a crisis contact"), N_("Remove a crisis contact"), N_("Change a crisis contact"),
    N_("Move a crisis contact"),
  },
  [OUR_LIST_SAFETY_NOTES] = {
    OUR_LIST_SAFETY_NOTES, "safety_notes", our_safety_note_get_type,
    OUR_PLAN_LIST_ORDERED | OUR_PLAN_LIST_EDITABLE, OUR_N_LISTS, OUR_MAX_SAFETY_NOTES,
    LIST (our_plan_get_safety_notes), FIND (our_plan_find_safety_note),
    INSERT (our_plan_insert_safety_note), REMOVE (our_plan_remove_safety_note),
    GET_ID (our_safety_note_get_id), COPY (our_safety_note_copy),
    ASSIGN (our_safety_note_assign),
    N_("Add a safety note"), N_("Delete a safety note"), N_("Change a safety note"),
    N_("Move a safety note"),
  },
  /* A record of a copy given is a fact: it is added or taken back, never
   * changed or moved. */
  [OUR_LIST_COPY_LOG] = {
    OUR_LIST_COPY_LOG, "copy_log", our_copy_record_get_type,
    0, OUR_N_LISTS, OUR_MAX_COPY_RECORDS,
    LIST (our_plan_get_copy_log), FIND (our_plan_find_copy_record),
    INSERT (our_plan_insert_copy_record), REMOVE (our_plan_remove_copy_record),
    GET_ID (our_copy_record_get_id), NULL, NULL,
    N_("Note a copy given"), N_("Remove a copy from the list"), NULL, NULL,
  },
  [OUR_LIST_MEETINGS] = {
    OUR_LIST_MEETINGS, "meetings", our_meeting_get_type,
    OUR_PLAN_LIST_EDITABLE, OUR_N_LISTS, OUR_MAX_MEETINGS,
    LIST (our_plan_get_meetings), FIND (our_plan_find_meeting),
    INSERT (our_plan_insert_meeting), REMOVE (our_plan_remove_meeting),
    GET_ID (our_meeting_get_id), COPY (our_meeting_copy), ASSIGN (our_meeting_assign),
    N_("Start a meeting"), N_("Delete a meeting"), N_("Change a meeting"), NULL,
  },
  /* An agreed version is a fact, as a copy given is: agreed or taken back
   * (undo), never changed. */
  [OUR_LIST_AGREEMENTS] = {
    OUR_LIST_AGREEMENTS, "agreements", our_agreement_get_type,
    OUR_PLAN_LIST_HISTORY, OUR_N_LISTS, OUR_MAX_AGREEMENTS,
    LIST (our_plan_get_agreements), FIND (our_plan_find_agreement),
    INSERT (our_plan_insert_agreement), REMOVE (our_plan_remove_agreement),
    GET_ID (our_agreement_get_id), NULL, NULL,
    N_("Agree the plan"), N_("Take back an agreement"), NULL, NULL,
  },
  [OUR_LIST_DISAGREEMENTS] = {
    OUR_LIST_DISAGREEMENTS, "disagreements", our_disagreement_get_type,
    OUR_PLAN_LIST_HISTORY, OUR_LIST_AGREEMENTS, OUR_MAX_DISAGREEMENTS_PER_AGREEMENT,
    LIST (our_agreement_get_disagreements), FIND (our_agreement_find_disagreement),
    INSERT (our_agreement_insert_disagreement), REMOVE (our_agreement_remove_disagreement),
    GET_ID (our_disagreement_get_id), NULL, NULL,
    N_("Say what I do not agree with"), N_("Take back a disagreement"), NULL, NULL,
  },
  /* Written by carers in their copy, brought into the plan in clinic. */
  [OUR_LIST_COMMENTS] = {
    OUR_LIST_COMMENTS, "comments", our_comment_get_type,
    OUR_PLAN_LIST_EDITABLE | OUR_PLAN_LIST_HISTORY, OUR_N_LISTS, OUR_MAX_COMMENTS,
    LIST (our_plan_get_comments), FIND (our_plan_find_comment), INSERT (our_plan_insert_comment),
    REMOVE (our_plan_remove_comment), GET_ID (our_comment_get_id),
    COPY (our_comment_copy), ASSIGN (our_comment_assign),
    N_("Add a comment"), N_("Remove a comment"), N_("Change a comment"), NULL,
  },
};

const OurPlanList *
our_plan_lists_get (OurListId id)
{
  g_return_val_if_fail ((guint) id < OUR_N_LISTS, NULL);
  g_assert (lists[id].id == id);
  return &lists[id];
}

gpointer
our_plan_list_get_container (const OurPlanList *list,
                             OurPlan           *plan,
                             const char        *parent_id)
{
  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);

  if (list->parent == OUR_N_LISTS)
    return plan;
  if (parent_id == NULL)
    return NULL;
  return our_plan_lists_get (list->parent)->find (plan, parent_id, NULL);
}

/* The lists whose parent is @parent, in the registry's order. */
static void
for_each_child_list (OurListId   parent,
                     const OurPlanList **children,
                     guint      *n_children)
{
  *n_children = 0;
  for (guint i = 0; i < OUR_N_LISTS; i++)
    if (lists[i].parent == parent)
      children[(*n_children)++] = &lists[i];
}

/* The name of the first readable property in which @a and @b differ, or NULL. */
static const char *
find_property_difference (GObject *a,
                          GObject *b)
{
  guint n_props;
  g_autofree GParamSpec **props = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_props);

  for (guint i = 0; i < n_props; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      /* Child lists are compared item by item through the registry. */
      if ((props[i]->flags & G_PARAM_READABLE) == 0
          || G_TYPE_IS_OBJECT (props[i]->value_type)
          || G_TYPE_IS_INTERFACE (props[i]->value_type))
        continue;
      g_value_init (&va, props[i]->value_type);
      g_value_init (&vb, props[i]->value_type);
      g_object_get_property (a, props[i]->name, &va);
      g_object_get_property (b, props[i]->name, &vb);
      /* Boxed values are compared by what they hold, not where. */
      if (props[i]->value_type == G_TYPE_BYTES)
        {
          GBytes *ba = g_value_get_boxed (&va);
          GBytes *bb = g_value_get_boxed (&vb);

          if (ba != bb && (ba == NULL || bb == NULL || !g_bytes_equal (ba, bb)))
            return props[i]->name;
          continue;
        }
      g_assert (!G_TYPE_IS_BOXED (props[i]->value_type));
      if (g_param_values_cmp (props[i], &va, &vb) != 0)
        return props[i]->name;
    }
  return NULL;
}

static char *find_list_difference (const OurPlanList *list,
                                   gpointer           container_a,
                                   gpointer           container_b,
                                   const char        *where);

static char *
find_item_difference (const OurPlanList *list,
                      gpointer           a,
                      gpointer           b,
                      const char        *where)
{
  const OurPlanList *children[OUR_N_LISTS];
  guint n_children;
  const char *property;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return g_strdup_printf ("%s: not the same kind of thing", where);
  property = find_property_difference (a, b);
  if (property != NULL)
    return g_strdup_printf ("%s.%s", where, property);

  for_each_child_list (list->id, children, &n_children);
  for (guint i = 0; i < n_children; i++)
    {
      char *difference = find_list_difference (children[i], a, b, where);

      if (difference != NULL)
        return difference;
    }
  return NULL;
}

static char *
find_list_difference (const OurPlanList *list,
                      gpointer           container_a,
                      gpointer           container_b,
                      const char        *where)
{
  GListModel *items_a = list->get_list (container_a);
  GListModel *items_b = list->get_list (container_b);
  guint n = g_list_model_get_n_items (items_a);

  if (n != g_list_model_get_n_items (items_b))
    return g_strdup_printf ("%s%s%s: %u items, not %u", where, *where ? "." : "", list->key,
                            n, g_list_model_get_n_items (items_b));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (items_a, i);
      g_autoptr(GObject) b = g_list_model_get_item (items_b, i);
      g_autofree char *item_where = g_strdup_printf ("%s%s%s[%u]", where, *where ? "." : "",
                                                     list->key, i);
      char *difference = find_item_difference (list, a, b, item_where);

      if (difference != NULL)
        return difference;
    }
  return NULL;
}

gboolean
our_plan_list_items_equal (const OurPlanList *list,
                           gpointer           a,
                           gpointer           b)
{
  g_autofree char *difference = NULL;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (a) && G_IS_OBJECT (b), FALSE);

  difference = find_item_difference (list, a, b, list->key);
  return difference == NULL;
}

static gboolean
consents_equal (const OurConsent *a,
                const OurConsent *b)
{
  return a->section == b->section && g_str_equal (a->member_id, b->member_id)
         && g_str_equal (a->since, b->since) && a->agreed_by == b->agreed_by;
}

static char *
find_picture_difference (OurPlan *a,
                         OurPlan *b)
{
  GListModel *items = our_plan_get_board_items (a);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
      OurPicture *pa = our_plan_get_picture (a, our_board_item_get_picture_id (item));
      OurPicture *pb = our_plan_get_picture (b, our_board_item_get_picture_id (item));

      if (pa == NULL && pb == NULL)
        continue;
      if (pa == NULL || pb == NULL
          || find_property_difference (G_OBJECT (pa), G_OBJECT (pb)) != NULL)
        return g_strdup_printf ("pictures[%s]", our_board_item_get_picture_id (item));
    }
  return NULL;
}

char *
our_plan_find_difference (OurPlan *a,
                          OurPlan *b)
{
  GPtrArray *consents_a;
  GPtrArray *consents_b;

  g_return_val_if_fail (OUR_IS_PLAN (a) && OUR_IS_PLAN (b), NULL);

  for (guint f = 0; f < OUR_N_ME_FIELDS; f++)
    if (g_strcmp0 (our_plan_get_me_text (a, f), our_plan_get_me_text (b, f)) != 0
        || our_plan_get_me_author (a, f) != our_plan_get_me_author (b, f))
      return g_strdup_printf ("me.%s", our_me_field_get_key (f));
  for (guint f = 0; f < OUR_N_WELL_FIELDS; f++)
    if (g_strcmp0 (our_plan_get_well_text (a, f), our_plan_get_well_text (b, f)) != 0
        || our_plan_get_well_author (a, f) != our_plan_get_well_author (b, f))
      return g_strdup_printf ("staying_well.%s", our_well_field_get_key (f));

  for (guint i = 0; i < OUR_N_LISTS; i++)
    if (lists[i].parent == OUR_N_LISTS)
      {
        char *difference = find_list_difference (&lists[i], a, b, "");

        if (difference != NULL)
          return difference;
      }

  consents_a = our_plan_get_consents (a);
  consents_b = our_plan_get_consents (b);
  if (consents_a->len != consents_b->len)
    return g_strdup_printf ("consent: %u records, not %u", consents_a->len, consents_b->len);
  /* The store keeps consent by section and carer, not in the order given. */
  for (guint i = 0; i < consents_a->len; i++)
    {
      const OurConsent *ca = consents_a->pdata[i];
      const OurConsent *cb = our_plan_get_consent (b, ca->section, ca->member_id);

      if (cb == NULL || !consents_equal (ca, cb))
        return g_strdup_printf ("consent[%s, %s]", our_section_get_key (ca->section),
                                ca->member_id);
    }

  return find_picture_difference (a, b);
}
