/* our-board-canvas.c: the notes board: zones drawn by the container, one child widget per item, zoom and pan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "our-board-canvas.h"
#include "our-board-item-widget.h"
#include "our-board-render.h"
#include "our-command.h"
#include "our-focus-order.h"
#include "our-text-field.h"
#include "our-toast.h"
#include "our-limits.h"

#define ZOOM_MIN 0.1
#define ZOOM_MAX 4.0
#define FIT_ZOOM_MAX 1.5
/* Board units per arrow key press, and with Shift. */
#define KEY_STEP 10.0
#define KEY_BIG_STEP 50.0
/* Key presses closer than this (key repeat) make one undo step. */
#define KEY_MERGE_USEC (700 * G_TIME_SPAN_MILLISECOND)
/* Handles of the selected item, in pixels. */
#define HANDLE_RADIUS 9.0
#define ROTATE_HANDLE_GAP 30.0
/* The strip at the top of a zone that holds its name (board units). */
#define ZONE_HEADER 48.0
#define ZONE_CORNER 28.0

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_RESIZE,
  DRAG_ROTATE,
  DRAG_ZONE_MOVE,
  DRAG_ZONE_RESIZE,
} DragKind;

struct _OurBoardCanvas
{
  GtkWidget           parent_instance;

  OurSession         *session;
  OurPlan            *plan;         /* the session's */
  gboolean            read_only;

  GPtrArray          *children;       /* OurBoardItemWidget, stacking order */
  OurBoardItemWidget *selected;
  gboolean            resizing;
  char               *refocus_id;     /* an item whose widget had focus when restacked */
  int                 lost_focus_at;

  double              zoom;
  double              view_x, view_y; /* the board point at the top-left corner */
  gboolean            placed;         /* the view was fitted once */
  double              pointer_x, pointer_y;

  /* Dragging */
  DragKind            drag;
  OurBoardItemWidget *dragged;
  OurBoardItem       *preview;
  OurBoardZone       *zone_preview;
  OurBoardZone       *dragged_zone;
  double              start_x, start_y, start_w, start_h, start_rotation;
  double              start_view_x, start_view_y;
  double              drag_x, drag_y;  /* where the drag started, widget space */
  double              zoom_start;
  gint64              last_key;

  GtkPopover         *editor;
  GtkTextView        *editor_text;
  GtkLabel           *editor_error;
  OurBoardItem       *editing;
  guint               note_save_id;   /* saves what is typed after a pause */
  guint               zone_save_id;
  GtkPopover         *zone_editor;
  GtkEntry           *zone_entry;
  GtkSpinButton      *zone_box[4];    /* left, top, width, height */
  gboolean            zone_syncing;   /* setting the editor from the zone */
  OurBoardZone       *zone_editing;
  OurBoardZone       *menu_zone;
  GtkPopover         *menu;
};

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

static void update_actions (OurBoardCanvas *self);
static DragKind handle_at (OurBoardCanvas *self,
                           double          x,
                           double          y);

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static gboolean
writable (OurBoardCanvas *self)
{
  return self->plan != NULL && !self->read_only;
}

static OurBoardItemWidget *
find_child (OurBoardCanvas *self,
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

static void
board_to_widget (OurBoardCanvas *self,
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
  board_to_widget (self, x + w / 2, y + h / 2, &cx, &cy);
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

  if (self->selected != NULL && writable (self))
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
      update_actions (self);
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

static gboolean
run (OurBoardCanvas *self,
     OurCommand     *command)
{
  if (!writable (self))
    {
      g_object_unref (command);
      return FALSE;
    }
  /* The window tells the person about a failure (the history's "failed"). */
  return our_session_run (self->session, command, NULL);
}

/* One action, one undo step of its own. */
static gboolean
run_alone (OurBoardCanvas *self,
           OurCommand     *command)
{
  if (!writable (self))
    {
      g_object_unref (command);
      return FALSE;
    }
  return our_session_run_alone (self->session, command, NULL);
}

static gboolean
update_item (OurBoardCanvas *self,
             OurBoardItem   *new_state)
{
  return run (self, our_command_new_update_board_item (new_state));
}

void
our_board_canvas_show_toast (OurBoardCanvas *self,
                             const char     *message,
                             gboolean        with_undo)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  toast = adw_toast_new (message);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
our_board_canvas_delete_item (OurBoardCanvas *self,
                              OurBoardItem   *item)
{
  g_autoptr(OurBoardItem) held = NULL;

  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));
  g_return_if_fail (OUR_IS_BOARD_ITEM (item));

  if (!writable (self))
    return;
  held = g_object_ref (item);
  if (run (self, our_command_new_delete_board_item (our_board_item_get_id (held))))
    our_board_canvas_show_toast (self, _("Removed from the board"), TRUE);
}

gboolean
our_board_canvas_add_item (OurBoardCanvas *self,
                           OurBoardItem   *item)
{
  OurBoardItem *added;

  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), FALSE);
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (item), FALSE);

  if (!writable (self)
      || our_toast_if_full (GTK_WIDGET (self),
                            g_list_model_get_n_items (our_plan_get_board_items (self->plan)),
                            OUR_MAX_BOARD_ITEMS,
                            _("The notes board already holds as many things as Our Plan can keep.")))
    return FALSE;
  our_board_item_set_added_by (item, our_session_get_author (self->session));
  if (!run_alone (self, our_command_new_add_board_item (item, -1)))
    return FALSE;
  added = our_plan_find_board_item (self->plan, our_board_item_get_id (item), NULL);
  if (added != NULL)
    our_board_canvas_select (self, added, TRUE);
  return TRUE;
}

