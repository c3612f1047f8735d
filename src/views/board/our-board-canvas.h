/* our-board-canvas.h: the notes board: zones drawn by the container, one child widget per item, zoom and pan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_BOARD_CANVAS (our_board_canvas_get_type ())
G_DECLARE_FINAL_TYPE (OurBoardCanvas, our_board_canvas, OUR, BOARD_CANVAS, GtkWidget)

/* Properties: "session", "read-only", "zoom" (1.0: one board unit per pixel),
 * "resizing" (the arrow keys resize the selected item rather than move it),
 * "selected" (the item with the keyboard, or %NULL; read-only).
 *
 * Actions "zone.rename-id" and "zone.remove-id" (a zone id) serve a menu of
 * the zones outside the board.
 *
 * Mouse: drag an item to move it, the round handles of the selected item to
 * resize (corner) or turn it (above it), a zone by its name to move it and by
 * its corner to resize it, empty space to look around; double-click a note
 * to write on it, a zone's name to rename it; right-click for a menu.
 * Ctrl+scroll or pinch zooms, scrolling looks around.
 *
 * Keyboard, on an item: arrows move (Shift: bigger steps), R or Ctrl+R
 * resizes with the arrows until Escape or Enter, Enter writes on a note,
 * Delete removes, Menu or Shift+F10 opens the menu. */
GtkWidget     *our_board_canvas_new             (void);
OurPlan       *our_board_canvas_get_plan        (OurBoardCanvas *self);
void           our_board_canvas_set_session (OurBoardCanvas *self,
                                             OurSession *session);
gboolean       our_board_canvas_get_read_only   (OurBoardCanvas *self);
void           our_board_canvas_set_read_only   (OurBoardCanvas *self,
                                                 gboolean        read_only);

double         our_board_canvas_get_zoom        (OurBoardCanvas *self);
/* Zooms around the middle of what is shown. */
void           our_board_canvas_set_zoom        (OurBoardCanvas *self,
                                                 double          zoom);
/* Shows everything on the board, as large as fits (at most 150 %). */
void           our_board_canvas_fit             (OurBoardCanvas *self);
/* The middle of what is shown, in board units: where new items go. */
void           our_board_canvas_get_visible_centre (OurBoardCanvas *self,
                                                    double         *x,
                                                    double         *y);
/* The board point under the widget point (@x, @y). */
void           our_board_canvas_to_board        (OurBoardCanvas *self,
                                                 double          x,
                                                 double          y,
                                                 double         *board_x,
                                                 double         *board_y);

OurBoardItem  *our_board_canvas_get_selected    (OurBoardCanvas *self);
void           our_board_canvas_select          (OurBoardCanvas *self,
                                                 OurBoardItem   *item,
                                                 gboolean        focus);
GtkWidget     *our_board_canvas_get_item_widget (OurBoardCanvas *self,
                                                 OurBoardItem   *item);
gboolean       our_board_canvas_get_resizing    (OurBoardCanvas *self);
void           our_board_canvas_set_resizing    (OurBoardCanvas *self,
                                                 gboolean        resizing);

/* Dragging, as the pointer does it (also for tests): begins at the widget
 * point (@x, @y): on a handle of the selected item, an item, a zone's name
 * or corner, or empty space (which pans). Updates take the pointer's offset
 * from there; @snap (Shift) turns in 15° steps. Nothing changes in the plan
 * until the end, which makes the whole drag one undo step (unless @keep is
 * FALSE: cancelled). */
gboolean       our_board_canvas_drag_begin      (OurBoardCanvas *self,
                                                 double          x,
                                                 double          y);
gboolean       our_board_canvas_drag_update     (OurBoardCanvas *self,
                                                 double          dx,
                                                 double          dy,
                                                 gboolean        snap);
void           our_board_canvas_drag_end        (OurBoardCanvas *self,
                                                 gboolean        keep);

/* Opens the in-place editor of a note. */
void           our_board_canvas_edit_note       (OurBoardCanvas *self,
                                                 OurBoardItem   *item);
/* The menu of the selected item (colour, front, back, duplicate, remove). */
void           our_board_canvas_show_item_menu  (OurBoardCanvas *self);
/* Removes @item, with an "Undo" toast. */
void           our_board_canvas_delete_item     (OurBoardCanvas *self,
                                                 OurBoardItem   *item);
/* Runs the command that adds @item on top, authored by whoever is writing,
 * then selects and focuses it. */
gboolean       our_board_canvas_add_item        (OurBoardCanvas *self,
                                                 OurBoardItem   *item);
/* Shows a toast with @message (one plain sentence). */
void           our_board_canvas_show_toast      (OurBoardCanvas *self,
                                                 const char     *message,
                                                 gboolean        with_undo);

G_END_DECLS
