/* our-copy-record.c: a line of the copy log: which copy was given, to whom, when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "our-copy-record.h"

struct _OurCopyRecord
{
  GObject        parent_instance;

  char          *id;
  OurCopyKind    kind;
  OurCopyMedium  medium;
  char          *carer_id;
  char          *carer_name;
  char          *made_at;
  gboolean       large_print;
};

G_DEFINE_FINAL_TYPE (OurCopyRecord, our_copy_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_MEDIUM,
  PROP_CARER_ID,
  PROP_CARER_NAME,
  PROP_MADE_AT,
  PROP_LARGE_PRINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
our_copy_record_finalize (GObject *object)
{
  OurCopyRecord *self = OUR_COPY_RECORD (object);

  g_free (self->id);
  g_free (self->carer_id);
  g_free (self->carer_name);
  g_free (self->made_at);

  G_OBJECT_CLASS (our_copy_record_parent_class)->finalize (object);
}

static void
our_copy_record_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OurCopyRecord *self = OUR_COPY_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_MEDIUM: g_value_set_int (value, self->medium); break;
    case PROP_CARER_ID: g_value_set_string (value, self->carer_id); break;
    case PROP_CARER_NAME: g_value_set_string (value, self->carer_name); break;
    case PROP_MADE_AT: g_value_set_string (value, self->made_at); break;
    case PROP_LARGE_PRINT: g_value_set_boolean (value, self->large_print); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_copy_record_class_init (OurCopyRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = our_copy_record_finalize;
  object_class->get_property = our_copy_record_get_property;

  /* A record never changes once made, so its properties are read-only. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, OUR_N_COPY_KINDS - 1, 0, flags);
  properties[PROP_MEDIUM] =
    g_param_spec_int ("medium", NULL, NULL, 0, OUR_N_COPY_MEDIA - 1, 0, flags);
  properties[PROP_CARER_ID] = g_param_spec_string ("carer-id", NULL, NULL, "", flags);
  properties[PROP_CARER_NAME] = g_param_spec_string ("carer-name", NULL, NULL, "", flags);
  properties[PROP_MADE_AT] = g_param_spec_string ("made-at", NULL, NULL, "", flags);
  properties[PROP_LARGE_PRINT] = g_param_spec_boolean ("large-print", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_copy_record_init (OurCopyRecord *self)
{
}

/**
 * our_copy_record_new:
 * @id: (nullable): a stable id, or %NULL for a new one
 *
 * Values out of range (from a damaged file) are taken as the person's own
 * printed copy rather than refused: the log only tells what happened.
 */
OurCopyRecord *
our_copy_record_new (const char    *id,
                     OurCopyKind    kind,
                     OurCopyMedium  medium,
                     const char    *carer_id,
                     const char    *carer_name,
                     const char    *made_at,
                     gboolean       large_print)
{
  OurCopyRecord *self = g_object_new (OUR_TYPE_COPY_RECORD, NULL);

  self->id = (id != NULL && id[0] != '\0') ? g_strdup (id) : our_new_id ();
  self->kind = (guint) kind < OUR_N_COPY_KINDS ? kind : OUR_COPY_PERSON;
  self->medium = (guint) medium < OUR_N_COPY_MEDIA ? medium : OUR_COPY_PRINTED;
  if (self->kind == OUR_COPY_CARER)
    {
      self->carer_id = g_strdup (carer_id ? carer_id : "");
      self->carer_name = g_strdup (carer_name ? carer_name : "");
    }
  else
    {
      self->carer_id = g_strdup ("");
      self->carer_name = g_strdup ("");
    }
  self->made_at = g_strdup (made_at ? made_at : "");
  self->large_print = !!large_print;
  return self;
}

const char *
our_copy_record_get_id (OurCopyRecord *self)
{
  g_return_val_if_fail (OUR_IS_COPY_RECORD (self), NULL);
  return self->id;
}

OurCopyKind
our_copy_record_get_kind (OurCopyRecord *self)
{
  g_return_val_if_fail (OUR_IS_COPY_RECORD (self), OUR_COPY_PERSON);
  return self->kind;
}

OurCopyMedium
our_copy_record_get_medium (OurCopyRecord *self)
{
  g_return_val_if_fail (OUR_IS_COPY_RECORD (self), OUR_COPY_PRINTED);
  return self->medium;
}

const char *
our_copy_record_get_carer_id (OurCopyRecord *self)
{
  g_return_val_if_fail (OUR_IS_COPY_RECORD (self), NULL);
  return self->carer_id;
}

