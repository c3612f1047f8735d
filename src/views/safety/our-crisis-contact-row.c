/* our-crisis-contact-row.c: one crisis contact as a card: a name (or someone from My people), how and when to reach them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-command.h"
#include "our-crisis-contact-row.h"
#include "our-member-buttons.h"
#include "our-text-field.h"

struct _OurCrisisContactRow
{
  GtkListBoxRow     parent_instance;

  OurSession       *session;
  OurCrisisContact *contact;
  gboolean          read_only;

  OurTextField     *name_field;
  GtkWidget        *member_box;
  GtkLabel         *member_name;
  GtkWidget        *picker_button;
  GtkPopover       *picker_popover;
  GtkBox           *members_box;
  GtkWidget        *remove_button;
  OurTextField     *phone_field;
  OurTextField     *when_field;
};

G_DEFINE_FINAL_TYPE (OurCrisisContactRow, our_crisis_contact_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CONTACT,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  FIELD_NAME,
  FIELD_PHONE,
  FIELD_WHEN,
} Field;

static OurCommand *
text_command (OurCrisisContactRow *self,
              Field                field,
              const char          *text,
              OurAuthor            author)
{
  g_autoptr(OurCrisisContact) state = our_crisis_contact_copy (self->contact);
  g_autofree char *key = g_strdup_printf ("%s:%d", our_crisis_contact_get_id (self->contact),
                                          field);

  switch (field)
    {
    case FIELD_NAME: our_crisis_contact_set_name (state, text); break;
    case FIELD_PHONE: our_crisis_contact_set_phone (state, text); break;
    case FIELD_WHEN:
    default: our_crisis_contact_set_when (state, text); break;
    }
  our_crisis_contact_set_author (state, author);
  /* Updates of one field merge into one undo step (a typing session). */
  our_session_begin_edit (self->session, key);
  return our_command_new_update_crisis_contact (state);
}

static OurCommand *
name_command (const char *text, OurAuthor author, gpointer self)
{
  return text_command (self, FIELD_NAME, text, author);
}

static OurCommand *
phone_command (const char *text, OurAuthor author, gpointer self)
{
  return text_command (self, FIELD_PHONE, text, author);
}

static OurCommand *
when_command (const char *text, OurAuthor author, gpointer self)
{
  return text_command (self, FIELD_WHEN, text, author);
}

/* @changed: the property that changed, or NULL for all: only the words that
 * changed are shown again, so that typing waiting for its pause is kept. */
static void
sync_from_contact (OurCrisisContactRow *self,
                   const char          *changed)
{
  OurPlan *plan = our_session_get_plan (self->session);
  OurAuthor author = our_crisis_contact_get_author (self->contact);
  const char *member_id = our_crisis_contact_get_member_id (self->contact);
  const char *shown = our_plan_get_crisis_contact_name (plan, self->contact);
  gboolean from_member = member_id[0] != '\0' && our_plan_find_member (plan, member_id, NULL) != NULL;
  g_autofree char *remove_label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->name_field), !from_member);
  gtk_widget_set_visible (self->member_box, from_member);
  gtk_label_set_label (self->member_name, shown);
  if (changed == NULL || g_str_equal (changed, "name") || g_str_equal (changed, "author"))
    our_text_field_set_text_from_model (self->name_field, our_crisis_contact_get_name (self->contact),
                                        author);
  if (changed == NULL || g_str_equal (changed, "phone") || g_str_equal (changed, "author"))
    our_text_field_set_text_from_model (self->phone_field,
                                        our_crisis_contact_get_phone (self->contact), author);
  if (changed == NULL || g_str_equal (changed, "when") || g_str_equal (changed, "author"))
    our_text_field_set_text_from_model (self->when_field, our_crisis_contact_get_when (self->contact),
                                        author);

  /* TRANSLATORS: the remove button of a crisis contact, e.g. "Remove Crisis team" */
  remove_label = g_strdup_printf (_("Remove %s"), shown[0] != '\0' ? shown : _("this contact"));
  gtk_widget_set_tooltip_text (self->remove_button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  shown[0] != '\0' ? shown : _("A crisis contact"), -1);
}

static void
contact_notify_cb (OurCrisisContactRow *self,
                   GParamSpec          *pspec)
{
  sync_from_contact (self, pspec->name);
}

/* Names a member of My people (or, with "", nobody) as this contact: an
 * undo step of its own. */
