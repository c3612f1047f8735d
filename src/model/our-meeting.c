/* our-meeting.c: one meeting about the plan: when, who came, who could not, what we talked about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-meeting.h"

struct _OurMeeting
{
  GObject    parent_instance;

  char      *id;
  char      *held_on;
  char      *texts[OUR_N_MEETING_TEXTS];
  OurAuthor  authors[OUR_N_MEETING_TEXTS];
};

G_DEFINE_FINAL_TYPE (OurMeeting, our_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_HELD_ON,
  /* A text and its author for each OurMeetingText, in order. */
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + 2 * OUR_N_MEETING_TEXTS
};

static GParamSpec *properties[N_PROPS];

static const char *const text_names[OUR_N_MEETING_TEXTS][2] = {
  [OUR_MEETING_TEXT_CAME] = { "came", "came-author" },
  [OUR_MEETING_TEXT_COULD_NOT_COME] = { "could-not-come", "could-not-come-author" },
  [OUR_MEETING_TEXT_TALKED_ABOUT] = { "talked-about", "talked-about-author" },
};

static void
our_meeting_finalize (GObject *object)
{
  OurMeeting *self = OUR_MEETING (object);

  g_free (self->id);
  g_free (self->held_on);
  for (guint f = 0; f < OUR_N_MEETING_TEXTS; f++)
    g_free (self->texts[f]);

  G_OBJECT_CLASS (our_meeting_parent_class)->finalize (object);
}

static void
our_meeting_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OurMeeting *self = OUR_MEETING (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
    {
      guint field = (prop_id - PROP_FIRST_TEXT) / 2;

      if ((prop_id - PROP_FIRST_TEXT) % 2 == 0)
        g_value_set_string (value, self->texts[field]);
      else
        g_value_set_int (value, self->authors[field]);
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_HELD_ON: g_value_set_string (value, self->held_on); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_meeting_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OurMeeting *self = OUR_MEETING (object);

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
our_meeting_class_init (OurMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_meeting_finalize;
  object_class->get_property = our_meeting_get_property;
  object_class->set_property = our_meeting_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELD_ON] = g_param_spec_string ("held-on", NULL, NULL, "", flags);
  for (guint f = 0; f < OUR_N_MEETING_TEXTS; f++)
    {
      properties[PROP_FIRST_TEXT + 2 * f] =
        g_param_spec_string (text_names[f][0], NULL, NULL, "", flags);
      properties[PROP_FIRST_TEXT + 2 * f + 1] =
        g_param_spec_int (text_names[f][1], NULL, NULL, 0, OUR_AUTHOR_COORDINATOR,
                          OUR_AUTHOR_COORDINATOR, flags);
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_meeting_init (OurMeeting *self)
{
  self->held_on = g_strdup ("");
  for (guint f = 0; f < OUR_N_MEETING_TEXTS; f++)
    {
      self->texts[f] = g_strdup ("");
      self->authors[f] = OUR_AUTHOR_COORDINATOR;
    }
}

/**
 * our_meeting_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 * @held_on: (nullable): the ISO date it was held
 */
OurMeeting *
our_meeting_new (const char *id,
                 const char *held_on)
{
  OurMeeting *self = g_object_new (OUR_TYPE_MEETING, "id", id, NULL);

  our_meeting_set_held_on (self, held_on);
  return self;
}

OurMeeting *
our_meeting_copy (OurMeeting *self)
{
  OurMeeting *copy;

  g_return_val_if_fail (OUR_IS_MEETING (self), NULL);

  copy = our_meeting_new (self->id, self->held_on);
  our_meeting_assign (copy, self);
  return copy;
}

void
our_meeting_assign (OurMeeting *self,
                    OurMeeting *from)
{
  g_return_if_fail (OUR_IS_MEETING (self));
  g_return_if_fail (OUR_IS_MEETING (from));

  if (self == from)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  our_meeting_set_held_on (self, from->held_on);
  for (guint f = 0; f < OUR_N_MEETING_TEXTS; f++)
    our_meeting_set_text (self, f, from->texts[f], from->authors[f]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
our_meeting_get_id (OurMeeting *self)
{
  g_return_val_if_fail (OUR_IS_MEETING (self), NULL);
  return self->id;
}

const char *
our_meeting_get_held_on (OurMeeting *self)
{
  g_return_val_if_fail (OUR_IS_MEETING (self), NULL);
  return self->held_on;
}

void
our_meeting_set_held_on (OurMeeting *self,
                         const char *date)
{
  g_return_if_fail (OUR_IS_MEETING (self));

  if (date == NULL || !our_iso_date_is_valid (date))
    date = "";
  if (our_set_string (&self->held_on, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD_ON]);
}

const char *
our_meeting_get_text (OurMeeting     *self,
                      OurMeetingText  field)
{
  g_return_val_if_fail (OUR_IS_MEETING (self), NULL);
  g_return_val_if_fail ((guint) field < OUR_N_MEETING_TEXTS, NULL);
  return self->texts[field];
}

OurAuthor
our_meeting_get_author (OurMeeting     *self,
                        OurMeetingText  field)
{
  g_return_val_if_fail (OUR_IS_MEETING (self), OUR_AUTHOR_COORDINATOR);
  g_return_val_if_fail ((guint) field < OUR_N_MEETING_TEXTS, OUR_AUTHOR_COORDINATOR);
  return self->authors[field];
}

void
our_meeting_set_text (OurMeeting     *self,
                      OurMeetingText  field,
                      const char     *text,
                      OurAuthor       author)
{
  g_return_if_fail (OUR_IS_MEETING (self));
  g_return_if_fail ((guint) field < OUR_N_MEETING_TEXTS);

  author = author == OUR_AUTHOR_PERSON ? OUR_AUTHOR_PERSON : OUR_AUTHOR_COORDINATOR;
  if (our_set_text (&self->texts[field], text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + 2 * field]);
  if (self->authors[field] != author)
    {
      self->authors[field] = author;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + 2 * field + 1]);
    }
}

GStrv
our_meeting_dup_names (OurMeeting     *self,
                       OurMeetingText  field)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (OUR_IS_MEETING (self), NULL);
  g_return_val_if_fail ((guint) field < OUR_N_MEETING_TEXTS, NULL);

  lines = g_strsplit (self->texts[field], "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

gboolean
our_meeting_has_name (OurMeeting     *self,
                      OurMeetingText  field,
                      const char     *name)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (OUR_IS_MEETING (self), FALSE);

  if (name == NULL)
    return FALSE;
  wanted = g_utf8_casefold (name, -1);
  g_strstrip (wanted);
  names = our_meeting_dup_names (self, field);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (names[i], -1);

      if (g_str_equal (folded, wanted))
        return TRUE;
    }
  return FALSE;
}

char *
our_meeting_join_names (const char * const *names)
{
  return names != NULL ? g_strjoinv ("\n", (char **) names) : g_strdup ("");
}
