/* our-goal.c: a goal in the person's own words, with its small steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-goal.h"

#define N_GOAL_TEXTS (OUR_GOAL_TEXT_WHY + 1)

struct _OurGoal
{
  GObject        parent_instance;

  char          *id;
  char          *text[N_GOAL_TEXTS];
  OurAuthor      author[N_GOAL_TEXTS];
  OurLifeArea    life_area;
  char          *symbol;
  guint          progress;
  OurGoalStatus  status;
  GListStore    *steps;
};

G_DEFINE_FINAL_TYPE (OurGoal, our_goal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_TITLE_AUTHOR,
  PROP_WHY,
  PROP_WHY_AUTHOR,
  PROP_LIFE_AREA,
  PROP_SYMBOL,
  PROP_PROGRESS,
  PROP_STATUS,
  PROP_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_goal_finalize (GObject *object)
{
  OurGoal *self = OUR_GOAL (object);

  g_free (self->id);
  for (guint i = 0; i < N_GOAL_TEXTS; i++)
    g_free (self->text[i]);
  g_free (self->symbol);
  g_clear_object (&self->steps);

  G_OBJECT_CLASS (our_goal_parent_class)->finalize (object);
}

static void
our_goal_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  OurGoal *self = OUR_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->text[OUR_GOAL_TEXT_TITLE]); break;
    case PROP_TITLE_AUTHOR: g_value_set_int (value, self->author[OUR_GOAL_TEXT_TITLE]); break;
    case PROP_WHY: g_value_set_string (value, self->text[OUR_GOAL_TEXT_WHY]); break;
    case PROP_WHY_AUTHOR: g_value_set_int (value, self->author[OUR_GOAL_TEXT_WHY]); break;
    case PROP_LIFE_AREA: g_value_set_int (value, self->life_area); break;
    case PROP_SYMBOL: g_value_set_string (value, self->symbol); break;
    case PROP_PROGRESS: g_value_set_uint (value, self->progress); break;
    case PROP_STATUS: g_value_set_int (value, self->status); break;
    case PROP_STEPS: g_value_set_object (value, self->steps); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_goal_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  OurGoal *self = OUR_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      if (self->id == NULL)
        self->id = our_new_id ();
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_goal_class_init (OurGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_goal_finalize;
  object_class->get_property = our_goal_get_property;
  object_class->set_property = our_goal_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_TITLE_AUTHOR] =
    g_param_spec_int ("title-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);
  properties[PROP_WHY] = g_param_spec_string ("why", NULL, NULL, "", flags);
  properties[PROP_WHY_AUTHOR] =
    g_param_spec_int ("why-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);
  properties[PROP_LIFE_AREA] =
    g_param_spec_int ("life-area", NULL, NULL, 0, OUR_N_LIFE_AREAS - 1, 0, flags);
  properties[PROP_SYMBOL] = g_param_spec_string ("symbol", NULL, NULL, "", flags);
  properties[PROP_PROGRESS] =
    g_param_spec_uint ("progress", NULL, NULL, 0, OUR_PROGRESS_MAX, 0, flags);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, OUR_N_GOAL_STATUSES - 1, 0, flags);
  properties[PROP_STEPS] =
    g_param_spec_object ("steps", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_goal_init (OurGoal *self)
{
  for (guint i = 0; i < N_GOAL_TEXTS; i++)
    self->text[i] = g_strdup ("");
  self->symbol = g_strdup ("");
  self->steps = g_list_store_new (OUR_TYPE_STEP);
}

/**
 * our_goal_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 */
OurGoal *
our_goal_new (const char *id)
{
  return g_object_new (OUR_TYPE_GOAL, "id", id, NULL);
}

const char *
our_goal_get_id (OurGoal *self)
{
  g_return_val_if_fail (OUR_IS_GOAL (self), NULL);
  return self->id;
}

const char *
our_goal_get_text (OurGoal     *self,
                   OurGoalText  field)
{
  g_return_val_if_fail (OUR_IS_GOAL (self), NULL);
  g_return_val_if_fail ((guint) field < N_GOAL_TEXTS, NULL);
  return self->text[field];
}

OurAuthor
our_goal_get_author (OurGoal     *self,
                     OurGoalText  field)
{
  g_return_val_if_fail (OUR_IS_GOAL (self), OUR_AUTHOR_PERSON);
  g_return_val_if_fail ((guint) field < N_GOAL_TEXTS, OUR_AUTHOR_PERSON);
  return self->author[field];
}

void
our_goal_set_text (OurGoal     *self,
                   OurGoalText  field,
                   const char  *text,
                   OurAuthor    author)
{
  static const guint text_props[N_GOAL_TEXTS] = { PROP_TITLE, PROP_WHY };
  static const guint author_props[N_GOAL_TEXTS] = { PROP_TITLE_AUTHOR, PROP_WHY_AUTHOR };

  g_return_if_fail (OUR_IS_GOAL (self));
  g_return_if_fail ((guint) field < N_GOAL_TEXTS);

  author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;

  if (our_set_text (&self->text[field], text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[text_props[field]]);
  if (self->author[field] != author)
    {
      self->author[field] = author;
      g_object_notify_by_pspec (G_OBJECT (self), properties[author_props[field]]);
    }
}

const char *
our_goal_get_title (OurGoal *self)
{
  return our_goal_get_text (self, OUR_GOAL_TEXT_TITLE);
}

OurLifeArea
our_goal_get_life_area (OurGoal *self)
{
  g_return_val_if_fail (OUR_IS_GOAL (self), OUR_LIFE_AREA_NONE);
  return self->life_area;
}

void
our_goal_set_life_area (OurGoal     *self,
                        OurLifeArea  area)
{
  g_return_if_fail (OUR_IS_GOAL (self));

  if ((guint) area >= OUR_N_LIFE_AREAS)
    area = OUR_LIFE_AREA_NONE;
  if (self->life_area == area)
    return;
  self->life_area = area;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIFE_AREA]);
}

