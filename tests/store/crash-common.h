/* crash-common.h: a plan described as facts, shared by the crash test and its editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "our-plan.h"

G_BEGIN_DECLS

/* Keys: "me:KEY" for each Me field, "goal:ID" for each goal (with its steps),
 * and "order" for the order of the goals. Values are one line each. */
GHashTable  *crash_plan_facts   (OurPlan     *plan);
char        *crash_goal_fact    (OurGoal     *goal);
char        *crash_order_fact   (OurPlan     *plan);
char        *crash_member_fact  (OurMember   *member);
char        *crash_members_fact (OurPlan     *plan);
char        *crash_me_fact      (OurPlan     *plan,
                                 OurMeField   field);
/* "item:ID" and "items" for the notes board, "well:KEY" for the staying-well
 * texts, "note:ID" and "notes" for the safety notes. */
char        *crash_item_fact    (OurBoardItem *item);
char        *crash_items_fact   (OurPlan     *plan);
char        *crash_well_fact    (OurPlan     *plan,
                                 OurWellField field);
char        *crash_note_fact    (OurSafetyNote *note);
char        *crash_notes_fact   (OurPlan     *plan);
/* "zone:ID" and "zones" for the board's areas, "contact:ID" and "contacts"
 * for the crisis contacts, "consents" for what each carer may see. */
char        *crash_zone_fact    (OurBoardZone *zone);
char        *crash_zones_fact   (OurPlan     *plan);
char        *crash_contact_fact (OurCrisisContact *contact);
char        *crash_contacts_fact (OurPlan    *plan);
char        *crash_consents_fact (OurPlan    *plan);

G_END_DECLS
