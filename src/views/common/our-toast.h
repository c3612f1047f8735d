/* our-toast.h: a short sentence over the window, from any widget in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @title in a toast on the nearest toast overlay above @widget. */
void     our_toast_show          (GtkWidget  *widget,
                                  const char *title);

/* Shows @title with an Undo button (win.undo), as after a delete. */
void     our_toast_show_undo     (GtkWidget  *widget,
                                  const char *title);

/* When a list already holds @max items (our-limits.h), says so with
 * @sentence and returns TRUE: the caller adds nothing. */
gboolean our_toast_if_full       (GtkWidget  *widget,
                                  guint       n,
                                  guint       max,
                                  const char *sentence);

G_END_DECLS
