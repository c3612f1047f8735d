/* our-symbol-picker.c: a popover to find a symbol of the library by name or search word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-symbol-picker.h"
#include "our-symbols.h"

#define PREVIEW_SIZE 64
#define SYMBOL_KEY "our-symbol-key"

struct _OurSymbolPicker
{
  GtkPopover      parent_instance;

  char           *symbol;
  gboolean        show_none;

  GtkSearchEntry *search_entry;
  GtkFlowBox     *flow_box;
  GtkLabel       *empty_label;
  GtkButton      *none_button;
};

G_DEFINE_FINAL_TYPE (OurSymbolPicker, our_symbol_picker, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_SYMBOL,
  PROP_SHOW_NONE,
  PROP_NONE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SYMBOL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
tile_get_key (GtkFlowBoxChild *tile)
{
  return g_object_get_data (G_OBJECT (tile), SYMBOL_KEY);
}

static void
choose (OurSymbolPicker *self,
        const char      *key)
{
  g_autofree char *chosen = g_strdup (key);

  /* Closed first, so that the keyboard is back on the button that opened
   * the picker before the owner changes the plan. */
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SYMBOL_CHOSEN], 0, chosen);
}

static gboolean
filter_cb (GtkFlowBoxChild *tile,
           gpointer         user_data)
{
  OurSymbolPicker *self = user_data;

  return our_symbols_match (tile_get_key (tile),
                            gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static GtkFlowBoxChild *
first_shown_tile (OurSymbolPicker *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child) && gtk_widget_get_child_visible (child))
      return GTK_FLOW_BOX_CHILD (child);

  return NULL;
}

static void
select_current (OurSymbolPicker *self)
{
  gtk_flow_box_unselect_all (self->flow_box);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX_CHILD (child) &&
        g_strcmp0 (tile_get_key (GTK_FLOW_BOX_CHILD (child)), self->symbol) == 0)
      gtk_flow_box_select_child (self->flow_box, GTK_FLOW_BOX_CHILD (child));
}

static GtkWidget *
make_tile (const char *key)
{
  const char *label = our_symbols_get_label (key);
  g_autofree char *icon_name = our_symbols_get_icon_name (key);
  GtkWidget *tile = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *caption = gtk_label_new (label);

  gtk_image_set_pixel_size (GTK_IMAGE (image), PREVIEW_SIZE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 10);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (caption), 2);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), caption);

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (tile), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* Keys are the catalogue's own static strings. */
  g_object_set_data (G_OBJECT (tile), SYMBOL_KEY, (gpointer) key);
  return tile;
}

/* The tiles are made the first time the picker opens: a plan with many goals
 * has one picker per goal, and most are never opened. */
static void
fill_grid (OurSymbolPicker *self)
{
  if (gtk_widget_get_first_child (GTK_WIDGET (self->flow_box)) != NULL)
    return;

  for (guint i = 0; i < our_symbols_get_n (); i++)
    gtk_flow_box_append (self->flow_box, make_tile (our_symbols_get_key (i)));
  gtk_flow_box_set_filter_func (self->flow_box, filter_cb, self, NULL);
}

static void
update_empty_state (OurSymbolPicker *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean empty = first_shown_tile (self) == NULL;

  if (empty)
    {
      /* TRANSLATORS: %s is what the person typed in the symbol search */
      g_autofree char *text = g_strdup_printf (_("No symbol matches “%s”. Try another word."),
                                               query);
      gtk_label_set_label (self->empty_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->flow_box)), !empty);
}

static void
search_changed_cb (OurSymbolPicker *self)
{
  fill_grid (self);
  gtk_flow_box_invalidate_filter (self->flow_box);
  update_empty_state (self);
}

static void
search_activate_cb (OurSymbolPicker *self)
{
  GtkFlowBoxChild *tile;

  /* What was typed counts even before the search's pause has passed. */
  search_changed_cb (self);
  tile = first_shown_tile (self);

  /* Enter with an empty search would pick the first symbol by surprise. */
  if (tile != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    choose (self, tile_get_key (tile));
}

static void
stop_search_cb (OurSymbolPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
child_activated_cb (OurSymbolPicker *self,
                    GtkFlowBoxChild *tile)
{
  choose (self, tile_get_key (tile));
}

static void
none_clicked_cb (OurSymbolPicker *self)
{
  choose (self, "");
}

/* Down (or Tab) from the search box goes into the grid, to the first match. */
static gboolean
search_key_pressed_cb (OurSymbolPicker       *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkFlowBoxChild *tile;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  tile = first_shown_tile (self);
  if (tile == NULL)
    return GDK_EVENT_PROPAGATE;

  /* Entering the tile the way Tab does also makes it the grid's cursor,
   * from which the arrow keys move (grabbing the focus would not). */
  gtk_widget_child_focus (GTK_WIDGET (tile), GTK_DIR_TAB_FORWARD);
  return GDK_EVENT_STOP;
}

/* Typing a letter while a tile has the keyboard goes on with the search.
 * (gtk_search_entry_set_key_capture_widget() would also take Enter away
 * from the tile, choosing the first match instead of the tile.) */
static gboolean
grid_key_pressed_cb (OurSymbolPicker       *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self->flow_box));
  GtkWidget *text = NULL;

  /* Space chooses, like Enter, as on a button (the grid would only select). */
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space)
    {
      if (!GTK_IS_FLOW_BOX_CHILD (focus))
        return GDK_EVENT_PROPAGATE;
      choose (self, tile_get_key (GTK_FLOW_BOX_CHILD (focus)));
      return GDK_EVENT_STOP;
    }

  if (c == 0 || !g_unichar_isgraph (c) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->search_entry));
       child != NULL && text == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TEXT (child))
      text = child;
  if (text == NULL || !gtk_event_controller_key_forward (controller, text))
    return GDK_EVENT_PROPAGATE;

  gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
  return GDK_EVENT_STOP;
}

