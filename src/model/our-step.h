/* our-step.h: one small step towards a goal: what, who helps, by when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "our-types.h"

G_BEGIN_DECLS

#define OUR_TYPE_STEP (our_step_get_type ())
G_DECLARE_FINAL_TYPE (OurStep, our_step, OUR, STEP, GObject)

/* Properties: "id", "what", "what-author", "who", "who-author", "by-when"
 * (ISO date or ""), each notified when it changes.
 *
 * The setters are for the store (loading) and for commands; views change a
 * step only by running a command through the plan's history. */
OurStep     *our_step_new            (const char  *id);
const char  *our_step_get_id         (OurStep     *self);
const char  *our_step_get_text       (OurStep     *self,
                                      OurStepText  field);
OurAuthor    our_step_get_author     (OurStep     *self,
                                      OurStepText  field);
void         our_step_set_text       (OurStep     *self,
                                      OurStepText  field,
                                      const char  *text,
                                      OurAuthor    author);
OurStep     *our_step_copy           (OurStep     *self,
                                      const char  *new_id);
void         our_step_assign         (OurStep     *self,
                                      OurStep     *from);
/* The member of the network who helps with this step, by id, or "" when the
 * step names nobody from the network (property "helper-id"). */
const char  *our_step_get_helper_id  (OurStep     *self);
void         our_step_set_helper_id  (OurStep     *self,
                                      const char  *member_id);

G_END_DECLS
