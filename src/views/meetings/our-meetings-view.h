/* our-meetings-view.h: the "Meetings" tab: each meeting about the plan, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_MEETINGS_VIEW (our_meetings_view_get_type ())
G_DECLARE_FINAL_TYPE (OurMeetingsView, our_meetings_view, OUR, MEETINGS_VIEW, GtkWidget)

/* Properties: "session" (OurSession), "read-only".
 *
 * Actions: "meetings.start" (a meeting today, with the person and the
 * coordinator as who came; the keyboard goes to its card),
 * "meetings.delete" (s: a meeting's id; a toast offers Undo). */
GtkWidget  *our_meetings_view_new          (void);
void        our_meetings_view_set_session  (OurMeetingsView *self,
                                            OurSession      *session);
/* The card of a meeting, or NULL (for tests). */
GtkWidget  *our_meetings_view_get_card     (OurMeetingsView *self,
                                            const char      *meeting_id);

G_END_DECLS
