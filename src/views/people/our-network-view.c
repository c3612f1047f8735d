/* our-network-view.c: the support-network diagram: rings drawn by the container, one child widget per member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "our-command.h"
#include "our-focus-order.h"
#include "our-member-editor.h"
#include "our-member-widget.h"
#include "our-network-layout.h"
#include "our-network-render.h"
#include "our-network-view.h"
#include "our-toast.h"
#include "our-limits.h"

/* How long members take to glide to their new places, in milliseconds. */
#define MOVE_DURATION 260

/* What the view keeps about each child, in the order of the plan's members. */
typedef struct
{
  OurMemberWidget *widget;
  double           x, y;            /* icon centre in the layout */
  double           from_dx, from_dy; /* offset when the glide started */
  gboolean         placed;
  /* Its line from the person (see make_line_node()), kept while it stays
   * where it was drawn. */
  GskRenderNode   *line_node;
  double           line_x, line_y;
  gboolean         line_dragged;
} Child;

struct _OurNetworkView
{
  GtkWidget         parent_instance;

  OurSession       *session;
  OurPlan          *plan;         /* the session's */
  gboolean          read_only;

  GPtrArray        *children;       /* Child, model order */
  OurNetworkLayout *layout;
  gboolean          layout_dirty;
  int               layout_width, layout_height;
  /* The bands, their names and the person, drawn once into pixels and
   * kept until they change, as tiles (see make_rings_node()); with each
   * member's line kept in its own node (Child.line_node), a frame repaints
   * only the part of the window where something moved. */
  GskRenderNode    *rings_node;

  OurMemberWidget  *selected;

  /* Dragging */
  Child            *dragged;
  /* Where the dragged member was, shown until it has glided into place. */
  GskRenderNode    *ghost;
  gboolean          drag_moved;
  double            drag_start_x, drag_start_y;
  double            grab_dx, grab_dy;      /* pointer minus icon centre */
  double            drag_x, drag_y;        /* icon centre while dragging */

  /* Gliding into place: every child is shown at its layout place plus its
   * from offset times move_value, which runs from 1 to 0. */
  AdwAnimation     *animation;
  double            move_value;
  gboolean          allocating;

  OurMemberEditor  *editor;
  OurMember        *editing;
  gboolean          editor_focus_name;
  /* Where the keyboard was when its member was removed, or -1. */
  int               lost_focus_at;
};

G_DEFINE_FINAL_TYPE (OurNetworkView, our_network_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_READ_ONLY,
  PROP_SELECTED,
  N_PROPS
};

