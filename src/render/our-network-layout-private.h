/* our-network-layout-private.h: what the network layout and its renderer share behind the public header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "our-network-layout.h"

G_BEGIN_DECLS

/* A label's font size in pixels is this times the layout's font_scale. */
#define OUR_NETWORK_FONT_SIZE 13.0

/* Space kept around each icon for the focus ring and the wished-for outline. */
#define OUR_NETWORK_ICON_HALO 3.0

/* The layout as allocated (every OurNetworkLayout comes from
 * our_network_layout_new()): the public part first, then the renderer's cache of
 * one PangoLayout per label, so that a frame does not shape text again. */
typedef struct
{
  OurNetworkLayout  pub;

  PangoFontDescription *font;           /* the measuring context's, for titles */

  PangoContext     *cache_context;
  guint             cache_serial;
  PangoLayout     **label_layouts;      /* n_places, created on first draw */

  /* Kept for our_network_layout_new_like(): each name as measured (layout.c's
   * own Measure, one per place) in which context, and the ring edges. */
  gpointer          measures;
  gpointer          kept;               /* Kept[pub.n_places]: keys, rings, angles asked */
  guint             level;              /* the level chosen (of layout.c's list) */
  PangoContext     *measure_context;
  guint             measure_serial;
  double            line_height, ellipsis_width;

  /* Pixels kept between frames (image surfaces only). */
  cairo_surface_t  *back_layer;         /* bands, person, lines, name chips */
  guint64           back_key;
} OurNetworkLayoutPrivate;

/* The context's font at @pixels (absolute size), bold or regular. */
PangoFontDescription *our_network_font_new (PangoContext *context,
                                            double        pixels,
                                            gboolean      bold);

G_END_DECLS
