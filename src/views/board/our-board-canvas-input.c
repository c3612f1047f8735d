/* our-board-canvas-input.c: the notes board's pointer, touch, scroll and zoom
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
#include "our-limits.h"
#include "our-text-field.h"
#include "our-toast.h"

static DragKind handle_at (OurBoardCanvas *self,
                           double          x,
                           double          y);

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
      our_board_canvas_rename_zone (self, zone);
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
      our_board_canvas_show_menu (self, item, NULL, x, y);
      return;
    }
  our_board_canvas_show_menu (self, NULL, zone_at (self, x, y, NULL, NULL), x, y);
}

/* Which handle of the selected item is under (@x, @y), if any. */
static DragKind
handle_at (OurBoardCanvas *self,
           double          x,
           double          y)
{
  OurBoardItem *item;
  graphene_point_t local;
  double w, h, W, H;

  if (self->selected == NULL || !our_board_canvas_is_writable (self))
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

  if (child != NULL && our_board_canvas_is_writable (self))
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

    if (zone != NULL && our_board_canvas_is_writable (self) && (on_header || on_corner))
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

void
our_board_canvas_end_drag (OurBoardCanvas *self,
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
      our_board_canvas_update_item (self, preview);
      our_session_end_group (self->session, NULL);
    }
  if (keep && zone_preview != NULL)
    {
      our_board_canvas_run_alone (self, our_command_new_update_board_zone (zone_preview));
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
  our_board_canvas_end_drag (self, keep);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             OurBoardCanvas *self)
{
  our_board_canvas_end_drag (self, TRUE);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                OurBoardCanvas   *self)
{
  our_board_canvas_end_drag (self, FALSE);
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
      our_board_canvas_zoom_around (self, self->zoom * pow (wheel ? 1.15 : 1.01, -dy), self->pointer_x,
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
  our_board_canvas_end_drag (self, FALSE);
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
  our_board_canvas_zoom_around (self, self->zoom_start * scale, x, y);
}

/* The pointer, touch and scroll controllers. */
void
our_board_canvas_init_input (OurBoardCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();

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
}