static void
link_member (OurCrisisContactRow *self,
             const char          *member_id)
{
  OurPlan *plan = our_session_get_plan (self->session);
  g_autoptr(OurCrisisContact) state = NULL;
  OurMember *member;

  if (self->read_only)
    return;
  /* Words waiting for their pause go first. */
  our_text_field_commit (self->name_field);
  our_text_field_commit (self->phone_field);
  our_text_field_commit (self->when_field);

  state = our_crisis_contact_copy (self->contact);
  member = member_id[0] != '\0' ? our_plan_find_member (plan, member_id, NULL) : NULL;
  if (member != NULL)
    {
      /* The name is kept too, for when the member is taken out of My people. */
      our_crisis_contact_set_member_id (state, member_id);
      our_crisis_contact_set_name (state, our_member_get_name (member));
    }
  else
    {
      our_crisis_contact_set_name (state, our_plan_get_crisis_contact_name (plan, self->contact));
      our_crisis_contact_set_member_id (state, "");
    }
  our_session_begin_group (self->session, NULL);
  /* A failure is told by the window through the history's "failed" signal. */
  our_session_run (self->session, our_command_new_update_crisis_contact (state), NULL);
  our_session_end_group (self->session, NULL);
}

static void
member_chosen_cb (GtkButton           *button,
                  OurCrisisContactRow *self)
{
  gtk_popover_popdown (self->picker_popover);
  link_member (self, g_object_get_data (G_OBJECT (button), "member-id"));
}

static void
picker_show_cb (OurCrisisContactRow *self)
{
  our_member_buttons_fill (self->members_box, our_session_get_plan (self->session),
                                       G_CALLBACK (member_chosen_cb), self);
}

static void
type_name_clicked_cb (OurCrisisContactRow *self)
{
  gtk_popover_popdown (self->picker_popover);
  link_member (self, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_field));
}

static void
set_read_only (OurCrisisContactRow *self,
               gboolean             read_only)
{
  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  gtk_widget_set_sensitive (self->picker_button, !read_only);
  gtk_widget_set_visible (self->remove_button, !read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
our_crisis_contact_row_constructed (GObject *object)
{
  OurCrisisContactRow *self = OUR_CRISIS_CONTACT_ROW (object);
  OurTextField *fields[] = { self->name_field, self->phone_field, self->when_field };
  OurTextCommandFunc commands[] = { name_command, phone_command, when_command };

  G_OBJECT_CLASS (our_crisis_contact_row_parent_class)->constructed (object);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "s",
                                    our_crisis_contact_get_id (self->contact));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      our_text_field_set_session (fields[i], self->session);
      our_text_field_set_command_func (fields[i], commands[i], self, NULL);
    }
  sync_from_contact (self, NULL);
  g_signal_connect_object (self->contact, "notify", G_CALLBACK (contact_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
our_crisis_contact_row_dispose (GObject *object)
{
  OurCrisisContactRow *self = OUR_CRISIS_CONTACT_ROW (object);

  g_clear_object (&self->contact);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_crisis_contact_row_parent_class)->dispose (object);
}

static void
our_crisis_contact_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  OurCrisisContactRow *self = OUR_CRISIS_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_crisis_contact_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  OurCrisisContactRow *self = OUR_CRISIS_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_CONTACT:
      self->contact = g_value_dup_object (value);
      break;
    case PROP_READ_ONLY:
      set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_crisis_contact_row_class_init (OurCrisisContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = our_crisis_contact_row_constructed;
  object_class->dispose = our_crisis_contact_row_dispose;
  object_class->get_property = our_crisis_contact_row_get_property;
  object_class->set_property = our_crisis_contact_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL, OUR_TYPE_CRISIS_CONTACT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OUR_TYPE_TEXT_FIELD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-crisis-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OurCrisisContactRow, name_field);
  gtk_widget_class_bind_template_child (widget_class, OurCrisisContactRow, member_box);
  gtk_widget_class_bind_template_child (widget_class, OurCrisisContactRow, member_name);
  gtk_widget_class_bind_template_child (widget_class, OurCrisisContactRow, picker_button);
  gtk_widget_class_bind_template_child (widget_class, OurCrisisContactRow, picker_popover);
  gtk_widget_class_bind_template_child (widget_class, OurCrisisContactRow, members_box);
  gtk_widget_class_bind_template_child (widget_class, OurCrisisContactRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, OurCrisisContactRow, phone_field);
  gtk_widget_class_bind_template_child (widget_class, OurCrisisContactRow, when_field);
  gtk_widget_class_bind_template_callback (widget_class, picker_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_name_clicked_cb);
}

static void
our_crisis_contact_row_init (OurCrisisContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
our_crisis_contact_row_new (OurSession       *session,
                            OurCrisisContact *contact)
{
  g_return_val_if_fail (OUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (contact), NULL);

  return g_object_new (OUR_TYPE_CRISIS_CONTACT_ROW, "session", session, "contact", contact, NULL);
}

const char *
our_crisis_contact_row_get_id (OurCrisisContactRow *self)
{
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT_ROW (self), NULL);

  return our_crisis_contact_get_id (self->contact);
}

void
our_crisis_contact_row_focus (OurCrisisContactRow *self,
                              gboolean             phone)
{
  g_return_if_fail (OUR_IS_CRISIS_CONTACT_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (phone ? self->phone_field : self->name_field));
}

void
our_crisis_contact_row_sync_member (OurCrisisContactRow *self)
{
  g_return_if_fail (OUR_IS_CRISIS_CONTACT_ROW (self));

  sync_from_contact (self, "member-id");
}
