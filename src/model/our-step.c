/* our-step.c: one small step towards a goal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-step.h"

#define N_STEP_TEXTS (OUR_STEP_TEXT_BY_WHEN + 1)

struct _OurStep
{
  GObject    parent_instance;

  char      *id;
  char      *text[N_STEP_TEXTS];
  OurAuthor  author[N_STEP_TEXTS];
  char      *helper_id;     /* a member of the network, or "" */
};

G_DEFINE_FINAL_TYPE (OurStep, our_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WHAT,
  PROP_WHAT_AUTHOR,
  PROP_WHO,
  PROP_WHO_AUTHOR,
  PROP_BY_WHEN,
  PROP_BY_WHEN_AUTHOR,
  PROP_HELPER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_step_finalize (GObject *object)
{
  OurStep *self = OUR_STEP (object);

  g_free (self->id);
  g_free (self->helper_id);
  for (guint i = 0; i < N_STEP_TEXTS; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (our_step_parent_class)->finalize (object);
}

static void
our_step_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  OurStep *self = OUR_STEP (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_WHAT: g_value_set_string (value, self->text[OUR_STEP_TEXT_WHAT]); break;
    case PROP_WHAT_AUTHOR: g_value_set_int (value, self->author[OUR_STEP_TEXT_WHAT]); break;
    case PROP_WHO: g_value_set_string (value, self->text[OUR_STEP_TEXT_WHO]); break;
    case PROP_WHO_AUTHOR: g_value_set_int (value, self->author[OUR_STEP_TEXT_WHO]); break;
    case PROP_BY_WHEN: g_value_set_string (value, self->text[OUR_STEP_TEXT_BY_WHEN]); break;
    case PROP_BY_WHEN_AUTHOR: g_value_set_int (value, self->author[OUR_STEP_TEXT_BY_WHEN]); break;
    case PROP_HELPER_ID: g_value_set_string (value, self->helper_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_step_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  OurStep *self = OUR_STEP (object);

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
our_step_class_init (OurStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = our_step_finalize;
  object_class->get_property = our_step_get_property;
  object_class->set_property = our_step_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHAT] =
    g_param_spec_string ("what", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHAT_AUTHOR] =
    g_param_spec_int ("what-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHO] =
    g_param_spec_string ("who", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHO_AUTHOR] =
    g_param_spec_int ("who-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BY_WHEN] =
    g_param_spec_string ("by-when", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BY_WHEN_AUTHOR] =
    g_param_spec_int ("by-when-author", NULL, NULL, 0, OUR_AUTHOR_COORDINATOR, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELPER_ID] =
    g_param_spec_string ("helper-id", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_step_init (OurStep *self)
{
  for (guint i = 0; i < N_STEP_TEXTS; i++)
    self->text[i] = g_strdup ("");
  self->helper_id = g_strdup ("");
}

/**
 * our_step_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 */
OurStep *
our_step_new (const char *id)
{
  return g_object_new (OUR_TYPE_STEP, "id", id, NULL);
}

const char *
our_step_get_id (OurStep *self)
{
  g_return_val_if_fail (OUR_IS_STEP (self), NULL);
  return self->id;
}

const char *
our_step_get_text (OurStep     *self,
                   OurStepText  field)
{
  g_return_val_if_fail (OUR_IS_STEP (self), NULL);
  g_return_val_if_fail ((guint) field < N_STEP_TEXTS, NULL);
  return self->text[field];
}

OurAuthor
our_step_get_author (OurStep     *self,
                     OurStepText  field)
{
  g_return_val_if_fail (OUR_IS_STEP (self), OUR_AUTHOR_PERSON);
  g_return_val_if_fail ((guint) field < N_STEP_TEXTS, OUR_AUTHOR_PERSON);
  return self->author[field];
}

void
our_step_set_text (OurStep     *self,
                   OurStepText  field,
                   const char  *text,
                   OurAuthor    author)
{
  static const guint text_props[N_STEP_TEXTS] = { PROP_WHAT, PROP_WHO, PROP_BY_WHEN };
  static const guint author_props[N_STEP_TEXTS] = { PROP_WHAT_AUTHOR, PROP_WHO_AUTHOR, PROP_BY_WHEN_AUTHOR };

  g_return_if_fail (OUR_IS_STEP (self));
  g_return_if_fail ((guint) field < N_STEP_TEXTS);

  if (text == NULL)
    text = "";
  author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;

  if (our_set_text (&self->text[field], text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[text_props[field]]);
  if (self->author[field] != author)
    {
      self->author[field] = author;
      g_object_notify_by_pspec (G_OBJECT (self), properties[author_props[field]]);
    }
}

/* A copy with the same texts; @new_id NULL keeps the id (used by commands
 * that must put back exactly the step they took away). */
OurStep *
our_step_copy (OurStep    *self,
               const char *new_id)
{
  OurStep *copy;

  g_return_val_if_fail (OUR_IS_STEP (self), NULL);

  copy = our_step_new (new_id ? new_id : self->id);
  for (guint i = 0; i < N_STEP_TEXTS; i++)
    our_step_set_text (copy, i, self->text[i], self->author[i]);
  our_step_set_helper_id (copy, self->helper_id);
  return copy;
}

/* Gives @self the texts and helper of @from, keeping its id. */
void
our_step_assign (OurStep *self,
                 OurStep *from)
{
  g_return_if_fail (OUR_IS_STEP (self));
  g_return_if_fail (OUR_IS_STEP (from));

  for (guint i = 0; i < N_STEP_TEXTS; i++)
    our_step_set_text (self, i, from->text[i], from->author[i]);
  our_step_set_helper_id (self, from->helper_id);
}

const char *
our_step_get_helper_id (OurStep *self)
{
  g_return_val_if_fail (OUR_IS_STEP (self), NULL);
  return self->helper_id;
}

void
our_step_set_helper_id (OurStep    *self,
                        const char *member_id)
{
  g_return_if_fail (OUR_IS_STEP (self));

  if (our_set_string (&self->helper_id, member_id ? member_id : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELPER_ID]);
}
