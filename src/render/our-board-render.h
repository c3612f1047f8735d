/* our-board-render.h: the notes board (sticky notes, pictures, symbols, zones) drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "our-plan.h"
#include "our-progress-render.h"

G_BEGIN_DECLS

typedef struct
{
  OurRgba  background;          /* the board itself */
  OurRgba  dots;                /* its faint dot grid */
  OurRgba  text;                /* words on notes (on every note colour) */
  OurRgba  card;                /* behind symbols, around pictures */
  OurRgba  card_text;
  OurRgba  shadow;
  OurRgba  zone_text;
  OurRgba  accent;              /* selection and handles (views) */
  gboolean dark;
} OurBoardStyle;

/* The light and dark palettes of the board. */
const OurBoardStyle *our_board_style_get     (gboolean       dark);

/* A note's paper colour. Dark text (OurBoardStyle.text) on it keeps a
 * contrast of at least 4.5:1, in light and in dark mode. */
OurRgba   our_note_colour_get_rgba            (OurNoteColour  colour,
                                               gboolean       dark);
/* The tint of the @index-th zone (zones take turns through a few hues). */
OurRgba   our_board_zone_get_tint             (guint          index,
                                               gboolean       dark);

/* Draws @item unturned into the box (0, 0, @width, @height) of @cr, whatever
 * the item's own size: the child widgets draw themselves with it. Shadows
 * reach a little (at most 6 % of the box, and 12 units) outside the box.
 * @plan gives pictures their pixels; it may be %NULL (pictures are then
 * drawn as a placeholder). */
void      our_board_render_item_box           (cairo_t       *cr,
                                               PangoContext  *context,
                                               OurPlan       *plan,
                                               OurBoardItem  *item,
                                               double         width,
                                               double         height,
                                               gboolean       dark);

/* Draws @item where it is on the board (board units in @cr), turned by its
 * rotation around the centre of its box. */
void      our_board_render_item               (cairo_t       *cr,
                                               PangoContext  *context,
                                               OurPlan       *plan,
                                               OurBoardItem  *item,
                                               gboolean       dark);

/* Draws one zone (a rounded tinted area with its name at the top) at its
 * place in board units. @index picks its tint. */
void      our_board_render_zone               (cairo_t       *cr,
                                               PangoContext  *context,
                                               OurBoardZone  *zone,
                                               guint          index,
                                               gboolean       dark);
/* Every zone of @plan, in board units: the container's own snapshot. */
void      our_board_render_zones              (cairo_t       *cr,
                                               PangoContext  *context,
                                               OurPlan       *plan,
                                               gboolean       dark);

/* The whole board as it prints: zones and every item, bottom to top,
 * scaled to fit the box (0, 0, @width, @height) keeping the aspect ratio,
 * centred. Draws nothing for an empty board. */
void      our_board_render                    (cairo_t       *cr,
                                               PangoContext  *context,
                                               OurPlan       *plan,
                                               double         width,
                                               double         height,
                                               gboolean       dark);

/* The box around everything on the board (turned items included), in board
 * units. FALSE, with zeros, for an empty board. */
gboolean  our_board_get_extents               (OurPlan       *plan,
                                               double        *x,
                                               double        *y,
                                               double        *w,
                                               double        *h);

/* The box around @item once turned, in board units. */
void      our_board_item_get_bounds           (OurBoardItem  *item,
                                               double        *x,
                                               double        *y,
                                               double        *w,
                                               double        *h);

/* Pictures are decoded once for each size they are shown at, and kept.
 * Decoding a large photo takes tens of milliseconds: the screen asks which
 * size a picture item of @width x @height board units drawn on @cr needs, loads that in a worker thread first, and draws a
 * placeholder until it is ready. Paper decodes as it draws. */
int       our_board_render_picture_side       (cairo_t       *cr,
                                               OurPicture    *picture,
                                               double         width,
                                               double         height);
gboolean  our_board_render_picture_is_ready   (OurPicture    *picture,
                                               int            side);
void      our_board_render_load_picture_async (OurPicture          *picture,
                                               int                  side,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean  our_board_render_load_picture_finish (GAsyncResult       *result,
                                                GError            **error);
/* How many times a picture has been decoded (tests, benchmarks). */
guint     our_board_render_get_n_decodes      (void);

/* Forgets the decoded pixels of every picture (tests, low memory). */
void      our_board_render_clear_cache        (void);

G_END_DECLS
