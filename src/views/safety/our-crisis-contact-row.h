/* our-crisis-contact-row.h: one crisis contact as a card: a name (or someone from My people), how and when to reach them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-crisis-contact.h"
#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_CRISIS_CONTACT_ROW (our_crisis_contact_row_get_type ())
G_DECLARE_FINAL_TYPE (OurCrisisContactRow, our_crisis_contact_row, OUR, CRISIS_CONTACT_ROW, GtkListBoxRow)

/* Properties: "session" (OurSession) and "contact" (OurCrisisContact),
 * both set at construction; "read-only" (gboolean).
 *
 * Typing in a field is one edit session; choosing someone from My people
 * (or typing a name instead) is an undo step of its own. Removing
 * activates "safety.remove-contact" (s: the contact's id), which the safety
 * view provides, with its toast and Undo. */
GtkWidget  *our_crisis_contact_row_new           (OurSession          *session,
                                                  OurCrisisContact    *contact);
const char *our_crisis_contact_row_get_id        (OurCrisisContactRow *self);
/* Puts the keyboard in the name, or in the phone number. */
void        our_crisis_contact_row_focus         (OurCrisisContactRow *self,
                                                  gboolean             phone);
/* Shows the name again, after My people changed. */
void        our_crisis_contact_row_sync_member   (OurCrisisContactRow *self);


G_END_DECLS
