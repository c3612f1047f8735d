/* our-member-widget.c: one member of the network diagram as a real, focusable widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "our-command.h"
#include "our-member-widget.h"
#include "our-pixel-node.h"
#include "our-network-render.h"

/* Room around the icon and label for the focus ring and the selection. */
#define MARGIN 8.0
/* Degrees per Alt+Left / Alt+Right. */
#define TURN_STEP 10.0
/* Key presses closer than this (key repeat) make one undo step. */
#define TURN_MERGE_USEC (700 * G_TIME_SPAN_MILLISECOND)

struct _OurMemberWidget
{
  GtkWidget        parent_instance;

  OurSession      *session;
  OurPlan         *plan;         /* the session's */
  OurMember       *member;
  gboolean         read_only;
  gboolean         selected;

  OurNetworkPlace  place;        /* label owned */
  double           font_scale;
  double           origin_x, origin_y;  /* top left of the box, layout space */
  double           width, height;

  gint64           last_turn;    /* monotonic time of the last Alt+arrow */

  /* The member drawn once into pixels and painted from them, until it
   * changes: a full repaint of a diagram of hundreds (a drag starting, a
   * glide) then copies pixels rather than drawing every icon and name. */
  GskRenderNode   *node;
};

G_DEFINE_FINAL_TYPE (OurMemberWidget, our_member_widget, GTK_TYPE_WIDGET)

char *
our_member_describe (OurMember *member)
{
  g_autofree char *ring = g_utf8_strdown (our_ring_get_label (our_member_get_ring (member)), -1);
  g_autofree char *helps = our_helps_describe (our_member_get_helps (member));
  const char *name = our_member_get_name (member);

  if (name == NULL || *name == '\0')
    name = _("No name");
  if (*helps == '\0')
    /* TRANSLATORS: a member of the network for screen readers: name, ring */
    return g_strdup_printf (_("%s, %s"), name, ring);
  /* TRANSLATORS: a member of the network for screen readers: name, ring,
   * what they help with, e.g. "Mum, closest to me, helps with: emotional" */
  return g_strdup_printf (_("%s, %s, helps with: %s"), name, ring, helps);
}

static void
update_accessible (OurMemberWidget *self)
{
  g_autofree char *name = our_member_describe (self->member);
  const char *relationship = our_member_get_text (self->member, OUR_MEMBER_TEXT_RELATIONSHIP);
  const char *kind = our_member_kind_get_label (our_member_get_kind (self->member));
  g_autofree char *description = NULL;

  if (relationship != NULL && *relationship != '\0')
    /* TRANSLATORS: kind of member and relationship, e.g. "A person: my sister" */
    description = g_strdup_printf (_("%s: %s"), kind, relationship);
  else
    description = g_strdup (kind);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), our_member_get_name (self->member));
}

static void
redraw (OurMemberWidget *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
member_notify_cb (OurMemberWidget *self,
                  GParamSpec      *pspec)
{
  const char *name = pspec->name;

  /* The angle is only where the view puts it, and notes are not shown:
   * nothing here changes, and a move stays cheap. */
  if (g_str_equal (name, "name") || g_str_equal (name, "ring") ||
      g_str_equal (name, "helps") || g_str_equal (name, "kind") ||
      g_str_equal (name, "relationship"))
    update_accessible (self);
  /* The name is drawn as the layout shortened it: see set_place(). */
  if (g_str_equal (name, "kind") || g_str_equal (name, "wished-for") ||
      g_str_equal (name, "symbol"))
    redraw (self);
}

static void
update_actions (OurMemberWidget *self)
{
  OurRing ring = our_member_get_ring (self->member);
  gboolean writable = !self->read_only && self->plan != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.ring-in",
                                 writable && ring > OUR_RING_CLOSEST);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.ring-out",
                                 writable && ring < OUR_RING_FURTHER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.turn-left", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.turn-right", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.delete", writable);
}

