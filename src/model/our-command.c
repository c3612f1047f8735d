/* our-command.c: one undoable change to a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "our-command.h"

typedef enum
{
  KIND_SET_ME_TEXT,
  KIND_ADD_GOAL,
  KIND_DELETE_GOAL,
  KIND_MOVE_GOAL,
  KIND_SET_GOAL_TEXT,
  KIND_SET_LIFE_AREA,
  KIND_SET_SYMBOL,
  KIND_SET_PROGRESS,
  KIND_SET_STATUS,
  KIND_ADD_STEP,
  KIND_DELETE_STEP,
  KIND_MOVE_STEP,
  KIND_SET_STEP_TEXT,
} CommandKind;

struct _OurCommand
{
  GObject      parent_instance;

  CommandKind  kind;
  /* The goal or step this command is about. */
  char        *target_id;
  /* Which text field, for the set-text kinds. */
  int          field;

  /* New and previous values; which ones are used depends on the kind. The
   * previous ones are taken from the plan each time the command is done. */
  char        *new_text;
  char        *old_text;
  OurAuthor    new_author;
  OurAuthor    old_author;
  int          new_value;
  int          old_value;

  /* The goal or step added or deleted: the very object, so that undo puts
   * back what views were showing. */
  OurGoal     *goal;
  OurStep     *step;
  char        *goal_id;        /* the goal that owns a step */
  int          position;       /* where to insert; -1 at the end */
};

G_DEFINE_FINAL_TYPE (OurCommand, our_command, G_TYPE_OBJECT)

static void
our_command_finalize (GObject *object)
{
  OurCommand *self = OUR_COMMAND (object);

  g_free (self->target_id);
  g_free (self->new_text);
  g_free (self->old_text);
  g_free (self->goal_id);
  g_clear_object (&self->goal);
  g_clear_object (&self->step);

  G_OBJECT_CLASS (our_command_parent_class)->finalize (object);
}

static void
our_command_class_init (OurCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = our_command_finalize;
}

static void
our_command_init (OurCommand *self)
{
  self->position = -1;
}

static OurCommand *
command_new (CommandKind  kind,
             const char  *target_id)
{
  OurCommand *self = g_object_new (OUR_TYPE_COMMAND, NULL);

  self->kind = kind;
  self->target_id = g_strdup (target_id);
  return self;
}

static OurGoal *
copy_goal (OurGoal *goal)
{
  OurGoal *copy = our_goal_new (our_goal_get_id (goal));
  guint n_steps = our_goal_get_n_steps (goal);

  for (OurGoalText f = OUR_GOAL_TEXT_TITLE; f <= OUR_GOAL_TEXT_WHY; f++)
    our_goal_set_text (copy, f, our_goal_get_text (goal, f), our_goal_get_author (goal, f));
  our_goal_set_life_area (copy, our_goal_get_life_area (goal));
  our_goal_set_symbol (copy, our_goal_get_symbol (goal));
  our_goal_set_progress (copy, our_goal_get_progress (goal));
  our_goal_set_status (copy, our_goal_get_status (goal));
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(OurStep) step = our_step_copy (our_goal_get_step (goal, i), NULL);
      our_goal_insert_step (copy, i, step);
    }
  return copy;
}

OurCommand *
our_command_new_set_me_text (OurMeField  field,
                             const char *text,
                             OurAuthor   author)
{
  OurCommand *self;

  g_return_val_if_fail ((guint) field < OUR_N_ME_FIELDS, NULL);

  self = command_new (KIND_SET_ME_TEXT, NULL);
  self->field = field;
  self->new_text = g_strdup (text ? text : "");
  self->new_author = author;
  return self;
}

