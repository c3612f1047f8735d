/* our-plan.c: the plan document, the single source of truth the views observe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-history.h"
#include "our-plan.h"

struct _OurPlan
{
  GObject      parent_instance;

  char        *me_text[OUR_N_ME_FIELDS];
  OurAuthor    me_author[OUR_N_ME_FIELDS];
  GListStore  *goals;
  GListStore  *members;
  OurHistory  *history;
};

G_DEFINE_FINAL_TYPE (OurPlan, our_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_GOALS,
  PROP_HISTORY,
  N_PROPS
};

enum {
  ME_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
our_plan_dispose (GObject *object)
{
  OurPlan *self = OUR_PLAN (object);

  g_clear_object (&self->history);
  g_clear_object (&self->goals);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (our_plan_parent_class)->dispose (object);
}

static void
our_plan_finalize (GObject *object)
{
  OurPlan *self = OUR_PLAN (object);

  for (guint i = 0; i < OUR_N_ME_FIELDS; i++)
    g_free (self->me_text[i]);

  G_OBJECT_CLASS (our_plan_parent_class)->finalize (object);
}

static void
our_plan_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  OurPlan *self = OUR_PLAN (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, our_plan_get_name (self)); break;
    case PROP_GOALS: g_value_set_object (value, self->goals); break;
    case PROP_HISTORY: g_value_set_object (value, self->history); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_plan_class_init (OurPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = our_plan_dispose;
  object_class->finalize = our_plan_finalize;
  object_class->get_property = our_plan_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GOALS] =
    g_param_spec_object ("goals", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, OUR_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OurPlan::me-changed:
   * @field: the OurMeField that changed
   */
  signals[ME_CHANGED] =
    g_signal_new ("me-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
our_plan_init (OurPlan *self)
{
  for (guint i = 0; i < OUR_N_ME_FIELDS; i++)
    self->me_text[i] = g_strdup ("");
  self->goals = g_list_store_new (OUR_TYPE_GOAL);
  self->members = g_list_store_new (OUR_TYPE_MEMBER);
  self->history = our_history_new (self);
}

OurPlan *
our_plan_new (void)
{
  return g_object_new (OUR_TYPE_PLAN, NULL);
}

const char *
our_plan_get_me_text (OurPlan    *self,
                      OurMeField  field)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail ((guint) field < OUR_N_ME_FIELDS, NULL);
  return self->me_text[field];
}

OurAuthor
our_plan_get_me_author (OurPlan    *self,
                        OurMeField  field)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), OUR_AUTHOR_PERSON);
  g_return_val_if_fail ((guint) field < OUR_N_ME_FIELDS, OUR_AUTHOR_PERSON);
  return self->me_author[field];
}

void
our_plan_set_me_text (OurPlan    *self,
                      OurMeField  field,
                      const char *text,
                      OurAuthor   author)
{
  gboolean changed;

  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail ((guint) field < OUR_N_ME_FIELDS);

  author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;
  changed = our_set_string (&self->me_text[field], text ? text : "");
  if (self->me_author[field] != author)
    {
      self->me_author[field] = author;
      changed = TRUE;
    }
  if (!changed)
    return;

  g_signal_emit (self, signals[ME_CHANGED], 0, (int) field);
  if (field == OUR_ME_FIELD_PREFERRED_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
our_plan_get_name (OurPlan *self)
{
  return our_plan_get_me_text (self, OUR_ME_FIELD_PREFERRED_NAME);
}

GListModel *
our_plan_get_goals (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->goals);
}

guint
our_plan_get_n_goals (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->goals));
}

/* Returns: (transfer none) (nullable) */
OurGoal *
our_plan_get_goal (OurPlan *self,
                   guint    position)
{
  g_autoptr(OurGoal) goal = NULL;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);

  goal = g_list_model_get_item (G_LIST_MODEL (self->goals), position);
  return goal; /* the list store keeps it alive */
}