static OurBoardItem *
current_item (OurBoardCanvas *self)
{
  return self->selected != NULL ? our_board_item_widget_get_item (self->selected) : NULL;
}

/* The item actions (and so their keys) work only on a selected item of a
 * plan that can change; Escape only leaves resize mode. */
static void
update_actions (OurBoardCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  OurBoardItem *item = current_item (self);
  gboolean can = item != NULL && writable (self);
  gboolean note = item != NULL && our_board_item_get_kind (item) == OUR_BOARD_ITEM_NOTE;
  const char *names[] = { "item.delete", "item.resize", "item.front", "item.back",
                          "item.duplicate", "item.nudge", "item.toggle-resizing", "item.menu",
                          "item.activate" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_action_set_enabled (widget, names[i], can);
  gtk_widget_action_set_enabled (widget, "item.edit", can && note);
  gtk_widget_action_set_enabled (widget, "item.colour", can && note);
  gtk_widget_action_set_enabled (widget, "item.stop-resizing", can && self->resizing);
  gtk_widget_action_set_enabled (widget, "zone.rename", writable (self));
  gtk_widget_action_set_enabled (widget, "zone.remove", writable (self));
  gtk_widget_action_set_enabled (widget, "zone.rename-id", writable (self));
  gtk_widget_action_set_enabled (widget, "zone.remove-id", writable (self));
}

/* Keyboard moves and resizes */

static void
nudge (OurBoardCanvas *self,
       double          dx,
       double          dy)
{
  OurBoardItem *item = current_item (self);
  g_autoptr(OurBoardItem) state = NULL;
  gint64 now = g_get_monotonic_time ();
  double x, y, w, h;

  if (item == NULL || !writable (self))
    return;

  /* A key held down repeats: that is one change for undo. */
  if (now - self->last_key > KEY_MERGE_USEC)
    our_session_end_edit (self->session);
  self->last_key = now;
  {
    g_autofree char *key = g_strdup_printf ("board-keys:%s", our_board_item_get_id (item));
    our_session_begin_edit (self->session, key);
  }

  state = our_board_item_copy (item);
  our_board_item_get_box (item, &x, &y, &w, &h);
  if (self->resizing)
    our_board_item_set_box (state, x, y, w + dx, h + dy);
  else
    our_board_item_set_box (state, x + dx, y + dy, w, h);
  if (our_board_item_equal (state, item))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  update_item (self, state);
}

static void
show_menu (OurBoardCanvas *self,
           OurBoardItem   *item,
           OurBoardZone   *zone,
           double          x,
           double          y);

static void
nudge_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  nudge (OUR_BOARD_CANVAS (widget), dx, dy);
}

static void
key_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);
  OurBoardItem *item = current_item (self);

  if (item == NULL)
    return;
  if (g_str_equal (action_name, "item.toggle-resizing"))
    our_board_canvas_set_resizing (self, !self->resizing);
  else if (g_str_equal (action_name, "item.stop-resizing"))
    our_board_canvas_set_resizing (self, FALSE);
  else if (g_str_equal (action_name, "item.activate"))
    {
      if (self->resizing)
        our_board_canvas_set_resizing (self, FALSE);
      else if (our_board_item_get_kind (item) == OUR_BOARD_ITEM_NOTE)
        our_board_canvas_edit_note (self, item);
    }
  else if (g_str_equal (action_name, "item.menu"))
    show_menu (self, item, NULL, -1, -1);
}

/* Editing a note in place */

static gboolean note_too_long (OurBoardCanvas *self);

static void
commit_note (OurBoardCanvas *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->editor_text);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(OurBoardItem) state = NULL;

  /* Deleted (or undone) while being edited: nothing to save to. */
  if (self->editing == NULL || !writable (self)
      || !our_plan_find_board_item (self->plan, our_board_item_get_id (self->editing), NULL))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, our_board_item_get_text (self->editing)) == 0)
    return;

  /* One visit to the editor is one undo step: its saves merge, since the
   * visit began with a break (our_board_canvas_edit_note()). */
  state = our_board_item_copy (self->editing);
  our_board_item_set_text (state, text, our_session_get_author (self->session));
  update_item (self, state);
}

static gboolean
save_typing_cb (gpointer user_data)
{
  OurBoardCanvas *self = user_data;

  self->note_save_id = 0;
  if (!note_too_long (self))
    commit_note (self);
  return G_SOURCE_REMOVE;
}

static gboolean
note_too_long (OurBoardCanvas *self)
{
  return gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->editor_text)) >
         OUR_NOTE_TEXT_MAX;
}

static void
editor_text_changed_cb (OurBoardCanvas *self)
{
  gboolean too_long = note_too_long (self);

  if (too_long)
    {
      g_autofree char *message =
        g_strdup_printf (_("A note holds up to %d letters. Shorten it, or split it into two notes."),
                         OUR_NOTE_TEXT_MAX);
      gtk_label_set_label (self->editor_error, message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), too_long);

  /* What is typed is in the plan file within a second, like every edit,
   * not only when the editor closes. */
  g_clear_handle_id (&self->note_save_id, g_source_remove);
  if (self->editing != NULL && !too_long)
    self->note_save_id = g_timeout_add (OUR_TEXT_FIELD_SAVE_DELAY_MS, save_typing_cb, self);
}

