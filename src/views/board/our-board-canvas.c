/* our-board-canvas.c: the notes board: zones drawn by the container, one child widget per item, zoom and pan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "our-board-canvas-private.h"
#include "our-board-render.h"
#include "our-focus-order.h"
#include "our-text-field.h"
#include "our-toast.h"
#include "our-limits.h"

G_DEFINE_FINAL_TYPE (OurBoardCanvas, our_board_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_READ_ONLY,
  PROP_ZOOM,
  PROP_RESIZING,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

gboolean
our_board_canvas_is_writable (OurBoardCanvas *self)
{
  return self->plan != NULL && !self->read_only;
}

OurBoardItemWidget *
our_board_canvas_find_child (OurBoardCanvas *self,
                             OurBoardItem   *item,
                             guint          *index)
{
  for (guint i = 0; i < self->children->len; i++)
    {
      OurBoardItemWidget *child = g_ptr_array_index (self->children, i);

      if (our_board_item_widget_get_item (child) == item)
        {
          if (index != NULL)
            *index = i;
          return child;
        }
    }
  return NULL;
}

void
our_board_canvas_to_board (OurBoardCanvas *self,
                           double          x,
                           double          y,
                           double         *board_x,
                           double         *board_y)
{
  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  *board_x = self->view_x + x / self->zoom;
  *board_y = self->view_y + y / self->zoom;
}

void
our_board_canvas_to_widget (OurBoardCanvas *self,
                            double          board_x,
                            double          board_y,
                            double         *x,
                            double         *y)
{
  *x = (board_x - self->view_x) * self->zoom;
  *y = (board_y - self->view_y) * self->zoom;
}

/* Where a child goes: its box scaled, turned around its centre. */
static GskTransform *
child_transform (OurBoardCanvas *self,
                 OurBoardItem   *shown)
{
  double x, y, w, h, cx, cy;
  GskTransform *transform = NULL;

  our_board_item_get_box (shown, &x, &y, &w, &h);
  our_board_canvas_to_widget (self, x + w / 2, y + h / 2, &cx, &cy);
  transform = gsk_transform_translate (transform, &GRAPHENE_POINT_INIT (cx, cy));
  transform = gsk_transform_rotate (transform, our_board_item_get_rotation (shown));
  transform = gsk_transform_translate (transform,
                                       &GRAPHENE_POINT_INIT (-w * self->zoom / 2,
                                                             -h * self->zoom / 2));
  return transform;
}

static void
our_board_canvas_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);

  if (!self->placed && self->plan != NULL && width > 1 && height > 1)
    {
      self->placed = TRUE;
      if (our_board_get_extents (self->plan, NULL, NULL, NULL, NULL))
        our_board_canvas_fit (self);
      else
        {
          /* An empty board: the board's origin a little in from the corner. */
          self->view_x = -40;
          self->view_y = -40;
        }
    }

  for (guint i = 0; i < self->children->len; i++)
    {
      OurBoardItemWidget *child = g_ptr_array_index (self->children, i);
      OurBoardItem *shown = our_board_item_widget_get_shown (child);
      double w, h;

      our_board_item_get_box (shown, NULL, NULL, &w, &h);
      our_board_item_widget_set_zoom (child, self->zoom);
      gtk_widget_allocate (GTK_WIDGET (child), (int) ceil (w * self->zoom),
                           (int) ceil (h * self->zoom), -1, child_transform (self, shown));
    }

  if (self->editor != NULL && gtk_widget_get_visible (GTK_WIDGET (self->editor)))
    gtk_popover_present (self->editor);
  if (self->zone_editor != NULL && gtk_widget_get_visible (GTK_WIDGET (self->zone_editor)))
    gtk_popover_present (self->zone_editor);
  if (self->menu != NULL && gtk_widget_get_visible (GTK_WIDGET (self->menu)))
    gtk_popover_present (self->menu);
}

static void
our_board_canvas_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  /* The board is as large as the window gives it: the rest is panned to. */
  *minimum = 200;
  *natural = 800;
}

