/* our-changes.h: what one command touched, so the store writes just that
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "our-types.h"

G_BEGIN_DECLS

/* A command fills one of these as it is done or undone. The store turns it into
 * one transaction: each listed Me or staying-well field is written, each item
 * listed under a list of the registry (our-plan-lists.h) is written when it is
 * in the plan and deleted when it is not, and a list's positions are
 * rewritten when its order changed. A change inside a child list (a step) is
 * reported as a change of its parent item (the goal). */
typedef struct
{
  guint32     me_fields;      /* bit (1 << OurMeField) per changed field */
  guint32     well_fields;    /* bit (1 << OurWellField) per changed field */
  guint32     consent_sections; /* bit (1 << OurSection): rewrite its rows */
  GPtrArray  *ids[OUR_N_LISTS];  /* ids written (or deleted when gone), or NULL */
  gboolean    order[OUR_N_LISTS]; /* items were added, removed or moved */
} OurChanges;

OurChanges  *our_changes_new          (void);
void         our_changes_free         (OurChanges  *self);
void         our_changes_clear        (OurChanges  *self);
void         our_changes_add_me_field (OurChanges  *self,
                                       OurMeField   field);
/* Adds @id to the items of @list that changed, once. */
void         our_changes_add_item     (OurChanges  *self,
                                       OurListId    list,
                                       const char  *id);
void         our_changes_add_order    (OurChanges  *self,
                                       OurListId    list);
/* The ids listed for @list (never NULL; the array belongs to @self). */
guint        our_changes_get_n_items  (const OurChanges *self,
                                       OurListId    list);
const char  *our_changes_get_item     (const OurChanges *self,
                                       OurListId    list,
                                       guint        index);
gboolean     our_changes_has_item     (const OurChanges *self,
                                       OurListId    list,
                                       const char  *id);
gboolean     our_changes_is_empty     (const OurChanges *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OurChanges, our_changes_free)

G_END_DECLS
