/* our-sharing-view.h: "Who can see my plan": consent carer by carer, part by part; copies given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_SHARING_VIEW (our_sharing_view_get_type ())
G_DECLARE_FINAL_TYPE (OurSharingView, our_sharing_view, OUR, SHARING_VIEW, AdwWindow)

/* A window (modal over @parent) with one group per carer (a member of My
 * people marked as a carer) and one switch per section of the plan; turning
 * a switch on runs our_command_new_set_consent(), recorded as agreed by
 * the session's author today. Under it, the copy log, newest first. In a
 * read-only session the switches cannot change.
 *
 * Properties: "session" (OurSession). */
GtkWidget  *our_sharing_view_new         (GtkWindow      *parent,
                                          OurSession     *session);
void        our_sharing_view_set_session (OurSharingView *self,
                                          OurSession     *session);
/* The switch for @member_id and @section, or NULL (for tests). */
GtkSwitch  *our_sharing_view_get_switch  (OurSharingView *self,
                                          const char     *member_id,
                                          OurSection      section);
/* The sentences of the copy log as shown, newest first (for tests). */
GStrv       our_sharing_view_dup_copy_lines (OurSharingView *self);

G_END_DECLS