static void
draw_background (OurBoardCanvas *self,
                 cairo_t        *cr,
                 int             width,
                 int             height)
{
  const OurBoardStyle *style = our_board_style_get (style_is_dark ());
  double step = 32 * self->zoom;
  double x0, y0;

  cairo_set_source_rgba (cr, style->background.red, style->background.green,
                         style->background.blue, 1);
  cairo_paint (cr);

  /* A faint dot grid that pans and zooms with the board, so that moving
   * around shows. */
  while (step < 16)
    step *= 2;
  x0 = fmod (-self->view_x * self->zoom, step);
  y0 = fmod (-self->view_y * self->zoom, step);
  if (x0 < 0)
    x0 += step;
  if (y0 < 0)
    y0 += step;
  cairo_set_source_rgba (cr, style->dots.red, style->dots.green, style->dots.blue,
                         style->dots.alpha);
  for (double y = y0; y < height; y += step)
    for (double x = x0; x < width; x += step)
      cairo_rectangle (cr, floor (x), floor (y), 2, 2);
  cairo_fill (cr);
}

static void
snapshot_zones (OurBoardCanvas *self,
                GtkSnapshot    *snapshot,
                int             width,
                int             height)
{
  GListModel *zones = our_plan_get_board_zones (self->plan);
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_background (self, cr, width, height);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -self->view_x, -self->view_y);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(OurBoardZone) zone = g_list_model_get_item (zones, i);

      if (self->zone_preview != NULL && zone == self->dragged_zone)
        our_board_render_zone (cr, context, self->zone_preview, i, style_is_dark ());
      else
        our_board_render_zone (cr, context, zone, i, style_is_dark ());
    }
  cairo_destroy (cr);
}

/* The round handles of the selected item: resize at the bottom-right
 * corner, turn above the top. Drawn in the item's own (turned) space. */
static void
snapshot_handles (OurBoardCanvas *self,
                  GtkSnapshot    *snapshot)
{
  OurBoardItem *shown = our_board_item_widget_get_shown (self->selected);
  const OurBoardStyle *style = our_board_style_get (style_is_dark ());
  double w, h, W, H;
  cairo_t *cr;

  our_board_item_get_box (shown, NULL, NULL, &w, &h);
  W = w * self->zoom;
  H = h * self->zoom;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_transform (snapshot, child_transform (self, shown));
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (-20, -ROTATE_HANDLE_GAP - 20, W + 40,
                                                       H + ROTATE_HANDLE_GAP + 40));
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, W / 2, -3);
  cairo_line_to (cr, W / 2, -ROTATE_HANDLE_GAP + HANDLE_RADIUS);
  cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue, 0.9);
  cairo_stroke (cr);
  for (int i = 0; i < 2; i++)
    {
      double hx = i == 0 ? W : W / 2, hy = i == 0 ? H : -ROTATE_HANDLE_GAP;

      cairo_arc (cr, hx, hy, HANDLE_RADIUS, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue, 1);
      cairo_stroke (cr);
    }
  /* A small arrow turning round, inside the turn handle. */
  cairo_arc (cr, W / 2, -ROTATE_HANDLE_GAP, HANDLE_RADIUS / 2, -G_PI * 0.2, G_PI * 1.3);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_destroy (cr);
  gtk_snapshot_restore (snapshot);
}

static void
our_board_canvas_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->plan != NULL)
    snapshot_zones (self, snapshot, width, height);

  for (guint i = 0; i < self->children->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->children, i), snapshot);

  if (self->selected != NULL && our_board_canvas_is_writable (self))
    snapshot_handles (self, snapshot);
  gtk_snapshot_pop (snapshot);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_widget_snapshot_child (widget, child, snapshot);
}

/* Keyboard: Tab goes through the items as they read, top to bottom, left
 * to right. */

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b)
{
  OurBoardItem *ia = our_board_item_widget_get_item (*(OurBoardItemWidget **) a);
  OurBoardItem *ib = our_board_item_widget_get_item (*(OurBoardItemWidget **) b);
  double ax, ay, aw, ah, bx, by, bw, bh;
  int row_a, row_b;

  our_board_item_get_box (ia, &ax, &ay, &aw, &ah);
  our_board_item_get_box (ib, &bx, &by, &bw, &bh);
  /* Rows of 120 units, so that items side by side read left to right. */
  row_a = (int) floor ((ay + ah / 2) / 120);
  row_b = (int) floor ((by + bh / 2) / 120);
  if (row_a != row_b)
    return row_a < row_b ? -1 : 1;
  return ax < bx ? -1 : ax > bx ? 1 : 0;
}

static gboolean
our_board_canvas_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  g_autoptr(GPtrArray) order = NULL;

  if (focus_child != NULL && !OUR_IS_BOARD_ITEM_WIDGET (focus_child))
    return gtk_widget_child_focus (focus_child, direction);
  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return focus_child == NULL && self->children->len > 0 &&
           gtk_widget_grab_focus (g_ptr_array_index (self->children, 0));
  if (self->children->len == 0)
    return FALSE;

  order = g_ptr_array_copy (self->children, NULL, NULL);
  g_ptr_array_sort (order, compare_reading_order);
  return our_focus_step_in_order (order, focus_child, direction);
}

