/* our-safety-view.h: the "Staying well & safety" tab: early signs, crisis contacts, team notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_SAFETY_VIEW (our_safety_view_get_type ())
G_DECLARE_FINAL_TYPE (OurSafetyView, our_safety_view, OUR, SAFETY_VIEW, GtkWidget)

/* Properties: "session" (OurSession), "read-only" (gboolean; follows the plan view
 * it sits in once mapped).
 *
 * Actions: "safety.add-contact" (s: a member id, or "" for someone typed in),
 * "safety.add-note" (i: OurSafetyNoteKind). Each card has its own remove
 * button; removing shows a toast with Undo. */
GtkWidget  *our_safety_view_new            (void);
OurPlan    *our_safety_view_get_plan       (OurSafetyView *self);
void        our_safety_view_set_session (OurSafetyView *self,
                                         OurSession *session);
/* The card shown for a crisis contact or a safety note, or NULL (for tests). */
GtkWidget  *our_safety_view_get_card       (OurSafetyView *self,
                                            const char    *item_id);

G_END_DECLS
