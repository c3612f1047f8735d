/* our-board-item.h: one note, picture or symbol on the notes board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "our-types.h"

G_BEGIN_DECLS

/* Board coordinates are in board units (1 unit = 1 px at 100 % zoom). An
 * item's box is (x, y, width, height) before rotation; it is turned by
 * "rotation" degrees clockwise around the box's centre. */
#define OUR_BOARD_ITEM_MIN_SIZE   24.0
#define OUR_BOARD_ITEM_MAX_SIZE   4000.0
#define OUR_BOARD_COORD_LIMIT     100000.0
/* Longer note texts are kept whole in the file but refused by the editor. */
#define OUR_NOTE_TEXT_MAX         10000

/* Brings a box into range: coordinates to ±OUR_BOARD_COORD_LIMIT, sizes to
 * [OUR_BOARD_ITEM_MIN_SIZE, OUR_BOARD_ITEM_MAX_SIZE], NaN to 0. Items and
 * zones share it. */
void              our_board_box_clamp           (double           *x,
                                                 double           *y,
                                                 double           *width,
                                                 double           *height);

#define OUR_TYPE_BOARD_ITEM (our_board_item_get_type ())

G_DECLARE_FINAL_TYPE (OurBoardItem, our_board_item, OUR, BOARD_ITEM, GObject)

/* Properties (all notified): "id", "kind" (int, OurBoardItemKind, fixed at
 * creation), "text" and "text-author" (a note's words), "colour" (int,
 * OurNoteColour), "picture-id" (an OurPicture id, for pictures), "symbol"
 * (a symbol key, for symbols), "x", "y", "width", "height", "rotation"
 * (doubles), "added-by" (int, OurAuthor).
 *
 * Setters are for the store and for commands: views run commands. Values
 * out of range are brought to the nearest valid one (sizes clamped to
 * [MIN_SIZE, MAX_SIZE], coordinates to ±COORD_LIMIT, rotation wrapped into
 * [0, 360), NaN to 0). */
OurBoardItem     *our_board_item_new            (const char       *id,
                                                 OurBoardItemKind  kind);
/* A copy with the same id and every value. */
OurBoardItem     *our_board_item_copy           (OurBoardItem     *self);
/* Takes every value but the id and kind from @from, notifying what changed. */
void              our_board_item_assign         (OurBoardItem     *self,
                                                 OurBoardItem     *from);
gboolean          our_board_item_equal          (OurBoardItem     *a,
                                                 OurBoardItem     *b);

const char       *our_board_item_get_id         (OurBoardItem     *self);
OurBoardItemKind  our_board_item_get_kind       (OurBoardItem     *self);
const char       *our_board_item_get_text       (OurBoardItem     *self);
OurAuthor         our_board_item_get_text_author (OurBoardItem    *self);
void              our_board_item_set_text       (OurBoardItem     *self,
                                                 const char       *text,
                                                 OurAuthor         author);
OurNoteColour     our_board_item_get_colour     (OurBoardItem     *self);
void              our_board_item_set_colour     (OurBoardItem     *self,
                                                 OurNoteColour     colour);
const char       *our_board_item_get_picture_id (OurBoardItem     *self);
void              our_board_item_set_picture_id (OurBoardItem     *self,
                                                 const char       *picture_id);
const char       *our_board_item_get_symbol     (OurBoardItem     *self);
void              our_board_item_set_symbol     (OurBoardItem     *self,
                                                 const char       *symbol);
void              our_board_item_get_box        (OurBoardItem     *self,
                                                 double           *x,
                                                 double           *y,
                                                 double           *width,
                                                 double           *height);
void              our_board_item_set_box        (OurBoardItem     *self,
                                                 double            x,
                                                 double            y,
                                                 double            width,
                                                 double            height);
double            our_board_item_get_rotation   (OurBoardItem     *self);
void              our_board_item_set_rotation   (OurBoardItem     *self,
                                                 double            degrees);
OurAuthor         our_board_item_get_added_by   (OurBoardItem     *self);
void              our_board_item_set_added_by   (OurBoardItem     *self,
                                                 OurAuthor         author);
/* A plain description for screen readers and the printed copy, e.g.
 * "Note: I want to go back to swimming", "Picture", "Symbol: Hopeful". */
char             *our_board_item_describe       (OurBoardItem     *self);

G_END_DECLS
