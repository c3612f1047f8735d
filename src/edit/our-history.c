/* our-history.c: runs commands, saves each one, and undoes and redoes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "our-history.h"

struct _OurHistory
{
  GObject         parent_instance;

  OurPlan        *plan;          /* not owned: the plan owns its history */
  GPtrArray      *undo_stack;    /* OurCommand, newest last */
  GPtrArray      *redo_stack;    /* OurCommand, next to redo last */
  /* The open edit session (typing in one field, a key held down): while
   * it lasts, commands merge into the step it made, as long as that step
   * is still the newest. No session, no merging. */
  char           *edit_key;
  OurCommand     *edit_step;     /* not owned: on the undo stack */

  /* Between our_history_begin_group() and its end: the commands done so
   * far, what they changed (saved together at the end), and how deep. */
  OurCommand     *group;
  OurChanges     *group_changes;
  guint           group_depth;

  OurSaveFunc     save_func;
  gpointer        save_data;
  GDestroyNotify  save_destroy;
};

G_DEFINE_FINAL_TYPE (OurHistory, our_history, G_TYPE_OBJECT)
G_DEFINE_QUARK (our-history-error-quark, our_history_error)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
our_history_finalize (GObject *object)
{
  OurHistory *self = OUR_HISTORY (object);

  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);
  g_clear_object (&self->group);
  g_clear_pointer (&self->group_changes, our_changes_free);
  g_free (self->edit_key);
  if (self->save_destroy)
    self->save_destroy (self->save_data);

  G_OBJECT_CLASS (our_history_parent_class)->finalize (object);
}

