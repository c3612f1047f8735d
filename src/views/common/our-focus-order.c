/* our-focus-order.c: Tab between the children of the diagram and the board, in the order they read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-focus-order.h"

gboolean
our_focus_step_in_order (GPtrArray        *order,
                         GtkWidget        *focus_child,
                         GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  int index;

  if (order->len == 0)
    return FALSE;
  if (focus_child != NULL)
    {
      guint at;

      if (!g_ptr_array_find (order, focus_child, &at))
        return FALSE;
      index = (int) at + (forward ? 1 : -1);
      if (index < 0 || index >= (int) order->len)
        return FALSE;
    }
  else
    index = forward ? 0 : (int) order->len - 1;

  return gtk_widget_grab_focus (g_ptr_array_index (order, index));
}
