/* our-me-view.c: the "Me" tab: the person in their own words, and the plan facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-date-button.h"
#include "our-me-view.h"
#include "our-text-field.h"

struct _OurMeView
{
  GtkWidget   parent_instance;

  GtkWidget  *scroller;
  GtkBox     *about_box;
  GtkBox     *facts_box;
  GtkWidget  *name_heading;
  GtkWidget  *copies_label;

  OurSession *session;
  OurPlan    *plan;         /* the session's */
  GtkWidget  *editors[OUR_N_ME_FIELDS];  /* OurTextField or OurDateButton */
};

G_DEFINE_FINAL_TYPE (OurMeView, our_me_view, GTK_TYPE_WIDGET)

/* The order and shape of the tab; the words come from our_me_field_get_label(). */
static const struct {
  OurMeField  field;
  gboolean    multiline;
  gboolean    about_me;       /* in "About me", else in "About this plan" */
  const char *placeholder;
} me_fields[] = {
  { OUR_ME_FIELD_PREFERRED_NAME, FALSE, TRUE, N_("For example: Gwen") },
  { OUR_ME_FIELD_WHAT_MATTERS, TRUE, TRUE, NULL },
  { OUR_ME_FIELD_GOOD_DAY, TRUE, TRUE, NULL },
  { OUR_ME_FIELD_GOOD_AT, TRUE, TRUE, NULL },
  { OUR_ME_FIELD_WHAT_HELPS, TRUE, TRUE, NULL },
  { OUR_ME_FIELD_WHAT_DOES_NOT_HELP, TRUE, TRUE, NULL },
  { OUR_ME_FIELD_HOW_TO_TALK, TRUE, TRUE, NULL },
  { OUR_ME_FIELD_COORDINATOR_NAME, FALSE, FALSE, NULL },
  { OUR_ME_FIELD_COORDINATOR_CONTACT, FALSE, FALSE, N_("Phone number or email") },
  { OUR_ME_FIELD_MADE_ON, FALSE, FALSE, NULL },
  { OUR_ME_FIELD_REVIEW_DATE, FALSE, FALSE, NULL },
};

static OurCommand *
me_text_command (const char *text,
                 OurAuthor   author,
                 gpointer    user_data)
{
  return our_command_new_set_me_text (GPOINTER_TO_INT (user_data), text, author);
}

static void
date_chosen_cb (OurDateButton *button,
                const char    *iso,
                OurMeView     *self)
{
  OurMeField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "me-field"));

  if (self->plan == NULL)
    return;
  /* Dates are facts agreed together, written down by the coordinator. */
  our_session_run (self->session, our_command_new_set_me_text (field, iso, OUR_AUTHOR_COORDINATOR), NULL);
}

static void
show_field (OurMeView  *self,
            OurMeField  field)
{
  GtkWidget *editor = self->editors[field];
  const char *text = our_plan_get_me_text (self->plan, field);

  if (OUR_IS_DATE_BUTTON (editor))
    our_date_button_set_date (OUR_DATE_BUTTON (editor), text);
  else
    our_text_field_set_text_from_model (OUR_TEXT_FIELD (editor), text,
                                        our_plan_get_me_author (self->plan, field));

  if (field == OUR_ME_FIELD_PREFERRED_NAME)
    {
      g_autofree char *heading = NULL;

      if (text[0] != '\0')
        /* TRANSLATORS: the heading of the Me tab, with the person's name */
        heading = g_strdup_printf (_("About %s"), text);
      gtk_label_set_label (GTK_LABEL (self->name_heading), heading ? heading : _("About me"));
    }
}

static void
me_changed_cb (OurMeView *self,
               int        field)
{
  if ((guint) field < OUR_N_ME_FIELDS)
    show_field (self, field);
}

