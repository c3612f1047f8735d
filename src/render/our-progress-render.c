/* our-progress-render.c: a goal's progress drawn as a scale of steps, for screen and paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "our-progress-render.h"

/* The first step is this fraction of the full height; the last is full height.
 * The rise makes "more" readable at a glance, without any numbers. */
#define FIRST_STEP_HEIGHT 0.55

typedef struct
{
  double gap;
  double step_width;
} StepLayout;

static void
layout_steps (double      width,
              guint       maximum,
              StepLayout *layout)
{
  double slot = width / maximum;

  layout->gap = CLAMP (slot * 0.2, 2.0, 10.0);
  if (maximum == 1)
    layout->gap = 0;
  layout->step_width = MAX ((width - layout->gap * (maximum - 1)) / maximum, 1.0);
}

void
our_progress_render_rounded_rectangle (cairo_t *cr,
                                       double   x,
                                       double   y,
                                       double   width,
                                       double   height,
                                       double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2.0);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_source (cairo_t       *cr,
            const OurRgba *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

void
our_progress_render (cairo_t                 *cr,
                     double                   x,
                     double                   y,
                     double                   width,
                     double                   height,
                     guint                    progress,
                     guint                    maximum,
                     const OurProgressColors *colors)
{
  StepLayout layout;
  double radius;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (colors != NULL);

  if (maximum == 0 || width <= 0 || height <= 0)
    return;

  progress = MIN (progress, maximum);
  layout_steps (width, maximum, &layout);
  radius = MIN (layout.step_width / 3.0, 8.0);

  cairo_save (cr);

  for (guint i = 0; i < maximum; i++)
    {
      double fraction = maximum > 1 ? (double) i / (maximum - 1) : 1.0;
      double step_height = height * (FIRST_STEP_HEIGHT + (1.0 - FIRST_STEP_HEIGHT) * fraction);
      double step_x = x + i * (layout.step_width + layout.gap);
      double step_y = y + height - step_height;

      our_progress_render_rounded_rectangle (cr, step_x, step_y, layout.step_width, step_height,
                                             radius);
      set_source (cr, i < progress ? &colors->filled : &colors->empty);
      cairo_fill (cr);
    }

  if (colors->outline.alpha > 0)
    {
      /* Drawn 3 units outside the box, so that it never covers a step: a
       * widget leaves that margin around the box for its focus ring. */
      our_progress_render_rounded_rectangle (cr, x - 3, y - 3, width + 6, height + 6, radius + 3);
      set_source (cr, &colors->outline);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

guint
our_progress_value_at (double width,
                       guint  maximum,
                       double px)
{
  double slot;
  double step;

  if (maximum == 0 || !(width > 0) || !(px >= 0))
    return 0;

  slot = width / maximum;
  step = floor (px / slot) + 1;

  return (guint) MIN (step, (double) maximum);
}