static void
our_symbol_picker_show (GtkWidget *widget)
{
  OurSymbolPicker *self = OUR_SYMBOL_PICKER (widget);

  fill_grid (self);
  select_current (self);
  update_empty_state (self);

  GTK_WIDGET_CLASS (our_symbol_picker_parent_class)->show (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
our_symbol_picker_map (GtkWidget *widget)
{
  OurSymbolPicker *self = OUR_SYMBOL_PICKER (widget);

  GTK_WIDGET_CLASS (our_symbol_picker_parent_class)->map (widget);

  /* The popover focuses its first child when it opens; say it explicitly. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
our_symbol_picker_closed (GtkPopover *popover)
{
  OurSymbolPicker *self = OUR_SYMBOL_PICKER (popover);

  /* Next time the whole library shows again. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (GTK_POPOVER_CLASS (our_symbol_picker_parent_class)->closed != NULL)
    GTK_POPOVER_CLASS (our_symbol_picker_parent_class)->closed (popover);
}

static void
our_symbol_picker_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OUR_TYPE_SYMBOL_PICKER);

  G_OBJECT_CLASS (our_symbol_picker_parent_class)->dispose (object);
}

static void
our_symbol_picker_finalize (GObject *object)
{
  OurSymbolPicker *self = OUR_SYMBOL_PICKER (object);

  g_free (self->symbol);

  G_OBJECT_CLASS (our_symbol_picker_parent_class)->finalize (object);
}

static void
our_symbol_picker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OurSymbolPicker *self = OUR_SYMBOL_PICKER (object);

  switch (prop_id)
    {
    case PROP_SYMBOL:
      g_value_set_string (value, our_symbol_picker_get_symbol (self));
      break;
    case PROP_SHOW_NONE:
      g_value_set_boolean (value, self->show_none);
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, gtk_button_get_label (self->none_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_symbol_picker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OurSymbolPicker *self = OUR_SYMBOL_PICKER (object);

  switch (prop_id)
    {
    case PROP_SYMBOL:
      our_symbol_picker_set_symbol (self, g_value_get_string (value));
      break;
    case PROP_SHOW_NONE:
      our_symbol_picker_set_show_none (self, g_value_get_boolean (value));
      break;
    case PROP_NONE_LABEL:
      our_symbol_picker_set_none_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_symbol_picker_class_init (OurSymbolPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkPopoverClass *popover_class = GTK_POPOVER_CLASS (klass);

  object_class->dispose = our_symbol_picker_dispose;
  object_class->finalize = our_symbol_picker_finalize;
  object_class->get_property = our_symbol_picker_get_property;
  object_class->set_property = our_symbol_picker_set_property;
  widget_class->show = our_symbol_picker_show;
  widget_class->map = our_symbol_picker_map;
  popover_class->closed = our_symbol_picker_closed;

  properties[PROP_SYMBOL] =
    g_param_spec_string ("symbol", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_NONE] =
    g_param_spec_boolean ("show-none", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SYMBOL_CHOSEN] =
    g_signal_new ("symbol-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-symbol-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, OurSymbolPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OurSymbolPicker, flow_box);
  gtk_widget_class_bind_template_child (widget_class, OurSymbolPicker, empty_label);
  gtk_widget_class_bind_template_child (widget_class, OurSymbolPicker, none_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, none_clicked_cb);
}

static void
our_symbol_picker_init (OurSymbolPicker *self)
{
  GtkEventController *keys;

  self->symbol = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (grid_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->flow_box), keys);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

GtkWidget *
our_symbol_picker_new (void)
{
  return g_object_new (OUR_TYPE_SYMBOL_PICKER, NULL);
}

const char *
our_symbol_picker_get_symbol (OurSymbolPicker *self)
{
  g_return_val_if_fail (OUR_IS_SYMBOL_PICKER (self), NULL);

  return self->symbol;
}

void
our_symbol_picker_set_symbol (OurSymbolPicker *self,
                              const char      *key)
{
  g_return_if_fail (OUR_IS_SYMBOL_PICKER (self));

  if (key == NULL)
    key = "";
  if (g_str_equal (key, self->symbol))
    return;

  g_free (self->symbol);
  self->symbol = g_strdup (key);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->flow_box)) != NULL)
    select_current (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYMBOL]);
}

gboolean
our_symbol_picker_get_show_none (OurSymbolPicker *self)
{
  g_return_val_if_fail (OUR_IS_SYMBOL_PICKER (self), FALSE);

  return self->show_none;
}

void
our_symbol_picker_set_show_none (OurSymbolPicker *self,
                                 gboolean         show_none)
{
  g_return_if_fail (OUR_IS_SYMBOL_PICKER (self));

  show_none = !!show_none;
  if (show_none == self->show_none)
    return;

  self->show_none = show_none;
  gtk_widget_set_visible (GTK_WIDGET (self->none_button), show_none);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NONE]);
}

void
our_symbol_picker_set_none_label (OurSymbolPicker *self,
                                  const char      *label)
{
  g_return_if_fail (OUR_IS_SYMBOL_PICKER (self));

  if (g_strcmp0 (label, gtk_button_get_label (self->none_button)) == 0)
    return;

  gtk_button_set_label (self->none_button, label != NULL ? label : _("_No symbol"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONE_LABEL]);
}
