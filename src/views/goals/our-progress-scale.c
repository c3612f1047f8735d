/* our-progress-scale.c: a goal's progress as a row of steps that fill, set by pointer or keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-progress-render.h"
#include "our-progress-scale.h"

/* Room around the steps for the focus ring the renderer draws outside them. */
#define RING_MARGIN 5

struct _OurProgressScale
{
  GtkWidget  parent_instance;

  guint      value;
  guint      maximum;

  /* While the pointer drags, the steps show where it is; the value is asked
   * for once, when the button is released, so that one drag is one change. */
  gboolean   dragging;
  guint      drag_value;
  double     drag_start_x;
};

G_DEFINE_FINAL_TYPE (OurProgressScale, our_progress_scale, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_MAXIMUM,
  N_PROPS
};

enum {
  CHANGE_VALUE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_accessible (OurProgressScale *self)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: how far a goal has got, read out by screen readers, e.g. "4 out of 10" */
  text = g_strdup_printf (_("%u out of %u"), self->value, self->maximum);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) self->maximum,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->value,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
update_actions (OurProgressScale *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.decrease", self->value > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.first", self->value > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.increase",
                                 self->value < self->maximum);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.last",
                                 self->value < self->maximum);
}

void
our_progress_scale_request_value (OurProgressScale *self,
                                  guint             value)
{
  gboolean handled = FALSE;

  g_return_if_fail (OUR_IS_PROGRESS_SCALE (self));

  value = MIN (value, self->maximum);
  if (value == self->value)
    return;

  g_signal_emit (self, signals[CHANGE_VALUE], 0, value, &handled);
  if (!handled)
    our_progress_scale_set_value (self, value);
}

static void
step_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OurProgressScale *self = OUR_PROGRESS_SCALE (widget);
  guint value = self->value;

  if (g_str_equal (action_name, "progress.increase"))
    value = MIN (value + 1, self->maximum);
  else if (g_str_equal (action_name, "progress.decrease"))
    value = value > 0 ? value - 1 : 0;
  else if (g_str_equal (action_name, "progress.first"))
    value = 0;
  else if (g_str_equal (action_name, "progress.last"))
    value = self->maximum;

  our_progress_scale_request_value (self, value);
}

static guint
value_at_pointer (OurProgressScale *self,
                  double            x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * RING_MARGIN;

  return our_progress_value_at (width, self->maximum, x - RING_MARGIN);
}

