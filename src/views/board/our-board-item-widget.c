/* our-board-item-widget.c: one note, picture or symbol of the notes board as a real, focusable widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "our-board-item-widget.h"
#include "our-board-render.h"
#include "our-pixel-node.h"

/* Room around the box for the shadow and the selection frame. */
#define MARGIN 16.0

struct _OurBoardItemWidget
{
  GtkWidget      parent_instance;

  OurPlan       *plan;
  OurBoardItem  *item;
  OurBoardItem  *preview;
  double         zoom;
  gboolean       selected;
  gboolean       resizing;
  GCancellable  *loading;        /* the picture's pixels are being read */
  char          *picture_problem; /* why its picture cannot be shown, if so */

  /* The item drawn once into pixels, until it changes: moving it (a drag,
   * the arrow keys) only moves those pixels. */
  GskRenderNode *node;
};

G_DEFINE_FINAL_TYPE (OurBoardItemWidget, our_board_item_widget, GTK_TYPE_WIDGET)

static void
redraw (OurBoardItemWidget *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (OurBoardItemWidget *self)
{
  g_autofree char *label = our_board_item_describe (self->item);
  g_autofree char *description = NULL;
  const char *keys;

  switch (self->resizing ? -1 : (int) our_board_item_get_kind (self->item))
    {
    case -1:
      keys = _("Resizing: the arrow keys change its size. Press Enter or Escape when done.");
      break;
    case OUR_BOARD_ITEM_NOTE:
      keys = _("Press Enter to write on it. Arrow keys move it, R resizes it.");
      break;
    default:
      keys = _("Arrow keys move it, R resizes it.");
      break;
    }
  /* Whose words a note holds stays known, as everywhere in the plan. */
  if (our_board_item_get_kind (self->item) == OUR_BOARD_ITEM_NOTE &&
      *our_board_item_get_text (self->item) != '\0')
    /* TRANSLATORS: who wrote the note ("In my words", "Written by the
     * coordinator"), then what the keys do */
    description = g_strdup_printf (_("%s. %s"),
                                   our_author_get_label (our_board_item_get_text_author (self->item)),
                                   keys);
  else if (self->picture_problem != NULL)
    /* TRANSLATORS: why the picture cannot be shown, then what the keys do */
    description = g_strdup_printf (_("%s %s"), self->picture_problem, keys);
  else
    description = g_strdup (keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
item_notify_cb (OurBoardItemWidget *self,
                GParamSpec         *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "text") || g_str_equal (name, "symbol") ||
      g_str_equal (name, "text-author"))
    update_accessible (self);
  /* A move only moves the pixels (the canvas allocates them anew). */
  if (g_str_equal (name, "x") || g_str_equal (name, "y"))
    return;
  redraw (self);
}

OurBoardItem *
our_board_item_widget_get_shown (OurBoardItemWidget *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM_WIDGET (self), NULL);
  return self->preview != NULL ? self->preview : self->item;
}

static void
our_board_item_widget_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  OurBoardItemWidget *self = OUR_BOARD_ITEM_WIDGET (widget);
  double w, h;

  our_board_item_get_box (our_board_item_widget_get_shown (self), NULL, NULL, &w, &h);
  /* The canvas decides the size. */
  *minimum = 0;
  *natural = (int) ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? w : h) * self->zoom);
}

static gboolean
style_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
picture_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  OurBoardItemWidget *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean loaded = our_board_render_load_picture_finish (result, &error);

  if (self->loading != NULL && !g_cancellable_is_cancelled (self->loading))
    {
      g_clear_object (&self->loading);
      /* A picture that cannot be shown is drawn crossed out; a screen
       * reader hears why. */
      if (!loaded && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_free (self->picture_problem);
          self->picture_problem = g_strdup (error->message);
          update_accessible (self);
        }
      redraw (self);
    }
  g_object_unref (self);
}

/* A picture not decoded yet is read in a worker thread (a large photo takes
 * a while), and shown as an empty frame until then: opening a board of many
 * pictures never freezes the window. */
static gboolean
picture_ready (OurBoardItemWidget *self,
               OurBoardItem       *shown,
               cairo_t            *cr,
               double              w,
               double              h)
{
  OurPicture *picture;
  int side;

  if (our_board_item_get_kind (shown) != OUR_BOARD_ITEM_PICTURE)
    return TRUE;
  picture = our_plan_get_picture (self->plan, our_board_item_get_picture_id (shown));
  if (picture == NULL)
    return TRUE;
  side = our_board_render_picture_side (cr, picture, w, h);
  if (our_board_render_picture_is_ready (picture, side))
    return TRUE;
  if (self->loading == NULL)
    {
      self->loading = g_cancellable_new ();
      our_board_render_load_picture_async (picture, side, self->loading, picture_loaded_cb,
                                           g_object_ref (self));
    }
  return FALSE;
}

