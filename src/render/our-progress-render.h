/* our-progress-render.h: a goal's progress drawn as a scale of steps, for screen and paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} OurRgba;

typedef struct
{
  OurRgba filled;     /* the steps reached */
  OurRgba empty;      /* the steps still to go */
  OurRgba outline;    /* focus or border; alpha 0 for none */
} OurProgressColors;

/* Draws @progress out of @maximum as a row of rounded steps that grow a little
 * in height from left to right, filling the box (@x, @y, @width, @height). */
/* Adds a rectangle with corners of @radius (at most half a side) to the
 * path: the shape of the steps, and of the panels of the printed copies. */
void   our_progress_render_rounded_rectangle (cairo_t *cr,
                                              double   x,
                                              double   y,
                                              double   width,
                                              double   height,
                                              double   radius);
void   our_progress_render        (cairo_t                 *cr,
                                   double                   x,
                                   double                   y,
                                   double                   width,
                                   double                   height,
                                   guint                    progress,
                                   guint                    maximum,
                                   const OurProgressColors *colors);
/* The step (0..maximum) a point at @px (relative to x) would set: the step
 * under the pointer, or 0 left of the first one. */
guint  our_progress_value_at      (double                   width,
                                   guint                    maximum,
                                   double                   px);

G_END_DECLS
