/* our-progress-scale.h: a goal's progress as a row of steps that fill, set by pointer or keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OUR_TYPE_PROGRESS_SCALE (our_progress_scale_get_type ())
G_DECLARE_FINAL_TYPE (OurProgressScale, our_progress_scale, OUR, PROGRESS_SCALE, GtkWidget)

/* Properties: "value" (0..maximum), "maximum" (default 10).
 *
 * When the person asks for a value (click, drag, keys, or the widget actions
 * "progress.increase", "progress.decrease", "progress.first", "progress.last"),
 * the signal "change-value" (guint value) → gboolean is emitted. A handler
 * that returns TRUE takes over: it is expected to change the model, which then
 * sets "value" back. If no handler returns TRUE, the scale sets "value" itself. */
GtkWidget  *our_progress_scale_new            (void);
guint       our_progress_scale_get_value      (OurProgressScale *self);
void        our_progress_scale_set_value      (OurProgressScale *self,
                                               guint             value);
guint       our_progress_scale_get_maximum    (OurProgressScale *self);
void        our_progress_scale_set_maximum    (OurProgressScale *self,
                                               guint             maximum);
/* As if the person chose @value: emits "change-value". */
void        our_progress_scale_request_value  (OurProgressScale *self,
                                               guint             value);

G_END_DECLS
