/* our-plan.h: the plan document, the single source of truth the views observe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "our-goal.h"
#include "our-member.h"
#include "our-board-item.h"
#include "our-board-zone.h"
#include "our-copy-record.h"
#include "our-crisis-contact.h"
#include "our-agreement.h"
#include "our-comment.h"
#include "our-meeting.h"
#include "our-picture.h"
#include "our-safety-note.h"

G_BEGIN_DECLS

#define OUR_TYPE_PLAN (our_plan_get_type ())
G_DECLARE_FINAL_TYPE (OurPlan, our_plan, OUR, PLAN, GObject)

/* Signals:
 *   "me-changed" (OurMeField field): a Me field or plan fact changed.
 * Properties: "goals" (GListModel of OurGoal, in the person's order),
 *   "name" (the name the person likes to be called).
 *
 * Setters are for the store (loading) and for commands: views run commands
 * through the session (src/edit/our-session.h), which keeps the history. */
OurPlan      *our_plan_new             (void);

const char   *our_plan_get_me_text     (OurPlan     *self,
                                        OurMeField   field);
OurAuthor     our_plan_get_me_author   (OurPlan     *self,
                                        OurMeField   field);
void          our_plan_set_me_text     (OurPlan     *self,
                                        OurMeField   field,
                                        const char  *text,
                                        OurAuthor    author);
const char   *our_plan_get_name        (OurPlan     *self);

GListModel   *our_plan_get_goals       (OurPlan     *self);
guint         our_plan_get_n_goals     (OurPlan     *self);
OurGoal      *our_plan_get_goal        (OurPlan     *self,
                                        guint        position);
OurGoal      *our_plan_find_goal       (OurPlan     *self,
                                        const char  *goal_id,
                                        guint       *position);
OurStep      *our_plan_find_step       (OurPlan     *self,
                                        const char  *step_id,
                                        OurGoal    **goal,
                                        guint       *position);
void          our_plan_insert_goal     (OurPlan     *self,
                                        guint        position,
                                        OurGoal     *goal);
void          our_plan_remove_goal     (OurPlan     *self,
                                        guint        position);
void          our_plan_move_goal       (OurPlan     *self,
                                        guint        from,
                                        guint        to);

/* The support network ("My people"): members in the order they were added.
 * Signal "members-changed" is the GListModel's "items-changed". */
GListModel   *our_plan_get_members     (OurPlan     *self);
guint         our_plan_get_n_members   (OurPlan     *self);
OurMember    *our_plan_get_member      (OurPlan     *self,
                                        guint        position);
OurMember    *our_plan_find_member     (OurPlan     *self,
                                        const char  *member_id,
                                        guint       *position);
void          our_plan_insert_member   (OurPlan     *self,
                                        guint        position,
                                        OurMember   *member);
void          our_plan_remove_member   (OurPlan     *self,
                                        guint        position);
/* The name to show for who helps with @step: the member it names (so that a
 * renamed member shows the new name), else the step's own "who" text. */
const char   *our_plan_get_step_helper_name (OurPlan *self,
                                             OurStep *step);

/* Notes board: items bottom to top (the list order is the stacking order),
 * and the named zones under them. */
GListModel   *our_plan_get_board_items (OurPlan     *self);
guint         our_plan_get_n_board_items (OurPlan   *self);
OurBoardItem *our_plan_find_board_item (OurPlan     *self,
                                        const char  *item_id,
                                        guint       *position);
void          our_plan_insert_board_item (OurPlan   *self,
                                          guint      position,
                                          OurBoardItem *item);
void          our_plan_remove_board_item (OurPlan   *self,
                                          guint      position);
void          our_plan_move_board_item (OurPlan     *self,
                                        guint        from,
                                        guint        to);
GListModel   *our_plan_get_board_zones (OurPlan     *self);
OurBoardZone *our_plan_find_board_zone (OurPlan     *self,
                                        const char  *zone_id,
                                        guint       *position);
void          our_plan_insert_board_zone (OurPlan   *self,
                                          guint      position,
                                          OurBoardZone *zone);
void          our_plan_remove_board_zone (OurPlan   *self,
                                          guint      position);

/* Pictures are kept once per plan, by id, for as long as the plan is open
 * (so that undoing a delete finds the picture again); the store writes only
 * pictures some board item shows. Add a picture before running the command
 * that adds an item showing it. */
void          our_plan_add_picture     (OurPlan     *self,
                                        OurPicture  *picture);
OurPicture   *our_plan_get_picture     (OurPlan     *self,
                                        const char  *picture_id);

/* Staying well & safety. Signal "well-changed" (OurWellField field). */
const char   *our_plan_get_well_text   (OurPlan     *self,
                                        OurWellField field);
OurAuthor     our_plan_get_well_author (OurPlan     *self,
                                        OurWellField field);
void          our_plan_set_well_text   (OurPlan     *self,
                                        OurWellField field,
                                        const char  *text,
                                        OurAuthor    author);
GListModel   *our_plan_get_crisis_contacts (OurPlan *self);
OurCrisisContact *our_plan_find_crisis_contact (OurPlan    *self,
                                                const char *contact_id,
                                                guint      *position);
void          our_plan_insert_crisis_contact (OurPlan  *self,
                                              guint     position,
                                              OurCrisisContact *contact);
void          our_plan_remove_crisis_contact (OurPlan  *self,
                                              guint     position);
