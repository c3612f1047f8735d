/* our-meeting-row.h: one meeting as a card: its date, who came, who could not, what we talked about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-meeting.h"
#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_MEETING_ROW (our_meeting_row_get_type ())
G_DECLARE_FINAL_TYPE (OurMeetingRow, our_meeting_row, OUR, MEETING_ROW, GtkListBoxRow)

/* Properties: "session" (OurSession) and "meeting" (OurMeeting), both set
 * once; "read-only" (hides delete, locks the date). The row runs its own
 * commands; deleting goes through the action "meetings.delete" (its id). */
GtkWidget  *our_meeting_row_new          (OurSession    *session,
                                          OurMeeting    *meeting);
const char *our_meeting_row_get_id       (OurMeetingRow *self);
/* Puts the keyboard in who came. */
void        our_meeting_row_focus        (OurMeetingRow *self);

G_END_DECLS
