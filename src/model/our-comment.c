/* our-comment.c: a carer's comment on a part of the plan, written at home and brought back in clinic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-comment.h"

struct _OurComment
{
  GObject      parent_instance;

  char        *id;
  char        *carer_id;
  char        *carer_name;
  char        *written_on;
  OurPartKind  part_kind;
  char        *part_id;
  char        *part_label;
  char        *text;
  char        *talked_about_on;
};

G_DEFINE_FINAL_TYPE (OurComment, our_comment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CARER_ID,
  PROP_CARER_NAME,
  PROP_WRITTEN_ON,
  PROP_PART_KIND,
  PROP_PART_ID,
  PROP_PART_LABEL,
  PROP_TEXT,
  PROP_TALKED_ABOUT_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_comment_finalize (GObject *object)
{
  OurComment *self = OUR_COMMENT (object);

  g_free (self->id);
  g_free (self->carer_id);
  g_free (self->carer_name);
  g_free (self->written_on);
  g_free (self->part_id);
  g_free (self->part_label);
  g_free (self->text);
  g_free (self->talked_about_on);

  G_OBJECT_CLASS (our_comment_parent_class)->finalize (object);
}

static void
our_comment_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OurComment *self = OUR_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_CARER_ID: g_value_set_string (value, self->carer_id); break;
    case PROP_CARER_NAME: g_value_set_string (value, self->carer_name); break;
    case PROP_WRITTEN_ON: g_value_set_string (value, self->written_on); break;
    case PROP_PART_KIND: g_value_set_int (value, self->part_kind); break;
    case PROP_PART_ID: g_value_set_string (value, self->part_id); break;
    case PROP_PART_LABEL: g_value_set_string (value, self->part_label); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_TALKED_ABOUT_ON: g_value_set_string (value, self->talked_about_on); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_comment_class_init (OurCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_comment_finalize;
  object_class->get_property = our_comment_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  properties[PROP_CARER_ID] = g_param_spec_string ("carer-id", NULL, NULL, "", flags);
  properties[PROP_CARER_NAME] = g_param_spec_string ("carer-name", NULL, NULL, "", flags);
  properties[PROP_WRITTEN_ON] = g_param_spec_string ("written-on", NULL, NULL, "", flags);
  properties[PROP_PART_KIND] =
    g_param_spec_int ("part-kind", NULL, NULL, 0, OUR_N_PART_KINDS - 1, 0, flags);
  properties[PROP_PART_ID] = g_param_spec_string ("part-id", NULL, NULL, "", flags);
  properties[PROP_PART_LABEL] = g_param_spec_string ("part-label", NULL, NULL, "", flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_TALKED_ABOUT_ON] = g_param_spec_string ("talked-about-on", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_comment_init (OurComment *self)
{
  self->text = g_strdup ("");
  self->talked_about_on = g_strdup ("");
}

static char *
valid_date (const char *date)
{
  return g_strdup (our_iso_date_is_valid (date) ? date : "");
}

/**
 * our_comment_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 *
 * Values from a file edited by hand are mended, not refused: an unknown
 * part is the plan as a whole, a date that is not one is "", text is cut.
 */
OurComment *
our_comment_new (const char  *id,
                 const char  *carer_id,
                 const char  *carer_name,
                 const char  *written_on,
                 OurPartKind  part_kind,
                 const char  *part_id,
                 const char  *part_label)
{
  OurComment *self = g_object_new (OUR_TYPE_COMMENT, NULL);

  self->id = (id != NULL && id[0] != '\0') ? g_strdup (id) : our_new_id ();
  our_set_text (&self->carer_id, carer_id != NULL ? carer_id : "");
  our_set_text (&self->carer_name, carer_name != NULL ? carer_name : "");
  self->written_on = valid_date (written_on);
  self->part_kind = (guint) part_kind < OUR_N_PART_KINDS ? part_kind : OUR_PART_PLAN;
  our_set_text (&self->part_id, self->part_kind == OUR_PART_PLAN
                                || self->part_kind == OUR_PART_STAYING_WELL
                                || part_id == NULL ? "" : part_id);
  our_set_text (&self->part_label, part_label != NULL ? part_label : "");
  return self;
}

OurComment *
our_comment_copy (OurComment *self)
{
  OurComment *copy;

  g_return_val_if_fail (OUR_IS_COMMENT (self), NULL);

  copy = our_comment_new (self->id, self->carer_id, self->carer_name, self->written_on,
                          self->part_kind, self->part_id, self->part_label);
  our_comment_set_text (copy, self->text);
  our_comment_set_talked_about_on (copy, self->talked_about_on);
  return copy;
}

static void
assign_string (OurComment *self,
               char      **target,
               const char *value,
               guint       prop)
{
  if (our_set_string (target, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
our_comment_assign (OurComment *self,
                    OurComment *from)
{
  g_return_if_fail (OUR_IS_COMMENT (self));
  g_return_if_fail (OUR_IS_COMMENT (from));

  g_object_freeze_notify (G_OBJECT (self));
  assign_string (self, &self->carer_id, from->carer_id, PROP_CARER_ID);
  assign_string (self, &self->carer_name, from->carer_name, PROP_CARER_NAME);
  assign_string (self, &self->written_on, from->written_on, PROP_WRITTEN_ON);
  if (self->part_kind != from->part_kind)
    {
      self->part_kind = from->part_kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PART_KIND]);
    }
  assign_string (self, &self->part_id, from->part_id, PROP_PART_ID);
  assign_string (self, &self->part_label, from->part_label, PROP_PART_LABEL);
  assign_string (self, &self->text, from->text, PROP_TEXT);
  assign_string (self, &self->talked_about_on, from->talked_about_on, PROP_TALKED_ABOUT_ON);
  g_object_thaw_notify (G_OBJECT (self));
}

#define GETTER(type, name, fallback) \
  type \
  our_comment_get_##name (OurComment *self) \
  { \
    g_return_val_if_fail (OUR_IS_COMMENT (self), fallback); \
    return self->name; \
  }

GETTER (const char *, id, NULL)
GETTER (const char *, carer_id, NULL)
GETTER (const char *, carer_name, NULL)
GETTER (const char *, written_on, NULL)
GETTER (OurPartKind, part_kind, OUR_PART_PLAN)
GETTER (const char *, part_id, NULL)
GETTER (const char *, part_label, NULL)
GETTER (const char *, text, NULL)
GETTER (const char *, talked_about_on, NULL)
#undef GETTER

void
our_comment_set_text (OurComment *self,
                      const char *text)
{
  g_return_if_fail (OUR_IS_COMMENT (self));

  if (our_set_text (&self->text, text != NULL ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

void
our_comment_set_talked_about_on (OurComment *self,
                                 const char *date)
{
  g_autofree char *valid = valid_date (date);

  g_return_if_fail (OUR_IS_COMMENT (self));

  if (our_set_string (&self->talked_about_on, valid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TALKED_ABOUT_ON]);
}

char *
our_comment_describe_part (OurComment *self)
{
  g_return_val_if_fail (OUR_IS_COMMENT (self), NULL);
  return our_part_describe (self->part_kind, self->part_label);
}