/* Returns: (transfer none) (nullable) */
OurGoal *
our_plan_find_goal (OurPlan    *self,
                    const char *goal_id,
                    guint      *position)
{
  guint n;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail (goal_id != NULL, NULL);

  n = our_plan_get_n_goals (self);
  for (guint i = 0; i < n; i++)
    {
      OurGoal *goal = our_plan_get_goal (self, i);

      if (g_str_equal (our_goal_get_id (goal), goal_id))
        {
          if (position)
            *position = i;
          return goal;
        }
    }
  return NULL;
}

/* Returns: (transfer none) (nullable) */
OurStep *
our_plan_find_step (OurPlan     *self,
                    const char  *step_id,
                    OurGoal    **goal_out,
                    guint       *position)
{
  guint n;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  n = our_plan_get_n_goals (self);
  for (guint i = 0; i < n; i++)
    {
      OurGoal *goal = our_plan_get_goal (self, i);
      OurStep *step = our_goal_find_step (goal, step_id, position);

      if (step != NULL)
        {
          if (goal_out)
            *goal_out = goal;
          return step;
        }
    }
  return NULL;
}

void
our_plan_insert_goal (OurPlan *self,
                      guint    position,
                      OurGoal *goal)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_GOAL (goal));

  position = MIN (position, our_plan_get_n_goals (self));
  g_list_store_insert (self->goals, position, goal);
}

void
our_plan_remove_goal (OurPlan *self,
                      guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (position < our_plan_get_n_goals (self));

  g_list_store_remove (self->goals, position);
}

void
our_plan_move_goal (OurPlan *self,
                    guint    from,
                    guint    to)
{
  g_autoptr(OurGoal) goal = NULL;
  guint n;

  g_return_if_fail (OUR_IS_PLAN (self));

  n = our_plan_get_n_goals (self);
  g_return_if_fail (from < n);
  to = MIN (to, n - 1);
  if (from == to)
    return;

  goal = g_list_model_get_item (G_LIST_MODEL (self->goals), from);
  g_list_store_remove (self->goals, from);
  g_list_store_insert (self->goals, to, goal);
}

GListModel *
our_plan_get_members (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->members);
}

guint
our_plan_get_n_members (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->members));
}

/* Returns: (transfer none) (nullable) */
OurMember *
our_plan_get_member (OurPlan *self,
                     guint    position)
{
  g_autoptr(OurMember) member = NULL;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);

  member = g_list_model_get_item (G_LIST_MODEL (self->members), position);
  return member; /* the list store keeps it alive */
}

/* Returns: (transfer none) (nullable) */
OurMember *
our_plan_find_member (OurPlan    *self,
                      const char *member_id,
                      guint      *position)
{
  guint n;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);

  if (member_id == NULL || member_id[0] == '\0')
    return NULL;
  n = our_plan_get_n_members (self);
  for (guint i = 0; i < n; i++)
    {
      OurMember *member = our_plan_get_member (self, i);

      if (g_str_equal (our_member_get_id (member), member_id))
        {
          if (position)
            *position = i;
          return member;
        }
    }
  return NULL;
}

void
our_plan_insert_member (OurPlan   *self,
                        guint      position,
                        OurMember *member)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_MEMBER (member));

  position = MIN (position, our_plan_get_n_members (self));
  g_list_store_insert (self->members, position, member);
}

void
our_plan_remove_member (OurPlan *self,
                        guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (position < our_plan_get_n_members (self));

  g_list_store_remove (self->members, position);
}

const char *
our_plan_get_step_helper_name (OurPlan *self,
                               OurStep *step)
{
  OurMember *member;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail (OUR_IS_STEP (step), NULL);

  member = our_plan_find_member (self, our_step_get_helper_id (step), NULL);
  if (member != NULL)
    return our_member_get_name (member);
  return our_step_get_text (step, OUR_STEP_TEXT_WHO);
}

/* Returns: (transfer none) */
OurHistory *
our_plan_get_history (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return self->history;
}
