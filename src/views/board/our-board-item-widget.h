/* our-board-item-widget.h: one note, picture or symbol of the notes board as a real, focusable widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-plan.h"

G_BEGIN_DECLS

#define OUR_TYPE_BOARD_ITEM_WIDGET (our_board_item_widget_get_type ())
G_DECLARE_FINAL_TYPE (OurBoardItemWidget, our_board_item_widget, OUR, BOARD_ITEM_WIDGET, GtkWidget)

/* Draws its item through render/ into its own box (the board canvas
 * allocates it turned and scaled); its accessible label is
 * our_board_item_describe(), e.g. "Note: I want to go back to swimming". */
GtkWidget     *our_board_item_widget_new          (OurPlan            *plan,
                                                   OurBoardItem       *item);
OurBoardItem  *our_board_item_widget_get_item     (OurBoardItemWidget *self);
/* What is shown: the item, or the state it is being dragged to. */
OurBoardItem  *our_board_item_widget_get_shown    (OurBoardItemWidget *self);
/* Shows @preview (a copy of the item being moved, resized or turned) in
 * place of the item until it is set back to %NULL. */
void           our_board_item_widget_set_preview  (OurBoardItemWidget *self,
                                                   OurBoardItem       *preview);
void           our_board_item_widget_set_zoom     (OurBoardItemWidget *self,
                                                   double              zoom);
void           our_board_item_widget_set_selected (OurBoardItemWidget *self,
                                                   gboolean            selected);
gboolean       our_board_item_widget_get_selected (OurBoardItemWidget *self);
/* Draws a dashed frame: the arrow keys resize rather than move. */
void           our_board_item_widget_set_resizing (OurBoardItemWidget *self,
                                                   gboolean            resizing);

G_END_DECLS
