/* our-agree-dialog.h: "Agree this Plan": who agreed, the next review, and anything not agreed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_AGREE_DIALOG (our_agree_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OurAgreeDialog, our_agree_dialog, OUR, AGREE_DIALOG, AdwWindow)

/* A dialog over @parent for agreeing @session's plan. Agreeing sets the
 * next review date and freezes an agreed version of the whole plan, with
 * the disagreements written in the dialog, as one undo step; then the
 * dialog closes. Actions: "agree.agree" (enabled once a review date is
 * chosen), "agree.review-in" (int: months from today),
 * "agree.add-disagreement", "agree.remove-disagreement" (int: position). */
GtkWidget  *our_agree_dialog_new              (GtkWindow      *parent,
                                               OurSession     *session);
/* The review date chosen so far, ISO, or "". */
const char *our_agree_dialog_get_review_date  (OurAgreeDialog *self);

G_END_DECLS