static void
our_board_canvas_set_focus_child (GtkWidget *widget,
                                  GtkWidget *child)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);

  GTK_WIDGET_CLASS (our_board_canvas_parent_class)->set_focus_child (widget, child);

  /* Where the keyboard is, is what is selected. */
  if (OUR_IS_BOARD_ITEM_WIDGET (child))
    our_board_canvas_select (self,
                             our_board_item_widget_get_item (OUR_BOARD_ITEM_WIDGET (child)),
                             FALSE);
}

/* Model */

static void
item_notify_cb (OurBoardCanvas *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zone_notify_cb (OurBoardCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
add_child (OurBoardCanvas *self,
           guint           position,
           OurBoardItem   *item)
{
  GtkWidget *child = our_board_item_widget_new (self->plan, item);
  GtkWidget *before = NULL;

  /* Widget order is the stacking order: the last is drawn on top and
   * gets the pointer first. */
  if (position > 0)
    before = g_ptr_array_index (self->children, position - 1);
  gtk_widget_insert_after (child, GTK_WIDGET (self), before);
  g_ptr_array_insert (self->children, position, child);
  our_board_item_widget_set_zoom (OUR_BOARD_ITEM_WIDGET (child), self->zoom);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
remove_child_at (OurBoardCanvas *self,
                 guint           position)
{
  OurBoardItemWidget *child = g_ptr_array_index (self->children, position);
  OurBoardItem *item = our_board_item_widget_get_item (child);

  g_signal_handlers_disconnect_by_func (item, item_notify_cb, self);
  if (gtk_widget_get_focus_child (GTK_WIDGET (self)) == GTK_WIDGET (child))
    {
      g_free (self->refocus_id);
      self->refocus_id = g_strdup (our_board_item_get_id (item));
      self->lost_focus_at = position;
    }
  if (self->dragged == child)
    {
      self->dragged = NULL;
      self->drag = DRAG_NONE;
      g_clear_object (&self->preview);
    }
  if (self->selected == child)
    {
      self->selected = NULL;
      self->resizing = FALSE;
      our_board_canvas_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  if (self->editing == item)
    gtk_popover_popdown (self->editor);

  gtk_widget_unparent (GTK_WIDGET (child));
  g_ptr_array_remove_index (self->children, position);
}

static void
items_changed_cb (OurBoardCanvas *self,
                  guint           position,
                  guint           removed,
                  guint           added,
                  GListModel     *items)
{
  for (guint i = 0; i < removed && position < self->children->len; i++)
    remove_child_at (self, position);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, position + i);

      add_child (self, position + i, item);
      /* Brought to the front or sent back: the keyboard stays with it. */
      if (self->refocus_id != NULL &&
          g_strcmp0 (self->refocus_id, our_board_item_get_id (item)) == 0)
        {
          our_board_canvas_select (self, item, TRUE);
          g_clear_pointer (&self->refocus_id, g_free);
          self->lost_focus_at = -1;
        }
    }

  /* The keyboard goes on to the item that took the deleted one's place, now
   * rather than at the next allocation, so that nothing falls in between. */
  if (self->lost_focus_at >= 0)
    {
      if (self->children->len > 0)
        gtk_widget_grab_focus (g_ptr_array_index (self->children,
                                                  MIN ((guint) self->lost_focus_at,
                                                       self->children->len - 1)));
      self->lost_focus_at = -1;
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
connect_zones (OurBoardCanvas *self)
{
  GListModel *zones = our_plan_get_board_zones (self->plan);

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(OurBoardZone) zone = g_list_model_get_item (zones, i);

      g_signal_handlers_disconnect_by_func (zone, zone_notify_cb, self);
      g_signal_connect_object (zone, "notify", G_CALLBACK (zone_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
zones_changed_cb (OurBoardCanvas *self)
{
  connect_zones (self);
  if (self->zone_editing != NULL &&
      !our_plan_find_board_zone (self->plan, our_board_zone_get_id (self->zone_editing), NULL))
    gtk_popover_popdown (self->zone_editor);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
remove_all_children (OurBoardCanvas *self)
{
  while (self->children->len > 0)
    remove_child_at (self, self->children->len - 1);
  self->lost_focus_at = -1;
  g_clear_pointer (&self->refocus_id, g_free);
}

/* Commands */

/* Keyboard moves and resizes */

/* Editing a note in place */

/* Zones: renaming */

/* Menus */

/* Pointer: clicks */

/* Pointer: dragging */

/* Zoom and pan */

void
our_board_canvas_zoom_around (OurBoardCanvas *self,
                              double          zoom,
                              double          x,
                              double          y)
{
  double bx, by;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (zoom == self->zoom)
    return;
  our_board_canvas_to_board (self, x, y, &bx, &by);
  self->zoom = zoom;
  self->view_x = bx - x / zoom;
  self->view_y = by - y / zoom;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
our_board_canvas_get_zoom (OurBoardCanvas *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), 1.0);
  return self->zoom;
}

void
our_board_canvas_set_zoom (OurBoardCanvas *self,
                           double          zoom)
{
  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  our_board_canvas_zoom_around (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
our_board_canvas_fit (OurBoardCanvas *self)
{
  double x, y, w, h, width, height, zoom;

  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->plan == NULL || width <= 1 || height <= 1)
    return;
  if (!our_board_get_extents (self->plan, &x, &y, &w, &h))
    {
      x = y = 0;
      w = width;
      h = height;
    }
  x -= 32;
  y -= 32;
  w += 64;
  h += 64 + ROTATE_HANDLE_GAP;
  zoom = CLAMP (MIN (width / w, height / h), ZOOM_MIN, FIT_ZOOM_MAX);
  self->zoom = zoom;
  self->view_x = x + w / 2 - width / zoom / 2;
  self->view_y = y + h / 2 - height / zoom / 2;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
our_board_canvas_get_visible_centre (OurBoardCanvas *self,
                                     double         *x,
                                     double         *y)
{
  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  our_board_canvas_to_board (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                             gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, x, y);
}

/* Dropping picture files is handled by the board view (it imports them). */

static void
our_board_canvas_unmap (GtkWidget *widget)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);

  our_board_canvas_end_drag (self, FALSE);

  GTK_WIDGET_CLASS (our_board_canvas_parent_class)->unmap (widget);
}

static void
disconnect_plan (OurBoardCanvas *self)
{
  GListModel *zones;

  if (self->plan == NULL)
    return;
  g_signal_handlers_disconnect_by_data (our_plan_get_board_items (self->plan), self);
  zones = our_plan_get_board_zones (self->plan);
  g_signal_handlers_disconnect_by_data (zones, self);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(OurBoardZone) zone = g_list_model_get_item (zones, i);
      g_signal_handlers_disconnect_by_data (zone, self);
    }
}

static void
our_board_canvas_dispose (GObject *object)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (object);

  g_clear_handle_id (&self->note_save_id, g_source_remove);
  g_clear_handle_id (&self->zone_save_id, g_source_remove);
  disconnect_plan (self);
  if (self->children != NULL)
    remove_all_children (self);
  g_clear_pointer ((GtkWidget **) &self->editor, gtk_widget_unparent);
  g_clear_pointer ((GtkWidget **) &self->zone_editor, gtk_widget_unparent);
  g_clear_pointer ((GtkWidget **) &self->menu, gtk_widget_unparent);
  g_clear_object (&self->editing);
  g_clear_object (&self->zone_editing);
  g_clear_object (&self->menu_zone);
  g_clear_object (&self->preview);
  g_clear_object (&self->zone_preview);
  g_clear_object (&self->dragged_zone);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_board_canvas_parent_class)->dispose (object);
}

static void
our_board_canvas_finalize (GObject *object)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (object);

  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self->refocus_id);

  G_OBJECT_CLASS (our_board_canvas_parent_class)->finalize (object);
}

static void
our_board_canvas_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    case PROP_ZOOM: g_value_set_double (value, self->zoom); break;
    case PROP_RESIZING: g_value_set_boolean (value, self->resizing); break;
    case PROP_SELECTED: g_value_set_object (value, our_board_canvas_get_current_item (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_board_canvas_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SESSION: our_board_canvas_set_session (self, g_value_get_object (value)); break;
    case PROP_READ_ONLY: our_board_canvas_set_read_only (self, g_value_get_boolean (value)); break;
    case PROP_ZOOM: our_board_canvas_set_zoom (self, g_value_get_double (value)); break;
    case PROP_RESIZING: our_board_canvas_set_resizing (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_board_canvas_class_init (OurBoardCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = our_board_canvas_dispose;
  object_class->finalize = our_board_canvas_finalize;
  object_class->get_property = our_board_canvas_get_property;
  object_class->set_property = our_board_canvas_set_property;
  widget_class->measure = our_board_canvas_measure;
  widget_class->size_allocate = our_board_canvas_size_allocate;
  widget_class->snapshot = our_board_canvas_snapshot;
  widget_class->focus = our_board_canvas_focus;
  widget_class->set_focus_child = our_board_canvas_set_focus_child;
  widget_class->unmap = our_board_canvas_unmap;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0, flags);
  properties[PROP_RESIZING] = g_param_spec_boolean ("resizing", NULL, NULL, FALSE, flags);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, OUR_TYPE_BOARD_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  our_board_canvas_install_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "boardcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
our_board_canvas_init (OurBoardCanvas *self)
{
  self->children = g_ptr_array_new ();
  self->zoom = 1.0;
  self->lost_focus_at = -1;

  our_board_canvas_init_input (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes board"),
                                  -1);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  our_board_canvas_update_actions (self);
}

GtkWidget *
our_board_canvas_new (void)
{
  return g_object_new (OUR_TYPE_BOARD_CANVAS, NULL);
}

OurPlan *
our_board_canvas_get_plan (OurBoardCanvas *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), NULL);
  return self->plan;
}

void
our_board_canvas_set_session (OurBoardCanvas *self,
                              OurSession     *session)
{
  OurPlan *plan = session != NULL ? our_session_get_plan (session) : NULL;
  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));
  g_return_if_fail (session == NULL || OUR_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->editor != NULL)
    gtk_popover_popdown (self->editor);
  if (self->zone_editor != NULL)
    gtk_popover_popdown (self->zone_editor);
  our_board_canvas_end_drag (self, FALSE);
  disconnect_plan (self);
  remove_all_children (self);
  g_set_object (&self->plan, plan);
  g_set_object (&self->session, session);
  our_board_canvas_set_read_only (self, session != NULL && our_session_get_read_only (session));
  self->placed = FALSE;

  if (plan != NULL)
    {
      GListModel *items = our_plan_get_board_items (plan);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
          add_child (self, i, item);
        }
      g_signal_connect_object (items, "items-changed", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (our_plan_get_board_zones (plan), "items-changed",
                               G_CALLBACK (zones_changed_cb), self, G_CONNECT_SWAPPED);
      connect_zones (self);
    }

  our_board_canvas_update_actions (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
our_board_canvas_get_read_only (OurBoardCanvas *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), FALSE);
  return self->read_only;
}

void
our_board_canvas_set_read_only (OurBoardCanvas *self,
                                gboolean        read_only)
{
  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  if (read_only)
    {
      our_board_canvas_end_drag (self, FALSE);
      our_board_canvas_set_resizing (self, FALSE);
      if (self->editor != NULL)
        gtk_popover_popdown (self->editor);
    }
  for (guint i = 0; i < self->children->len; i++)
    gtk_widget_set_cursor_from_name (g_ptr_array_index (self->children, i),
                                     read_only ? NULL : "grab");
  our_board_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

OurBoardItem *
our_board_canvas_get_selected (OurBoardCanvas *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), NULL);
  return our_board_canvas_get_current_item (self);
}

