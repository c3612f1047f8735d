/* our-safety-note.c: one of the team's safety notes, written and talked about together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-safety-note.h"

struct _OurSafetyNote
{
  GObject            parent_instance;

  char              *id;
  OurSafetyNoteKind  kind;
  char              *text;
  OurAuthor          text_author;
  gboolean           talked_together;
  char              *talked_on;
  gboolean           team_only;
  char              *written_on;
};

G_DEFINE_FINAL_TYPE (OurSafetyNote, our_safety_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TEXT,
  PROP_TEXT_AUTHOR,
  PROP_TALKED_TOGETHER,
  PROP_TALKED_ON,
  PROP_TEAM_ONLY,
  PROP_WRITTEN_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_safety_note_finalize (GObject *object)
{
  OurSafetyNote *self = OUR_SAFETY_NOTE (object);

  g_free (self->id);
  g_free (self->text);
  g_free (self->talked_on);
  g_free (self->written_on);

  G_OBJECT_CLASS (our_safety_note_parent_class)->finalize (object);
}

static void
our_safety_note_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OurSafetyNote *self = OUR_SAFETY_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_TEXT_AUTHOR: g_value_set_int (value, self->text_author); break;
    case PROP_TALKED_TOGETHER: g_value_set_boolean (value, self->talked_together); break;
    case PROP_TALKED_ON: g_value_set_string (value, self->talked_on); break;
    case PROP_TEAM_ONLY: g_value_set_boolean (value, self->team_only); break;
    case PROP_WRITTEN_ON: g_value_set_string (value, self->written_on); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_safety_note_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OurSafetyNote *self = OUR_SAFETY_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      if (self->id == NULL || self->id[0] == '\0')
        {
          g_free (self->id);
          self->id = our_new_id ();
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_safety_note_class_init (OurSafetyNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_safety_note_finalize;
  object_class->get_property = our_safety_note_get_property;
  object_class->set_property = our_safety_note_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, OUR_N_SAFETY_NOTE_KINDS - 1, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_TEXT_AUTHOR] =
    g_param_spec_int ("text-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);
  properties[PROP_TALKED_TOGETHER] =
    g_param_spec_boolean ("talked-together", NULL, NULL, FALSE, flags);
  properties[PROP_TALKED_ON] = g_param_spec_string ("talked-on", NULL, NULL, "", flags);
  properties[PROP_TEAM_ONLY] = g_param_spec_boolean ("team-only", NULL, NULL, FALSE, flags);
  properties[PROP_WRITTEN_ON] = g_param_spec_string ("written-on", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_safety_note_init (OurSafetyNote *self)
{
  self->text = g_strdup ("");
  self->talked_on = g_strdup ("");
  self->written_on = g_strdup ("");
}

/**
 * our_safety_note_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 * @kind: a concern, an agreed action or a positive risk decision
 */
OurSafetyNote *
our_safety_note_new (const char        *id,
                     OurSafetyNoteKind  kind)
{
  OurSafetyNote *self = g_object_new (OUR_TYPE_SAFETY_NOTE, "id", id, NULL);

  if ((guint) kind < OUR_N_SAFETY_NOTE_KINDS)
    self->kind = kind;
  return self;
}

/* A copy with the same id and every value. */
OurSafetyNote *
our_safety_note_copy (OurSafetyNote *self)
{
  OurSafetyNote *copy;

  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (self), NULL);

  copy = our_safety_note_new (self->id, self->kind);
  our_safety_note_assign (copy, self);
  return copy;
}

void
our_safety_note_assign (OurSafetyNote *self,
                        OurSafetyNote *from)
{
  g_return_if_fail (OUR_IS_SAFETY_NOTE (self));
  g_return_if_fail (OUR_IS_SAFETY_NOTE (from));

  if (self == from)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  our_safety_note_set_kind (self, from->kind);
  our_safety_note_set_text (self, from->text, from->text_author);
  /* Both at once: set_talked() keeps no date without "talked together". */
  if (self->talked_together != from->talked_together)
    {
      self->talked_together = from->talked_together;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TALKED_TOGETHER]);
    }
  if (our_set_string (&self->talked_on, from->talked_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TALKED_ON]);
  our_safety_note_set_team_only (self, from->team_only);
  our_safety_note_set_written_on (self, from->written_on);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
our_safety_note_get_id (OurSafetyNote *self)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (self), NULL);
  return self->id;
}

OurSafetyNoteKind
our_safety_note_get_kind (OurSafetyNote *self)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (self), OUR_SAFETY_NOTE_CONCERN);
  return self->kind;
}

void
our_safety_note_set_kind (OurSafetyNote     *self,
                          OurSafetyNoteKind  kind)
{
  g_return_if_fail (OUR_IS_SAFETY_NOTE (self));

  if ((guint) kind >= OUR_N_SAFETY_NOTE_KINDS)
    kind = OUR_SAFETY_NOTE_CONCERN;
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
our_safety_note_get_text (OurSafetyNote *self)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (self), NULL);
  return self->text;
}

OurAuthor
our_safety_note_get_text_author (OurSafetyNote *self)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (self), OUR_AUTHOR_PERSON);
  return self->text_author;
}

void
our_safety_note_set_text (OurSafetyNote *self,
                          const char    *text,
                          OurAuthor      author)
{
  g_return_if_fail (OUR_IS_SAFETY_NOTE (self));

  author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;
  if (our_set_text (&self->text, text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (self->text_author != author)
    {
      self->text_author = author;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_AUTHOR]);
    }
}

gboolean
our_safety_note_get_talked_together (OurSafetyNote *self)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (self), FALSE);
  return self->talked_together;
}

const char *
our_safety_note_get_talked_on (OurSafetyNote *self)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (self), NULL);
  return self->talked_on;
}

void
our_safety_note_set_talked (OurSafetyNote *self,
                            gboolean       together,
                            const char    *date)
{
  g_return_if_fail (OUR_IS_SAFETY_NOTE (self));

  together = !!together;
  /* A date only means something when it was talked about, and only a real
   * date: anything else read from a file is dropped, not shown. */
  if (!together || date == NULL || !our_iso_date_is_valid (date))
    date = "";

  g_object_freeze_notify (G_OBJECT (self));
  if (self->talked_together != together)
    {
      self->talked_together = together;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TALKED_TOGETHER]);
    }
  if (our_set_string (&self->talked_on, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TALKED_ON]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
our_safety_note_get_team_only (OurSafetyNote *self)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (self), FALSE);
  return self->team_only;
}

void
our_safety_note_set_team_only (OurSafetyNote *self,
                               gboolean       team_only)
{
  g_return_if_fail (OUR_IS_SAFETY_NOTE (self));

  team_only = !!team_only;
  if (self->team_only == team_only)
    return;
  self->team_only = team_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_ONLY]);
}

const char *
our_safety_note_get_written_on (OurSafetyNote *self)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (self), NULL);
  return self->written_on;
}

void
our_safety_note_set_written_on (OurSafetyNote *self,
                                const char    *date)
{
  g_return_if_fail (OUR_IS_SAFETY_NOTE (self));

  if (date == NULL || !our_iso_date_is_valid (date))
    date = "";
  if (our_set_string (&self->written_on, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITTEN_ON]);
}
