/* our-network-layout.h: where each member of the network diagram goes, with labels that never overlap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

#include "our-types.h"

G_BEGIN_DECLS

/* What the layout needs to know about one member. */
typedef struct
{
  OurRing        ring;
  double         angle;        /* degrees clockwise from the top, [0, 360) */
  const char    *name;         /* whole name; the layout may shorten it */
  gconstpointer  key;          /* the same member in the next layout, or NULL */
} OurNetworkItem;

/* Where one member ended up. Coordinates are in the layout's own space
 * (0,0 at the top left of the width × height given). */
typedef struct
{
  double   x, y;               /* centre of the member's icon */
  double   icon_size;          /* icon diameter */
  double   label_x, label_y;   /* top left of the label box */
  double   label_width, label_height;
  char    *label;              /* the text shown: the name, or shortened */
  double   angle;              /* the angle actually used after pushing apart */
} OurNetworkPlace;

typedef struct
{
  double            width, height;
  double            centre_x, centre_y;
  double            ring_radius[OUR_N_RINGS];  /* the middle of each ring band */
  double            ring_inner[OUR_N_RINGS];   /* band edges, for hit testing */
  double            ring_outer[OUR_N_RINGS];
  double            centre_radius;             /* the person at the centre */
  double            font_scale;                /* 1.0, smaller when crowded */
  /* Each ring's name runs along its band (its letters' middle on the
   * circle of ring_name_radius, near the band's outer edge, or its inner
   * edge when members leave no room there), centred on ring_name_angle
   * (degrees clockwise from the top), where no member covers it; NAN when
   * there is no such spot. */
  double            ring_name_angle[OUR_N_RINGS];
  double            ring_name_radius[OUR_N_RINGS];
  double            ring_name_size[OUR_N_RINGS];   /* font size, pixels */
  double            ring_name_width[OUR_N_RINGS];  /* along the circle, pixels */
  guint             n_places;
  OurNetworkPlace  *places;                    /* one per item, same order */
} OurNetworkLayout;

/* Lays out @n_items members in a box of @width × @height: rings sized to the
 * box, members at their angle in their ring, neighbours pushed apart so that
 * no two label boxes overlap, names shortened (with "…") and the font scaled
 * down only when there is no room. @context measures text (pango, no GTK). */
OurNetworkLayout *our_network_layout_new      (PangoContext          *context,
                                               const OurNetworkItem  *items,
                                               guint                  n_items,
                                               double                 width,
                                               double                 height);
/* Like our_network_layout_new(), but as near to @previous (a layout of the
 * same members before a few of them changed, or NULL) as it can be: names
 * are not measured again; in a box of the same size the rings keep their
 * widths while the numbers in them change little, and when only a few
 * members (known by their items' keys) moved, were added or renamed, the
 * others stay exactly where they were and those few take the nearest free
 * spot to where they asked to be. */
OurNetworkLayout *our_network_layout_new_like (PangoContext          *context,
                                               const OurNetworkItem  *items,
                                               guint                  n_items,
                                               double                 width,
                                               double                 height,
                                               const OurNetworkLayout *previous);
void              our_network_layout_free     (OurNetworkLayout      *layout);

/* The ring whose band holds the point, or -1 outside every ring (the centre
 * counts as -1 too). */
int               our_network_layout_ring_at  (const OurNetworkLayout *layout,
                                               double                  x,
                                               double                  y);
/* The angle of the point around the centre, degrees clockwise from the top. */
double            our_network_layout_angle_at (const OurNetworkLayout *layout,
                                               double                  x,
                                               double                  y);
/* Boxes (x, y, width, height: 4 doubles each, at most @max_boxes) that
 * together cover the name of @ring where it is drawn. Returns how many were
 * written: 0 when the name is not shown. */
guint             our_network_layout_get_ring_name_boxes (const OurNetworkLayout *layout,
                                                          int                     ring,
                                                          double                 *boxes,
                                                          guint                   max_boxes);
/* The member whose icon or label is under the point, or -1. */
int               our_network_layout_hit      (const OurNetworkLayout *layout,
                                               double                  x,
                                               double                  y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OurNetworkLayout, our_network_layout_free)

G_END_DECLS