static void
member_place_cb (OurMemberWidget *self)
{
  update_actions (self);
}

static gboolean
place_member (OurMemberWidget *self,
              int              ring,
              double           angle)
{
  if (self->read_only || self->plan == NULL)
    return FALSE;

  /* The window tells the person about a failure (the history's "failed"). */
  return our_session_run (self->session, our_command_new_place_member (our_member_get_id (self->member),
                                                        ring, angle),
                          NULL);
}

static void
ring_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OurMemberWidget *self = OUR_MEMBER_WIDGET (widget);
  int ring = our_member_get_ring (self->member);

  ring += g_str_equal (action_name, "member.ring-in") ? -1 : 1;
  if (ring < OUR_RING_CLOSEST || ring > OUR_RING_FURTHER)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* Each move between rings is its own undo step. */
  our_session_begin_group (self->session, NULL);
  place_member (self, ring, our_member_get_angle (self->member));
  our_session_end_group (self->session, NULL);
}

static void
turn_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OurMemberWidget *self = OUR_MEMBER_WIDGET (widget);
  gint64 now = g_get_monotonic_time ();
  double delta = g_str_equal (action_name, "member.turn-right") ? TURN_STEP : -TURN_STEP;
  double angle = our_member_get_angle (self->member) + delta;

  /* A key held down repeats: that is one move for undo. */
  if (now - self->last_turn > TURN_MERGE_USEC)
    our_session_end_edit (self->session);
  self->last_turn = now;
  {
    g_autofree char *key = g_strdup_printf ("turn:%s", our_member_get_id (self->member));
    our_session_begin_edit (self->session, key);
  }

  if (angle < 0)
    angle += OUR_ANGLE_MAX;
  place_member (self, our_member_get_ring (self->member), angle);
}

/* The diagram around the widget opens the editor and removes members. */
static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "network.edit-member", "s",
                              our_member_get_id (OUR_MEMBER_WIDGET (widget)->member));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autofree char *id = g_strdup (our_member_get_id (OUR_MEMBER_WIDGET (widget)->member));

  /* This widget goes away with its member: hold on to it until done. */
  g_object_ref (widget);
  gtk_widget_activate_action (widget, "network.delete-member", "s", id);
  g_object_unref (widget);
}

static void
our_member_widget_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  OurMemberWidget *self = OUR_MEMBER_WIDGET (widget);

  /* The network view decides the size; nothing less would make sense. */
  *minimum = 0;
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height);
}

static void
draw_member (OurMemberWidget *self,
             cairo_t         *cr)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const OurNetworkStyle *style = our_network_style_get (adw_style_manager_get_dark (manager));
  double x = self->place.x - self->origin_x;
  double y = self->place.y - self->origin_y;
  gboolean focused = gtk_widget_has_visible_focus (GTK_WIDGET (self));

  if (self->selected)
    {
      /* A soft halo in the accent colour, under the icon and its name. */
      double left = MARGIN / 2, top = MARGIN / 2;
      double w = self->width - MARGIN, h = self->height - MARGIN;
      double r = MIN (14.0, MIN (w, h) / 2);

      cairo_new_sub_path (cr);
      cairo_arc (cr, left + w - r, top + r, r, -G_PI / 2, 0);
      cairo_arc (cr, left + w - r, top + h - r, r, 0, G_PI / 2);
      cairo_arc (cr, left + r, top + h - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, left + r, top + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue,
                             style->dark ? 0.30 : 0.18);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue, 0.7);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }

  our_network_render_member (cr, gtk_widget_get_pango_context (GTK_WIDGET (self)),
                             &self->place, x, y,
                             our_member_get_kind (self->member),
                             our_member_get_symbol (self->member),
                             our_member_get_wished_for (self->member),
                             focused, self->font_scale, style);
}

static void
draw_member_cb (gpointer  user_data,
                cairo_t  *cr)
{
  draw_member (user_data, cr);
}

