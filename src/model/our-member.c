/* our-member.c: someone or something in the person's support network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "our-member.h"

struct _OurMember
{
  GObject        parent_instance;

  char          *id;
  char          *text[OUR_N_MEMBER_TEXTS];
  OurAuthor      author[OUR_N_MEMBER_TEXTS];
  OurMemberKind  kind;
  OurRing        ring;
  double         angle;
  guint          helps;
  OurContact     contact;
  gboolean       wished_for;
  gboolean       is_carer;
  char          *symbol;
};

G_DEFINE_FINAL_TYPE (OurMember, our_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NAME_AUTHOR,
  PROP_RELATIONSHIP,
  PROP_RELATIONSHIP_AUTHOR,
  PROP_NOTES,
  PROP_NOTES_AUTHOR,
  PROP_KIND,
  PROP_RING,
  PROP_ANGLE,
  PROP_HELPS,
  PROP_CONTACT,
  PROP_WISHED_FOR,
  PROP_IS_CARER,
  PROP_SYMBOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint text_props[OUR_N_MEMBER_TEXTS] = { PROP_NAME, PROP_RELATIONSHIP, PROP_NOTES };
static const guint author_props[OUR_N_MEMBER_TEXTS] = {
  PROP_NAME_AUTHOR, PROP_RELATIONSHIP_AUTHOR, PROP_NOTES_AUTHOR
};

static void
our_member_finalize (GObject *object)
{
  OurMember *self = OUR_MEMBER (object);

  g_free (self->id);
  g_free (self->symbol);
  for (guint i = 0; i < OUR_N_MEMBER_TEXTS; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (our_member_parent_class)->finalize (object);
}

static void
our_member_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OurMember *self = OUR_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->text[OUR_MEMBER_TEXT_NAME]); break;
    case PROP_NAME_AUTHOR: g_value_set_int (value, self->author[OUR_MEMBER_TEXT_NAME]); break;
    case PROP_RELATIONSHIP:
      g_value_set_string (value, self->text[OUR_MEMBER_TEXT_RELATIONSHIP]);
      break;
    case PROP_RELATIONSHIP_AUTHOR:
      g_value_set_int (value, self->author[OUR_MEMBER_TEXT_RELATIONSHIP]);
      break;
    case PROP_NOTES: g_value_set_string (value, self->text[OUR_MEMBER_TEXT_NOTES]); break;
    case PROP_NOTES_AUTHOR: g_value_set_int (value, self->author[OUR_MEMBER_TEXT_NOTES]); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_RING: g_value_set_int (value, self->ring); break;
    case PROP_ANGLE: g_value_set_double (value, self->angle); break;
    case PROP_HELPS: g_value_set_uint (value, self->helps); break;
    case PROP_CONTACT: g_value_set_int (value, self->contact); break;
    case PROP_WISHED_FOR: g_value_set_boolean (value, self->wished_for); break;
    case PROP_IS_CARER: g_value_set_boolean (value, self->is_carer); break;
    case PROP_SYMBOL: g_value_set_string (value, self->symbol); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_member_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OurMember *self = OUR_MEMBER (object);

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
our_member_class_init (OurMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_member_finalize;
  object_class->get_property = our_member_get_property;
  object_class->set_property = our_member_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_NAME_AUTHOR] =
    g_param_spec_int ("name-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);
  properties[PROP_RELATIONSHIP] = g_param_spec_string ("relationship", NULL, NULL, "", flags);
  properties[PROP_RELATIONSHIP_AUTHOR] =
    g_param_spec_int ("relationship-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_NOTES_AUTHOR] =
    g_param_spec_int ("notes-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, OUR_N_MEMBER_KINDS - 1, 0, flags);
  properties[PROP_RING] = g_param_spec_int ("ring", NULL, NULL, 0, OUR_N_RINGS - 1, 0, flags);
  properties[PROP_ANGLE] = g_param_spec_double ("angle", NULL, NULL, 0, OUR_ANGLE_MAX, 0, flags);
  properties[PROP_HELPS] = g_param_spec_uint ("helps", NULL, NULL, 0, OUR_HELPS_ALL, 0, flags);
  properties[PROP_CONTACT] =
    g_param_spec_int ("contact", NULL, NULL, 0, OUR_N_CONTACTS - 1, 0, flags);
  properties[PROP_WISHED_FOR] = g_param_spec_boolean ("wished-for", NULL, NULL, FALSE, flags);
  properties[PROP_IS_CARER] = g_param_spec_boolean ("is-carer", NULL, NULL, FALSE, flags);
  properties[PROP_SYMBOL] = g_param_spec_string ("symbol", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_member_init (OurMember *self)
{
  for (guint i = 0; i < OUR_N_MEMBER_TEXTS; i++)
    self->text[i] = g_strdup ("");
  self->ring = OUR_RING_CLOSE;
  self->symbol = g_strdup ("");
}

/**
 * our_member_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 */
OurMember *
our_member_new (const char *id)
{
  return g_object_new (OUR_TYPE_MEMBER, "id", id, NULL);
}

/* A copy with the same id and every value. */
OurMember *
our_member_copy (OurMember *self)
{
  OurMember *copy;

  g_return_val_if_fail (OUR_IS_MEMBER (self), NULL);

  copy = our_member_new (self->id);
  for (guint i = 0; i < OUR_N_MEMBER_TEXTS; i++)
    our_member_set_text (copy, i, self->text[i], self->author[i]);
  copy->kind = self->kind;
  copy->ring = self->ring;
  copy->angle = self->angle;
  copy->helps = self->helps;
  copy->contact = self->contact;
  copy->wished_for = self->wished_for;
  copy->is_carer = self->is_carer;
  g_free (copy->symbol);
  copy->symbol = g_strdup (self->symbol);
  return copy;
}

