/* our-focus-order.h: Tab between the children of the diagram and the board, in the order they read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Moves the keyboard focus for Tab (@direction GTK_DIR_TAB_FORWARD) or
 * Shift+Tab (GTK_DIR_TAB_BACKWARD) among @order, widgets already sorted in
 * reading order: from @focus_child to its neighbour, or onto the first or
 * last when none has focus. FALSE at either end, so that focus leaves the
 * container. */
gboolean  our_focus_step_in_order  (GPtrArray        *order,
                                    GtkWidget        *focus_child,
                                    GtkDirectionType  direction);

G_END_DECLS