OurCommand *
our_command_new_add_goal (OurGoal *goal,
                          int      position)
{
  OurCommand *self;

  g_return_val_if_fail (OUR_IS_GOAL (goal), NULL);

  self = command_new (KIND_ADD_GOAL, our_goal_get_id (goal));
  self->goal = copy_goal (goal);
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_goal (const char *goal_id)
{
  g_return_val_if_fail (goal_id != NULL, NULL);
  return command_new (KIND_DELETE_GOAL, goal_id);
}

OurCommand *
our_command_new_move_goal (const char *goal_id,
                           guint       new_position)
{
  OurCommand *self;

  g_return_val_if_fail (goal_id != NULL, NULL);

  self = command_new (KIND_MOVE_GOAL, goal_id);
  self->new_value = new_position;
  return self;
}

OurCommand *
our_command_new_set_goal_text (const char  *goal_id,
                               OurGoalText  field,
                               const char  *text,
                               OurAuthor    author)
{
  OurCommand *self;

  g_return_val_if_fail (goal_id != NULL, NULL);
  g_return_val_if_fail (field == OUR_GOAL_TEXT_TITLE || field == OUR_GOAL_TEXT_WHY, NULL);

  self = command_new (KIND_SET_GOAL_TEXT, goal_id);
  self->field = field;
  self->new_text = g_strdup (text ? text : "");
  self->new_author = author;
  return self;
}

static OurCommand *
command_new_goal_value (CommandKind  kind,
                        const char  *goal_id,
                        int          value)
{
  OurCommand *self;

  g_return_val_if_fail (goal_id != NULL, NULL);

  self = command_new (kind, goal_id);
  self->new_value = value;
  return self;
}

OurCommand *
our_command_new_set_life_area (const char  *goal_id,
                               OurLifeArea  area)
{
  return command_new_goal_value (KIND_SET_LIFE_AREA, goal_id, area);
}

OurCommand *
our_command_new_set_symbol (const char *goal_id,
                            const char *symbol)
{
  OurCommand *self = command_new_goal_value (KIND_SET_SYMBOL, goal_id, 0);

  if (self != NULL)
    self->new_text = g_strdup (symbol ? symbol : "");
  return self;
}

OurCommand *
our_command_new_set_progress (const char *goal_id,
                              guint       progress)
{
  return command_new_goal_value (KIND_SET_PROGRESS, goal_id, MIN (progress, OUR_PROGRESS_MAX));
}

OurCommand *
our_command_new_set_status (const char    *goal_id,
                            OurGoalStatus  status)
{
  return command_new_goal_value (KIND_SET_STATUS, goal_id, status);
}

OurCommand *
our_command_new_add_step (const char *goal_id,
                          OurStep    *step,
                          int         position)
{
  OurCommand *self;

  g_return_val_if_fail (goal_id != NULL, NULL);
  g_return_val_if_fail (OUR_IS_STEP (step), NULL);

  self = command_new (KIND_ADD_STEP, our_step_get_id (step));
  self->goal_id = g_strdup (goal_id);
  self->step = our_step_copy (step, NULL);
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_step (const char *step_id)
{
  g_return_val_if_fail (step_id != NULL, NULL);
  return command_new (KIND_DELETE_STEP, step_id);
}

OurCommand *
our_command_new_move_step (const char *step_id,
                           guint       new_position)
{
  OurCommand *self;

  g_return_val_if_fail (step_id != NULL, NULL);

  self = command_new (KIND_MOVE_STEP, step_id);
  self->new_value = new_position;
  return self;
}

OurCommand *
our_command_new_set_step_text (const char  *step_id,
                               OurStepText  field,
                               const char  *text,
                               OurAuthor    author)
{
  OurCommand *self;

  g_return_val_if_fail (step_id != NULL, NULL);
  g_return_val_if_fail (field >= OUR_STEP_TEXT_WHAT && field <= OUR_STEP_TEXT_BY_WHEN, NULL);

  self = command_new (KIND_SET_STEP_TEXT, step_id);
  self->field = field;
  self->new_text = g_strdup (text ? text : "");
  self->new_author = author;
  return self;
}

const char *
our_command_get_label (OurCommand *self)
{
  g_return_val_if_fail (OUR_IS_COMMAND (self), NULL);

  switch (self->kind)
    {
    case KIND_SET_ME_TEXT: return _("Change writing");
    case KIND_ADD_GOAL: return _("Add goal");
    case KIND_DELETE_GOAL: return _("Delete goal");
    case KIND_MOVE_GOAL: return _("Move goal");
    case KIND_SET_GOAL_TEXT: return _("Change goal");
    case KIND_SET_LIFE_AREA: return _("Change life area");
    case KIND_SET_SYMBOL: return _("Change picture");
    case KIND_SET_PROGRESS: return _("Change progress");
    case KIND_SET_STATUS: return _("Change how it’s going");
    case KIND_ADD_STEP: return _("Add step");
    case KIND_DELETE_STEP: return _("Delete step");
    case KIND_MOVE_STEP: return _("Move step");
    case KIND_SET_STEP_TEXT: return _("Change step");
    default: g_return_val_if_reached (NULL);
    }
}

/* Sets a goal's value of this command's kind and returns the one it had. */
static int
swap_goal_value (OurCommand *self,
                 OurGoal    *goal,
                 int         value)
{
  int old;

  switch (self->kind)
    {
    case KIND_SET_LIFE_AREA:
      old = our_goal_get_life_area (goal);
      our_goal_set_life_area (goal, value);
      return old;
    case KIND_SET_PROGRESS:
      old = our_goal_get_progress (goal);
      our_goal_set_progress (goal, value);
      return old;
    case KIND_SET_STATUS:
      old = our_goal_get_status (goal);
      our_goal_set_status (goal, value);
      return old;
    default:
      g_assert_not_reached ();
    }
}

/* Puts the text of the field this command is about to @text by @author,
 * keeping what it was in @old_text and @old_author. */
static gboolean
swap_text (OurCommand  *self,
           OurPlan     *plan,
           const char  *text,
           OurAuthor    author,
           char       **old_text,
           OurAuthor   *old_author,
           OurChanges  *changes)
{
  OurGoal *goal = NULL;
  OurStep *step;

  switch (self->kind)
    {
    case KIND_SET_ME_TEXT:
      g_free (*old_text);
      *old_text = g_strdup (our_plan_get_me_text (plan, self->field));
      *old_author = our_plan_get_me_author (plan, self->field);
      our_plan_set_me_text (plan, self->field, text, author);
      our_changes_add_me_field (changes, self->field);
      return TRUE;

    case KIND_SET_GOAL_TEXT:
    case KIND_SET_SYMBOL:
      if (!(goal = our_plan_find_goal (plan, self->target_id, NULL)))
        return FALSE;
      g_free (*old_text);
      if (self->kind == KIND_SET_SYMBOL)
        {
          *old_text = g_strdup (our_goal_get_symbol (goal));
          our_goal_set_symbol (goal, text);
        }
      else
        {
          *old_text = g_strdup (our_goal_get_text (goal, self->field));
          *old_author = our_goal_get_author (goal, self->field);
          our_goal_set_text (goal, self->field, text, author);
        }
      our_changes_add_goal (changes, self->target_id);
      return TRUE;

    case KIND_SET_STEP_TEXT:
      if (!(step = our_plan_find_step (plan, self->target_id, &goal, NULL)))
        return FALSE;
      g_free (*old_text);
      *old_text = g_strdup (our_step_get_text (step, self->field));
      *old_author = our_step_get_author (step, self->field);
      our_step_set_text (step, self->field, text, author);
      our_changes_add_goal (changes, our_goal_get_id (goal));
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
insert_goal (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  guint n = our_plan_get_n_goals (plan);
  guint position = self->position < 0 ? n : MIN ((guint) self->position, n);

  if (our_plan_find_goal (plan, self->target_id, NULL))
    return FALSE;
  our_plan_insert_goal (plan, position, self->goal);
  self->position = position;
  our_changes_add_goal (changes, self->target_id);
  changes->goal_order = TRUE;
  return TRUE;
}

static gboolean
remove_goal (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  guint position;
  OurGoal *goal = our_plan_find_goal (plan, self->target_id, &position);

  if (goal == NULL)
    return FALSE;
  g_set_object (&self->goal, goal);
  self->position = position;
  our_plan_remove_goal (plan, position);
  our_changes_add_goal (changes, self->target_id);
  changes->goal_order = TRUE;
  return TRUE;
}

static gboolean
insert_step (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  OurGoal *goal = our_plan_find_goal (plan, self->goal_id, NULL);
  guint n, position;

  if (goal == NULL || our_plan_find_step (plan, self->target_id, NULL, NULL))
    return FALSE;
  n = our_goal_get_n_steps (goal);
  position = self->position < 0 ? n : MIN ((guint) self->position, n);
  our_goal_insert_step (goal, position, self->step);
  self->position = position;
  our_changes_add_goal (changes, self->goal_id);
  return TRUE;
}

static gboolean
remove_step (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  OurGoal *goal = NULL;
  guint position;
  OurStep *step = our_plan_find_step (plan, self->target_id, &goal, &position);

  if (step == NULL)
    return FALSE;
  g_set_object (&self->step, step);
  g_free (self->goal_id);
  self->goal_id = g_strdup (our_goal_get_id (goal));
  self->position = position;
  our_goal_remove_step (goal, position);
  our_changes_add_goal (changes, self->goal_id);
  return TRUE;
}

/* Moves the goal or step to @to, remembering where it was in old_value. */
static gboolean
move_to (OurCommand *self,
         OurPlan    *plan,
         guint       to,
         OurChanges *changes)
{
  guint from;

  if (self->kind == KIND_MOVE_GOAL)
    {
      if (!our_plan_find_goal (plan, self->target_id, &from))
        return FALSE;
      to = MIN (to, our_plan_get_n_goals (plan) - 1);
      our_plan_move_goal (plan, from, to);
      changes->goal_order = TRUE;
    }
  else
    {
      OurGoal *goal = NULL;
      g_autoptr(OurStep) step = NULL;

      if (!our_plan_find_step (plan, self->target_id, &goal, &from))
        return FALSE;
      step = g_object_ref (our_goal_get_step (goal, from));
      to = MIN (to, our_goal_get_n_steps (goal) - 1);
      our_goal_remove_step (goal, from);
      our_goal_insert_step (goal, to, step);
      our_changes_add_goal (changes, our_goal_get_id (goal));
    }
  self->old_value = from;
  return TRUE;
}

gboolean
our_command_do (OurCommand *self,
                OurPlan    *plan,
                OurChanges *changes)
{
  OurGoal *goal;

  g_return_val_if_fail (OUR_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (OUR_IS_PLAN (plan), FALSE);

  switch (self->kind)
    {
    case KIND_SET_ME_TEXT:
    case KIND_SET_GOAL_TEXT:
    case KIND_SET_SYMBOL:
    case KIND_SET_STEP_TEXT:
      return swap_text (self, plan, self->new_text, self->new_author,
                        &self->old_text, &self->old_author, changes);

    case KIND_SET_LIFE_AREA:
    case KIND_SET_PROGRESS:
    case KIND_SET_STATUS:
      if (!(goal = our_plan_find_goal (plan, self->target_id, NULL)))
        return FALSE;
      self->old_value = swap_goal_value (self, goal, self->new_value);
      our_changes_add_goal (changes, self->target_id);
      return TRUE;

    case KIND_ADD_GOAL: return insert_goal (self, plan, changes);
    case KIND_DELETE_GOAL: return remove_goal (self, plan, changes);
    case KIND_ADD_STEP: return insert_step (self, plan, changes);
    case KIND_DELETE_STEP: return remove_step (self, plan, changes);
    case KIND_MOVE_GOAL:
    case KIND_MOVE_STEP:
      return move_to (self, plan, self->new_value, changes);

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
our_command_undo (OurCommand *self,
                  OurPlan    *plan,
                  OurChanges *changes)
{
  OurGoal *goal;
  g_autofree char *ignored_text = NULL;
  OurAuthor ignored_author;
  int moved_from;

  g_return_val_if_fail (OUR_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (OUR_IS_PLAN (plan), FALSE);

  switch (self->kind)
    {
    case KIND_SET_ME_TEXT:
    case KIND_SET_GOAL_TEXT:
    case KIND_SET_SYMBOL:
    case KIND_SET_STEP_TEXT:
      return swap_text (self, plan, self->old_text, self->old_author,
                        &ignored_text, &ignored_author, changes);

    case KIND_SET_LIFE_AREA:
    case KIND_SET_PROGRESS:
    case KIND_SET_STATUS:
      if (!(goal = our_plan_find_goal (plan, self->target_id, NULL)))
        return FALSE;
      swap_goal_value (self, goal, self->old_value);
      our_changes_add_goal (changes, self->target_id);
      return TRUE;

    case KIND_ADD_GOAL: return remove_goal (self, plan, changes);
    case KIND_DELETE_GOAL: return insert_goal (self, plan, changes);
    case KIND_ADD_STEP: return remove_step (self, plan, changes);
    case KIND_DELETE_STEP: return insert_step (self, plan, changes);
    case KIND_MOVE_GOAL:
    case KIND_MOVE_STEP:
      /* Moving back must not forget where it came from the first time. */
      moved_from = self->old_value;
      if (!move_to (self, plan, moved_from, changes))
        return FALSE;
      self->old_value = moved_from;
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
our_command_merge (OurCommand *self,
                   OurCommand *next)
{
  g_return_val_if_fail (OUR_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (OUR_IS_COMMAND (next), FALSE);

  if (self->kind != next->kind || self->field != next->field ||
      g_strcmp0 (self->target_id, next->target_id) != 0)
    return FALSE;

  switch (self->kind)
    {
    case KIND_SET_ME_TEXT:
    case KIND_SET_GOAL_TEXT:
    case KIND_SET_STEP_TEXT:
      g_free (self->new_text);
      self->new_text = g_strdup (next->new_text);
      self->new_author = next->new_author;
      return TRUE;

    case KIND_SET_PROGRESS:
      self->new_value = next->new_value;
      return TRUE;

    default:
      return FALSE;
    }
}