static void
drag_begin_cb (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               OurProgressScale *self)
{
  if (!gtk_widget_is_sensitive (GTK_WIDGET (self)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->dragging = TRUE;
  self->drag_start_x = x;
  self->drag_value = value_at_pointer (self, x);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag   *gesture,
                double            offset_x,
                double            offset_y,
                OurProgressScale *self)
{
  guint value;

  if (!self->dragging)
    return;

  value = value_at_pointer (self, self->drag_start_x + offset_x);
  if (value != self->drag_value)
    {
      self->drag_value = value;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_end_cb (GtkGestureDrag   *gesture,
             double            offset_x,
             double            offset_y,
             OurProgressScale *self)
{
  guint value = self->drag_value;

  if (!self->dragging)
    return;

  self->dragging = FALSE;

  /* A click on the only filled step empties the scale: otherwise 0 could
   * only be reached from the keyboard or by dragging off the left end. */
  if (value == 1 && self->value == 1 && ABS (offset_x) < 4)
    value = 0;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  our_progress_scale_request_value (self, value);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                OurProgressScale *self)
{
  self->dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static OurRgba
rgba_from_gdk (const GdkRGBA *color,
               double         alpha)
{
  return (OurRgba) { color->red, color->green, color->blue, color->alpha * alpha };
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_colors (OurProgressScale  *self,
               OurProgressColors *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA foreground;
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };
  GdkRGBA accent_text = accent;
  double dim = gtk_widget_is_sensitive (GTK_WIDGET (self)) ? 1.0 : 0.5;

  gtk_style_context_get_color (context, &foreground);
  gtk_style_context_lookup_color (context, "accent_bg_color", &accent);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent_text))
    accent_text = accent;

  colors->filled = rgba_from_gdk (&accent, dim);
  colors->empty = rgba_from_gdk (&foreground, 0.15 * dim);
  colors->outline = rgba_from_gdk (&accent_text,
                                   gtk_widget_has_visible_focus (GTK_WIDGET (self)) ? 0.5 : 0.0);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
our_progress_scale_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  OurProgressScale *self = OUR_PROGRESS_SCALE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  OurProgressColors colors;
  cairo_t *cr;

  if (width <= 2 * RING_MARGIN || height <= 2 * RING_MARGIN)
    return;

  lookup_colors (self, &colors);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  our_progress_render (cr,
                       RING_MARGIN, RING_MARGIN,
                       width - 2 * RING_MARGIN, height - 2 * RING_MARGIN,
                       self->dragging ? self->drag_value : self->value,
                       self->maximum,
                       &colors);
  cairo_destroy (cr);
}

static void
our_progress_scale_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  OurProgressScale *self = OUR_PROGRESS_SCALE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Each step stays wide enough to hit with a finger or a shaky hand. */
      *minimum = 2 * RING_MARGIN + 18 * MAX (self->maximum, 1);
      *natural = 2 * RING_MARGIN + 40 * MAX (self->maximum, 1);
    }
  else
    {
      /* Scrolled views give their content its minimum height: ask for the
       * full height there too. */
      *minimum = *natural = 2 * RING_MARGIN + 52;
    }
}

static void
our_progress_scale_state_flags_changed (GtkWidget     *widget,
                                        GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (our_progress_scale_parent_class)->state_flags_changed (widget, previous);
  gtk_widget_queue_draw (widget);
}

static void
our_progress_scale_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (our_progress_scale_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
our_progress_scale_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OurProgressScale *self = OUR_PROGRESS_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_uint (value, self->value);
      break;
    case PROP_MAXIMUM:
      g_value_set_uint (value, self->maximum);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_progress_scale_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OurProgressScale *self = OUR_PROGRESS_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      our_progress_scale_set_value (self, g_value_get_uint (value));
      break;
    case PROP_MAXIMUM:
      our_progress_scale_set_maximum (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_progress_scale_class_init (OurProgressScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = our_progress_scale_get_property;
  object_class->set_property = our_progress_scale_set_property;

  widget_class->snapshot = our_progress_scale_snapshot;
  widget_class->measure = our_progress_scale_measure;
  widget_class->state_flags_changed = our_progress_scale_state_flags_changed;
  widget_class->css_changed = our_progress_scale_css_changed;

  properties[PROP_VALUE] =
    g_param_spec_uint ("value", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAXIMUM] =
    g_param_spec_uint ("maximum", NULL, NULL,
                       1, 100, 10,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OurProgressScale::change-value:
   * @value: the value the person asked for
   *
   * Returns: TRUE when the handler took care of the change.
   */
  signals[CHANGE_VALUE] =
    g_signal_new ("change-value",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_true_handled, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "progress.increase", NULL, step_action_cb);
  gtk_widget_class_install_action (widget_class, "progress.decrease", NULL, step_action_cb);
  gtk_widget_class_install_action (widget_class, "progress.first", NULL, step_action_cb);
  gtk_widget_class_install_action (widget_class, "progress.last", NULL, step_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "progress.increase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "progress.increase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "progress.increase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "progress.increase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "progress.increase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "progress.increase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "progress.increase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "progress.decrease", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "progress.decrease", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "progress.decrease", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "progress.decrease", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "progress.decrease", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "progress.decrease", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "progress.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "progress.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "progress.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "progress.last", NULL);

  gtk_widget_class_set_css_name (widget_class, "progressscale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
our_progress_scale_init (OurProgressScale *self)
{
  GtkGesture *drag;

  self->maximum = 10;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  update_accessible (self);
  update_actions (self);
}

GtkWidget *
our_progress_scale_new (void)
{
  return g_object_new (OUR_TYPE_PROGRESS_SCALE, NULL);
}

guint
our_progress_scale_get_value (OurProgressScale *self)
{
  g_return_val_if_fail (OUR_IS_PROGRESS_SCALE (self), 0);

  return self->value;
}

void
our_progress_scale_set_value (OurProgressScale *self,
                              guint             value)
{
  g_return_if_fail (OUR_IS_PROGRESS_SCALE (self));

  value = MIN (value, self->maximum);
  if (value == self->value)
    return;

  self->value = value;
  update_accessible (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

guint
our_progress_scale_get_maximum (OurProgressScale *self)
{
  g_return_val_if_fail (OUR_IS_PROGRESS_SCALE (self), 0);

  return self->maximum;
}

void
our_progress_scale_set_maximum (OurProgressScale *self,
                                guint             maximum)
{
  g_return_if_fail (OUR_IS_PROGRESS_SCALE (self));

  maximum = MAX (maximum, 1);
  if (maximum == self->maximum)
    return;

  self->maximum = maximum;
  if (self->value > maximum)
    {
      self->value = maximum;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }

  update_accessible (self);
  update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM]);
}