static void
editor_done_cb (OurBoardCanvas *self)
{
  if (note_too_long (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_popover_popdown (self->editor);
}

static gboolean
editor_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               OurBoardCanvas        *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      editor_done_cb (self);
      return TRUE;
    }
  return FALSE;
}

static void
editor_closed_cb (OurBoardCanvas *self)
{
  g_autoptr(OurBoardItem) item = g_steal_pointer (&self->editing);
  OurBoardItemWidget *child;

  self->editing = item;
  g_clear_handle_id (&self->note_save_id, g_source_remove);
  if (note_too_long (self))
    our_board_canvas_show_toast (self, _("The note was too long to keep the change."), FALSE);
  else
    commit_note (self);
  our_session_end_edit (self->session);
  self->editing = NULL;

  child = item != NULL ? find_child (self, item, NULL) : NULL;
  if (child != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (child));
}

static void
ensure_editor (OurBoardCanvas *self)
{
  GtkWidget *box, *scrolled, *button_box, *done, *hint;
  GtkEventController *keys;

  if (self->editor != NULL)
    return;

  self->editor = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (self));
  gtk_popover_set_position (self->editor, GTK_POS_BOTTOM);
  g_signal_connect_object (self->editor, "closed", G_CALLBACK (editor_closed_cb), self,
                           G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 320, 180);
  self->editor_text = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->editor_text, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->editor_text, 8);
  gtk_text_view_set_right_margin (self->editor_text, 8);
  gtk_text_view_set_top_margin (self->editor_text, 8);
  gtk_text_view_set_bottom_margin (self->editor_text, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor_text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Words on the note"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->editor_text));
  gtk_box_append (GTK_BOX (box), scrolled);
  g_signal_connect_object (gtk_text_view_get_buffer (self->editor_text), "changed",
                           G_CALLBACK (editor_text_changed_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (editor_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->editor_text), keys);

  self->editor_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->editor_error, TRUE);
  gtk_label_set_xalign (self->editor_error, 0);
  gtk_label_set_max_width_chars (self->editor_error, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->editor_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor_error));

  button_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  hint = gtk_label_new (_("Ctrl+Enter when done"));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_box_append (GTK_BOX (button_box), hint);
  done = gtk_button_new_with_mnemonic (_("_Done"));
  gtk_widget_add_css_class (done, "suggested-action");
  g_signal_connect_object (done, "clicked", G_CALLBACK (editor_done_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (button_box), done);
  gtk_box_append (GTK_BOX (box), button_box);

  gtk_popover_set_child (self->editor, box);
}

static void
point_popover_at_item (OurBoardCanvas *self,
                       GtkPopover     *popover,
                       OurBoardItem   *item)
{
  double bx, by, bw, bh, x0, y0, x1, y1;

  our_board_item_get_bounds (item, &bx, &by, &bw, &bh);
  board_to_widget (self, bx, by, &x0, &y0);
  board_to_widget (self, bx + bw, by + bh, &x1, &y1);
  x0 = CLAMP (x0, 0, gtk_widget_get_width (GTK_WIDGET (self)));
  x1 = CLAMP (x1, 0, gtk_widget_get_width (GTK_WIDGET (self)));
  y0 = CLAMP (y0, 0, gtk_widget_get_height (GTK_WIDGET (self)));
  y1 = CLAMP (y1, 0, gtk_widget_get_height (GTK_WIDGET (self)));
  gtk_popover_set_pointing_to (popover, &(GdkRectangle) { (int) x0, (int) y0,
                                                          MAX (1, (int) (x1 - x0)),
                                                          MAX (1, (int) (y1 - y0)) });
}

void
our_board_canvas_edit_note (OurBoardCanvas *self,
                            OurBoardItem   *item)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));
  g_return_if_fail (OUR_IS_BOARD_ITEM (item));

  if (!writable (self) || our_board_item_get_kind (item) != OUR_BOARD_ITEM_NOTE)
    return;

  ensure_editor (self);
  /* Setting the text is not typing: no save for it. */
  g_clear_object (&self->editing);
  buffer = gtk_text_view_get_buffer (self->editor_text);
  gtk_text_buffer_set_text (buffer, our_board_item_get_text (item), -1);
  g_set_object (&self->editing, item);
  /* Typing in the note, however many pauses, is one undo step. */
  {
    g_autofree char *key = g_strdup_printf ("board-note:%s", our_board_item_get_id (item));
    our_session_begin_edit (self->session, key);
  }
  point_popover_at_item (self, self->editor, item);
  gtk_popover_popup (self->editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor_text));
}

/* Zones: renaming */

static void
zone_entry_activate_cb (OurBoardCanvas *self)
{
  gtk_popover_popdown (self->zone_editor);
}

/* Saves the name typed so far; the saves of one visit merge into one undo
 * step (the visit began with a break, in rename_zone()). */
static void
commit_zone_name (OurBoardCanvas *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->zone_entry));
  g_autoptr(OurBoardZone) state = NULL;

  if (self->zone_editing == NULL || !writable (self)
      || g_strcmp0 (name, our_board_zone_get_name (self->zone_editing)) == 0
      || !our_plan_find_board_zone (self->plan, our_board_zone_get_id (self->zone_editing), NULL))
    return;
  state = our_board_zone_copy (self->zone_editing);
  our_board_zone_set_name (state, name, our_session_get_author (self->session));
  run (self, our_command_new_update_board_zone (state));
}

