/* our-step-row.h: one small step of a goal: what, who helps, by when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_STEP_ROW (our_step_row_get_type ())
G_DECLARE_FINAL_TYPE (OurStepRow, our_step_row, OUR, STEP_ROW, GtkListBoxRow)

/* Properties: "session" (OurSession), "step" (OurStep), both set at
 * construction. Widget action "step.delete". Every edit runs a command
 * through the session. */
GtkWidget  *our_step_row_new          (OurSession *session,
                                       OurStep    *step);
OurStep    *our_step_row_get_step     (OurStepRow *self);
void        our_step_row_set_read_only (OurStepRow *self,
                                        gboolean    read_only);
/* Puts the keyboard in the "what" field. */
void        our_step_row_focus_what   (OurStepRow *self);

G_END_DECLS
