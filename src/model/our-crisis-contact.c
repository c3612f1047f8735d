/* our-crisis-contact.c: someone to call when things get hard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-crisis-contact.h"

struct _OurCrisisContact
{
  GObject    parent_instance;

  char      *id;
  char      *member_id;
  char      *name;
  char      *phone;
  char      *when;
  OurAuthor  author;
};

G_DEFINE_FINAL_TYPE (OurCrisisContact, our_crisis_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_ID,
  PROP_NAME,
  PROP_PHONE,
  PROP_WHEN,
  PROP_AUTHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_crisis_contact_finalize (GObject *object)
{
  OurCrisisContact *self = OUR_CRISIS_CONTACT (object);

  g_free (self->id);
  g_free (self->member_id);
  g_free (self->name);
  g_free (self->phone);
  g_free (self->when);

  G_OBJECT_CLASS (our_crisis_contact_parent_class)->finalize (object);
}

static void
our_crisis_contact_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OurCrisisContact *self = OUR_CRISIS_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_MEMBER_ID: g_value_set_string (value, self->member_id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_WHEN: g_value_set_string (value, self->when); break;
    case PROP_AUTHOR: g_value_set_int (value, self->author); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_crisis_contact_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OurCrisisContact *self = OUR_CRISIS_CONTACT (object);

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
our_crisis_contact_class_init (OurCrisisContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_crisis_contact_finalize;
  object_class->get_property = our_crisis_contact_get_property;
  object_class->set_property = our_crisis_contact_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER_ID] = g_param_spec_string ("member-id", NULL, NULL, "", flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, "", flags);
  properties[PROP_WHEN] = g_param_spec_string ("when", NULL, NULL, "", flags);
  properties[PROP_AUTHOR] =
    g_param_spec_int ("author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_crisis_contact_init (OurCrisisContact *self)
{
  self->member_id = g_strdup ("");
  self->name = g_strdup ("");
  self->phone = g_strdup ("");
  self->when = g_strdup ("");
}

/**
 * our_crisis_contact_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 */
OurCrisisContact *
our_crisis_contact_new (const char *id)
{
  return g_object_new (OUR_TYPE_CRISIS_CONTACT, "id", id, NULL);
}

/* A copy with the same id and every value. */
OurCrisisContact *
our_crisis_contact_copy (OurCrisisContact *self)
{
  OurCrisisContact *copy;

  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (self), NULL);

  copy = our_crisis_contact_new (self->id);
  our_crisis_contact_assign (copy, self);
  return copy;
}

void
our_crisis_contact_assign (OurCrisisContact *self,
                           OurCrisisContact *from)
{
  g_return_if_fail (OUR_IS_CRISIS_CONTACT (self));
  g_return_if_fail (OUR_IS_CRISIS_CONTACT (from));

  if (self == from)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  our_crisis_contact_set_member_id (self, from->member_id);
  our_crisis_contact_set_name (self, from->name);
  our_crisis_contact_set_phone (self, from->phone);
  our_crisis_contact_set_when (self, from->when);
  our_crisis_contact_set_author (self, from->author);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
our_crisis_contact_get_id (OurCrisisContact *self)
{
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (self), NULL);
  return self->id;
}

static void
set_text (OurCrisisContact  *self,
          char             **target,
          const char        *value,
          guint              prop)
{
  if (our_set_text (target, value ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
our_crisis_contact_get_member_id (OurCrisisContact *self)
{
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (self), NULL);
  return self->member_id;
}

void
our_crisis_contact_set_member_id (OurCrisisContact *self,
                                  const char       *member_id)
{
  g_return_if_fail (OUR_IS_CRISIS_CONTACT (self));
  set_text (self, &self->member_id, member_id, PROP_MEMBER_ID);
}

const char *
our_crisis_contact_get_name (OurCrisisContact *self)
{
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (self), NULL);
  return self->name;
}

void
our_crisis_contact_set_name (OurCrisisContact *self,
                             const char       *name)
{
  g_return_if_fail (OUR_IS_CRISIS_CONTACT (self));
  set_text (self, &self->name, name, PROP_NAME);
}

const char *
our_crisis_contact_get_phone (OurCrisisContact *self)
{
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (self), NULL);
  return self->phone;
}

void
our_crisis_contact_set_phone (OurCrisisContact *self,
                              const char       *phone)
{
  g_return_if_fail (OUR_IS_CRISIS_CONTACT (self));
  set_text (self, &self->phone, phone, PROP_PHONE);
}

const char *
our_crisis_contact_get_when (OurCrisisContact *self)
{
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (self), NULL);
  return self->when;
}

void
our_crisis_contact_set_when (OurCrisisContact *self,
                             const char       *when)
{
  g_return_if_fail (OUR_IS_CRISIS_CONTACT (self));
  set_text (self, &self->when, when, PROP_WHEN);
}

OurAuthor
our_crisis_contact_get_author (OurCrisisContact *self)
{
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (self), OUR_AUTHOR_PERSON);
  return self->author;
}

void
our_crisis_contact_set_author (OurCrisisContact *self,
                               OurAuthor         author)
{
  g_return_if_fail (OUR_IS_CRISIS_CONTACT (self));

  author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;
  if (self->author == author)
    return;
  self->author = author;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}