static GskRenderNode *
make_node (OurMemberWidget *self,
           int              width,
           int              height)
{
  return our_pixel_node_new (GTK_WIDGET (self), width, height, draw_member_cb, self);
}

static void
our_member_widget_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  OurMemberWidget *self = OUR_MEMBER_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds;

  if (width <= 0 || height <= 0 || self->place.icon_size <= 0)
    return;

  if (self->node != NULL)
    {
      gsk_render_node_get_bounds (self->node, &bounds);
      if ((int) bounds.size.width != width || (int) bounds.size.height != height)
        g_clear_pointer (&self->node, gsk_render_node_unref);
    }
  if (self->node == NULL)
    self->node = make_node (self, width, height);
  gtk_snapshot_append_node (snapshot, self->node);
}

static void
our_member_widget_state_flags_changed (GtkWidget     *widget,
                                       GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  /* Focus ring and selection are part of the picture. */
  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE |
                 GTK_STATE_FLAG_SELECTED | GTK_STATE_FLAG_BACKDROP))
    redraw (OUR_MEMBER_WIDGET (widget));

  GTK_WIDGET_CLASS (our_member_widget_parent_class)->state_flags_changed (widget, previous);
}

static void
focus_changed_cb (OurMemberWidget *self)
{
  redraw (self);
}

static void
our_member_widget_dispose (GObject *object)
{
  OurMemberWidget *self = OUR_MEMBER_WIDGET (object);

  if (self->member != NULL)
    g_signal_handlers_disconnect_by_data (self->member, self);
  g_clear_object (&self->member);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);
  g_clear_pointer (&self->place.label, g_free);
  g_clear_pointer (&self->node, gsk_render_node_unref);

  G_OBJECT_CLASS (our_member_widget_parent_class)->dispose (object);
}