static void
draw_item_cb (gpointer  user_data,
              cairo_t  *cr)
{
  OurBoardItemWidget *self = user_data;
  OurBoardItem *shown = our_board_item_widget_get_shown (self);
  g_autoptr(OurBoardItem) still_loading = NULL;
  double w, h;

  our_board_item_get_box (shown, NULL, NULL, &w, &h);
  cairo_translate (cr, MARGIN, MARGIN);
  cairo_scale (cr, self->zoom, self->zoom);
  if (!picture_ready (self, shown, cr, w, h))
    {
      /* Without its picture the renderer draws the empty frame. */
      still_loading = our_board_item_copy (shown);
      our_board_item_set_picture_id (still_loading, "");
      shown = still_loading;
    }
  our_board_render_item_box (cr, gtk_widget_get_pango_context (GTK_WIDGET (self)), self->plan,
                             shown, w, h, style_is_dark ());
}

static void
our_board_item_widget_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  OurBoardItemWidget *self = OUR_BOARD_ITEM_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int node_w = width + 2 * (int) MARGIN, node_h = height + 2 * (int) MARGIN;
  gboolean focused = gtk_widget_has_visible_focus (widget);
  graphene_rect_t bounds;

  if (width <= 0 || height <= 0)
    return;

  if (self->node != NULL)
    {
      gsk_render_node_get_bounds (self->node, &bounds);
      if ((int) bounds.size.width != node_w || (int) bounds.size.height != node_h)
        g_clear_pointer (&self->node, gsk_render_node_unref);
    }
  if (self->node == NULL)
    self->node = our_pixel_node_new (widget, node_w, node_h, draw_item_cb, self);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-MARGIN, -MARGIN));
  gtk_snapshot_append_node (snapshot, self->node);
  gtk_snapshot_restore (snapshot);

  if (self->selected || focused)
    {
      const OurBoardStyle *style = our_board_style_get (style_is_dark ());
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (-6, -6, width + 12,
                                                                    height + 12));
      double dash[] = { 6, 4 };

      cairo_rectangle (cr, -3.5, -3.5, width + 7, height + 7);
      cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue,
                             self->selected ? 0.95 : 0.6);
      cairo_set_line_width (cr, 2);
      if (self->resizing)
        cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_destroy (cr);
    }
}

static void
our_board_item_widget_state_flags_changed (GtkWidget     *widget,
                                           GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (our_board_item_widget_parent_class)->state_flags_changed (widget, previous);
}

static void
our_board_item_widget_dispose (GObject *object)
{
  OurBoardItemWidget *self = OUR_BOARD_ITEM_WIDGET (object);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  g_clear_object (&self->preview);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->picture_problem, g_free);

  G_OBJECT_CLASS (our_board_item_widget_parent_class)->dispose (object);
}

static void
our_board_item_widget_class_init (OurBoardItemWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_board_item_widget_dispose;
  widget_class->measure = our_board_item_widget_measure;
  widget_class->snapshot = our_board_item_widget_snapshot;
  widget_class->state_flags_changed = our_board_item_widget_state_flags_changed;

  gtk_widget_class_set_css_name (widget_class, "boarditem");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
our_board_item_widget_init (OurBoardItemWidget *self)
{
  self->zoom = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (redraw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
our_board_item_widget_new (OurPlan      *plan,
                           OurBoardItem *item)
{
  OurBoardItemWidget *self;

  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (item), NULL);

  self = g_object_new (OUR_TYPE_BOARD_ITEM_WIDGET, NULL);
  self->plan = g_object_ref (plan);
  self->item = g_object_ref (item);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), self, G_CONNECT_SWAPPED);
  update_accessible (self);
  return GTK_WIDGET (self);
}

OurBoardItem *
our_board_item_widget_get_item (OurBoardItemWidget *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM_WIDGET (self), NULL);
  return self->item;
}

void
our_board_item_widget_set_preview (OurBoardItemWidget *self,
                                   OurBoardItem       *preview)
{
  double ow = 0, oh = 0, nw = 0, nh = 0;

  g_return_if_fail (OUR_IS_BOARD_ITEM_WIDGET (self));

  our_board_item_get_box (our_board_item_widget_get_shown (self), NULL, NULL, &ow, &oh);
  g_set_object (&self->preview, preview);
  our_board_item_get_box (our_board_item_widget_get_shown (self), NULL, NULL, &nw, &nh);
  /* Moving and turning keep the pixels; a new size draws them again. */
  if (ow != nw || oh != nh)
    redraw (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
our_board_item_widget_set_zoom (OurBoardItemWidget *self,
                                double              zoom)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM_WIDGET (self));

  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  redraw (self);
}

void
our_board_item_widget_set_selected (OurBoardItemWidget *self,
                                    gboolean            selected)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM_WIDGET (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
our_board_item_widget_get_selected (OurBoardItemWidget *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM_WIDGET (self), FALSE);
  return self->selected;
}

void
our_board_item_widget_set_resizing (OurBoardItemWidget *self,
                                    gboolean            resizing)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM_WIDGET (self));

  self->resizing = !!resizing;
  /* Screen readers say what the arrow keys now do. */
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