static gboolean
save_zone_name_cb (gpointer user_data)
{
  OurBoardCanvas *self = user_data;

  self->zone_save_id = 0;
  commit_zone_name (self);
  return G_SOURCE_REMOVE;
}

static void
zone_entry_changed_cb (OurBoardCanvas *self)
{
  g_clear_handle_id (&self->zone_save_id, g_source_remove);
  if (self->zone_editing != NULL)
    self->zone_save_id = g_timeout_add (OUR_TEXT_FIELD_SAVE_DELAY_MS, save_zone_name_cb, self);
}

/* The place and size fields, so that a zone can be moved and resized from
 * the keyboard too; each change is saved at once and the visit stays one
 * undo step. */
static void
zone_box_changed_cb (OurBoardCanvas *self)
{
  g_autoptr(OurBoardZone) state = NULL;
  double box[4], x, y, w, h;

  if (self->zone_syncing || self->zone_editing == NULL || !writable (self)
      || !our_plan_find_board_zone (self->plan, our_board_zone_get_id (self->zone_editing), NULL))
    return;
  for (guint i = 0; i < 4; i++)
    box[i] = gtk_spin_button_get_value (self->zone_box[i]);
  our_board_zone_get_box (self->zone_editing, &x, &y, &w, &h);
  if (box[0] == x && box[1] == y && box[2] == w && box[3] == h)
    return;
  state = our_board_zone_copy (self->zone_editing);
  our_board_zone_set_box (state, box[0], box[1], box[2], box[3]);
  run (self, our_command_new_update_board_zone (state));
}

static GtkWidget *
make_zone_box_fields (OurBoardCanvas *self)
{
  const char *labels[4] = {
    N_("From the left"), N_("From the top"), N_("Width"), N_("Height"),
  };
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *label = gtk_label_new (_(labels[i]));
      double low = i < 2 ? -OUR_BOARD_COORD_LIMIT : OUR_BOARD_ITEM_MIN_SIZE;
      double high = i < 2 ? OUR_BOARD_COORD_LIMIT : OUR_BOARD_ITEM_MAX_SIZE;
      GtkWidget *spin = gtk_spin_button_new_with_range (low, high, 10);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (zone_box_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_grid_attach (GTK_GRID (grid), label, (i % 2) * 2, i / 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), spin, (i % 2) * 2 + 1, i / 2, 1, 1);
      self->zone_box[i] = GTK_SPIN_BUTTON (spin);
    }
  return grid;
}

static void
zone_editor_closed_cb (OurBoardCanvas *self)
{
  g_clear_handle_id (&self->zone_save_id, g_source_remove);
  commit_zone_name (self);
  our_session_end_edit (self->session);
  g_clear_object (&self->zone_editing);
}

