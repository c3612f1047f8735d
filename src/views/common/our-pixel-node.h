/* our-pixel-node.h: draw with cairo once into pixels and keep them as a render node
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*OurPixelDrawFunc) (gpointer  user_data,
                                  cairo_t  *cr);

/* Calls @draw on an image surface of @width × @height at @widget's scale and
 * returns a node that paints those pixels. Views keep such nodes between
 * frames so that a frame repaints only what changed; drawing straight into
 * an image also lets the renderer use its own caches. */
GskRenderNode  *our_pixel_node_new  (GtkWidget        *widget,
                                     int               width,
                                     int               height,
                                     OurPixelDrawFunc  draw,
                                     gpointer          user_data);

G_END_DECLS
