/* our-board-view.h: the "Notes board" tab: a collage of notes, pictures and symbols, with its toolbar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "our-board-canvas.h"
#include "our-session.h"

G_BEGIN_DECLS

#define OUR_TYPE_BOARD_VIEW (our_board_view_get_type ())
G_DECLARE_FINAL_TYPE (OurBoardView, our_board_view, OUR, BOARD_VIEW, GtkWidget)

/* Properties: "session", "read-only", "importing" (pictures are being read).
 *
 * Actions (for buttons and tests): "board.add-note", "board.add-picture",
 * "board.add-zone", "board.zoom-in", "board.zoom-out", "board.fit". */
GtkWidget       *our_board_view_new            (void);
OurPlan         *our_board_view_get_plan       (OurBoardView *self);
void             our_board_view_set_session (OurBoardView *self,
                                             OurSession *session);
OurBoardCanvas  *our_board_view_get_canvas     (OurBoardView *self);
/* Adds the symbol @key in the middle of what is shown. */
gboolean         our_board_view_add_symbol     (OurBoardView *self,
                                                const char   *key);
/* Reads @files (pictures) off the main thread and puts each on the board
 * around the board point (@x, @y); failures end in a toast. */
void             our_board_view_import_files   (OurBoardView *self,
                                                GList        *files,
                                                double        x,
                                                double        y);

G_END_DECLS
