/* our-choice-button.c: one choice out of a short list, shown on a button that opens a menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-choice-button.h"

struct _OurChoiceButton
{
  GtkWidget      parent_instance;

  GtkMenuButton *button;
  GStrv          choices;
  guint          selected;
  char          *heading;
};

G_DEFINE_FINAL_TYPE (OurChoiceButton, our_choice_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_HEADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The button shows the choice; its accessible name says what it is for
 * too ("Life area: Social"), as a drop-down's would. */
static void
update_button (OurChoiceButton *self)
{
  const char *shown = our_choice_button_get_choice (self, self->selected);
  g_autofree char *name = NULL;

  gtk_menu_button_set_label (self->button, shown != NULL ? shown : "");
  /* TRANSLATORS: what a button chooses, then the choice: "Life area: Social" */
  name = self->heading != NULL ? g_strdup_printf (_("%s: %s"), self->heading, shown ? shown : "")
                               : g_strdup (shown ? shown : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* Made on first opening: most buttons are never opened. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  OurChoiceButton *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; self->choices != NULL && self->choices[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (self->choices[i], NULL);

      g_menu_item_set_action_and_target_value (item, "choice.selected", g_variant_new_uint32 (i));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static gboolean
our_choice_button_mnemonic_activate (GtkWidget *widget,
                                     gboolean   group_cycling)
{
  return gtk_widget_mnemonic_activate (GTK_WIDGET (OUR_CHOICE_BUTTON (widget)->button),
                                       group_cycling);
}

static gboolean
our_choice_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (OUR_CHOICE_BUTTON (widget)->button));
}

static void
our_choice_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OUR_TYPE_CHOICE_BUTTON);

  G_OBJECT_CLASS (our_choice_button_parent_class)->dispose (object);
}

static void
our_choice_button_finalize (GObject *object)
{
  OurChoiceButton *self = OUR_CHOICE_BUTTON (object);

  g_strfreev (self->choices);
  g_free (self->heading);

  G_OBJECT_CLASS (our_choice_button_parent_class)->finalize (object);
}

static void
our_choice_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OurChoiceButton *self = OUR_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SELECTED: g_value_set_uint (value, self->selected); break;
    case PROP_HEADING: g_value_set_string (value, self->heading); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_choice_button_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OurChoiceButton *self = OUR_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SELECTED: our_choice_button_set_selected (self, g_value_get_uint (value)); break;
    case PROP_HEADING: our_choice_button_set_heading (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_choice_button_class_init (OurChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_choice_button_dispose;
  object_class->finalize = our_choice_button_finalize;
  object_class->get_property = our_choice_button_get_property;
  object_class->set_property = our_choice_button_set_property;
  widget_class->mnemonic_activate = our_choice_button_mnemonic_activate;
  widget_class->grab_focus = our_choice_button_grab_focus;

  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A radio item per choice in the menu, checked on the one chosen. */
  gtk_widget_class_install_property_action (widget_class, "choice.selected", "selected");

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ourplan/OurPlan/our-choice-button.ui");
  gtk_widget_class_bind_template_child (widget_class, OurChoiceButton, button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
our_choice_button_init (OurChoiceButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->button, create_popup_cb, self, NULL);
}

GtkWidget *
our_choice_button_new (void)
{
  return g_object_new (OUR_TYPE_CHOICE_BUTTON, NULL);
}

void
our_choice_button_set_choices (OurChoiceButton    *self,
                               const char * const *labels)
{
  g_return_if_fail (OUR_IS_CHOICE_BUTTON (self));

  g_strfreev (self->choices);
  self->choices = g_strdupv ((char **) labels);
  /* A menu already made shows the old choices: make it again when opened. */
  gtk_menu_button_set_menu_model (self->button, NULL);
  gtk_menu_button_set_create_popup_func (self->button, create_popup_cb, self, NULL);
  update_button (self);
}

guint
our_choice_button_get_n_choices (OurChoiceButton *self)
{
  g_return_val_if_fail (OUR_IS_CHOICE_BUTTON (self), 0);
  return self->choices != NULL ? g_strv_length (self->choices) : 0;
}

const char *
our_choice_button_get_choice (OurChoiceButton *self,
                              guint            position)
{
  g_return_val_if_fail (OUR_IS_CHOICE_BUTTON (self), NULL);

  if (position >= our_choice_button_get_n_choices (self))
    return NULL;
  return self->choices[position];
}

guint
our_choice_button_get_selected (OurChoiceButton *self)
{
  g_return_val_if_fail (OUR_IS_CHOICE_BUTTON (self), 0);
  return self->selected;
}

void
our_choice_button_set_selected (OurChoiceButton *self,
                                guint            position)
{
  g_return_if_fail (OUR_IS_CHOICE_BUTTON (self));

  if (self->selected == position)
    return;
  self->selected = position;
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
our_choice_button_set_heading (OurChoiceButton *self,
                               const char      *heading)
{
  g_return_if_fail (OUR_IS_CHOICE_BUTTON (self));

  if (g_strcmp0 (self->heading, heading) == 0)
    return;
  g_free (self->heading);
  self->heading = g_strdup (heading);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}
