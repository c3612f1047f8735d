/* our-changes.c: what one command touched, so the store writes just that
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "our-changes.h"

/* The id lists that every OurChanges has; the others are made on first use. */
OurChanges *
our_changes_new (void)
{
  return g_new0 (OurChanges, 1);
}

static void
clear_lists (OurChanges *self)
{
  for (guint i = 0; i < OUR_N_LISTS; i++)
    g_clear_pointer (&self->ids[i], g_ptr_array_unref);
}

void
our_changes_free (OurChanges *self)
{
  if (self == NULL)
    return;
  clear_lists (self);
  g_free (self);
}

void
our_changes_clear (OurChanges *self)
{
  clear_lists (self);
  memset (self, 0, sizeof *self);
}

void
our_changes_add_me_field (OurChanges *self,
                          OurMeField  field)
{
  g_return_if_fail ((guint) field < OUR_N_ME_FIELDS);
  self->me_fields |= 1u << field;
}

gboolean
our_changes_has_item (const OurChanges *self,
                      OurListId         list,
                      const char       *id)
{
  g_return_val_if_fail ((guint) list < OUR_N_LISTS, FALSE);

  for (guint i = 0; self->ids[list] != NULL && i < self->ids[list]->len; i++)
    if (g_str_equal (g_ptr_array_index (self->ids[list], i), id))
      return TRUE;
  return FALSE;
}

void
our_changes_add_item (OurChanges *self,
                      OurListId   list,
                      const char *id)
{
  g_return_if_fail ((guint) list < OUR_N_LISTS);
  g_return_if_fail (id != NULL);

  if (our_changes_has_item (self, list, id))
    return;
  if (self->ids[list] == NULL)
    self->ids[list] = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->ids[list], g_strdup (id));
}

void
our_changes_add_order (OurChanges *self,
                       OurListId   list)
{
  g_return_if_fail ((guint) list < OUR_N_LISTS);
  self->order[list] = TRUE;
}

guint
our_changes_get_n_items (const OurChanges *self,
                         OurListId         list)
{
  g_return_val_if_fail ((guint) list < OUR_N_LISTS, 0);
  return self->ids[list] != NULL ? self->ids[list]->len : 0;
}

const char *
our_changes_get_item (const OurChanges *self,
                      OurListId         list,
                      guint             index)
{
  g_return_val_if_fail (index < our_changes_get_n_items (self, list), NULL);
  return g_ptr_array_index (self->ids[list], index);
}

gboolean
our_changes_is_empty (const OurChanges *self)
{
  if (self->me_fields != 0 || self->well_fields != 0 || self->consent_sections != 0)
    return FALSE;
  for (guint i = 0; i < OUR_N_LISTS; i++)
    if (our_changes_get_n_items (self, i) > 0 || self->order[i])
      return FALSE;
  return TRUE;
}