const char *
our_copy_record_get_carer_name (OurCopyRecord *self)
{
  g_return_val_if_fail (OUR_IS_COPY_RECORD (self), NULL);
  return self->carer_name;
}

const char *
our_copy_record_get_made_at (OurCopyRecord *self)
{
  g_return_val_if_fail (OUR_IS_COPY_RECORD (self), NULL);
  return self->made_at;
}

gboolean
our_copy_record_get_large_print (OurCopyRecord *self)
{
  g_return_val_if_fail (OUR_IS_COPY_RECORD (self), FALSE);
  return self->large_print;
}

/* "12 March", or "12 March 2027" when not this year, in local time; NULL
 * when @made_at is not a date and time. */
static char *
describe_date (const char *made_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (made_at == NULL || made_at[0] == '\0')
    return NULL;
  utc = g_date_time_new_from_iso8601 (made_at, NULL);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  now = g_date_time_new_now_local ();
  if (local == NULL || now == NULL)
    return NULL;

  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* TRANSLATORS: a day this year, e.g. "12 March"; see g_date_time_format() */
    return g_date_time_format (local, _("%-d %B"));
  /* TRANSLATORS: a date in plain words, e.g. "3 March 2027"; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y"));
}

/* "Gwen’s copy", "My copy", "Sam’s copy", "Team copy", or their large-print twins. */
static char *
describe_whose (OurCopyRecord *self,
                const char    *person_name)
{
  switch (self->kind)
    {
    case OUR_COPY_CARER:
      if (self->carer_name[0] == '\0')
        return g_strdup (self->large_print ? _("A carer’s large-print copy")
                                           : _("A carer’s copy"));
      return self->large_print
        /* TRANSLATORS: in the copy log, a carer's copy, e.g. "Sam’s large-print copy" */
        ? g_strdup_printf (_("%s’s large-print copy"), self->carer_name)
        /* TRANSLATORS: in the copy log, a carer's copy, e.g. "Sam’s copy" */
        : g_strdup_printf (_("%s’s copy"), self->carer_name);

    case OUR_COPY_TEAM:
      return g_strdup (self->large_print ? _("Large-print team copy") : _("Team copy"));

    case OUR_COPY_PERSON:
    default:
      if (person_name == NULL || person_name[0] == '\0')
        return g_strdup (self->large_print ? _("My large-print copy") : _("My copy"));
      return self->large_print
        ? g_strdup_printf (_("%s’s large-print copy"), person_name)
        : g_strdup_printf (_("%s’s copy"), person_name);
    }
}

char *
our_copy_record_describe (OurCopyRecord *self,
                          const char    *person_name)
{
  g_autofree char *whose = NULL;
  g_autofree char *when = NULL;
  char *sentence = NULL;

  g_return_val_if_fail (OUR_IS_COPY_RECORD (self), NULL);

  whose = describe_whose (self, person_name);
  when = describe_date (self->made_at);

  if (when == NULL)
    {
      switch (self->medium)
        {
        case OUR_COPY_PDF:
          /* TRANSLATORS: the copy log, when the date is unknown, e.g. "My copy saved as a PDF" */
          return g_strdup_printf (_("%s saved as a PDF"), whose);
        case OUR_COPY_PLAN_FILE:
          /* TRANSLATORS: the copy log, when the date is unknown,
           * e.g. "Sam’s copy saved as a plan file" */
          return g_strdup_printf (_("%s saved as a plan file"), whose);
        case OUR_COPY_PRINTED:
        default:
          /* TRANSLATORS: the copy log, when the date is unknown, e.g. "Sam’s copy printed" */
          return g_strdup_printf (_("%s printed"), whose);
        }
    }

  switch (self->medium)
    {
    case OUR_COPY_PDF:
      /* TRANSLATORS: the copy log: whose copy, and when, e.g. "My copy saved as a PDF 3 April" */
      sentence = g_strdup_printf (_("%s saved as a PDF %s"), whose, when);
      break;
    case OUR_COPY_PLAN_FILE:
      /* TRANSLATORS: the copy log: whose copy, and when,
       * e.g. "Sam’s copy saved as a plan file 3 April" */
      sentence = g_strdup_printf (_("%s saved as a plan file %s"), whose, when);
      break;
    case OUR_COPY_PRINTED:
    default:
      /* TRANSLATORS: the copy log: whose copy, and when, e.g. "Sam’s copy printed 12 March" */
      sentence = g_strdup_printf (_("%s printed %s"), whose, when);
      break;
    }
  return sentence;
}
