/* our-board-zone.h: a named area of the notes board, e.g. "How I feel now"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "our-types.h"

G_BEGIN_DECLS

#define OUR_TYPE_BOARD_ZONE (our_board_zone_get_type ())

G_DECLARE_FINAL_TYPE (OurBoardZone, our_board_zone, OUR, BOARD_ZONE, GObject)

/* Properties (all notified): "id", "name", "name-author", "x", "y", "width",
 * "height" (board units, same limits as OurBoardItem). Zones are drawn under
 * every item; they do not own items. */
OurBoardZone  *our_board_zone_new          (const char    *id);
OurBoardZone  *our_board_zone_copy         (OurBoardZone  *self);
/* Takes every value but the id from @from, notifying what changed. */
void           our_board_zone_assign       (OurBoardZone  *self,
                                            OurBoardZone  *from);
const char    *our_board_zone_get_id       (OurBoardZone  *self);
const char    *our_board_zone_get_name     (OurBoardZone  *self);
OurAuthor      our_board_zone_get_name_author (OurBoardZone *self);
void           our_board_zone_set_name     (OurBoardZone  *self,
                                            const char    *name,
                                            OurAuthor      author);
void           our_board_zone_get_box      (OurBoardZone  *self,
                                            double        *x,
                                            double        *y,
                                            double        *width,
                                            double        *height);
void           our_board_zone_set_box      (OurBoardZone  *self,
                                            double         x,
                                            double         y,
                                            double         width,
                                            double         height);

G_END_DECLS