void
our_board_canvas_select (OurBoardCanvas *self,
                         OurBoardItem   *item,
                         gboolean        focus)
{
  OurBoardItemWidget *child = NULL;

  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  if (item != NULL)
    {
      child = our_board_canvas_find_child (self, item, NULL);
      if (child == NULL)
        return;
    }
  if (focus && child != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (child));
  if (child == self->selected)
    return;

  our_board_canvas_set_resizing (self, FALSE);
  if (self->selected != NULL)
    our_board_item_widget_set_selected (self->selected, FALSE);
  self->selected = child;
  if (child != NULL)
    our_board_item_widget_set_selected (child, TRUE);
  our_board_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

GtkWidget *
our_board_canvas_get_item_widget (OurBoardCanvas *self,
                                  OurBoardItem   *item)
{
  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), NULL);
  return GTK_WIDGET (our_board_canvas_find_child (self, item, NULL));
}

gboolean
our_board_canvas_get_resizing (OurBoardCanvas *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), FALSE);
  return self->resizing;
}

void
our_board_canvas_set_resizing (OurBoardCanvas *self,
                               gboolean        resizing)
{
  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  resizing = !!resizing && self->selected != NULL && our_board_canvas_is_writable (self);
  if (self->resizing == resizing)
    return;
  self->resizing = resizing;
  if (self->selected != NULL)
    our_board_item_widget_set_resizing (self->selected, resizing);
  if (self->plan != NULL)
    our_session_end_edit (self->session);
  our_board_canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIZING]);
}
