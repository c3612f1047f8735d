/* our-changes.h: what one command touched, so the store writes just that
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "our-types.h"

G_BEGIN_DECLS

/* A command fills one of these as it is done or undone. The store turns it into
 * one transaction: each listed Me field is written, each listed goal is
 * written with all its steps when it is in the plan and deleted when it is not,
 * and the goals' positions are rewritten when the order changed. */
typedef struct
{
  guint32     me_fields;      /* bit (1 << OurMeField) per changed field */
  GPtrArray  *goal_ids;       /* ids of goals whose row or steps changed */
  gboolean    goal_order;     /* goals were added, removed or reordered */
  GPtrArray  *member_ids;     /* ids of members written (or deleted when gone) */
  gboolean    member_order;   /* members were added or removed */
  GPtrArray  *board_item_ids; /* board items written (or deleted when gone) */
  gboolean    board_order;    /* items were added, removed or restacked */
  GPtrArray  *zone_ids;       /* board zones written (or deleted when gone) */
  gboolean    zone_order;
  guint32     well_fields;    /* bit (1 << OurWellField) per changed field */
  GPtrArray  *crisis_contact_ids;
  gboolean    crisis_contact_order;
  GPtrArray  *safety_note_ids;
  gboolean    safety_note_order;
  guint32     consent_sections; /* bit (1 << OurSection): rewrite its rows */
  GPtrArray  *copy_record_ids;
} OurChanges;

OurChanges  *our_changes_new          (void);
void         our_changes_free         (OurChanges  *self);
void         our_changes_clear        (OurChanges  *self);
void         our_changes_add_me_field (OurChanges  *self,
                                       OurMeField   field);
void         our_changes_add_goal     (OurChanges  *self,
                                       const char  *goal_id);
void         our_changes_add_member   (OurChanges  *self,
                                       const char  *member_id);
/* Adds @id to *@ids (creating the array), once. */
void         our_changes_add_id       (GPtrArray  **ids,
                                       const char  *id);
gboolean     our_changes_is_empty     (const OurChanges *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OurChanges, our_changes_free)

G_END_DECLS
