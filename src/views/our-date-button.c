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
  GtkWidget  *calendar;
  GtkWidget  *popover;
  char       *date;
  char       *empty_label;
  char       *accessible_name;
  gboolean    showing;        /* moving the calendar ourselves, not the person */
};

G_DEFINE_FINAL_TYPE (OurDateButton, our_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
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
  g_autofree char *name = NULL;

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->menu_button),
                             words ? words : (self->empty_label ? self->empty_label : ""));
  name = g_strdup_printf ("%s: %s", self->accessible_name ? self->accessible_name : "",
                          words ? words : _("no date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
emit_chosen (OurDateButton *self,
             const char    *iso)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (g_strcmp0 (iso, self->date) != 0)
    g_signal_emit (self, signals[DATE_CHOSEN], 0, iso);
}

static void
day_selected_cb (OurDateButton *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = NULL;

  if (self->showing)
    return;
  when = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  iso = g_date_time_format (when, "%Y-%m-%d");
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

  self->showing = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), when);
  self->showing = FALSE;
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

static void
our_date_button_init (OurDateButton *self)
{
  GtkWidget *box, *clear;

  self->date = g_strdup ("");

  self->calendar = gtk_calendar_new ();
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  clear = gtk_button_new_with_mnemonic (_("_No Date"));
  g_signal_connect_object (clear, "clicked", G_CALLBACK (no_date_cb), self, G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->calendar);
  gtk_box_append (GTK_BOX (box), clear);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self,
                           G_CONNECT_SWAPPED);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (self->menu_button), TRUE);
  gtk_widget_set_halign (self->menu_button, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));
}

GtkWidget *
our_date_button_new (const char *accessible_name,
                     const char *empty_label)
{
  OurDateButton *self = g_object_new (OUR_TYPE_DATE_BUTTON, NULL);

  self->accessible_name = g_strdup (accessible_name);
  self->empty_label = g_strdup (empty_label);
  update_label (self);
  return GTK_WIDGET (self);
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