enum {
  MEMBER_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
child_free (gpointer data)
{
  Child *child = data;

  g_clear_pointer (&child->line_node, gsk_render_node_unref);
  g_free (child);
}

static void
forget_lines (OurNetworkView *self)
{
  for (guint i = 0; i < self->children->len; i++)
    g_clear_pointer (&((Child *) g_ptr_array_index (self->children, i))->line_node,
                     gsk_render_node_unref);
}

static Child *
find_child (OurNetworkView *self,
            OurMember      *member,
            guint          *index)
{
  for (guint i = 0; i < self->children->len; i++)
    {
      Child *child = g_ptr_array_index (self->children, i);

      if (our_member_widget_get_member (child->widget) == member)
        {
          if (index != NULL)
            *index = i;
          return child;
        }
    }

  return NULL;
}

static Child *
find_child_for_widget (OurNetworkView *self,
                       GtkWidget      *widget)
{
  for (guint i = 0; i < self->children->len; i++)
    {
      Child *child = g_ptr_array_index (self->children, i);

      if (GTK_WIDGET (child->widget) == widget)
        return child;
    }

  return NULL;
}

/* Where a child is shown now: its place, gliding or dragged. */
static void
get_shown_centre (OurNetworkView *self,
                  Child          *child,
                  double         *x,
                  double         *y)
{
  if (child == self->dragged && self->drag_moved)
    {
      *x = self->drag_x;
      *y = self->drag_y;
      return;
    }
  *x = child->x + child->from_dx * self->move_value;
  *y = child->y + child->from_dy * self->move_value;
}

static void
invalidate_rings (OurNetworkView *self)
{
  g_clear_pointer (&self->rings_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
queue_relayout (OurNetworkView *self)
{
  self->layout_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Freezes every glide where it is now, so that a new one can start there. */
static void
settle_offsets (OurNetworkView *self)
{
  for (guint i = 0; i < self->children->len; i++)
    {
      Child *child = g_ptr_array_index (self->children, i);

      child->from_dx *= self->move_value;
      child->from_dy *= self->move_value;
    }
  /* Resetting puts the value back at 1 through move_value_cb. */
  self->allocating = TRUE;
  adw_animation_reset (self->animation);
  self->allocating = FALSE;
  self->move_value = 1.0;
}

static void
move_value_cb (double   value,
               gpointer user_data)
{
  OurNetworkView *self = user_data;

  self->move_value = value;
  if (!self->allocating)
    {
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void     clear_ghost (OurNetworkView *self);
static gboolean is_dragging (OurNetworkView *self);

/* Members at rest again. */
static void
glide_done_cb (OurNetworkView *self)
{
  if (!self->allocating && !is_dragging (self))
    clear_ghost (self);
}

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static const char *
centre_name (OurNetworkView *self)
{
  const char *name = self->plan != NULL ? our_plan_get_name (self->plan) : NULL;

  /* TRANSLATORS: the person at the centre of the diagram, when the plan has no name yet */
  return name != NULL && *name != '\0' ? name : _("Me");
}

/* Layout */

/* Whether @b's bands and person look as @a's. */
static gboolean
same_rings (const OurNetworkLayout *a,
            const OurNetworkLayout *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->width != b->width || a->height != b->height || a->centre_radius != b->centre_radius)
    return FALSE;
  for (int r = 0; r < OUR_N_RINGS; r++)
    if (a->ring_inner[r] != b->ring_inner[r] || a->ring_outer[r] != b->ring_outer[r])
      return FALSE;
  /* Where the names go (NAN when not shown). */
  return memcmp (a->ring_name_angle, b->ring_name_angle, sizeof a->ring_name_angle) == 0 &&
         memcmp (a->ring_name_radius, b->ring_name_radius, sizeof a->ring_name_radius) == 0;
}

/* Whether a line to the same spot is drawn the same in @a and @b (its
 * weight, fade and ends depend on the rings and on how many there are). */
static gboolean
same_lines (const OurNetworkLayout *a,
            const OurNetworkLayout *b)
{
  if (!same_rings (a, b))
    return FALSE;
  if ((a->n_places > 0 ? a->places[0].icon_size : 0) !=
      (b->n_places > 0 ? b->places[0].icon_size : 0))
    return FALSE;
  /* Lines fade as they multiply, and start at the band's edge past 60. */
  if ((a->n_places > 60) != (b->n_places > 60))
    return FALSE;
  return a->n_places == b->n_places || (a->n_places >= 40 * 5 && b->n_places >= 40 * 5);
}

static void
run_layout (OurNetworkView *self,
            int             width,
            int             height)
{
  OurNetworkLayout *layout;
  g_autofree OurNetworkItem *items = g_new0 (OurNetworkItem, MAX (self->children->len, 1));
  gboolean animate = self->layout != NULL && width == self->layout_width &&
                     height == self->layout_height && gtk_widget_get_mapped (GTK_WIDGET (self));
  gboolean moving = FALSE;
  double *old_x = g_newa (double, self->children->len + 1);
  double *old_y = g_newa (double, self->children->len + 1);

  for (guint i = 0; i < self->children->len; i++)
    {
      Child *child = g_ptr_array_index (self->children, i);
      OurMember *member = our_member_widget_get_member (child->widget);

      get_shown_centre (self, child, &old_x[i], &old_y[i]);
      items[i].ring = our_member_get_ring (member);
      items[i].angle = our_member_get_angle (member);
      items[i].name = our_member_get_name (member);
      items[i].key = member;
    }

  /* The same box: the new layout keeps what it can of the last one, so
   * that a move leaves the rest of the diagram (and its pixels) alone. */
  layout = our_network_layout_new_like (gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                        items, self->children->len, width, height,
                                        width == self->layout_width &&
                                        height == self->layout_height ? self->layout : NULL);
  if (!same_rings (self->layout, layout))
    invalidate_rings (self);
  if (!same_lines (self->layout, layout))
    forget_lines (self);
  g_clear_pointer (&self->layout, our_network_layout_free);
  self->layout = layout;
  self->layout_width = width;
  self->layout_height = height;
  self->layout_dirty = FALSE;

  for (guint i = 0; i < self->children->len && i < self->layout->n_places; i++)
    {
      Child *child = g_ptr_array_index (self->children, i);
      const OurNetworkPlace *place = &self->layout->places[i];

      our_member_widget_set_place (child->widget, place, self->layout->font_scale);
      if (animate && child->placed)
        {
          child->from_dx = old_x[i] - place->x;
          child->from_dy = old_y[i] - place->y;
          moving |= fabs (child->from_dx) > 0.5 || fabs (child->from_dy) > 0.5;
        }
      else
        child->from_dx = child->from_dy = 0;
      child->x = place->x;
      child->y = place->y;
      child->placed = TRUE;
    }

  self->allocating = TRUE;
  adw_animation_reset (self->animation);
  self->move_value = 1.0;
  if (moving)
    adw_animation_play (self->animation);
  else
    {
      self->move_value = 0.0;
      if (!is_dragging (self))
        clear_ghost (self);
    }
  self->allocating = FALSE;
}

static void
update_editor_pointing (OurNetworkView *self)
{
  Child *child;
  double x, y, size;
  GdkRectangle rect;

  if (self->editing == NULL || self->layout == NULL)
    return;
  child = find_child (self, self->editing, NULL);
  if (child == NULL || !child->placed)
    return;

  get_shown_centre (self, child, &x, &y);
  size = MAX (self->layout->places[0].icon_size, 16);
  rect = (GdkRectangle) { (int) (x - size / 2), (int) (y - size / 2), (int) size, (int) size };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor), &rect);
}

static void
our_network_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  OurNetworkView *self = OUR_NETWORK_VIEW (widget);

  if (self->layout == NULL || self->layout_dirty ||
      width != self->layout_width || height != self->layout_height)
    run_layout (self, width, height);

  for (guint i = 0; i < self->children->len; i++)
    {
      Child *child = g_ptr_array_index (self->children, i);
      double ox, oy, w, h, x, y;

      if (!child->placed)
        continue;
      our_member_widget_get_origin (child->widget, &ox, &oy);
      our_member_widget_get_size (child->widget, &w, &h);
      get_shown_centre (self, child, &x, &y);
      gtk_widget_size_allocate (GTK_WIDGET (child->widget),
                                &(GtkAllocation) { (int) round (ox + x - child->x),
                                                   (int) round (oy + y - child->y),
                                                   (int) w, (int) h },
                                -1);
    }

  if (self->editor != NULL && gtk_widget_get_visible (GTK_WIDGET (self->editor)))
    {
      update_editor_pointing (self);
      gtk_popover_present (GTK_POPOVER (self->editor));
    }

  /* After a delete, the keyboard goes to the member that took the deleted
   * one's place, or the one before it. */
  if (self->lost_focus_at >= 0)
    {
      if (self->children->len > 0)
        {
          Child *next = g_ptr_array_index (self->children,
                                           MIN ((guint) self->lost_focus_at,
                                                self->children->len - 1));
          gtk_widget_grab_focus (GTK_WIDGET (next->widget));
        }
      self->lost_focus_at = -1;
    }
}

static void
our_network_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  guint n_members = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_members++;

  /* The diagram shrinks and grows with the window: labels are shortened
   * and the font made smaller only when there is no room. A very large
   * network asks for more room than a window gives, and is scrolled, so
   * that its names stay readable. */
  *minimum = n_members <= 40 ? 280 : (int) MIN (1600.0, 55.0 * sqrt ((double) n_members));
  *natural = MAX (*minimum, 720);
}

static gboolean
is_dragging (OurNetworkView *self)
{
  return self->dragged != NULL && self->drag_moved;
}

/* GTK paints a cairo node through an image the size of the part of it it
 * repaints, so a large one would be copied whole whenever anything moved
 * across it: the rings are cut into tiles, and a frame copies only those
 * that it repaints. */
#define TILE_SIZE 160

static GskRenderNode *
make_rings_node (OurNetworkView *self,
                 int             width,
                 int             height)
{
  g_autoptr(GPtrArray) tiles = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         width * scale, height * scale);
  cairo_t *cr;

  tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  our_network_render_rings (cr, self->layout, centre_name (self),
                            our_network_style_get (style_is_dark ()));
  cairo_destroy (cr);

  for (int y = 0; y < height; y += TILE_SIZE)
    for (int x = 0; x < width; x += TILE_SIZE)
      {
        g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
        GskRenderNode *tile;

        cr = gtk_snapshot_append_cairo (snapshot,
                                        &GRAPHENE_RECT_INIT (x, y, MIN (TILE_SIZE, width - x),
                                                             MIN (TILE_SIZE, height - y)));
        cairo_set_source_surface (cr, surface, 0, 0);
        cairo_paint (cr);
        cairo_destroy (cr);
        tile = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
        if (tile != NULL)
          g_ptr_array_add (tiles, tile);
      }
  cairo_surface_destroy (surface);
  return gsk_container_node_new ((GskRenderNode **) tiles->pdata, tiles->len);
}

static void
get_line (Child          *child,
          OurNetworkLine *line)
{
  OurMember *member = our_member_widget_get_member (child->widget);

  *line = (OurNetworkLine) {
    .kind = our_member_get_kind (member),
    .contact = our_member_get_contact (member),
    .wished_for = our_member_get_wished_for (member),
    .symbol = our_member_get_symbol (member),
  };
}

/* One member's line, from the person to (@x, @y), as a node of its own so
 * that only what changed is painted again. It is a turned rectangle (a
 * repeated dash, for a wished-for connection) rather than cairo drawing:
 * GTK paints a cairo node through an image of the part it repaints, and
 * hundreds of long lines crossing that part made a frame slow. */
static GskRenderNode *
make_line_node (OurNetworkView *self,
                Child          *child,
                double          x,
                double          y,
                gboolean        dragged)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  double icon = self->layout->n_places > 0 ? self->layout->places[0].icon_size : 24;
  OurNetworkLine line;
  double ends[4], width, dash[2], length;
  OurRgba colour;
  GdkRGBA rgba;
  GskRenderNode *node;

  get_line (child, &line);
  if (!our_network_line_get_ends (self->layout, x, y, icon, ends))
    return gsk_container_node_new (NULL, 0);
  our_network_line_get_look (self->layout, &line, dragged, our_network_style_get (style_is_dark ()),
                             &width, &colour, dash);
  rgba = (GdkRGBA) { colour.red, colour.green, colour.blue, colour.alpha };
  length = hypot (ends[2] - ends[0], ends[3] - ends[1]);

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ends[0], ends[1]));
  gtk_snapshot_rotate (snapshot, atan2 (ends[3] - ends[1], ends[2] - ends[0]) * 180 / G_PI);
  if (dash[0] > 0)
    {
      gtk_snapshot_push_repeat (snapshot, &GRAPHENE_RECT_INIT (0, -width / 2, length, width),
                                &GRAPHENE_RECT_INIT (0, -width / 2, dash[0] + dash[1], width));
      gtk_snapshot_append_color (snapshot, &rgba,
                                 &GRAPHENE_RECT_INIT (0, -width / 2, dash[0], width));
      gtk_snapshot_pop (snapshot);
    }
  else
    gtk_snapshot_append_color (snapshot, &rgba, &GRAPHENE_RECT_INIT (0, -width / 2, length, width));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return node != NULL ? node : gsk_container_node_new (NULL, 0);
}

/* Appends @node, or an empty node in its place: the renderer compares the
 * nodes of two frames in order, so each part keeps its place in the list
 * whether it is shown or not (else everything after it would seem changed,
 * and the whole diagram would be painted again). */
static void
append_or_empty (GtkSnapshot   *snapshot,
                 GskRenderNode *node)
{
  g_autoptr(GskRenderNode) empty = NULL;

  if (node == NULL)
    node = empty = gsk_container_node_new (NULL, 0);
  gtk_snapshot_append_node (snapshot, node);
}

/* GTK finds what changed between two frames by comparing the nodes of each
 * container in order; when too many of them differ it gives up and repaints
 * the whole container. Members are therefore drawn in small groups, each
 * its own container, so that a few of them moving repaints only where they
 * were and where they go. */
#define GROUP_SIZE 8

static void
snapshot_members (OurNetworkView *self,
                  GtkSnapshot    *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkSnapshot) group = NULL;
  guint in_group = 0;

  for (guint i = 0; i < self->children->len; i++)
    {
      Child *child = g_ptr_array_index (self->children, i);

      if (group == NULL)
        group = gtk_snapshot_new ();
      /* The selected and the dragged one are drawn later, on top; an empty
       * node keeps their place, so that the others keep theirs. */
      if (child != self->dragged && child->widget != self->selected)
        gtk_widget_snapshot_child (widget, GTK_WIDGET (child->widget), group);
      else
        append_or_empty (group, NULL);
      if (++in_group == GROUP_SIZE || i + 1 == self->children->len)
        {
          g_autoptr(GskRenderNode) node = gtk_snapshot_free_to_node (g_steal_pointer (&group));
          g_autoptr(GskRenderNode) wrapped = gsk_container_node_new (node ? &node : NULL,
                                                                     node ? 1 : 0);

          gtk_snapshot_append_node (snapshot, wrapped);
          in_group = 0;
        }
    }
}