static void
rename_zone (OurBoardCanvas *self,
             OurBoardZone   *zone)
{
  double x, y, w, h, x0, y0;

  if (!writable (self))
    return;
  if (self->zone_editor == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (_("Name of this part of the board"));

      self->zone_editor = GTK_POPOVER (gtk_popover_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->zone_editor), GTK_WIDGET (self));
      g_signal_connect_object (self->zone_editor, "closed", G_CALLBACK (zone_editor_closed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      self->zone_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_max_length (self->zone_entry, 200);
      gtk_widget_set_size_request (GTK_WIDGET (self->zone_entry), 280, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->zone_entry),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_signal_connect_object (self->zone_entry, "activate", G_CALLBACK (zone_entry_activate_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->zone_entry, "changed", G_CALLBACK (zone_entry_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->zone_entry));
      {
        GtkWidget *heading = gtk_label_new (_("Where it is and its size"));

        gtk_label_set_xalign (GTK_LABEL (heading), 0);
        gtk_widget_set_margin_top (heading, 6);
        gtk_box_append (GTK_BOX (box), heading);
        gtk_box_append (GTK_BOX (box), make_zone_box_fields (self));
      }
      gtk_popover_set_child (self->zone_editor, box);
    }

  /* Setting the fields is not typing: no save for it. */
  g_clear_object (&self->zone_editing);
  gtk_editable_set_text (GTK_EDITABLE (self->zone_entry), our_board_zone_get_name (zone));
  {
    double box[4];

    our_board_zone_get_box (zone, &box[0], &box[1], &box[2], &box[3]);
    self->zone_syncing = TRUE;
    for (guint i = 0; i < 4; i++)
      gtk_spin_button_set_value (self->zone_box[i], box[i]);
    self->zone_syncing = FALSE;
  }
  g_set_object (&self->zone_editing, zone);
  /* The name and the box of one visit to the area's editor are one step. */
  {
    g_autofree char *key = g_strdup_printf ("board-zone:%s", our_board_zone_get_id (zone));
    our_session_begin_edit (self->session, key);
  }
  our_board_zone_get_box (zone, &x, &y, &w, &h);
  board_to_widget (self, x + 16, y + 12, &x0, &y0);
  gtk_popover_set_pointing_to (self->zone_editor,
                               &(GdkRectangle) { (int) CLAMP (x0, 0, gtk_widget_get_width (GTK_WIDGET (self))),
                                                 (int) CLAMP (y0, 0, gtk_widget_get_height (GTK_WIDGET (self))),
                                                 1, (int) (24 * self->zoom) });
  gtk_popover_popup (self->zone_editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->zone_entry));
}

static OurBoardZone *
zone_at (OurBoardCanvas *self,
         double          x,
         double          y,
         gboolean       *on_header,
         gboolean       *on_corner)
{
  GListModel *zones;
  double bx, by;

  if (self->plan == NULL)
    return NULL;
  our_board_canvas_to_board (self, x, y, &bx, &by);
  zones = our_plan_get_board_zones (self->plan);
  /* The last zone is drawn on top: it is the one under the pointer. */
  for (guint i = g_list_model_get_n_items (zones); i > 0; i--)
    {
      g_autoptr(OurBoardZone) zone = g_list_model_get_item (zones, i - 1);
      double zx, zy, zw, zh;

      our_board_zone_get_box (zone, &zx, &zy, &zw, &zh);
      if (bx >= zx && bx <= zx + zw && by >= zy && by <= zy + zh)
        {
          if (on_header)
            *on_header = by <= zy + ZONE_HEADER;
          if (on_corner)
            *on_corner = bx >= zx + zw - ZONE_CORNER && by >= zy + zh - ZONE_CORNER;
          return zone;  /* the list holds it */
        }
    }
  return NULL;
}

/* Menus */

static void
show_menu (OurBoardCanvas *self,
           OurBoardItem   *item,
           OurBoardZone   *zone,
           double          x,
           double          y)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  if (!writable (self))
    return;

  if (self->menu != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->menu));
      self->menu = NULL;
    }
  g_set_object (&self->menu_zone, zone);

  if (item != NULL)
    {
      g_autoptr(GMenu) first = g_menu_new ();
      g_autoptr(GMenu) order = g_menu_new ();
      g_autoptr(GMenu) last = g_menu_new ();

      if (our_board_item_get_kind (item) == OUR_BOARD_ITEM_NOTE)
        {
          g_autoptr(GMenu) colours = g_menu_new ();

          g_menu_append (first, _("_Write on It"), "item.edit");
          for (int c = 0; c < OUR_N_NOTE_COLOURS; c++)
            {
              g_autoptr(GMenuItem) entry = g_menu_item_new (our_note_colour_get_label (c), NULL);

              g_menu_item_set_action_and_target_value (entry, "item.colour",
                                                       g_variant_new_int32 (c));
              g_menu_append_item (colours, entry);
            }
          g_menu_append_submenu (first, _("_Colour"), G_MENU_MODEL (colours));
        }
      g_menu_append (order, _("Bring to _Front"), "item.front");
      g_menu_append (order, _("Send to _Back"), "item.back");
      g_menu_append (order, _("_Resize with Arrow Keys"), "item.resize");
      g_menu_append (last, _("D_uplicate"), "item.duplicate");
      g_menu_append (last, _("_Remove from the Board"), "item.delete");
      if (g_menu_model_get_n_items (G_MENU_MODEL (first)) > 0)
        g_menu_append_section (menu, NULL, G_MENU_MODEL (first));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (last));
    }
  else if (zone != NULL)
    {
      g_menu_append (menu, _("_Name, Place and Size…"), "zone.rename");
      g_menu_append (menu, _("_Remove This Part"), "zone.remove");
    }
  else
    return;

  self->menu = GTK_POPOVER (gtk_popover_menu_new_from_model (G_MENU_MODEL (menu)));
  gtk_widget_set_parent (GTK_WIDGET (self->menu), GTK_WIDGET (self));
  gtk_popover_set_has_arrow (self->menu, x < 0);
  if (x >= 0)
    gtk_popover_set_pointing_to (self->menu, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else if (item != NULL)
    point_popover_at_item (self, self->menu, item);
  gtk_popover_popup (self->menu);
}

void
our_board_canvas_show_item_menu (OurBoardCanvas *self)
{
  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));

  if (current_item (self) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  show_menu (self, current_item (self), NULL, -1, -1);
}

static void
item_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);
  OurBoardItem *item = current_item (self);
  guint position = 0;

  if (item == NULL || !writable (self))
    return;
  our_plan_find_board_item (self->plan, our_board_item_get_id (item), &position);

  if (g_str_equal (action_name, "item.edit"))
    our_board_canvas_edit_note (self, item);
  else if (g_str_equal (action_name, "item.delete"))
    our_board_canvas_delete_item (self, item);
  else if (g_str_equal (action_name, "item.resize"))
    our_board_canvas_set_resizing (self, TRUE);
  else if (g_str_equal (action_name, "item.front") || g_str_equal (action_name, "item.back"))
    {
      guint n = our_plan_get_n_board_items (self->plan);
      guint to = g_str_equal (action_name, "item.front") ? n - 1 : 0;
      GtkWidget *child = GTK_WIDGET (self->selected);

      if (to == position)
        return;
      if (gtk_widget_get_focus_child (widget) == child || gtk_widget_has_focus (child))
        {
          g_free (self->refocus_id);
          self->refocus_id = g_strdup (our_board_item_get_id (item));
        }
      run_alone (self, our_command_new_restack_board_item (our_board_item_get_id (item), to));
      if (self->refocus_id != NULL)
        {
          /* Not moved after all: forget it. */
          g_clear_pointer (&self->refocus_id, g_free);
        }
    }
  else if (g_str_equal (action_name, "item.duplicate"))
    {
      g_autoptr(OurBoardItem) copy = our_board_item_new (NULL, our_board_item_get_kind (item));
      double x, y, w, h;

      our_board_item_assign (copy, item);
      our_board_item_get_box (item, &x, &y, &w, &h);
      our_board_item_set_box (copy, x + 24, y + 24, w, h);
      our_board_canvas_add_item (self, copy);
    }
  else if (g_str_equal (action_name, "item.colour"))
    {
      g_autoptr(OurBoardItem) state = our_board_item_copy (item);

      our_board_item_set_colour (state, g_variant_get_int32 (parameter));
      our_session_begin_group (self->session, NULL);
      update_item (self, state);
      our_session_end_group (self->session, NULL);
    }
}

