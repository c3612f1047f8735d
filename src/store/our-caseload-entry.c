/* our-caseload-entry.c: one plan on the start screen: its name, its review date, or why it cannot be read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "our-caseload-entry.h"
#include "our-store.h"

struct _OurCaseloadEntry
{
  GObject          parent_instance;

  char            *path;
  char            *name;
  char            *sort_key;
  char            *folded_name;
  char            *folded_base;
  char            *problem;
  GDate            review;        /* valid only when there is a review date */
  int              days_to_review;
  OurReviewStatus  status;
  gboolean         recent;
};

G_DEFINE_FINAL_TYPE (OurCaseloadEntry, our_caseload_entry, G_TYPE_OBJECT)

static void
our_caseload_entry_finalize (GObject *object)
{
  OurCaseloadEntry *self = OUR_CASELOAD_ENTRY (object);

  g_free (self->path);
  g_free (self->name);
  g_free (self->sort_key);
  g_free (self->folded_name);
  g_free (self->folded_base);
  g_free (self->problem);

  G_OBJECT_CLASS (our_caseload_entry_parent_class)->finalize (object);
}

static void
our_caseload_entry_class_init (OurCaseloadEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = our_caseload_entry_finalize;
}

static void
our_caseload_entry_init (OurCaseloadEntry *self)
{
  g_date_clear (&self->review, 1);
}

static gboolean
parse_review_date (const char *text,
                   GDate      *date)
{
  int year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || !our_iso_date_is_valid (text))
    return FALSE;
  if (sscanf (text, "%d-%d-%d", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

OurCaseloadEntry *
our_caseload_entry_new_for_file (const char  *path,
                                 gboolean     recent,
                                 const GDate *today)
{
  OurCaseloadEntry *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *review = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (OUR_TYPE_CASELOAD_ENTRY, NULL);
  self->path = g_strdup (path);
  self->recent = recent;

  if (our_store_read_summary (path, &name, &review, &error))
    {
      if (name != NULL)
        self->name = g_strstrip (g_steal_pointer (&name));
      if (parse_review_date (review, &self->review))
        {
          self->days_to_review = g_date_days_between (today, &self->review);
          if (self->days_to_review < 0)
            self->status = OUR_REVIEW_OVERDUE;
          else if (self->days_to_review <= OUR_CASELOAD_DUE_SOON_DAYS)
            self->status = OUR_REVIEW_DUE_SOON;
          else
            self->status = OUR_REVIEW_SCHEDULED;
        }
      else
        self->status = OUR_REVIEW_NO_DATE;
    }
  else
    {
      self->status = OUR_REVIEW_UNREADABLE;
      self->problem = g_strdup (error->message);
    }

  base = g_filename_display_basename (path);
  if (self->name == NULL || self->name[0] == '\0')
    {
      g_free (self->name);
      if (g_str_has_suffix (base, OUR_PLAN_FILE_EXTENSION)
          && strlen (base) > strlen (OUR_PLAN_FILE_EXTENSION))
        self->name = g_strndup (base, strlen (base) - strlen (OUR_PLAN_FILE_EXTENSION));
      else
        self->name = g_strdup (base);
    }
  self->sort_key = g_utf8_collate_key (self->name, -1);
  self->folded_name = g_utf8_casefold (self->name, -1);
  self->folded_base = g_utf8_casefold (base, -1);
  return self;
}

const char *
our_caseload_entry_get_path (OurCaseloadEntry *self)
{
  g_return_val_if_fail (OUR_IS_CASELOAD_ENTRY (self), NULL);
  return self->path;
}

const char *
our_caseload_entry_get_name (OurCaseloadEntry *self)
{
  g_return_val_if_fail (OUR_IS_CASELOAD_ENTRY (self), NULL);
  return self->name;
}

OurReviewStatus
our_caseload_entry_get_status (OurCaseloadEntry *self)
{
  g_return_val_if_fail (OUR_IS_CASELOAD_ENTRY (self), OUR_REVIEW_UNREADABLE);
  return self->status;
}

const GDate *
our_caseload_entry_get_review (OurCaseloadEntry *self)
{
  g_return_val_if_fail (OUR_IS_CASELOAD_ENTRY (self), NULL);
  return g_date_valid (&self->review) ? &self->review : NULL;
}

int
our_caseload_entry_get_days_to_review (OurCaseloadEntry *self)
{
  g_return_val_if_fail (OUR_IS_CASELOAD_ENTRY (self), 0);
  return self->days_to_review;
}

const char *
our_caseload_entry_get_problem (OurCaseloadEntry *self)
{
  g_return_val_if_fail (OUR_IS_CASELOAD_ENTRY (self), NULL);
  return self->problem;
}

gboolean
our_caseload_entry_get_recent (OurCaseloadEntry *self)
{
  g_return_val_if_fail (OUR_IS_CASELOAD_ENTRY (self), FALSE);
  return self->recent;
}

int
our_caseload_entry_compare (OurCaseloadEntry *a,
                            OurCaseloadEntry *b)
{
  /* Due soon and later share one group: the date orders them. */
  int group_a = a->status == OUR_REVIEW_DUE_SOON ? OUR_REVIEW_SCHEDULED : (int) a->status;
  int group_b = b->status == OUR_REVIEW_DUE_SOON ? OUR_REVIEW_SCHEDULED : (int) b->status;
  int order;

  if (group_a != group_b)
    return group_a - group_b;
  if (g_date_valid (&a->review) && g_date_valid (&b->review))
    {
      order = g_date_compare (&a->review, &b->review);
      if (order != 0)
        return order;
    }
  order = strcmp (a->sort_key, b->sort_key);
  if (order != 0)
    return order;
  return strcmp (a->path, b->path);
}

gboolean
our_caseload_entry_matches (OurCaseloadEntry *self,
                            const char       *folded_text)
{
  g_return_val_if_fail (OUR_IS_CASELOAD_ENTRY (self), FALSE);

  if (folded_text == NULL || *folded_text == '\0')
    return TRUE;
  /* "gwen" finds "Gwên", and the file's name finds the plan too. */
  return g_str_match_string (folded_text, self->name, TRUE)
         || strstr (self->folded_name, folded_text) != NULL
         || strstr (self->folded_base, folded_text) != NULL;
}

gboolean
our_caseload_entry_equal (OurCaseloadEntry *a,
                          OurCaseloadEntry *b)
{
  g_return_val_if_fail (OUR_IS_CASELOAD_ENTRY (a) && OUR_IS_CASELOAD_ENTRY (b), FALSE);

  return g_str_equal (a->path, b->path) && g_str_equal (a->name, b->name)
         && a->status == b->status && a->recent == b->recent
         && g_strcmp0 (a->problem, b->problem) == 0
         && g_date_valid (&a->review) == g_date_valid (&b->review)
         && (!g_date_valid (&a->review) || g_date_compare (&a->review, &b->review) == 0);
}
