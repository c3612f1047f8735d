/* our-date-button.c: a date shown in plain words, chosen from a calendar, or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "our-date-button.h"
#include "our-types.h"

struct _OurDateButton
{
  GtkWidget   parent_instance;

  GtkWidget  *menu_button;
  GtkWidget  *label;
  GtkWidget  *calendar;
  GtkWidget  *popover;
  char       *date;
  char       *format;
  char       *empty_label;
  char       *accessible_name;
};

G_DEFINE_FINAL_TYPE (OurDateButton, our_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_PURPOSE,
  PROP_FORMAT,
  PROP_EMPTY_LABEL,
  N_PROPS
};

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

char *
our_format_date_for_people (const char *iso_date)
{
  g_autoptr(GDateTime) when = NULL;
  guint year, month, day;

  if (!our_iso_date_is_valid (iso_date))
    return NULL;
  sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day);
  when = g_date_time_new_local (year, month, day, 12, 0, 0);
  /* TRANSLATORS: a date in plain words, e.g. "3 March 2027"; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static void
update_label (OurDateButton *self)
{
  g_autofree char *words = our_format_date_for_people (self->date);
  g_autofree char *shown = NULL;

  if (words != NULL && self->format != NULL)
    {
      /* The format comes from a translation: fill its one %s by hand rather
       * than hand it to printf. */
      g_auto(GStrv) parts = g_strsplit (self->format, "%s", 2);
      shown = g_strconcat (parts[0], words, parts[0] && parts[1] ? parts[1] : "", NULL);
    }
  else if (words != NULL)
    shown = g_strdup (words);
  else
    shown = g_strdup (self->empty_label ? self->empty_label : "");

  gtk_label_set_label (GTK_LABEL (self->label), shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->accessible_name ? self->accessible_name : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown,
                                  -1);
}

static void
emit_chosen (OurDateButton *self,
             const char    *iso)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (g_strcmp0 (iso, self->date) != 0)
    g_signal_emit (self, signals[DATE_CHOSEN], 0, iso);
}

static void
set_date_clicked_cb (OurDateButton *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_autofree char *iso = g_date_time_format (when, "%Y-%m-%d");

  emit_chosen (self, iso);
}

static void
no_date_cb (OurDateButton *self)
{
  emit_chosen (self, "");
}

static void
popover_show_cb (OurDateButton *self)
{
  g_autoptr(GDateTime) when = NULL;
  guint year, month, day;

  if (our_iso_date_is_valid (self->date) &&
      sscanf (self->date, "%4u-%2u-%2u", &year, &month, &day) == 3)
    when = g_date_time_new_local (year, month, day, 12, 0, 0);
  else
    when = g_date_time_new_now_local ();

  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), when);
}

static void
our_date_button_dispose (GObject *object)
{
  OurDateButton *self = OUR_DATE_BUTTON (object);

  g_clear_pointer (&self->menu_button, gtk_widget_unparent);

  G_OBJECT_CLASS (our_date_button_parent_class)->dispose (object);
}

static void
our_date_button_finalize (GObject *object)
{
  OurDateButton *self = OUR_DATE_BUTTON (object);

  g_free (self->date);
  g_free (self->format);
  g_free (self->empty_label);
  g_free (self->accessible_name);

  G_OBJECT_CLASS (our_date_button_parent_class)->finalize (object);
}

static void
our_date_button_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OurDateButton *self = OUR_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_PURPOSE: g_value_set_string (value, self->accessible_name); break;
    case PROP_FORMAT: g_value_set_string (value, self->format); break;
    case PROP_EMPTY_LABEL: g_value_set_string (value, self->empty_label); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_date_button_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OurDateButton *self = OUR_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE: our_date_button_set_date (self, g_value_get_string (value)); break;
    case PROP_PURPOSE:
      our_set_string (&self->accessible_name, g_value_get_string (value));
      update_label (self);
      break;
    case PROP_FORMAT:
      our_set_string (&self->format, g_value_get_string (value));
      update_label (self);
      break;
    case PROP_EMPTY_LABEL:
      our_set_string (&self->empty_label, g_value_get_string (value));
      update_label (self);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
our_date_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (OUR_DATE_BUTTON (widget)->menu_button);
}

static void
our_date_button_class_init (OurDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_date_button_dispose;
  object_class->finalize = our_date_button_finalize;
  object_class->get_property = our_date_button_get_property;
  object_class->set_property = our_date_button_set_property;
  widget_class->grab_focus = our_date_button_grab_focus;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PURPOSE] =
    g_param_spec_string ("purpose", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_LABEL] =
    g_param_spec_string ("empty-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DATE_CHOSEN] =
    g_signal_new ("date-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "our-date-button");
}

/* The calendar is built the first time the button opens: a plan of hundreds
 * of steps would otherwise hold hundreds of calendars nobody looks at. */
static void
create_popover_cb (GtkMenuButton *menu_button,
                   gpointer       user_data)
{
  OurDateButton *self = user_data;
  GtkWidget *box, *buttons, *clear, *set;

  if (self->popover != NULL)
    return;

  self->calendar = gtk_calendar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"), -1);
  clear = gtk_button_new_with_mnemonic (_("_No Date"));
  g_signal_connect_object (clear, "clicked", G_CALLBACK (no_date_cb), self, G_CONNECT_SWAPPED);
  /* The date is set with a button, not by clicking a day, so that moving
   * through the months with the keyboard changes nothing by accident. */
  set = gtk_button_new_with_mnemonic (_("_Set Date"));
  gtk_widget_add_css_class (set, "suggested-action");
  g_signal_connect_object (set, "clicked", G_CALLBACK (set_date_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_box_append (GTK_BOX (buttons), clear);
  gtk_box_append (GTK_BOX (buttons), set);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), self->calendar);
  gtk_box_append (GTK_BOX (box), buttons);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (self->popover), set);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (menu_button, self->popover);
}

static void
our_date_button_init (OurDateButton *self)
{
  GtkWidget *content, *icon;

  self->date = g_strdup ("");

  icon = gtk_image_new_from_icon_name ("x-office-calendar-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (content), icon);
  gtk_box_append (GTK_BOX (content), self->label);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), content);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button),
                                         create_popover_cb, self, NULL);
  gtk_widget_set_halign (self->menu_button, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
}

GtkWidget *
our_date_button_new (const char *accessible_name,
                     const char *format,
                     const char *empty_label)
{
  return g_object_new (OUR_TYPE_DATE_BUTTON,
                       "purpose", accessible_name,
                       "format", format,
                       "empty-label", empty_label,
                       NULL);
}

const char *
our_date_button_get_date (OurDateButton *self)
{
  g_return_val_if_fail (OUR_IS_DATE_BUTTON (self), NULL);
  return self->date;
}

void
our_date_button_set_date (OurDateButton *self,
                          const char    *iso_date)
{
  g_return_if_fail (OUR_IS_DATE_BUTTON (self));

  if (!our_set_string (&self->date, iso_date ? iso_date : ""))
    return;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
our_date_button_get_label (OurDateButton *self)
{
  g_return_val_if_fail (OUR_IS_DATE_BUTTON (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->label));
}