static void
build_editors (OurMeView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (me_fields); i++)
    {
      OurMeField field = me_fields[i].field;
      const char *label = our_me_field_get_label (field);
      GtkBox *box = me_fields[i].about_me ? self->about_box : self->facts_box;
      GtkWidget *editor;

      if (our_me_field_is_date (field))
        {
          GtkWidget *heading = gtk_label_new (label);

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_box_append (box, heading);
          editor = our_date_button_new (label, NULL, _("Choose a date"));
          g_object_set_data (G_OBJECT (editor), "me-field", GINT_TO_POINTER (field));
          g_signal_connect_object (editor, "date-chosen", G_CALLBACK (date_chosen_cb), self, 0);
        }
      else
        {
          editor = our_text_field_new (label, me_fields[i].multiline);
          our_text_field_set_command_func (OUR_TEXT_FIELD (editor), me_text_command,
                                           GINT_TO_POINTER (field), NULL);
          if (me_fields[i].placeholder)
            our_text_field_set_placeholder (OUR_TEXT_FIELD (editor), _(me_fields[i].placeholder));
        }
      gtk_widget_set_name (editor, our_me_field_get_key (field));
      gtk_box_append (box, editor);
      self->editors[field] = editor;
    }
}

/* The copy log in one or two plain sentences: the honest answer to "does
 * the person have a copy?". */
static void
show_copies (OurMeView *self)
{
  GListModel *log = our_plan_get_copy_log (self->plan);
  guint n = g_list_model_get_n_items (log);
  g_autoptr(GString) text = g_string_new (NULL);

  if (n == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->copies_label),
                          _("No copy has been given yet. Print one from the menu (Ctrl+P)."));
      return;
    }
  /* The newest three, newest first. */
  for (guint i = n; i > 0 && i + 3 > n; i--)
    {
      g_autoptr(OurCopyRecord) record = g_list_model_get_item (log, i - 1);
      g_autofree char *line = our_copy_record_describe (record, our_plan_get_name (self->plan));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  if (n > 3)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("and %u earlier copy", "and %u earlier copies", n - 3),
                              n - 3);
    }
  gtk_label_set_text (GTK_LABEL (self->copies_label), text->str);
}

static void
build_copies (OurMeView *self)
{
  GtkWidget *heading = gtk_label_new (_("Copies given"));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (self->facts_box, heading);
  self->copies_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->copies_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->copies_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->copies_label), TRUE);
  gtk_widget_set_name (self->copies_label, "copies-given");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->copies_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (self->facts_box, self->copies_label);
}

static void
our_me_view_dispose (GObject *object)
{
  OurMeView *self = OUR_ME_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_ME_VIEW);
  /* The template's outer box has no id, so unparent whatever is left. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_me_view_parent_class)->dispose (object);
}

static void
our_me_view_class_init (OurMeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_me_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ourplan/OurPlan/our-me-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OurMeView, scroller);
  gtk_widget_class_bind_template_child (widget_class, OurMeView, about_box);
  gtk_widget_class_bind_template_child (widget_class, OurMeView, facts_box);
  gtk_widget_class_bind_template_child (widget_class, OurMeView, name_heading);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
our_me_view_init (OurMeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_editors (self);
  build_copies (self);
}

GtkWidget *
our_me_view_new (void)
{
  return g_object_new (OUR_TYPE_ME_VIEW, NULL);
}

void
our_me_view_set_session (OurMeView  *self,
                         OurSession *session)
{
  OurPlan *plan = session != NULL ? our_session_get_plan (session) : NULL;

  g_return_if_fail (OUR_IS_ME_VIEW (self));
  g_return_if_fail (session == NULL || OUR_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->session, session);
  g_set_object (&self->plan, plan);
  for (guint i = 0; i < OUR_N_ME_FIELDS; i++)
    {
      if (OUR_IS_TEXT_FIELD (self->editors[i]))
        our_text_field_set_session (OUR_TEXT_FIELD (self->editors[i]), session);
      else
        /* A date can be read, not changed, in a plan that may not be changed. */
        gtk_widget_set_sensitive (self->editors[i],
                                  session != NULL && !our_session_get_read_only (session));
    }
  if (plan == NULL)
    return;

  g_signal_connect_object (plan, "me-changed", G_CALLBACK (me_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (our_plan_get_copy_log (plan), "items-changed",
                           G_CALLBACK (show_copies), self, G_CONNECT_SWAPPED);
  show_copies (self);
  for (guint i = 0; i < OUR_N_ME_FIELDS; i++)
    show_field (self, i);
}