static void
our_member_widget_class_init (OurMemberWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_member_widget_dispose;
  widget_class->measure = our_member_widget_measure;
  widget_class->snapshot = our_member_widget_snapshot;
  widget_class->state_flags_changed = our_member_widget_state_flags_changed;

  gtk_widget_class_install_action (widget_class, "member.ring-in", NULL, ring_action_cb);
  gtk_widget_class_install_action (widget_class, "member.ring-out", NULL, ring_action_cb);
  gtk_widget_class_install_action (widget_class, "member.turn-left", NULL, turn_action_cb);
  gtk_widget_class_install_action (widget_class, "member.turn-right", NULL, turn_action_cb);
  gtk_widget_class_install_action (widget_class, "member.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "member.delete", NULL, delete_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "member.ring-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "member.ring-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "member.ring-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK,
                                       "member.ring-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "member.ring-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "member.ring-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0,
                                       "member.ring-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "member.ring-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0,
                                       "member.ring-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "member.turn-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "member.turn-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "member.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "member.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "member.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "member.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "member.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "member.delete", NULL);

  gtk_widget_class_set_css_name (widget_class, "networkmember");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
our_member_widget_init (OurMemberWidget *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->font_scale = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (redraw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
our_member_widget_new (OurSession *session,
                       OurMember  *member)
{
  OurMemberWidget *self;

  g_return_val_if_fail (OUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (OUR_IS_MEMBER (member), NULL);

  self = g_object_new (OUR_TYPE_MEMBER_WIDGET, NULL);
  self->session = g_object_ref (session);
  self->plan = g_object_ref (our_session_get_plan (session));
  self->member = g_object_ref (member);
  g_signal_connect_object (member, "notify", G_CALLBACK (member_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (member, "notify::ring", G_CALLBACK (member_place_cb), self,
                           G_CONNECT_SWAPPED);
  update_accessible (self);
  update_actions (self);

  return GTK_WIDGET (self);
}

OurMember *
our_member_widget_get_member (OurMemberWidget *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER_WIDGET (self), NULL);
  return self->member;
}

void
our_member_widget_set_read_only (OurMemberWidget *self,
                                 gboolean         read_only)
{
  g_return_if_fail (OUR_IS_MEMBER_WIDGET (self));

  self->read_only = !!read_only;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), read_only ? NULL : "grab");
  update_actions (self);
}

void
our_member_widget_set_selected (OurMemberWidget *self,
                                gboolean         selected)
{
  g_return_if_fail (OUR_IS_MEMBER_WIDGET (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
  redraw (self);
}

gboolean
our_member_widget_get_selected (OurMemberWidget *self)
{
  g_return_val_if_fail (OUR_IS_MEMBER_WIDGET (self), FALSE);
  return self->selected;
}

void
our_member_widget_set_place (OurMemberWidget       *self,
                             const OurNetworkPlace *place,
                             double                 font_scale)
{
  double radius, left, top, right, bottom;
  double origin_x, origin_y, width, height;
  gboolean same;

  g_return_if_fail (OUR_IS_MEMBER_WIDGET (self));
  g_return_if_fail (place != NULL);

  radius = place->icon_size / 2;
  left = place->x - radius;
  top = place->y - radius;
  right = place->x + radius;
  bottom = place->y + radius;
  if (place->label_width > 0 && place->label_height > 0)
    {
      left = MIN (left, place->label_x);
      top = MIN (top, place->label_y);
      right = MAX (right, place->label_x + place->label_width);
      bottom = MAX (bottom, place->label_y + place->label_height);
    }
  origin_x = floor (left - MARGIN);
  origin_y = floor (top - MARGIN);
  width = ceil (right + MARGIN) - origin_x;
  height = ceil (bottom + MARGIN) - origin_y;

  /* Moved as a whole (the usual case when another member moves): the
   * picture is the same, only where it goes changes. */
  same = self->font_scale == font_scale && g_strcmp0 (self->place.label, place->label) == 0 &&
         self->place.icon_size == place->icon_size &&
         self->width == width && self->height == height &&
         self->place.x - self->origin_x == place->x - origin_x &&
         self->place.y - self->origin_y == place->y - origin_y &&
         self->place.label_x - self->origin_x == place->label_x - origin_x &&
         self->place.label_y - self->origin_y == place->label_y - origin_y &&
         self->place.label_width == place->label_width &&
         self->place.label_height == place->label_height;

  g_free (self->place.label);
  self->place = *place;
  self->place.label = g_strdup (place->label);
  self->font_scale = font_scale;
  self->origin_x = origin_x;
  self->origin_y = origin_y;
  self->width = width;
  self->height = height;
  if (!same)
    redraw (self);
}

void
our_member_widget_get_origin (OurMemberWidget *self,
                              double          *x,
                              double          *y)
{
  g_return_if_fail (OUR_IS_MEMBER_WIDGET (self));
  *x = self->origin_x;
  *y = self->origin_y;
}

void
our_member_widget_get_size (OurMemberWidget *self,
                            double          *width,
                            double          *height)
{
  g_return_if_fail (OUR_IS_MEMBER_WIDGET (self));
  *width = self->width;
  *height = self->height;
}

/* The kind's picture, as in the diagram but without a name under it. */
static void
draw_kind_icon_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const OurNetworkStyle *style = our_network_style_get (adw_style_manager_get_dark (manager));
  OurNetworkPlace place = { 0, };

  place.x = width / 2.0;
  place.y = height / 2.0;
  place.icon_size = MIN (width, height);
  place.label_x = place.x;
  place.label_y = place.y;
  place.label = (char *) "";
  our_network_render_member (cr, gtk_widget_get_pango_context (GTK_WIDGET (area)), &place,
                             place.x, place.y, GPOINTER_TO_INT (user_data), NULL, FALSE, FALSE,
                             1.0, style);
}

GtkWidget *
our_member_kind_icon_new (OurMemberKind kind,
                          int           size)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_kind_icon_cb,
                                  GINT_TO_POINTER (kind), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, our_member_kind_get_label (kind),
                                  -1);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  return area;
}