static void
zone_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OurBoardCanvas *self = OUR_BOARD_CANVAS (widget);
  g_autoptr(OurBoardZone) zone = NULL;

  if (!writable (self))
    return;
  /* From the board's own menu, or by id from the "Zones" menu. */
  if (parameter != NULL)
    {
      OurBoardZone *found = our_plan_find_board_zone (self->plan,
                                                      g_variant_get_string (parameter, NULL),
                                                      NULL);
      zone = found ? g_object_ref (found) : NULL;
    }
  else if (self->menu_zone != NULL)
    zone = g_object_ref (self->menu_zone);
  if (zone == NULL)
    return;
  if (g_str_has_prefix (action_name, "zone.rename"))
    rename_zone (self, zone);
  else if (g_str_has_prefix (action_name, "zone.remove"))
    {
      if (run (self, our_command_new_delete_board_zone (our_board_zone_get_id (zone))))
        our_board_canvas_show_toast (self, _("Part of the board removed"), TRUE);
    }
}

/* Pointer: clicks */

static OurBoardItemWidget *
child_at (OurBoardCanvas *self,
          double          x,
          double          y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (picked != NULL && picked != GTK_WIDGET (self) && !OUR_IS_BOARD_ITEM_WIDGET (picked))
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL || picked == GTK_WIDGET (self))
    return NULL;
  return OUR_BOARD_ITEM_WIDGET (picked);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  OurBoardCanvas  *self)
{
  OurBoardItemWidget *child;
  gboolean on_header = FALSE;
  OurBoardZone *zone;

  /* A handle of the selected item: the drag gesture takes it from here. */
  if (handle_at (self, x, y) != DRAG_NONE)
    return;
  child = child_at (self, x, y);
  if (child != NULL)
    {
      OurBoardItem *item = our_board_item_widget_get_item (child);

      our_board_canvas_select (self, item, TRUE);
      if (n_press == 2 && our_board_item_get_kind (item) == OUR_BOARD_ITEM_NOTE)
        our_board_canvas_edit_note (self, item);
      return;
    }

  zone = zone_at (self, x, y, &on_header, NULL);
  if (n_press == 2 && zone != NULL && on_header)
    {
      rename_zone (self, zone);
      return;
    }
  our_board_canvas_select (self, NULL, FALSE);
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      OurBoardCanvas  *self)
{
  OurBoardItemWidget *child = child_at (self, x, y);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (child != NULL)
    {
      OurBoardItem *item = our_board_item_widget_get_item (child);

      our_board_canvas_select (self, item, TRUE);
      show_menu (self, item, NULL, x, y);
      return;
    }
  show_menu (self, NULL, zone_at (self, x, y, NULL, NULL), x, y);
}

/* Pointer: dragging */

/* Which handle of the selected item is under (@x, @y), if any. */
static DragKind
handle_at (OurBoardCanvas *self,
           double          x,
           double          y)
{
  OurBoardItem *item;
  graphene_point_t local;
  double w, h, W, H;

  if (self->selected == NULL || !writable (self))
    return DRAG_NONE;
  item = our_board_item_widget_get_item (self->selected);
  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->selected),
                                 &GRAPHENE_POINT_INIT (x, y), &local))
    return DRAG_NONE;
  our_board_item_get_box (item, NULL, NULL, &w, &h);
  W = w * self->zoom;
  H = h * self->zoom;
  if (hypot (local.x - W, local.y - H) <= HANDLE_RADIUS + 4)
    return DRAG_RESIZE;
  if (hypot (local.x - W / 2, local.y + ROTATE_HANDLE_GAP) <= HANDLE_RADIUS + 4)
    return DRAG_ROTATE;
  return DRAG_NONE;
}

