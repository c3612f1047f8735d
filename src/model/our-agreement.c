/* our-agreement.c: the plan agreed on a day, by whom, until when, frozen as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "our-agreement.h"

struct _OurAgreement
{
  GObject     parent_instance;

  char       *id;
  char       *agreed_on;
  char       *agreed_by;
  gboolean    with_person;
  char       *review_on;
  GBytes     *snapshot;
  char       *picture_ids;
  GListStore *disagreements;
};

G_DEFINE_FINAL_TYPE (OurAgreement, our_agreement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AGREED_ON,
  PROP_AGREED_BY,
  PROP_WITH_PERSON,
  PROP_REVIEW_ON,
  PROP_SNAPSHOT,
  PROP_PICTURE_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_agreement_finalize (GObject *object)
{
  OurAgreement *self = OUR_AGREEMENT (object);

  g_free (self->id);
  g_free (self->agreed_on);
  g_free (self->agreed_by);
  g_free (self->review_on);
  g_clear_pointer (&self->snapshot, g_bytes_unref);
  g_free (self->picture_ids);
  g_clear_object (&self->disagreements);

  G_OBJECT_CLASS (our_agreement_parent_class)->finalize (object);
}

static void
our_agreement_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OurAgreement *self = OUR_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_AGREED_ON: g_value_set_string (value, self->agreed_on); break;
    case PROP_AGREED_BY: g_value_set_string (value, self->agreed_by); break;
    case PROP_WITH_PERSON: g_value_set_boolean (value, self->with_person); break;
    case PROP_REVIEW_ON: g_value_set_string (value, self->review_on); break;
    case PROP_SNAPSHOT: g_value_set_boxed (value, self->snapshot); break;
    case PROP_PICTURE_IDS: g_value_set_string (value, self->picture_ids); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_agreement_class_init (OurAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_agreement_finalize;
  object_class->get_property = our_agreement_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  properties[PROP_AGREED_ON] = g_param_spec_string ("agreed-on", NULL, NULL, "", flags);
  properties[PROP_AGREED_BY] = g_param_spec_string ("agreed-by", NULL, NULL, "", flags);
  properties[PROP_WITH_PERSON] = g_param_spec_boolean ("with-person", NULL, NULL, FALSE, flags);
  properties[PROP_REVIEW_ON] = g_param_spec_string ("review-on", NULL, NULL, "", flags);
  properties[PROP_SNAPSHOT] = g_param_spec_boxed ("snapshot", NULL, NULL, G_TYPE_BYTES, flags);
  properties[PROP_PICTURE_IDS] = g_param_spec_string ("picture-ids", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_agreement_init (OurAgreement *self)
{
  self->disagreements = g_list_store_new (OUR_TYPE_DISAGREEMENT);
}

static char *
valid_date (const char *date)
{
  return g_strdup (our_iso_date_is_valid (date) ? date : "");
}

/**
 * our_agreement_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 * @snapshot: (nullable): the frozen plan
 *
 * Dates that are not ISO dates are kept as "" (a damaged file).
 */
OurAgreement *
our_agreement_new (const char *id,
                   const char *agreed_on,
                   const char *agreed_by,
                   gboolean    with_person,
                   const char *review_on,
                   GBytes     *snapshot,
                   const char *picture_ids)
{
  OurAgreement *self = g_object_new (OUR_TYPE_AGREEMENT, NULL);

  self->id = (id != NULL && id[0] != '\0') ? g_strdup (id) : our_new_id ();
  self->agreed_on = valid_date (agreed_on);
  self->review_on = valid_date (review_on);
  our_set_text (&self->agreed_by, agreed_by != NULL ? agreed_by : "");
  self->with_person = with_person != FALSE;
  self->snapshot = snapshot != NULL ? g_bytes_ref (snapshot) : NULL;
  self->picture_ids = g_strdup (picture_ids != NULL ? picture_ids : "");
  return self;
}

const char *
our_agreement_get_id (OurAgreement *self)
{
  g_return_val_if_fail (OUR_IS_AGREEMENT (self), NULL);
  return self->id;
}

const char *
our_agreement_get_agreed_on (OurAgreement *self)
{
  g_return_val_if_fail (OUR_IS_AGREEMENT (self), NULL);
  return self->agreed_on;
}

const char *
our_agreement_get_agreed_by (OurAgreement *self)
{
  g_return_val_if_fail (OUR_IS_AGREEMENT (self), NULL);
  return self->agreed_by;
}

gboolean
our_agreement_get_with_person (OurAgreement *self)
{
  g_return_val_if_fail (OUR_IS_AGREEMENT (self), FALSE);
  return self->with_person;
}

const char *
our_agreement_get_review_on (OurAgreement *self)
{
  g_return_val_if_fail (OUR_IS_AGREEMENT (self), NULL);
  return self->review_on;
}

GBytes *
our_agreement_get_snapshot (OurAgreement *self)
{
  g_return_val_if_fail (OUR_IS_AGREEMENT (self), NULL);
  return self->snapshot;
}

const char *
our_agreement_get_picture_ids (OurAgreement *self)
{
  g_return_val_if_fail (OUR_IS_AGREEMENT (self), NULL);
  return self->picture_ids;
}

GListModel *
our_agreement_get_disagreements (OurAgreement *self)
{
  g_return_val_if_fail (OUR_IS_AGREEMENT (self), NULL);
  return G_LIST_MODEL (self->disagreements);
}

void
our_agreement_insert_disagreement (OurAgreement    *self,
                                   guint            position,
                                   OurDisagreement *disagreement)
{
  g_return_if_fail (OUR_IS_AGREEMENT (self));
  g_return_if_fail (OUR_IS_DISAGREEMENT (disagreement));
  g_list_store_insert (self->disagreements,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->disagreements))),
                       disagreement);
}

void
our_agreement_remove_disagreement (OurAgreement *self,
                                   guint         position)
{
  g_return_if_fail (OUR_IS_AGREEMENT (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->disagreements)));
  g_list_store_remove (self->disagreements, position);
}

OurDisagreement *
our_agreement_find_disagreement (OurAgreement *self,
                                 const char   *id,
                                 guint        *position)
{
  GListModel *list;

  g_return_val_if_fail (OUR_IS_AGREEMENT (self), NULL);

  list = G_LIST_MODEL (self->disagreements);
  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(OurDisagreement) disagreement = g_list_model_get_item (list, i);

      if (g_str_equal (our_disagreement_get_id (disagreement), id))
        {
          if (position != NULL)
            *position = i;
          return disagreement;
        }
    }
  return NULL;
}

OurAgreement *
our_agreement_find_latest (GListModel *agreements)
{
  OurAgreement *latest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(OurAgreement) agreement = g_list_model_get_item (agreements, i);

      /* ISO dates sort as text; "" (no date) comes first. */
      if (latest == NULL || strcmp (agreement->agreed_on, latest->agreed_on) >= 0)
        latest = agreement;
    }
  return latest;
}
