/* our-changes.c: what one command touched, so the store writes just that
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-changes.h"

OurChanges *
our_changes_new (void)
{
  OurChanges *self = g_new0 (OurChanges, 1);

  self->goal_ids = g_ptr_array_new_with_free_func (g_free);
  self->member_ids = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
our_changes_free (OurChanges *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->goal_ids);
  g_ptr_array_unref (self->member_ids);
  g_free (self);
}

void
our_changes_clear (OurChanges *self)
{
  self->me_fields = 0;
  self->goal_order = FALSE;
  g_ptr_array_set_size (self->goal_ids, 0);
  g_ptr_array_set_size (self->member_ids, 0);
  self->member_order = FALSE;
}

void
our_changes_add_me_field (OurChanges *self,
                          OurMeField  field)
{
  g_return_if_fail ((guint) field < OUR_N_ME_FIELDS);
  self->me_fields |= 1u << field;
}

static void
add_id_once (GPtrArray  *ids,
             const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return;
  g_ptr_array_add (ids, g_strdup (id));
}

void
our_changes_add_goal (OurChanges *self,
                      const char *goal_id)
{
  g_return_if_fail (goal_id != NULL);
  add_id_once (self->goal_ids, goal_id);
}

void
our_changes_add_member (OurChanges *self,
                        const char *member_id)
{
  g_return_if_fail (member_id != NULL);
  add_id_once (self->member_ids, member_id);
}

gboolean
our_changes_is_empty (const OurChanges *self)
{
  return self->me_fields == 0 && self->goal_ids->len == 0 && !self->goal_order &&
         self->member_ids->len == 0 && !self->member_order;
}