const char *
our_member_get_id (OurMember *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), NULL);
  return self->id;
}

const char *
our_member_get_text (OurMember     *self,
                     OurMemberText  field)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), NULL);
  g_return_val_if_fail ((guint) field < OUR_N_MEMBER_TEXTS, NULL);
  return self->text[field];
}

OurAuthor
our_member_get_author (OurMember     *self,
                       OurMemberText  field)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), OUR_AUTHOR_PERSON);
  g_return_val_if_fail ((guint) field < OUR_N_MEMBER_TEXTS, OUR_AUTHOR_PERSON);
  return self->author[field];
}

void
our_member_set_text (OurMember     *self,
                     OurMemberText  field,
                     const char    *text,
                     OurAuthor      author)
{
  g_return_if_fail (OUR_IS_MEMBER (self));
  g_return_if_fail ((guint) field < OUR_N_MEMBER_TEXTS);

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
our_member_get_name (OurMember *self)
{
  return our_member_get_text (self, OUR_MEMBER_TEXT_NAME);
}

OurMemberKind
our_member_get_kind (OurMember *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), OUR_MEMBER_KIND_PERSON);
  return self->kind;
}

void
our_member_set_kind (OurMember     *self,
                     OurMemberKind  kind)
{
  g_return_if_fail (OUR_IS_MEMBER (self));

  if ((guint) kind >= OUR_N_MEMBER_KINDS)
    kind = OUR_MEMBER_KIND_PERSON;
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

OurRing
our_member_get_ring (OurMember *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), OUR_RING_CLOSE);
  return self->ring;
}

double
our_member_get_angle (OurMember *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), 0);
  return self->angle;
}

void
our_member_set_place (OurMember *self,
                      int        ring,
                      double     angle)
{
  g_return_if_fail (OUR_IS_MEMBER (self));

  ring = CLAMP (ring, 0, OUR_N_RINGS - 1);
  if (!isfinite (angle))
    angle = 0;
  angle = fmod (angle, OUR_ANGLE_MAX);
  if (angle < 0)
    angle += OUR_ANGLE_MAX;
  if (angle >= OUR_ANGLE_MAX)  /* -1e-20 + 360 rounds to 360 */
    angle = 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->ring != (OurRing) ring)
    {
      self->ring = ring;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RING]);
    }
  if (self->angle != angle)
    {
      self->angle = angle;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANGLE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

guint
our_member_get_helps (OurMember *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), 0);
  return self->helps;
}

void
our_member_set_helps (OurMember *self,
                      guint      helps)
{
  g_return_if_fail (OUR_IS_MEMBER (self));

  helps &= OUR_HELPS_ALL;
  if (self->helps == helps)
    return;
  self->helps = helps;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELPS]);
}

OurContact
our_member_get_contact (OurMember *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), OUR_CONTACT_UNKNOWN);
  return self->contact;
}

void
our_member_set_contact (OurMember  *self,
                        OurContact  contact)
{
  g_return_if_fail (OUR_IS_MEMBER (self));

  if ((guint) contact >= OUR_N_CONTACTS)
    contact = OUR_CONTACT_UNKNOWN;
  if (self->contact == contact)
    return;
  self->contact = contact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

gboolean
our_member_get_wished_for (OurMember *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), FALSE);
  return self->wished_for;
}

void
our_member_set_wished_for (OurMember *self,
                           gboolean   wished_for)
{
  g_return_if_fail (OUR_IS_MEMBER (self));

  wished_for = !!wished_for;
  if (self->wished_for == wished_for)
    return;
  self->wished_for = wished_for;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WISHED_FOR]);
}

gboolean
our_member_get_is_carer (OurMember *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), FALSE);
  return self->is_carer;
}

void
our_member_set_is_carer (OurMember *self,
                         gboolean   is_carer)
{
  g_return_if_fail (OUR_IS_MEMBER (self));

  is_carer = !!is_carer;
  if (self->is_carer == is_carer)
    return;
  self->is_carer = is_carer;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_CARER]);
}

const char *
our_member_get_symbol (OurMember *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER (self), NULL);
  return self->symbol;
}

void
our_member_set_symbol (OurMember  *self,
                       const char *symbol)
{
  g_return_if_fail (OUR_IS_MEMBER (self));

  if (our_set_string (&self->symbol, symbol ? symbol : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYMBOL]);
}

void
our_member_assign (OurMember *self,
                   OurMember *from)
{
  g_return_if_fail (OUR_IS_MEMBER (self));
  g_return_if_fail (OUR_IS_MEMBER (from));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < OUR_N_MEMBER_TEXTS; i++)
    our_member_set_text (self, i, from->text[i], from->author[i]);
  our_member_set_kind (self, from->kind);
  our_member_set_place (self, from->ring, from->angle);
  our_member_set_helps (self, from->helps);
  our_member_set_contact (self, from->contact);
  our_member_set_wished_for (self, from->wished_for);
  our_member_set_is_carer (self, from->is_carer);
  our_member_set_symbol (self, from->symbol);
  g_object_thaw_notify (G_OBJECT (self));
}