/* The name to show for a crisis contact: the member it names, else its own. */
const char   *our_plan_get_crisis_contact_name (OurPlan *self,
                                                OurCrisisContact *contact);
GListModel   *our_plan_get_safety_notes (OurPlan    *self);
OurSafetyNote *our_plan_find_safety_note (OurPlan   *self,
                                          const char *note_id,
                                          guint     *position);
void          our_plan_insert_safety_note (OurPlan  *self,
                                           guint     position,
                                           OurSafetyNote *note);
void          our_plan_remove_safety_note (OurPlan  *self,
                                           guint     position);
guint         our_plan_count_team_only_notes (OurPlan *self);

/* Consent: which carers may see which sections. A carer is a member marked
 * "is-carer"; by default carers see nothing. Each choice records the date
 * and who agreed. Signal "consent-changed" (OurSection section). */
typedef struct
{
  OurSection  section;
  char       *member_id;
  char       *since;        /* ISO date the person agreed */
  OurAuthor   agreed_by;    /* who recorded it: the person or the coordinator */
} OurConsent;

/* The consent record, or NULL when @member_id may not see @section. */
const OurConsent *our_plan_get_consent (OurPlan     *self,
                                        OurSection   section,
                                        const char  *member_id);
/* Every consent record, in the order they were given (OurConsent *). */
GPtrArray    *our_plan_get_consents    (OurPlan     *self);
/* Replaces or (with @since NULL) removes the record for @section and
 * @member_id. For the store and commands. */
void          our_plan_set_consent     (OurPlan     *self,
                                        OurSection   section,
                                        const char  *member_id,
                                        const char  *since,
                                        OurAuthor    agreed_by);
/* The carers (members with "is-carer"), in the network's order. */
GPtrArray    *our_plan_list_carers     (OurPlan     *self);
/* The carer whose name is @name (case-insensitive, whole name), or NULL. */
OurMember    *our_plan_find_carer_by_name (OurPlan  *self,
                                           const char *name);
/* Whether a copy of @kind (for @carer_id when OUR_COPY_CARER) shows
 * @section. Team-only safety notes are shown only in the team copy, on top
 * of this. A member who is no longer marked as a carer sees nothing. */
gboolean      our_plan_copy_shows      (OurPlan     *self,
                                        OurCopyKind  kind,
                                        const char  *carer_id,
                                        OurSection   section);
/* A new plan holding only what the carer @carer_id may see: the sections
 * shared with them (no team-only notes, no consent records for other
 * carers, no copy log) and the Me facts every copy has (the name, the
 * coordinator and how to reach them, the review date). */
OurPlan      *our_plan_new_carer_copy  (OurPlan     *self,
                                        const char  *carer_id);

/* The copy log, oldest first (OurCopyRecord). */
GListModel   *our_plan_get_copy_log    (OurPlan     *self);
void          our_plan_insert_copy_record (OurPlan  *self,
                                           guint     position,
                                           OurCopyRecord *record);
void          our_plan_remove_copy_record (OurPlan  *self,
                                           guint     position);
OurCopyRecord *our_plan_find_copy_record (OurPlan   *self,
                                          const char *record_id,
                                          guint     *position);

/* Meetings about the plan, in the order they were added (OurMeeting). */
GListModel   *our_plan_get_meetings    (OurPlan     *self);
void          our_plan_insert_meeting  (OurPlan     *self,
                                        guint        position,
                                        OurMeeting  *meeting);
void          our_plan_remove_meeting  (OurPlan     *self,
                                        guint        position);
OurMeeting   *our_plan_find_meeting    (OurPlan     *self,
                                        const char  *meeting_id,
                                        guint       *position);

/* The versions of the plan agreed with the person, in the order they were
 * agreed (OurAgreement). Each is added whole and never changed. */
GListModel   *our_plan_get_agreements  (OurPlan     *self);
void          our_plan_insert_agreement (OurPlan    *self,
                                        guint        position,
                                        OurAgreement *agreement);
void          our_plan_remove_agreement (OurPlan    *self,
                                        guint        position);
OurAgreement *our_plan_find_agreement  (OurPlan     *self,
                                        const char  *agreement_id,
                                        guint       *position);

/* Carers' comments, in the order they were written or brought in
 * (OurComment). */
GListModel   *our_plan_get_comments    (OurPlan     *self);
void          our_plan_insert_comment  (OurPlan     *self,
                                        guint        position,
                                        OurComment  *comment);
void          our_plan_remove_comment  (OurPlan     *self,
                                        guint        position);
OurComment   *our_plan_find_comment    (OurPlan     *self,
                                        const char  *comment_id,
                                        guint       *position);
/* Whether the part a comment or disagreement names is in the plan: the
 * plan as a whole and the staying-well plan always are. */
gboolean      our_plan_find_part       (OurPlan     *self,
                                        OurPartKind  kind,
                                        const char  *part_id);

/* A carer's copy knows whose it is: the carer's member id and name ("" in
 * the plan itself). Kept by the store, not an edit. */
const char   *our_plan_get_carer_id    (OurPlan     *self);
const char   *our_plan_get_carer_name  (OurPlan     *self);
void          our_plan_set_carer       (OurPlan     *self,
                                        const char  *carer_id,
                                        const char  *carer_name);

/* The identity of the person's plan, the same in every file and copy of
 * it (kept by the store, not an edit). */
const char   *our_plan_get_plan_id     (OurPlan     *self);
void          our_plan_set_plan_id     (OurPlan     *self,
                                        const char  *plan_id);

G_END_DECLS