const char *
our_goal_get_symbol (OurGoal *self)
{
  g_return_val_if_fail (OUR_IS_GOAL (self), NULL);
  return self->symbol;
}

void
our_goal_set_symbol (OurGoal    *self,
                     const char *symbol)
{
  g_return_if_fail (OUR_IS_GOAL (self));

  if (our_set_string (&self->symbol, symbol ? symbol : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYMBOL]);
}

guint
our_goal_get_progress (OurGoal *self)
{
  g_return_val_if_fail (OUR_IS_GOAL (self), 0);
  return self->progress;
}

void
our_goal_set_progress (OurGoal *self,
                       guint    progress)
{
  g_return_if_fail (OUR_IS_GOAL (self));

  progress = MIN (progress, OUR_PROGRESS_MAX);
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

OurGoalStatus
our_goal_get_status (OurGoal *self)
{
  g_return_val_if_fail (OUR_IS_GOAL (self), OUR_GOAL_STATUS_ACTIVE);
  return self->status;
}

void
our_goal_set_status (OurGoal       *self,
                     OurGoalStatus  status)
{
  g_return_if_fail (OUR_IS_GOAL (self));

  if ((guint) status >= OUR_N_GOAL_STATUSES)
    status = OUR_GOAL_STATUS_ACTIVE;
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

GListModel *
our_goal_get_steps (OurGoal *self)
{
  g_return_val_if_fail (OUR_IS_GOAL (self), NULL);
  return G_LIST_MODEL (self->steps);
}

guint
our_goal_get_n_steps (OurGoal *self)
{
  g_return_val_if_fail (OUR_IS_GOAL (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->steps));
}

/* Returns: (transfer none) (nullable) */
OurStep *
our_goal_get_step (OurGoal *self,
                   guint    position)
{
  g_autoptr(OurStep) step = NULL;

  g_return_val_if_fail (OUR_IS_GOAL (self), NULL);

  step = g_list_model_get_item (G_LIST_MODEL (self->steps), position);
  return step; /* the store keeps it alive */
}

/* Returns: (transfer none) (nullable) */
OurStep *
our_goal_find_step (OurGoal    *self,
                    const char *step_id,
                    guint      *position)
{
  guint n;

  g_return_val_if_fail (OUR_IS_GOAL (self), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  n = our_goal_get_n_steps (self);
  for (guint i = 0; i < n; i++)
    {
      OurStep *step = our_goal_get_step (self, i);

      if (g_str_equal (our_step_get_id (step), step_id))
        {
          if (position)
            *position = i;
          return step;
        }
    }
  return NULL;
}

void
our_goal_insert_step (OurGoal *self,
                      guint    position,
                      OurStep *step)
{
  g_return_if_fail (OUR_IS_GOAL (self));
  g_return_if_fail (OUR_IS_STEP (step));

  position = MIN (position, our_goal_get_n_steps (self));
  g_list_store_insert (self->steps, position, step);
}

void
our_goal_remove_step (OurGoal *self,
                      guint    position)
{
  g_return_if_fail (OUR_IS_GOAL (self));
  g_return_if_fail (position < our_goal_get_n_steps (self));

  g_list_store_remove (self->steps, position);
}

OurGoal *
our_goal_copy (OurGoal *self)
{
  OurGoal *copy;

  g_return_val_if_fail (OUR_IS_GOAL (self), NULL);

  copy = our_goal_new (our_goal_get_id (self));
  for (OurGoalText f = OUR_GOAL_TEXT_TITLE; f <= OUR_GOAL_TEXT_WHY; f++)
    our_goal_set_text (copy, f, our_goal_get_text (self, f), our_goal_get_author (self, f));
  our_goal_set_life_area (copy, our_goal_get_life_area (self));
  our_goal_set_symbol (copy, our_goal_get_symbol (self));
  our_goal_set_progress (copy, our_goal_get_progress (self));
  our_goal_set_status (copy, our_goal_get_status (self));
  for (guint i = 0; i < our_goal_get_n_steps (self); i++)
    {
      g_autoptr(OurStep) step = our_step_copy (our_goal_get_step (self, i), NULL);
      our_goal_insert_step (copy, i, step);
    }
  return copy;
}

void
our_goal_assign (OurGoal *self,
                 OurGoal *from)
{
  g_return_if_fail (OUR_IS_GOAL (self));
  g_return_if_fail (OUR_IS_GOAL (from));

  g_object_freeze_notify (G_OBJECT (self));
  for (OurGoalText f = OUR_GOAL_TEXT_TITLE; f <= OUR_GOAL_TEXT_WHY; f++)
    our_goal_set_text (self, f, from->text[f], from->author[f]);
  our_goal_set_life_area (self, from->life_area);
  our_goal_set_symbol (self, from->symbol);
  our_goal_set_progress (self, from->progress);
  our_goal_set_status (self, from->status);
  g_object_thaw_notify (G_OBJECT (self));
}
