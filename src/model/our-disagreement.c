/* our-disagreement.c: a part of an agreed plan the person does not agree with, in their words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-disagreement.h"

struct _OurDisagreement
{
  GObject      parent_instance;

  char        *id;
  OurPartKind  part_kind;
  char        *part_id;
  char        *part_label;
  char        *text;
  OurAuthor    author;
};

G_DEFINE_FINAL_TYPE (OurDisagreement, our_disagreement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PART_KIND,
  PROP_PART_ID,
  PROP_PART_LABEL,
  PROP_TEXT,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_disagreement_finalize (GObject *object)
{
  OurDisagreement *self = OUR_DISAGREEMENT (object);

  g_free (self->id);
  g_free (self->part_id);
  g_free (self->part_label);
  g_free (self->text);

  G_OBJECT_CLASS (our_disagreement_parent_class)->finalize (object);
}

static void
our_disagreement_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OurDisagreement *self = OUR_DISAGREEMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_PART_KIND: g_value_set_int (value, self->part_kind); break;
    case PROP_PART_ID: g_value_set_string (value, self->part_id); break;
    case PROP_PART_LABEL: g_value_set_string (value, self->part_label); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_AUTHOR: g_value_set_int (value, self->author); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_disagreement_class_init (OurDisagreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_disagreement_finalize;
  object_class->get_property = our_disagreement_get_property;

  /* Kept with an agreed version, which never changes: read-only. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  properties[PROP_PART_KIND] =
    g_param_spec_int ("part-kind", NULL, NULL, 0, OUR_N_PART_KINDS - 1, 0, flags);
  properties[PROP_PART_ID] = g_param_spec_string ("part-id", NULL, NULL, "", flags);
  properties[PROP_PART_LABEL] = g_param_spec_string ("part-label", NULL, NULL, "", flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_AUTHOR] =
    g_param_spec_int ("author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_disagreement_init (OurDisagreement *self)
{
}

/**
 * our_disagreement_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 *
 * Values from a damaged file are mended rather than refused: an unknown
 * part is the plan as a whole, text is cut to the limit.
 */
OurDisagreement *
our_disagreement_new (const char  *id,
                      OurPartKind  part_kind,
                      const char  *part_id,
                      const char  *part_label,
                      const char  *text,
                      OurAuthor    author)
{
  OurDisagreement *self = g_object_new (OUR_TYPE_DISAGREEMENT, NULL);

  self->id = (id != NULL && id[0] != '\0') ? g_strdup (id) : our_new_id ();
  self->part_kind = (guint) part_kind < OUR_N_PART_KINDS ? part_kind : OUR_PART_PLAN;
  our_set_string (&self->part_id, self->part_kind == OUR_PART_PLAN
                                  || self->part_kind == OUR_PART_STAYING_WELL
                                  || part_id == NULL ? "" : part_id);
  our_set_text (&self->part_label, part_label != NULL ? part_label : "");
  our_set_text (&self->text, text != NULL ? text : "");
  self->author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;
  return self;
}

const char *
our_disagreement_get_id (OurDisagreement *self)
{
  g_return_val_if_fail (OUR_IS_DISAGREEMENT (self), NULL);
  return self->id;
}

OurPartKind
our_disagreement_get_part_kind (OurDisagreement *self)
{
  g_return_val_if_fail (OUR_IS_DISAGREEMENT (self), OUR_PART_PLAN);
  return self->part_kind;
}

const char *
our_disagreement_get_part_id (OurDisagreement *self)
{
  g_return_val_if_fail (OUR_IS_DISAGREEMENT (self), NULL);
  return self->part_id;
}

const char *
our_disagreement_get_part_label (OurDisagreement *self)
{
  g_return_val_if_fail (OUR_IS_DISAGREEMENT (self), NULL);
  return self->part_label;
}

const char *
our_disagreement_get_text (OurDisagreement *self)
{
  g_return_val_if_fail (OUR_IS_DISAGREEMENT (self), NULL);
  return self->text;
}

OurAuthor
our_disagreement_get_author (OurDisagreement *self)
{
  g_return_val_if_fail (OUR_IS_DISAGREEMENT (self), OUR_AUTHOR_PERSON);
  return self->author;
}

char *
our_disagreement_describe_part (OurDisagreement *self)
{
  g_return_val_if_fail (OUR_IS_DISAGREEMENT (self), NULL);
  return our_part_describe (self->part_kind, self->part_label);
}