static void
our_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OurHistory *self = OUR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO: g_value_set_boolean (value, our_history_get_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, our_history_get_can_redo (self)); break;
    case PROP_UNDO_LABEL: g_value_set_string (value, our_history_get_undo_label (self)); break;
    case PROP_REDO_LABEL: g_value_set_string (value, our_history_get_redo_label (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_history_class_init (OurHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_history_finalize;
  object_class->get_property = our_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OurHistory::failed:
   * @error: what went wrong, in OUR_HISTORY_ERROR, with a sentence for people
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
our_history_init (OurHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo_stack = g_ptr_array_new_with_free_func (g_object_unref);
}

OurHistory *
our_history_new (OurPlan *plan)
{
  OurHistory *self;

  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);

  self = g_object_new (OUR_TYPE_HISTORY, NULL);
  self->plan = plan;
  return self;
}

void
our_history_set_save_func (OurHistory     *self,
                           OurSaveFunc     func,
                           gpointer        user_data,
                           GDestroyNotify  destroy)
{
  g_return_if_fail (OUR_IS_HISTORY (self));

  if (self->save_destroy)
    self->save_destroy (self->save_data);
  self->save_func = func;
  self->save_data = user_data;
  self->save_destroy = destroy;
}

static void
notify_state (OurHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static gboolean
fail (OurHistory  *self,
      GError     **error,
      GError      *local_error)
{
  g_signal_emit (self, signals[FAILED], 0, local_error);
  g_propagate_error (error, local_error);
  return FALSE;
}

static gboolean
save (OurHistory        *self,
      const OurChanges  *changes,
      GError           **error)
{
  if (self->save_func == NULL || our_changes_is_empty (changes))
    return TRUE;
  return self->save_func (self->plan, changes, self->save_data, error);
}

/* Does or undoes @command and saves the result. When saving fails the step
 * is taken back, unless the store says the change is kept in the window
 * (its file was lost), in which case it counts as done. */
/* The sentence for a command that could not be done. */
static GError *
outcome_error (OurCommand *command)
{
  switch (our_command_get_outcome (command))
    {
    case OUR_COMMAND_DUPLICATE:
      return g_error_new_literal (OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_DUPLICATE,
                                  _("That is already in the plan, so it was not added again."));
    case OUR_COMMAND_FULL:
      return g_error_new_literal (OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_FULL,
                                  _("This part of the plan already holds as much as Our Plan can keep, so nothing was added."));
    case OUR_COMMAND_DONE:
    case OUR_COMMAND_GONE:
    default:
      return g_error_new_literal (OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_GONE,
                                  _("That part of the plan is no longer there, so nothing was changed."));
    }
}

static gboolean
apply (OurHistory  *self,
       OurCommand  *command,
       gboolean     forward,
       GError     **error)
{
  g_autoptr(OurChanges) changes = our_changes_new ();
  g_autoptr(OurChanges) ignored = our_changes_new ();
  g_autoptr(GError) local_error = NULL;
  gboolean done;

  done = forward ? our_command_do (command, self->plan, changes)
                 : our_command_undo (command, self->plan, changes);
  if (!done)
    return fail (self, error, outcome_error (command));

  if (save (self, changes, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW))
    {
      if (forward)
        our_command_undo (command, self->plan, ignored);
      else
        our_command_do (command, self->plan, ignored);
    }
  return fail (self, error, g_steal_pointer (&local_error));
}

gboolean
our_history_run (OurHistory  *self,
                 OurCommand  *command,
                 GError     **error)
{
  g_autoptr(OurCommand) owned = command;
  g_autoptr(GError) local_error = NULL;
  OurCommand *last;
  gboolean kept;

  g_return_val_if_fail (OUR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (OUR_IS_COMMAND (command), FALSE);

  /* Inside a group the command is done now and saved with the others. */
  if (self->group != NULL)
    {
      if (!our_command_do (command, self->plan, self->group_changes))
        return fail (self, error, outcome_error (command));
      our_command_group_add (self->group, g_steal_pointer (&owned));
      return TRUE;
    }

  if (!apply (self, command, TRUE, &local_error))
    {
      kept = g_error_matches (local_error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
      g_propagate_error (error, g_steal_pointer (&local_error));
      if (!kept)
        return FALSE;
    }
  else
    kept = FALSE;

  g_ptr_array_set_size (self->redo_stack, 0);
  last = self->undo_stack->len > 0
    ? g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1) : NULL;
  if (!(self->edit_key != NULL && last != NULL && last == self->edit_step
        && our_command_merge (last, command)))
    {
      if (self->edit_key != NULL)
        self->edit_step = command;
      g_ptr_array_add (self->undo_stack, g_steal_pointer (&owned));
    }
  notify_state (self);

  return !kept;
}

gboolean
our_history_record (OurHistory  *self,
                    OurCommand  *command,
                    GError     **error)
{
  g_autoptr(OurCommand) owned = command;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (OUR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (OUR_IS_COMMAND (command), FALSE);

  /* The newest command must not absorb anything after this. */
  self->edit_step = NULL;
  if (apply (self, command, TRUE, &local_error))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
step_history (OurHistory  *self,
              GPtrArray   *from,
              GPtrArray   *to,
              gboolean     forward,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  OurCommand *command;

  /* A group still open is not a step yet. */
  if (from->len == 0 || self->group != NULL)
    return FALSE;

  self->edit_step = NULL;
  command = g_ptr_array_index (from, from->len - 1);
  if (!apply (self, command, forward, &local_error))
    {
      gboolean kept = g_error_matches (local_error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);

      g_propagate_error (error, g_steal_pointer (&local_error));
      if (!kept)
        return FALSE;
    }

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_state (self);
  return error == NULL || *error == NULL;
}

gboolean
our_history_undo (OurHistory  *self,
                  GError     **error)
{
  g_return_val_if_fail (OUR_IS_HISTORY (self), FALSE);
  return step_history (self, self->undo_stack, self->redo_stack, FALSE, error);
}

gboolean
our_history_redo (OurHistory  *self,
                  GError     **error)
{
  g_return_val_if_fail (OUR_IS_HISTORY (self), FALSE);
  return step_history (self, self->redo_stack, self->undo_stack, TRUE, error);
}

gboolean
our_history_get_can_undo (OurHistory *self)
{
  g_return_val_if_fail (OUR_IS_HISTORY (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
our_history_get_can_redo (OurHistory *self)
{
  g_return_val_if_fail (OUR_IS_HISTORY (self), FALSE);
  return self->redo_stack->len > 0;
}

static const char *
top_label (GPtrArray *stack)
{
  if (stack->len == 0)
    return NULL;
  return our_command_get_label (g_ptr_array_index (stack, stack->len - 1));
}

const char *
our_history_get_undo_label (OurHistory *self)
{
  g_return_val_if_fail (OUR_IS_HISTORY (self), NULL);
  return top_label (self->undo_stack);
}

const char *
our_history_get_redo_label (OurHistory *self)
{
  g_return_val_if_fail (OUR_IS_HISTORY (self), NULL);
  return top_label (self->redo_stack);
}

void
our_history_begin_group (OurHistory *self,
                         const char *label)
{
  g_return_if_fail (OUR_IS_HISTORY (self));

  if (self->group_depth++ > 0)
    return;
  self->group = our_command_new_group (label);
  self->group_changes = our_changes_new ();
  /* Nothing before the group merges into it, nor it into anything after. */
  self->edit_step = NULL;
}

gboolean
our_history_end_group (OurHistory  *self,
                       GError     **error)
{
  g_autoptr(OurCommand) group = NULL;
  g_autoptr(OurChanges) changes = NULL;
  g_autoptr(OurChanges) ignored = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean kept;

  g_return_val_if_fail (OUR_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth > 0, FALSE);

  if (--self->group_depth > 0)
    return TRUE;
  group = g_steal_pointer (&self->group);
  changes = g_steal_pointer (&self->group_changes);
  self->edit_step = NULL;
  if (our_command_group_get_size (group) == 0)
    return TRUE;

  /* One transaction for the whole group. */
  if (!save (self, changes, &local_error))
    {
      kept = g_error_matches (local_error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW);
      if (!kept)
        {
          ignored = our_changes_new ();
          our_command_undo (group, self->plan, ignored);
          return fail (self, error, g_steal_pointer (&local_error));
        }
      fail (self, error, g_steal_pointer (&local_error));
    }
  else
    kept = FALSE;

  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, g_steal_pointer (&group));
  notify_state (self);
  return !kept;
}

gboolean
our_history_get_in_group (OurHistory *self)
{
  g_return_val_if_fail (OUR_IS_HISTORY (self), FALSE);
  return self->group_depth > 0;
}

void
our_history_begin_edit (OurHistory *self,
                        const char *key)
{
  g_return_if_fail (OUR_IS_HISTORY (self));
  g_return_if_fail (key != NULL);

  if (g_strcmp0 (self->edit_key, key) == 0)
    return;
  our_history_end_edit (self);
  self->edit_key = g_strdup (key);
}

void
our_history_end_edit (OurHistory *self)
{
  g_return_if_fail (OUR_IS_HISTORY (self));

  g_clear_pointer (&self->edit_key, g_free);
  self->edit_step = NULL;
}

const char *
our_history_get_edit_key (OurHistory *self)
{
  g_return_val_if_fail (OUR_IS_HISTORY (self), NULL);
  return self->edit_key;
}

void
our_history_clear (OurHistory *self)
{
  g_return_if_fail (OUR_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  our_history_end_edit (self);
  notify_state (self);
}