gboolean
our_board_canvas_drag_begin (OurBoardCanvas *self,
                             double          x,
                             double          y)
{
  DragKind handle;
  OurBoardItemWidget *child = NULL;

  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), FALSE);

  handle = handle_at (self, x, y);
  self->drag = DRAG_NONE;
  self->drag_x = x;
  self->drag_y = y;
  self->start_view_x = self->view_x;
  self->start_view_y = self->view_y;

  if (handle == DRAG_NONE)
    child = child_at (self, x, y);
  else
    child = self->selected;

  if (child != NULL && writable (self))
    {
      OurBoardItem *item = our_board_item_widget_get_item (child);

      self->drag = handle != DRAG_NONE ? handle : DRAG_MOVE;
      self->dragged = child;
      our_board_item_get_box (item, &self->start_x, &self->start_y, &self->start_w,
                              &self->start_h);
      self->start_rotation = our_board_item_get_rotation (item);
      return TRUE;
    }
  if (child != NULL)
    {
      self->drag = DRAG_PAN;
      return TRUE;
    }

  {
    gboolean on_header = FALSE, on_corner = FALSE;
    OurBoardZone *zone = zone_at (self, x, y, &on_header, &on_corner);

    if (zone != NULL && writable (self) && (on_header || on_corner))
      {
        self->drag = on_corner ? DRAG_ZONE_RESIZE : DRAG_ZONE_MOVE;
        g_set_object (&self->dragged_zone, zone);
        our_board_zone_get_box (zone, &self->start_x, &self->start_y, &self->start_w,
                                &self->start_h);
        return TRUE;
      }
  }
  self->drag = DRAG_PAN;
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               OurBoardCanvas *self)
{
  our_board_canvas_drag_begin (self, x, y);
}

