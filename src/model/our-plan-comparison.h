/* our-plan-comparison.h: then and now: what changed between two versions of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computed from two whole plans (an agreed version frozen by the store, and
 * the plan now or a later version), matching parts by their ids, never from
 * a log of edits that could drift from what was agreed.
 */
#pragma once

#include "our-plan.h"

G_BEGIN_DECLS

typedef enum
{
  OUR_CHANGE_ADDED     = 1 << 0,
  OUR_CHANGE_REMOVED   = 1 << 1,
  OUR_CHANGE_REWORDED  = 1 << 2,  /* a title, name or text */
  OUR_CHANGE_PROGRESS  = 1 << 3,  /* a goal's progress */
  OUR_CHANGE_MOVED     = 1 << 4,  /* someone moved between rings */
} OurChangeFlags;

/* One part of the plan, then and now. */
typedef struct
{
  OurPartKind     part;           /* goal, member, safety note or staying well */
  OurChangeFlags  flags;          /* 0: the same then and now */
  char           *id;             /* the part's id; for staying well, the field's key */
  char           *then_text;      /* title, name or text then ("" when not there) */
  char           *now_text;
  /* Goals: progress 0..OUR_PROGRESS_MAX; members: OurRing; -1 when not there. */
  int             then_value;
  int             now_value;
  /* Staying well: the field (OurWellField); otherwise 0. */
  guint           field;
} OurPlanChange;

/* Every goal of either plan (changed or not, so that progress can be shown
 * then and now side by side), in the order of @now then the goals only
 * @then had; then every member, safety note and staying-well field that
 * changed, each in the same order. OurPlanChange, freed with the array. */
GPtrArray  *our_plan_compare            (OurPlan              *then,
                                         OurPlan              *now);

/* How many entries of @changes are about @part and changed at all. */
guint       our_plan_changes_count      (GPtrArray            *changes,
                                         OurPartKind           part);

G_END_DECLS
