/* our-member.h: someone or something in the person's support network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "our-types.h"

G_BEGIN_DECLS

/* Where a member sits: a ring and an angle around it, in degrees clockwise
 * from the top (0 <= angle < 360). */
#define OUR_ANGLE_MAX 360.0

#define OUR_TYPE_MEMBER (our_member_get_type ())
G_DECLARE_FINAL_TYPE (OurMember, our_member, OUR, MEMBER, GObject)

/* Properties (all notified): "id", "name", "name-author", "relationship",
 * "relationship-author", "notes", "notes-author", "kind" (int, OurMemberKind),
 * "ring" (int, OurRing), "angle" (double), "helps" (uint, OurHelpsWith bits),
 * "contact" (int, OurContact), "wished-for" (gboolean: "I'd like more of
 * this", drawn dashed), "is-carer" (gboolean), "symbol" (a key of the symbol
 * library drawn instead of the kind's pictogram, or "").
 *
 * Setters are for the store and for commands: views run commands. Values out
 * of range are brought to the nearest valid one. */
OurMember      *our_member_new             (const char     *id);
OurMember      *our_member_copy            (OurMember      *self);
/* Gives @self every field of @from, keeping its id. */
void            our_member_assign          (OurMember      *self,
                                            OurMember      *from);
const char     *our_member_get_id          (OurMember      *self);

const char     *our_member_get_text        (OurMember      *self,
                                            OurMemberText   field);
OurAuthor       our_member_get_author      (OurMember      *self,
                                            OurMemberText   field);
void            our_member_set_text        (OurMember      *self,
                                            OurMemberText   field,
                                            const char     *text,
                                            OurAuthor       author);
const char     *our_member_get_name        (OurMember      *self);

OurMemberKind   our_member_get_kind        (OurMember      *self);
void            our_member_set_kind        (OurMember      *self,
                                            OurMemberKind   kind);
OurRing         our_member_get_ring        (OurMember      *self);
double          our_member_get_angle       (OurMember      *self);
/* Rings past the last go to the last; angles wrap into [0, 360); NaN is 0. */
void            our_member_set_place       (OurMember      *self,
                                            int             ring,
                                            double          angle);
guint           our_member_get_helps       (OurMember      *self);
void            our_member_set_helps       (OurMember      *self,
                                            guint           helps);
OurContact      our_member_get_contact     (OurMember      *self);
void            our_member_set_contact     (OurMember      *self,
                                            OurContact      contact);
gboolean        our_member_get_wished_for  (OurMember      *self);
void            our_member_set_wished_for  (OurMember      *self,
                                            gboolean        wished_for);
gboolean        our_member_get_is_carer    (OurMember      *self);
void            our_member_set_is_carer    (OurMember      *self,
                                            gboolean        is_carer);

const char     *our_member_get_symbol      (OurMember      *self);
void            our_member_set_symbol      (OurMember      *self,
                                            const char     *symbol);

G_END_DECLS
