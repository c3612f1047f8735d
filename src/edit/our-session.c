/* our-session.c: one open plan, its undo history, who is writing, and whether it may be changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "our-session.h"

struct _OurSession
{
  GObject              parent_instance;

  OurPlan             *plan;
  OurHistory          *history;           /* NULL when read-only, but for comments */
  char                *read_only_reason;  /* NULL when the plan may be changed */
  gboolean             comments_only;     /* a carer's copy: comments may be written */
  OurAuthor            author;
  GSimpleActionGroup  *actions;
};

G_DEFINE_FINAL_TYPE (OurSession, our_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_HISTORY,
  PROP_AUTHOR,
  PROP_READ_ONLY,
  PROP_READ_ONLY_REASON,
  N_PROPS
};

enum {
  COMMIT_PENDING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
author_to_string (OurAuthor author)
{
  return author == OUR_AUTHOR_PERSON ? "person" : "coordinator";
}

static void
author_change_state_cb (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  OurSession *self = user_data;
  const char *name = g_variant_get_string (state, NULL);

  if (g_str_equal (name, "person"))
    our_session_set_author (self, OUR_AUTHOR_PERSON);
  else if (g_str_equal (name, "coordinator"))
    our_session_set_author (self, OUR_AUTHOR_COORDINATOR);
}

static void
our_session_dispose (GObject *object)
{
  OurSession *self = OUR_SESSION (object);

  g_clear_object (&self->actions);
  /* The history points at the plan: it goes first. */
  g_clear_object (&self->history);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (our_session_parent_class)->dispose (object);
}

static void
our_session_finalize (GObject *object)
{
  OurSession *self = OUR_SESSION (object);

  g_free (self->read_only_reason);

  G_OBJECT_CLASS (our_session_parent_class)->finalize (object);
}

static void
our_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OurSession *self = OUR_SESSION (object);

  switch (prop_id)
    {
    case PROP_PLAN: g_value_set_object (value, self->plan); break;
    case PROP_HISTORY: g_value_set_object (value, self->history); break;
    case PROP_AUTHOR: g_value_set_int (value, self->author); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only_reason != NULL); break;
    case PROP_READ_ONLY_REASON: g_value_set_string (value, self->read_only_reason); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OurSession *self = OUR_SESSION (object);

  switch (prop_id)
    {
    case PROP_AUTHOR: our_session_set_author (self, g_value_get_int (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_session_class_init (OurSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = our_session_dispose;
  object_class->finalize = our_session_finalize;
  object_class->get_property = our_session_get_property;
  object_class->set_property = our_session_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, OUR_TYPE_PLAN, read_flags);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, OUR_TYPE_HISTORY, read_flags);
  properties[PROP_AUTHOR] =
    g_param_spec_int ("author", NULL, NULL, OUR_AUTHOR_PERSON, OUR_AUTHOR_COORDINATOR,
                      OUR_AUTHOR_PERSON,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE, read_flags);
  properties[PROP_READ_ONLY_REASON] =
    g_param_spec_string ("read-only-reason", NULL, NULL, NULL, read_flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[COMMIT_PENDING] =
    g_signal_new ("commit-pending",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
our_session_init (OurSession *self)
{
  g_autoptr(GSimpleAction) author = NULL;

  /* The person's own words come first: a plan opens with them writing. */
  self->author = OUR_AUTHOR_PERSON;
  self->actions = g_simple_action_group_new ();
  author = g_simple_action_new_stateful ("author", G_VARIANT_TYPE_STRING,
                                         g_variant_new_string (author_to_string (self->author)));
  g_signal_connect_object (author, "change-state", G_CALLBACK (author_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (author));
}

OurSession *
our_session_new (OurPlan *plan)
{
  OurSession *self;

  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);

  self = g_object_new (OUR_TYPE_SESSION, NULL);
  self->plan = g_object_ref (plan);
  self->history = our_history_new (plan);
  return self;
}

OurSession *
our_session_new_read_only (OurPlan    *plan,
                           const char *reason)
{
  OurSession *self;
  GAction *author;

  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);

  self = g_object_new (OUR_TYPE_SESSION, NULL);
  self->plan = g_object_ref (plan);
  self->read_only_reason = g_strdup (reason != NULL && reason[0] != '\0'
                                     ? reason : _("This plan has been opened read-only."));
  author = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "author");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (author), FALSE);
  return self;
}

OurSession *
our_session_new_comments_only (OurPlan    *plan,
                               const char *reason)
{
  OurSession *self = our_session_new_read_only (plan, reason);

  self->history = our_history_new (plan);
  self->comments_only = TRUE;
  return self;
}

gboolean
our_session_get_comments_only (OurSession *self)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), FALSE);
  return self->comments_only;
}

