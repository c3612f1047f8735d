/* our-crisis-contact.h: someone to call when things get hard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "our-types.h"

G_BEGIN_DECLS

#define OUR_TYPE_CRISIS_CONTACT (our_crisis_contact_get_type ())

G_DECLARE_FINAL_TYPE (OurCrisisContact, our_crisis_contact, OUR, CRISIS_CONTACT, GObject)

/* Properties (all notified): "id", "member-id" (a member of My people, or ""),
 * "name" (used when no member is named, and kept as the member's name when
 * that member is deleted), "phone" (how to reach them: free text),
 * "when" (e.g. "at night", "weekdays 9 to 5"), "author" (int, OurAuthor). */
OurCrisisContact *our_crisis_contact_new         (const char       *id);
OurCrisisContact *our_crisis_contact_copy        (OurCrisisContact *self);
/* Takes every value but the id from @from, notifying what changed. */
void              our_crisis_contact_assign      (OurCrisisContact *self,
                                                  OurCrisisContact *from);
const char       *our_crisis_contact_get_id      (OurCrisisContact *self);
const char       *our_crisis_contact_get_member_id (OurCrisisContact *self);
void              our_crisis_contact_set_member_id (OurCrisisContact *self,
                                                    const char       *member_id);
const char       *our_crisis_contact_get_name    (OurCrisisContact *self);
void              our_crisis_contact_set_name    (OurCrisisContact *self,
                                                  const char       *name);
const char       *our_crisis_contact_get_phone   (OurCrisisContact *self);
void              our_crisis_contact_set_phone   (OurCrisisContact *self,
                                                  const char       *phone);
const char       *our_crisis_contact_get_when    (OurCrisisContact *self);
void              our_crisis_contact_set_when    (OurCrisisContact *self,
                                                  const char       *when);
OurAuthor         our_crisis_contact_get_author  (OurCrisisContact *self);
void              our_crisis_contact_set_author  (OurCrisisContact *self,
                                                  OurAuthor         author);

G_END_DECLS
