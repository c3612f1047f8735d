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
/* The member whose icon or label is under the point, or -1. */
int               our_network_layout_hit      (const OurNetworkLayout *layout,
                                               double                  x,
                                               double                  y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OurNetworkLayout, our_network_layout_free)

G_END_DECLS