/* What a read-only session may still run: in a carer's copy, comments. */
static gboolean
may_run (OurSession *self,
         OurCommand *command)
{
  if (self->history == NULL)
    return FALSE;
  return !self->comments_only || our_command_changes_only_list (command, OUR_LIST_COMMENTS);
}

OurPlan *
our_session_get_plan (OurSession *self)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), NULL);
  return self->plan;
}

OurHistory *
our_session_get_history (OurSession *self)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), NULL);
  return self->history;
}

gboolean
our_session_get_read_only (OurSession *self)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), TRUE);
  return self->read_only_reason != NULL;
}

const char *
our_session_get_read_only_reason (OurSession *self)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), NULL);
  return self->read_only_reason;
}

OurAuthor
our_session_get_author (OurSession *self)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), OUR_AUTHOR_COORDINATOR);
  return self->author;
}

void
our_session_set_author (OurSession *self,
                        OurAuthor   author)
{
  GAction *action;

  g_return_if_fail (OUR_IS_SESSION (self));
  g_return_if_fail (author == OUR_AUTHOR_PERSON || author == OUR_AUTHOR_COORDINATOR);

  if (self->author == author)
    return;
  /* Text typed so far belongs to whoever was writing until now. */
  our_session_commit_pending (self);
  self->author = author;
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "author");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (author_to_string (author)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

GActionGroup *
our_session_get_actions (OurSession *self)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

void
our_session_set_save_func (OurSession     *self,
                           OurSaveFunc     func,
                           gpointer        user_data,
                           GDestroyNotify  destroy)
{
  g_return_if_fail (OUR_IS_SESSION (self));

  if (self->history != NULL)
    our_history_set_save_func (self->history, func, user_data, destroy);
  else if (destroy != NULL)
    destroy (user_data);
}

static gboolean
refuse_read_only (OurSession  *self,
                  OurCommand  *command,
                  GError     **error)
{
  g_clear_object (&command);
  g_set_error_literal (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_READ_ONLY,
                       self->read_only_reason);
  return FALSE;
}

gboolean
our_session_run (OurSession  *self,
                 OurCommand  *command,
                 GError     **error)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (OUR_IS_COMMAND (command), FALSE);

  if (!may_run (self, command))
    return refuse_read_only (self, command, error);
  return our_history_run (self->history, command, error);
}

gboolean
our_session_run_alone (OurSession  *self,
                       OurCommand  *command,
                       GError     **error)
{
  gboolean done;

  g_return_val_if_fail (OUR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (OUR_IS_COMMAND (command), FALSE);

  our_session_begin_group (self, NULL);
  done = our_session_run (self, command, error);
  if (!our_session_end_group (self, done ? error : NULL))
    done = FALSE;
  return done;
}

void
our_session_begin_group (OurSession *self,
                         const char *label)
{
  g_return_if_fail (OUR_IS_SESSION (self));

  if (self->history != NULL)
    our_history_begin_group (self->history, label);
}

gboolean
our_session_end_group (OurSession  *self,
                       GError     **error)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), FALSE);

  if (self->history == NULL)
    return TRUE;
  return our_history_end_group (self->history, error);
}

gboolean
our_session_record (OurSession  *self,
                    OurCommand  *command,
                    GError     **error)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (OUR_IS_COMMAND (command), FALSE);

  if (!may_run (self, command))
    return refuse_read_only (self, command, error);
  return our_history_record (self->history, command, error);
}

gboolean
our_session_undo (OurSession  *self,
                  GError     **error)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), FALSE);

  if (self->history == NULL)
    return refuse_read_only (self, NULL, error);
  /* Typing still waiting for its pause is the newest change: undo that. */
  our_session_commit_pending (self);
  return our_history_undo (self->history, error);
}

gboolean
our_session_redo (OurSession  *self,
                  GError     **error)
{
  g_return_val_if_fail (OUR_IS_SESSION (self), FALSE);

  if (self->history == NULL)
    return refuse_read_only (self, NULL, error);
  our_session_commit_pending (self);
  return our_history_redo (self->history, error);
}

void
our_session_begin_edit (OurSession *self,
                        const char *key)
{
  g_return_if_fail (OUR_IS_SESSION (self));
  g_return_if_fail (key != NULL);

  if (self->history != NULL)
    our_history_begin_edit (self->history, key);
}

void
our_session_end_edit (OurSession *self)
{
  g_return_if_fail (OUR_IS_SESSION (self));

  if (self->history != NULL)
    our_history_end_edit (self->history);
}

void
our_session_commit_pending (OurSession *self)
{
  g_return_if_fail (OUR_IS_SESSION (self));
  g_signal_emit (self, signals[COMMIT_PENDING], 0);
}
