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
  OurChanges *self = g_new0 (OurChanges, 1);

  self->goal_ids = g_ptr_array_new_with_free_func (g_free);
  self->member_ids = g_ptr_array_new_with_free_func (g_free);
  return self;
}

/* The id lists a command of the later tabs may fill, made on first use. */
static void
clear_optional_lists (OurChanges *self)
{
  g_clear_pointer (&self->board_item_ids, g_ptr_array_unref);
  g_clear_pointer (&self->zone_ids, g_ptr_array_unref);
  g_clear_pointer (&self->crisis_contact_ids, g_ptr_array_unref);
  g_clear_pointer (&self->safety_note_ids, g_ptr_array_unref);
  g_clear_pointer (&self->copy_record_ids, g_ptr_array_unref);
}

void
our_changes_free (OurChanges *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->goal_ids);
  g_ptr_array_unref (self->member_ids);
  clear_optional_lists (self);
  g_free (self);
}

void
our_changes_clear (OurChanges *self)
{
  GPtrArray *goal_ids = self->goal_ids;
  GPtrArray *member_ids = self->member_ids;

  g_ptr_array_set_size (goal_ids, 0);
  g_ptr_array_set_size (member_ids, 0);
  clear_optional_lists (self);
  memset (self, 0, sizeof *self);
  self->goal_ids = goal_ids;
  self->member_ids = member_ids;
}

void
our_changes_add_me_field (OurChanges *self,
                          OurMeField  field)
{
  g_return_if_fail ((guint) field < OUR_N_ME_FIELDS);
  self->me_fields |= 1u << field;
}

void
our_changes_add_id (GPtrArray  **ids,
                    const char  *id)
{
  g_return_if_fail (ids != NULL && id != NULL);

  if (*ids == NULL)
    *ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < (*ids)->len; i++)
    if (g_str_equal (g_ptr_array_index (*ids, i), id))
      return;
  g_ptr_array_add (*ids, g_strdup (id));
}

void
our_changes_add_goal (OurChanges *self,
                      const char *goal_id)
{
  our_changes_add_id (&self->goal_ids, goal_id);
}

void
our_changes_add_member (OurChanges *self,
                        const char *member_id)
{
  our_changes_add_id (&self->member_ids, member_id);
}

static gboolean
list_is_empty (const GPtrArray *ids)
{
  return ids == NULL || ids->len == 0;
}

gboolean
our_changes_is_empty (const OurChanges *self)
{
  return self->me_fields == 0 && self->goal_ids->len == 0 && !self->goal_order &&
         self->member_ids->len == 0 && !self->member_order &&
         list_is_empty (self->board_item_ids) && !self->board_order &&
         list_is_empty (self->zone_ids) && !self->zone_order &&
         self->well_fields == 0 &&
         list_is_empty (self->crisis_contact_ids) && !self->crisis_contact_order &&
         list_is_empty (self->safety_note_ids) && !self->safety_note_order &&
         self->consent_sections == 0 &&
         list_is_empty (self->copy_record_ids);
}