/* Where the dragged member was: a faint dashed ring until it has glided
 * into its new place. It is made once and then left alone: a frame
 * repaints the box around everything that changed in it, and this would
 * stretch that box from here to wherever the pointer is. */
static GskRenderNode *
make_ghost (OurNetworkView *self,
            Child          *child)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  const OurNetworkStyle *style = our_network_style_get (style_is_dark ());
  double r = self->layout->places[0].icon_size / 2 + 2;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (child->x - r - 2, child->y - r - 2,
                                                                2 * r + 4, 2 * r + 4));
  double dash[] = { 4, 4 };

  cairo_arc (cr, child->x, child->y, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, style->background.red, style->background.green,
                         style->background.blue, 0.85);
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgba (cr, style->dim_text.red, style->dim_text.green, style->dim_text.blue,
                         0.8);
  cairo_stroke (cr);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
clear_ghost (OurNetworkView *self)
{
  if (self->ghost == NULL)
    return;
  g_clear_pointer (&self->ghost, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
our_network_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  OurNetworkView *self = OUR_NETWORK_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->layout != NULL && width > 0 && height > 0)
    {
      if (self->rings_node == NULL)
        self->rings_node = make_rings_node (self, width, height);
      gtk_snapshot_append_node (snapshot, self->rings_node);

      /* Lines of members that did not move are the nodes of the frame
       * before, which the renderer knows it need not paint again. Each
       * member has one node here, in the same place from frame to frame
       * (the dragged one too), so that the renderer compares each line
       * with its own line of the frame before. */
      for (guint i = 0; i < self->children->len; i++)
        {
          Child *child = g_ptr_array_index (self->children, i);
          gboolean dragged = is_dragging (self) && child == self->dragged;
          double x, y;

          if (!child->placed)
            {
              append_or_empty (snapshot, NULL);
              continue;
            }
          get_shown_centre (self, child, &x, &y);
          if (child->line_node == NULL || child->line_x != x || child->line_y != y ||
              dragged != child->line_dragged)
            {
              g_clear_pointer (&child->line_node, gsk_render_node_unref);
              child->line_node = make_line_node (self, child, x, y, dragged);
              child->line_x = x;
              child->line_y = y;
              child->line_dragged = dragged;
            }
          gtk_snapshot_append_node (snapshot, child->line_node);
        }
      append_or_empty (snapshot, self->ghost);
    }

  /* The selected and the dragged member are drawn over their neighbours. */
  snapshot_members (self, snapshot);
  if (self->selected != NULL && (self->dragged == NULL ||
                                 self->dragged->widget != self->selected))
    gtk_widget_snapshot_child (widget, GTK_WIDGET (self->selected), snapshot);
  else
    append_or_empty (snapshot, NULL);
  if (self->dragged != NULL)
    gtk_widget_snapshot_child (widget, GTK_WIDGET (self->dragged->widget), snapshot);
  else
    append_or_empty (snapshot, NULL);
}

/* Keyboard: Tab goes round the rings, closest first, clockwise from the top
 * (as the diagram reads); the arrow keys go to the nearest member that way. */

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b)
{
  OurMember *ma = our_member_widget_get_member (*(OurMemberWidget **) a);
  OurMember *mb = our_member_widget_get_member (*(OurMemberWidget **) b);
  double aa, ab;

  if (our_member_get_ring (ma) != our_member_get_ring (mb))
    return our_member_get_ring (ma) < our_member_get_ring (mb) ? -1 : 1;
  aa = our_member_get_angle (ma);
  ab = our_member_get_angle (mb);
  return aa < ab ? -1 : aa > ab ? 1 : 0;
}

static gboolean
our_network_view_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  OurNetworkView *self = OUR_NETWORK_VIEW (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  g_autoptr(GPtrArray) order = NULL;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (our_network_view_parent_class)->focus (widget, direction);
  if (self->children->len == 0)
    return FALSE;

  order = g_ptr_array_sized_new (self->children->len);
  for (guint i = 0; i < self->children->len; i++)
    g_ptr_array_add (order, ((Child *) g_ptr_array_index (self->children, i))->widget);
  g_ptr_array_sort (order, compare_reading_order);

  return our_focus_step_in_order (order, focus_child, direction);
}

static void
our_network_view_set_focus_child (GtkWidget *widget,
                                  GtkWidget *child)
{
  GTK_WIDGET_CLASS (our_network_view_parent_class)->set_focus_child (widget, child);

  /* Where the keyboard is, is what is selected. */
  if (OUR_IS_MEMBER_WIDGET (child))
    our_network_view_select (OUR_NETWORK_VIEW (widget),
                             our_member_widget_get_member (OUR_MEMBER_WIDGET (child)), FALSE);
}

/* Model */

