/* our-meeting.h: one meeting about the plan: when, who came, who could not, what we talked about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "our-types.h"

G_BEGIN_DECLS

#define OUR_TYPE_MEETING (our_meeting_get_type ())

G_DECLARE_FINAL_TYPE (OurMeeting, our_meeting, OUR, MEETING, GObject)

/* Properties (all notified): "id", "held-on" (ISO date), and for each
 * OurMeetingText its text and author: "came", "came-author",
 * "could-not-come", "could-not-come-author", "talked-about",
 * "talked-about-author". Who came and who could not are names, one per
 * line: chosen from My people or typed. */
OurMeeting  *our_meeting_new            (const char     *id,
                                         const char     *held_on);
OurMeeting  *our_meeting_copy           (OurMeeting     *self);
/* Takes every value but the id from @from, notifying what changed. */
void         our_meeting_assign         (OurMeeting     *self,
                                         OurMeeting     *from);
const char  *our_meeting_get_id         (OurMeeting     *self);
const char  *our_meeting_get_held_on    (OurMeeting     *self);
/* A date that is not an ISO date is kept as "". */
void         our_meeting_set_held_on    (OurMeeting     *self,
                                         const char     *date);
const char  *our_meeting_get_text       (OurMeeting     *self,
                                         OurMeetingText  field);
OurAuthor    our_meeting_get_author     (OurMeeting     *self,
                                         OurMeetingText  field);
void         our_meeting_set_text       (OurMeeting     *self,
                                         OurMeetingText  field,
                                         const char     *text,
                                         OurAuthor      author);
/* The names in @field, one per line, trimmed, empty lines left out. */
GStrv        our_meeting_dup_names      (OurMeeting     *self,
                                         OurMeetingText  field);
/* Whether @name is one of the names in @field (case-insensitive). */
gboolean     our_meeting_has_name       (OurMeeting     *self,
                                         OurMeetingText  field,
                                         const char     *name);

/* Names as a meeting keeps them: one per line. */
char        *our_meeting_join_names     (const char * const *names);

G_END_DECLS
