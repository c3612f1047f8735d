/* our-pixel-node.c: draw with cairo once into pixels and keep them as a render node
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-pixel-node.h"

GskRenderNode *
our_pixel_node_new (GtkWidget        *widget,
                    int               width,
                    int               height,
                    OurPixelDrawFunc  draw,
                    gpointer          user_data)
{
  int scale = gtk_widget_get_scale_factor (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         width * scale, height * scale);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  draw (user_data, cr);
  cairo_destroy (cr);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return gtk_snapshot_free_to_node (snapshot);
}