static void
member_notify_cb (OurNetworkView *self,
                  GParamSpec     *pspec,
                  OurMember      *member)
{
  Child *child;

  if (g_str_equal (pspec->name, "ring") || g_str_equal (pspec->name, "angle") ||
      g_str_equal (pspec->name, "name"))
    queue_relayout (self);
  else if (g_str_equal (pspec->name, "kind") || g_str_equal (pspec->name, "contact") ||
           g_str_equal (pspec->name, "wished-for"))
    {
      /* Only its line looks different. */
      child = find_child (self, member, NULL);
      if (child != NULL)
        g_clear_pointer (&child->line_node, gsk_render_node_unref);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
add_child (OurNetworkView *self,
           guint           position,
           OurMember      *member)
{
  Child *child = g_new0 (Child, 1);
  GtkWidget *before = NULL;

  child->widget = OUR_MEMBER_WIDGET (our_member_widget_new (self->session, member));
  our_member_widget_set_read_only (child->widget, self->read_only);
  if (position > 0)
    before = GTK_WIDGET (((Child *) g_ptr_array_index (self->children, position - 1))->widget);
  gtk_widget_insert_after (GTK_WIDGET (child->widget), GTK_WIDGET (self), before);
  g_ptr_array_insert (self->children, position, child);

  g_signal_connect_object (member, "notify", G_CALLBACK (member_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
remove_child_at (OurNetworkView *self,
                 guint           position)
{
  Child *child = g_ptr_array_index (self->children, position);
  OurMember *member = our_member_widget_get_member (child->widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (member, member_notify_cb, self);
  if (focus_child == GTK_WIDGET (child->widget))
    self->lost_focus_at = position;
  if (self->dragged == child)
    self->dragged = NULL;
  if (self->selected == child->widget)
    {
      self->selected = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  if (self->editing == member)
    {
      gtk_popover_popdown (GTK_POPOVER (self->editor));
      g_clear_object (&self->editing);
    }

  gtk_widget_unparent (GTK_WIDGET (child->widget));
  g_ptr_array_remove_index (self->children, position);
}

static void
members_changed_cb (OurNetworkView *self,
                    guint           position,
                    guint           removed,
                    guint           added,
                    GListModel     *members)
{
  for (guint i = 0; i < removed && position < self->children->len; i++)
    remove_child_at (self, position);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(OurMember) member = g_list_model_get_item (members, position + i);

      add_child (self, position + i, member);
    }

  queue_relayout (self);
}

static void
remove_all_children (OurNetworkView *self)
{
  while (self->children->len > 0)
    remove_child_at (self, self->children->len - 1);
  self->lost_focus_at = -1;
}

/* Dragging */

static Child *
child_at (OurNetworkView *self,
          double          x,
          double          y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (picked != NULL && picked != GTK_WIDGET (self) && !OUR_IS_MEMBER_WIDGET (picked))
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL || picked == GTK_WIDGET (self))
    return NULL;

  return find_child_for_widget (self, picked);
}

gboolean
our_network_view_drag_begin (OurNetworkView *self,
                             double          x,
                             double          y)
{
  Child *child;
  double cx, cy;

  g_return_val_if_fail (OUR_IS_NETWORK_VIEW (self), FALSE);

  if (self->read_only || self->plan == NULL || self->layout == NULL)
    return FALSE;
  child = child_at (self, x, y);
  if (child == NULL)
    return FALSE;

  get_shown_centre (self, child, &cx, &cy);
  self->dragged = child;
  self->drag_moved = FALSE;
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->grab_dx = x - cx;
  self->grab_dy = y - cy;
  self->drag_x = cx;
  self->drag_y = cy;
  return TRUE;
}

void
our_network_view_drag_update (OurNetworkView *self,
                              double          x,
                              double          y)
{
  g_return_if_fail (OUR_IS_NETWORK_VIEW (self));

  if (self->dragged == NULL)
    return;

  if (!self->drag_moved)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), (int) self->drag_start_x,
                                     (int) self->drag_start_y, (int) x, (int) y))
        return;
      self->drag_moved = TRUE;
      g_clear_pointer (&self->ghost, gsk_render_node_unref);
      self->ghost = make_ghost (self, self->dragged);
      gtk_widget_add_css_class (GTK_WIDGET (self->dragged->widget), "dragged");
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      our_network_view_select (self, our_member_widget_get_member (self->dragged->widget), TRUE);
    }

  /* Only the dragged member moves (and its line): the layout of the others
   * is kept until the drop. */
  self->drag_x = CLAMP (x - self->grab_dx, 0, self->layout_width);
  self->drag_y = CLAMP (y - self->grab_dy, 0, self->layout_height);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The ring under the point, or the nearest ring to it. */
static int
ring_for_point (OurNetworkView *self,
                double          x,
                double          y)
{
  int ring = our_network_layout_ring_at (self->layout, x, y);
  double distance;
  double best = G_MAXDOUBLE;

  if (ring >= 0)
    return ring;

  distance = hypot (x - self->layout->centre_x, y - self->layout->centre_y);
  for (int i = 0; i < OUR_N_RINGS; i++)
    if (fabs (distance - self->layout->ring_radius[i]) < best)
      {
        best = fabs (distance - self->layout->ring_radius[i]);
        ring = i;
      }
  return ring;
}

static void
end_drag (OurNetworkView *self)
{
  if (self->dragged != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->dragged->widget), "dragged");
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  if (self->drag_moved)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  self->dragged = NULL;
  self->drag_moved = FALSE;
}

void
our_network_view_drag_end (OurNetworkView *self,
                           double          x,
                           double          y)
{
  OurMember *member;
  Child *child;
  int ring;
  double angle;

  g_return_if_fail (OUR_IS_NETWORK_VIEW (self));

  if (self->dragged == NULL)
    return;
  if (!self->drag_moved)
    {
      end_drag (self);
      return;
    }

  our_network_view_drag_update (self, x, y);
  child = self->dragged;
  member = our_member_widget_get_member (child->widget);
  ring = ring_for_point (self, x, y);
  angle = our_network_layout_angle_at (self->layout, x, y);

  /* The member glides from where it was dropped to its new place (or back,
   * if the move could not be saved). */
  settle_offsets (self);
  child->from_dx = self->drag_x - child->x;
  child->from_dy = self->drag_y - child->y;
  end_drag (self);

  our_session_run_alone (self->session,
                         our_command_new_place_member (our_member_get_id (member), ring, angle),
                         NULL);
  queue_relayout (self);
}

void
our_network_view_drag_cancel (OurNetworkView *self)
{
  Child *child;

  g_return_if_fail (OUR_IS_NETWORK_VIEW (self));

  if (self->dragged == NULL)
    return;
  child = self->dragged;
  if (self->drag_moved)
    {
      settle_offsets (self);
      child->from_dx = self->drag_x - child->x;
      child->from_dy = self->drag_y - child->y;
    }
  end_drag (self);
  queue_relayout (self);
}

static void
gesture_drag_begin_cb (GtkGestureDrag *gesture,
                       double          x,
                       double          y,
                       OurNetworkView *self)
{
  if (!our_network_view_drag_begin (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
gesture_drag_update_cb (GtkGestureDrag *gesture,
                        double          offset_x,
                        double          offset_y,
                        OurNetworkView *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  our_network_view_drag_update (self, x + offset_x, y + offset_y);
  if (self->drag_moved)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
gesture_drag_end_cb (GtkGestureDrag *gesture,
                     double          offset_x,
                     double          offset_y,
                     OurNetworkView *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  our_network_view_drag_end (self, x + offset_x, y + offset_y);
}

static void
gesture_drag_cancel_cb (GtkGesture       *gesture,
                        GdkEventSequence *sequence,
                        OurNetworkView   *self)
{
  our_network_view_drag_cancel (self);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  OurNetworkView  *self)
{
  Child *child = child_at (self, x, y);

  if (child == NULL)
    {
      our_network_view_select (self, NULL, FALSE);
      return;
    }

  our_network_view_select (self, our_member_widget_get_member (child->widget), TRUE);
  if (n_press == 2)
    our_network_view_edit_member (self, our_member_widget_get_member (child->widget), FALSE);
}

/* Editing and deleting */

/* "network.edit-member" and "network.delete-member" (s: the member's id):
 * how a member widget asks the diagram to open its editor or remove it. */
static void
member_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OurNetworkView *self = OUR_NETWORK_VIEW (widget);
  OurMember *member;

  if (self->plan == NULL)
    return;
  member = our_plan_find_member (self->plan, g_variant_get_string (parameter, NULL), NULL);
  if (member == NULL)
    return;
  if (g_str_equal (action_name, "network.edit-member"))
    our_network_view_edit_member (self, member, FALSE);
  else
    {
      g_autoptr(OurMember) held = g_object_ref (member);

      our_network_view_delete_member (self, held);
    }
}

static void
editor_closed_cb (OurNetworkView *self)
{
  Child *child = self->editing != NULL ? find_child (self, self->editing, NULL) : NULL;

  g_clear_object (&self->editing);
  /* Back to the member that was edited, for the next key press. */
  if (child != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (child->widget));
}

static void
editor_delete_cb (OurNetworkView  *self,
                  OurMember       *member)
{
  gtk_popover_popdown (GTK_POPOVER (self->editor));
  our_network_view_delete_member (self, member);
}

static void
ensure_editor (OurNetworkView *self)
{
  if (self->editor != NULL)
    return;

  self->editor = OUR_MEMBER_EDITOR (our_member_editor_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (self));
  gtk_popover_set_position (GTK_POPOVER (self->editor), GTK_POS_RIGHT);
  g_signal_connect_object (self->editor, "closed", G_CALLBACK (editor_closed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "delete-member", G_CALLBACK (editor_delete_cb), self,
                           G_CONNECT_SWAPPED);
}

void
our_network_view_edit_member (OurNetworkView *self,
                              OurMember      *member,
                              gboolean        focus_name)
{
  g_return_if_fail (OUR_IS_NETWORK_VIEW (self));
  g_return_if_fail (OUR_IS_MEMBER (member));

  if (self->plan == NULL || find_child (self, member, NULL) == NULL)
    return;

  ensure_editor (self);
  g_set_object (&self->editing, member);
  our_member_editor_set_member (self->editor, self->session, member);
  our_member_editor_set_read_only (self->editor, self->read_only);
  update_editor_pointing (self);
  gtk_popover_popup (GTK_POPOVER (self->editor));
  if (focus_name && !self->read_only)
    our_member_editor_focus_name (self->editor);
}

GtkWidget *
our_network_view_get_editor (OurNetworkView *self)
{
  g_return_val_if_fail (OUR_IS_NETWORK_VIEW (self), NULL);

  ensure_editor (self);
  return GTK_WIDGET (self->editor);
}

const OurNetworkLayout *
our_network_view_get_layout (OurNetworkView *self)
{
  g_return_val_if_fail (OUR_IS_NETWORK_VIEW (self), NULL);
  return self->layout;
}

static void
show_removed_toast (OurNetworkView *self)
{
  our_toast_show_undo (GTK_WIDGET (self), _("Removed from My people"));
}

static void
run_delete (OurNetworkView       *self,
            const char           *member_id,
            OurDeleteMemberSteps  steps)
{
  if (self->plan == NULL || self->read_only)
    return;
  if (our_session_run (self->session, our_command_new_delete_member (member_id, steps), NULL))
    show_removed_toast (self);
}

/* How many goal steps name @member as who helps. */
static guint
count_steps_naming (OurPlan   *plan,
                    OurMember *member)
{
  const char *id = our_member_get_id (member);
  guint n = 0;

  for (guint i = 0; i < our_plan_get_n_goals (plan); i++)
    {
      OurGoal *goal = our_plan_get_goal (plan, i);

      for (guint j = 0; j < our_goal_get_n_steps (goal); j++)
        if (g_strcmp0 (our_step_get_helper_id (our_goal_get_step (goal, j)), id) == 0)
          n++;
    }

  return n;
}

static void
delete_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           OurNetworkView   *self)
{
  const char *member_id = g_object_get_data (G_OBJECT (dialog), "member-id");

  if (g_str_equal (response, "keep"))
    run_delete (self, member_id, OUR_DELETE_MEMBER_KEEP_NAME);
  else if (g_str_equal (response, "clear"))
    run_delete (self, member_id, OUR_DELETE_MEMBER_CLEAR_STEPS);
}

void
our_network_view_delete_member (OurNetworkView *self,
                                OurMember      *member)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;
  guint n_steps;
  const char *name;

  g_return_if_fail (OUR_IS_NETWORK_VIEW (self));
  g_return_if_fail (OUR_IS_MEMBER (member));

  if (self->plan == NULL || self->read_only)
    return;

  n_steps = count_steps_naming (self->plan, member);
  if (n_steps == 0)
    {
      run_delete (self, our_member_get_id (member), OUR_DELETE_MEMBER_KEEP_NAME);
      return;
    }

  name = our_member_get_name (member);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       NULL, NULL));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     /* TRANSLATORS: %s is the name of a member of the network */
                                     _("Remove %s from My people?"), name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u step of a goal says %s helps with it. "
                                               "Should the step keep the name?",
                                               "%u steps of goals say %s helps with them. "
                                               "Should the steps keep the name?",
                                               n_steps),
                                  n_steps, name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "clear", _("_Clear Who Helps"),
                                    "keep", _("_Keep the Name in the Steps"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "clear", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "member-id",
                          g_strdup (our_member_get_id (member)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The freest spot of the middle ring: the middle of its widest gap, or the
 * upper right when it is empty. */
static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

static double
free_angle_in_ring (OurPlan *plan,
                    OurRing  ring)
{
  g_autoptr(GArray) angles = g_array_new (FALSE, FALSE, sizeof (double));
  double best_gap = -1, best_angle = 60;

  for (guint i = 0; i < our_plan_get_n_members (plan); i++)
    {
      OurMember *member = our_plan_get_member (plan, i);

      if (our_member_get_ring (member) == ring)
        {
          double angle = our_member_get_angle (member);
          g_array_append_val (angles, angle);
        }
    }
  if (angles->len == 0)
    return best_angle;

  g_array_sort (angles, compare_doubles);
  for (guint i = 0; i < angles->len; i++)
    {
      double from = g_array_index (angles, double, i);
      double to = i + 1 < angles->len ? g_array_index (angles, double, i + 1)
                                      : g_array_index (angles, double, 0) + OUR_ANGLE_MAX;

      if (to - from > best_gap)
        {
          best_gap = to - from;
          best_angle = fmod (from + best_gap / 2, OUR_ANGLE_MAX);
        }
    }

  return best_angle;
}

static const char *
default_name (OurMemberKind kind)
{
  switch (kind)
    {
    case OUR_MEMBER_KIND_PET: return _("New pet");
    case OUR_MEMBER_KIND_GROUP: return _("New group");
    case OUR_MEMBER_KIND_PLACE: return _("New place");
    case OUR_MEMBER_KIND_ACTIVITY: return _("New activity");
    case OUR_MEMBER_KIND_SERVICE: return _("New service");
    case OUR_MEMBER_KIND_ONLINE: return _("New online community");
    case OUR_MEMBER_KIND_PERSON:
    default: return _("New person");
    }
}

gboolean
our_network_view_add_member (OurNetworkView *self,
                             OurMemberKind   kind)
{
  g_autofree char *id = NULL;
  g_autoptr(OurMember) member = NULL;
  OurMember *added;

  g_return_val_if_fail (OUR_IS_NETWORK_VIEW (self), FALSE);

  if (self->plan == NULL || self->read_only
      || our_toast_if_full (GTK_WIDGET (self), our_plan_get_n_members (self->plan), OUR_MAX_MEMBERS,
                            _("This plan already holds as many people and things as Our Plan can keep.")))
    return FALSE;

  id = our_new_id ();
  member = our_member_new (id);
  our_member_set_kind (member, kind);
  our_member_set_text (member, OUR_MEMBER_TEXT_NAME, default_name (kind),
                       our_session_get_author (self->session));
  our_member_set_place (member, OUR_RING_CLOSE, free_angle_in_ring (self->plan, OUR_RING_CLOSE));

  if (!our_session_run (self->session, our_command_new_add_member (member, -1), NULL))
    return FALSE;

  added = our_plan_find_member (self->plan, id, NULL);
  if (added == NULL)
    return FALSE;
  g_signal_emit (self, signals[MEMBER_ADDED], 0, added);
  our_network_view_select (self, added, TRUE);
  our_network_view_edit_member (self, added, TRUE);
  return TRUE;
}

/* GObject */

static void
style_changed_cb (OurNetworkView *self)
{
  /* Each member widget follows the style itself. */
  forget_lines (self);
  invalidate_rings (self);
}


static void
our_network_view_unmap (GtkWidget *widget)
{
  OurNetworkView *self = OUR_NETWORK_VIEW (widget);

  our_network_view_drag_cancel (self);

  GTK_WIDGET_CLASS (our_network_view_parent_class)->unmap (widget);
}

static void
our_network_view_dispose (GObject *object)
{
  OurNetworkView *self = OUR_NETWORK_VIEW (object);

  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (our_plan_get_members (self->plan), self);
      g_signal_handlers_disconnect_by_data (self->plan, self);
    }
  if (self->children != NULL)
    remove_all_children (self);
  g_clear_pointer ((GtkWidget **) &self->editor, gtk_widget_unparent);
  g_clear_object (&self->editing);
  g_clear_object (&self->animation);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);
  g_clear_pointer (&self->layout, our_network_layout_free);
  g_clear_pointer (&self->rings_node, gsk_render_node_unref);
  g_clear_pointer (&self->ghost, gsk_render_node_unref);

  G_OBJECT_CLASS (our_network_view_parent_class)->dispose (object);
}

static void
our_network_view_finalize (GObject *object)
{
  OurNetworkView *self = OUR_NETWORK_VIEW (object);

  g_clear_pointer (&self->children, g_ptr_array_unref);

  G_OBJECT_CLASS (our_network_view_parent_class)->finalize (object);
}

static void
our_network_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OurNetworkView *self = OUR_NETWORK_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    case PROP_SELECTED: g_value_set_object (value, our_network_view_get_selected (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_network_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OurNetworkView *self = OUR_NETWORK_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: our_network_view_set_session (self, g_value_get_object (value)); break;
    case PROP_READ_ONLY: our_network_view_set_read_only (self, g_value_get_boolean (value)); break;
    case PROP_SELECTED: our_network_view_select (self, g_value_get_object (value), FALSE); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_network_view_class_init (OurNetworkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_network_view_dispose;
  object_class->finalize = our_network_view_finalize;
  object_class->get_property = our_network_view_get_property;
  object_class->set_property = our_network_view_set_property;
  widget_class->measure = our_network_view_measure;
  widget_class->size_allocate = our_network_view_size_allocate;
  widget_class->snapshot = our_network_view_snapshot;
  widget_class->focus = our_network_view_focus;
  widget_class->set_focus_child = our_network_view_set_focus_child;
  widget_class->unmap = our_network_view_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, OUR_TYPE_MEMBER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MEMBER_ADDED] =
    g_signal_new ("member-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, OUR_TYPE_MEMBER);

  gtk_widget_class_set_css_name (widget_class, "networkview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_install_action (widget_class, "network.edit-member", "s", member_action_cb);
  gtk_widget_class_install_action (widget_class, "network.delete-member", "s", member_action_cb);
}

static void
our_network_view_init (OurNetworkView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->children = g_ptr_array_new_with_free_func (child_free);
  self->lost_focus_at = -1;
  self->animation = adw_timed_animation_new (GTK_WIDGET (self), 1.0, 0.0, MOVE_DURATION,
                                             adw_callback_animation_target_new (move_value_cb,
                                                                                self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
  g_signal_connect_swapped (self->animation, "done", G_CALLBACK (glide_done_cb), self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (gesture_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (gesture_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (gesture_drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (gesture_drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("My people"),
                                  -1);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
our_network_view_new (void)
{
  return g_object_new (OUR_TYPE_NETWORK_VIEW, NULL);
}

static void
plan_name_cb (OurNetworkView *self)
{
  invalidate_rings (self);
}

void
our_network_view_set_session (OurNetworkView *self,
                              OurSession     *session)
{
  OurPlan *plan = session != NULL ? our_session_get_plan (session) : NULL;
  GListModel *members;

  g_return_if_fail (OUR_IS_NETWORK_VIEW (self));
  g_return_if_fail (session == NULL || OUR_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->editor != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->editor));
  our_network_view_drag_cancel (self);
  clear_ghost (self);
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (our_plan_get_members (self->plan), self);
      g_signal_handlers_disconnect_by_data (self->plan, self);
    }
  remove_all_children (self);
  g_clear_pointer (&self->layout, our_network_layout_free);
  g_set_object (&self->plan, plan);
  g_set_object (&self->session, session);
  our_network_view_set_read_only (self, session != NULL && our_session_get_read_only (session));

  if (plan != NULL)
    {
      members = our_plan_get_members (plan);
      for (guint i = 0; i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(OurMember) member = g_list_model_get_item (members, i);
          add_child (self, i, member);
        }
      g_signal_connect_object (members, "items-changed", G_CALLBACK (members_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::name", G_CALLBACK (plan_name_cb), self,
                               G_CONNECT_SWAPPED);
    }

  queue_relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

OurPlan *
our_network_view_get_plan (OurNetworkView *self)
{
  g_return_val_if_fail (OUR_IS_NETWORK_VIEW (self), NULL);
  return self->plan;
}

gboolean
our_network_view_get_read_only (OurNetworkView *self)
{
  g_return_val_if_fail (OUR_IS_NETWORK_VIEW (self), FALSE);
  return self->read_only;
}

void
our_network_view_set_read_only (OurNetworkView *self,
                                gboolean        read_only)
{
  g_return_if_fail (OUR_IS_NETWORK_VIEW (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  if (read_only)
    our_network_view_drag_cancel (self);
  for (guint i = 0; i < self->children->len; i++)
    our_member_widget_set_read_only (((Child *) g_ptr_array_index (self->children, i))->widget,
                                     read_only);
  if (self->editor != NULL)
    our_member_editor_set_read_only (self->editor, read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

OurMember *
our_network_view_get_selected (OurNetworkView *self)
{
  g_return_val_if_fail (OUR_IS_NETWORK_VIEW (self), NULL);
  return self->selected != NULL ? our_member_widget_get_member (self->selected) : NULL;
}

void
our_network_view_select (OurNetworkView *self,
                         OurMember      *member,
                         gboolean        focus)
{
  Child *child = NULL;

  g_return_if_fail (OUR_IS_NETWORK_VIEW (self));
  g_return_if_fail (member == NULL || OUR_IS_MEMBER (member));

  if (member != NULL)
    {
      child = find_child (self, member, NULL);
      if (child == NULL)
        return;
    }

  if (focus && child != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (child->widget));

  if ((child ? child->widget : NULL) == self->selected)
    return;
  if (self->selected != NULL)
    our_member_widget_set_selected (self->selected, FALSE);
  self->selected = child ? child->widget : NULL;
  if (self->selected != NULL)
    our_member_widget_set_selected (self->selected, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

GtkWidget *
our_network_view_get_member_widget (OurNetworkView *self,
                                    OurMember      *member)
{
  Child *child;

  g_return_val_if_fail (OUR_IS_NETWORK_VIEW (self), NULL);

  child = find_child (self, member, NULL);
  return child != NULL ? GTK_WIDGET (child->widget) : NULL;
}