gboolean
our_board_canvas_drag_update (OurBoardCanvas *self,
                              double          dx,
                              double          dy,
                              gboolean        snap)
{
  double bdx, bdy;

  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), FALSE);

  bdx = dx / self->zoom;
  bdy = dy / self->zoom;
  if (self->drag == DRAG_NONE)
    return FALSE;
  /* A press that hardly moves is a click. */
  if (self->drag != DRAG_PAN && hypot (dx, dy) < 3 && self->preview == NULL &&
      self->zone_preview == NULL)
    return FALSE;

  switch (self->drag)
    {
    case DRAG_PAN:
      self->view_x = self->start_view_x - bdx;
      self->view_y = self->start_view_y - bdy;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;

    case DRAG_MOVE:
    case DRAG_RESIZE:
    case DRAG_ROTATE:
      {
        OurBoardItem *item = our_board_item_widget_get_item (self->dragged);

        if (self->preview == NULL)
          self->preview = our_board_item_copy (item);
        if (self->drag == DRAG_MOVE)
          our_board_item_set_box (self->preview, self->start_x + bdx, self->start_y + bdy,
                                  self->start_w, self->start_h);
        else if (self->drag == DRAG_RESIZE)
          {
            /* The pointer's move along the item's own (turned) sides; the
             * opposite corner stays where it is. */
            double angle = self->start_rotation * G_PI / 180.0;
            double c = cos (angle), s = sin (angle);
            double lx = bdx * c + bdy * s, ly = -bdx * s + bdy * c;
            double w = CLAMP (self->start_w + lx, OUR_BOARD_ITEM_MIN_SIZE, OUR_BOARD_ITEM_MAX_SIZE);
            double h = CLAMP (self->start_h + ly, OUR_BOARD_ITEM_MIN_SIZE, OUR_BOARD_ITEM_MAX_SIZE);
            double gw = (w - self->start_w) / 2, gh = (h - self->start_h) / 2;
            double cx = self->start_x + self->start_w / 2 + gw * c - gh * s;
            double cy = self->start_y + self->start_h / 2 + gw * s + gh * c;

            our_board_item_set_box (self->preview, cx - w / 2, cy - h / 2, w, h);
          }
        else
          {
            double px, py, angle;
            double cx = self->start_x + self->start_w / 2, cy = self->start_y + self->start_h / 2;

            our_board_canvas_to_board (self, self->drag_x + dx, self->drag_y + dy, &px, &py);
            angle = atan2 (py - cy, px - cx) * 180.0 / G_PI + 90.0;
            if (snap)
              angle = round (angle / 15.0) * 15.0;
            else if (fabs (remainder (angle, 90.0)) < 3)
              angle = round (angle / 90.0) * 90.0;  /* upright is easy to hit */
            our_board_item_set_rotation (self->preview, angle);
          }
        our_board_item_widget_set_preview (self->dragged, self->preview);
        gtk_widget_queue_allocate (GTK_WIDGET (self));
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      return TRUE;

    case DRAG_ZONE_MOVE:
    case DRAG_ZONE_RESIZE:
      if (self->zone_preview == NULL)
        self->zone_preview = our_board_zone_copy (self->dragged_zone);
      if (self->drag == DRAG_ZONE_MOVE)
        our_board_zone_set_box (self->zone_preview, self->start_x + bdx, self->start_y + bdy,
                                self->start_w, self->start_h);
      else
        our_board_zone_set_box (self->zone_preview, self->start_x, self->start_y,
                                MAX (120, self->start_w + bdx), MAX (90, self->start_h + bdy));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;

    case DRAG_NONE:
    default:
      return FALSE;
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                OurBoardCanvas *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (our_board_canvas_drag_update (self, dx, dy, (state & GDK_SHIFT_MASK) != 0))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
end_drag (OurBoardCanvas *self,
          gboolean        keep)
{
  g_autoptr(OurBoardItem) preview = g_steal_pointer (&self->preview);
  g_autoptr(OurBoardZone) zone_preview = g_steal_pointer (&self->zone_preview);
  OurBoardItemWidget *dragged = self->dragged;

  self->dragged = NULL;
  self->drag = DRAG_NONE;
  g_clear_object (&self->dragged_zone);

  /* One drag is one undo step. */
  if (keep && preview != NULL && dragged != NULL &&
      !our_board_item_equal (preview, our_board_item_widget_get_item (dragged)))
    {
      our_session_begin_group (self->session, NULL);
      update_item (self, preview);
      our_session_end_group (self->session, NULL);
    }
  if (keep && zone_preview != NULL)
    {
      run_alone (self, our_command_new_update_board_zone (zone_preview));
    }
  if (dragged != NULL)
    our_board_item_widget_set_preview (dragged, NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
our_board_canvas_drag_end (OurBoardCanvas *self,
                           gboolean        keep)
{
  g_return_if_fail (OUR_IS_BOARD_CANVAS (self));
  end_drag (self, keep);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             OurBoardCanvas *self)
{
  end_drag (self, TRUE);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                OurBoardCanvas   *self)
{
  end_drag (self, FALSE);
}

/* Zoom and pan */

static void
zoom_around (OurBoardCanvas *self,
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

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           OurBoardCanvas           *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
scroll_cb (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           OurBoardCanvas           *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  gboolean wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      zoom_around (self, self->zoom * pow (wheel ? 1.15 : 1.01, -dy), self->pointer_x,
                   self->pointer_y);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  self->view_x += dx * (wheel ? 48 : 1) / self->zoom;
  self->view_y += dy * (wheel ? 48 : 1) / self->zoom;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               OurBoardCanvas   *self)
{
  self->zoom_start = self->zoom;
  /* A pinch is not a drag. */
  end_drag (self, FALSE);
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       OurBoardCanvas *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_around (self, self->zoom_start * scale, x, y);
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

  zoom_around (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
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

  end_drag (self, FALSE);

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
    case PROP_SELECTED: g_value_set_object (value, current_item (self)); break;
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

  gtk_widget_class_install_action (widget_class, "item.edit", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.delete", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.resize", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.front", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.back", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.duplicate", NULL, item_action_cb);
  gtk_widget_class_install_action (widget_class, "item.colour", "i", item_action_cb);
  gtk_widget_class_install_action (widget_class, "zone.rename", NULL, zone_action_cb);
  gtk_widget_class_install_action (widget_class, "zone.remove", NULL, zone_action_cb);
  gtk_widget_class_install_action (widget_class, "zone.rename-id", "s", zone_action_cb);
  gtk_widget_class_install_action (widget_class, "zone.remove-id", "s", zone_action_cb);

  gtk_widget_class_install_action (widget_class, "item.nudge", "(dd)", nudge_action_cb);
  gtk_widget_class_install_action (widget_class, "item.toggle-resizing", NULL, key_action_cb);
  gtk_widget_class_install_action (widget_class, "item.stop-resizing", NULL, key_action_cb);
  gtk_widget_class_install_action (widget_class, "item.activate", NULL, key_action_cb);
  gtk_widget_class_install_action (widget_class, "item.menu", NULL, key_action_cb);

  /* The keys work on the item that has the keyboard (it is the selected
   * one); the arrows move it, or resize it in resize mode. */
  {
    const struct { guint key, kp_key; double dx, dy; } arrows[] = {
      { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 },
      { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
      { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },
      { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
      {
        gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "item.nudge", "(dd)",
                                             arrows[i].dx * KEY_STEP, arrows[i].dy * KEY_STEP);
        gtk_widget_class_add_binding_action (widget_class, arrows[i].kp_key, 0, "item.nudge",
                                             "(dd)", arrows[i].dx * KEY_STEP,
                                             arrows[i].dy * KEY_STEP);
        gtk_widget_class_add_binding_action (widget_class, arrows[i].key, GDK_SHIFT_MASK,
                                             "item.nudge", "(dd)", arrows[i].dx * KEY_BIG_STEP,
                                             arrows[i].dy * KEY_BIG_STEP);
      }
  }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "item.toggle-resizing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R, GDK_SHIFT_MASK,
                                       "item.toggle-resizing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "item.toggle-resizing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "item.stop-resizing", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "item.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "item.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "item.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "item.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "item.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "item.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "item.menu",
                                       NULL);

  gtk_widget_class_set_css_name (widget_class, "boardcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
our_board_canvas_init (OurBoardCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->children = g_ptr_array_new ();
  self->zoom = 1.0;
  self->lost_focus_at = -1;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));

  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes board"),
                                  -1);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  update_actions (self);
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
  end_drag (self, FALSE);
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

  update_actions (self);
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
      end_drag (self, FALSE);
      our_board_canvas_set_resizing (self, FALSE);
      if (self->editor != NULL)
        gtk_popover_popdown (self->editor);
    }
  for (guint i = 0; i < self->children->len; i++)
    gtk_widget_set_cursor_from_name (g_ptr_array_index (self->children, i),
                                     read_only ? NULL : "grab");
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

OurBoardItem *
our_board_canvas_get_selected (OurBoardCanvas *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), NULL);
  return current_item (self);
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
      child = find_child (self, item, NULL);
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
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

GtkWidget *
our_board_canvas_get_item_widget (OurBoardCanvas *self,
                                  OurBoardItem   *item)
{
  g_return_val_if_fail (OUR_IS_BOARD_CANVAS (self), NULL);
  return GTK_WIDGET (find_child (self, item, NULL));
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

  resizing = !!resizing && self->selected != NULL && writable (self);
  if (self->resizing == resizing)
    return;
  self->resizing = resizing;
  if (self->selected != NULL)
    our_board_item_widget_set_resizing (self->selected, resizing);
  if (self->plan != NULL)
    our_session_end_edit (self->session);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESIZING]);
}
