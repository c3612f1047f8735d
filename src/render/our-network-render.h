/* our-network-render.h: the support-network diagram drawn with cairo and pango, for screen and paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "our-network-layout.h"
#include "our-plan.h"
#include "our-progress-render.h"

G_BEGIN_DECLS

typedef struct
{
  OurRgba  background;
  OurRgba  ring_fill[OUR_N_RINGS];
  OurRgba  ring_line;
  OurRgba  text;
  OurRgba  dim_text;
  OurRgba  line;                 /* lines from the centre to members */
  OurRgba  accent;               /* the person at the centre, focus */
  gboolean dark;
} OurNetworkStyle;

/* The light and dark palettes the screen and paper use. */
const OurNetworkStyle *our_network_style_get (gboolean dark);

/* The colour of a kind of member (icons, legend). */
OurRgba  our_member_kind_get_colour           (OurMemberKind kind,
                                               gboolean      dark);

/* What the drawing needs about one member besides its place. */
typedef struct
{
  OurMemberKind  kind;
  OurContact     contact;        /* line weight */
  gboolean       wished_for;     /* dashed line */
  const char    *symbol;         /* a key of the symbol library shown instead of
                                  * the kind's pictogram, or NULL / "" */
} OurNetworkLine;

/* The container's own part: background, the three rings with their plain
 * names ("Closest to me", "Close", "Further out"), the person at the centre
 * with @centre_name, and a line from the centre to each member, heavier the
 * more often they are in touch and dashed for wished-for connections.
 * @lines has layout->n_places entries. */
void  our_network_render_background  (cairo_t                 *cr,
                                      const OurNetworkLayout  *layout,
                                      const OurNetworkLine    *lines,
                                      const char              *centre_name,
                                      const OurNetworkStyle   *style);

/* The part of the background that stays while members move: the bands with
 * their names and the person at the centre (no lines). */
void  our_network_render_rings       (cairo_t                 *cr,
                                      const OurNetworkLayout  *layout,
                                      const char              *centre_name,
                                      const OurNetworkStyle   *style);

/* One member's line, for views that draw it themselves: it runs from
 * (ends[0], ends[1]) near the person to (ends[2], ends[3]) near the member's
 * icon centred on (@x, @y) (FALSE when there is no room for a line); it is
 * @width wide in @colour, and dashed @dash[0] on, @dash[1] off for a
 * wished-for connection (0, 0 when solid); with @emphasis heavier, for the
 * member being dragged. As our_network_render_background() draws it. */
gboolean  our_network_line_get_ends   (const OurNetworkLayout  *layout,
                                       double                   x,
                                       double                   y,
                                       double                   icon_size,
                                       double                   ends[4]);
void      our_network_line_get_look   (const OurNetworkLayout  *layout,
                                       const OurNetworkLine    *line,
                                       gboolean                 emphasis,
                                       const OurNetworkStyle   *style,
                                       double                  *width,
                                       OurRgba                 *colour,
                                       double                   dash[2]);

/* One member: a round icon in the kind's colour with the kind's pictogram
 * (or @symbol, a key of the symbol library, on a light disc inside a ring of
 * that colour; NULL or "" for none), its label under it, a ring of focus
 * when @focused, and a dashed outline when @wished_for. Centred on (@x, @y)
 * with @place's sizes. Used by each member widget on screen and by the
 * printed copy. */
void  our_network_render_member      (cairo_t                 *cr,
                                      PangoContext            *context,
                                      const OurNetworkPlace   *place,
                                      double                   x,
                                      double                   y,
                                      OurMemberKind            kind,
                                      const char              *symbol,
                                      gboolean                 wished_for,
                                      gboolean                 focused,
                                      double                   font_scale,
                                      const OurNetworkStyle   *style);

/* The whole diagram, as it prints: background then every member. */
void  our_network_render             (cairo_t                 *cr,
                                      PangoContext            *context,
                                      const OurNetworkLayout  *layout,
                                      const OurNetworkLine    *lines,
                                      const char              *centre_name,
                                      const OurNetworkStyle   *style);

/* @plan's whole diagram laid out in a box of @width × @height at (0, 0),
 * for views that show a plan's people as a picture only (then and now). */
void  our_network_render_plan        (cairo_t                 *cr,
                                      PangoContext            *context,
                                      OurPlan                 *plan,
                                      double                   width,
                                      double                   height,
                                      const char              *centre_name,
                                      const OurNetworkStyle   *style);

G_END_DECLS
