/* our-meeting-row.c: one meeting as a card: its date, who came, who could not, what we talked about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-command.h"
#include "our-date-button.h"
#include "our-meeting-row.h"
#include "our-member-buttons.h"
#include "our-plan-lists.h"
#include "our-text-field.h"

struct _OurMeetingRow
{
  GtkListBoxRow    parent_instance;

  OurSession      *session;
  OurMeeting      *meeting;
  gboolean         read_only;

  GtkWidget       *card;
  OurDateButton   *date_button;
  GtkWidget       *delete_button;
  OurTextField    *came_field;
  GtkMenuButton   *came_picker;
  GtkPopover      *came_popover;
  GtkBox          *came_members;
  OurTextField    *absent_field;
  GtkMenuButton   *absent_picker;
  GtkPopover      *absent_popover;
  GtkBox          *absent_members;
  OurTextField    *talked_field;
};

G_DEFINE_FINAL_TYPE (OurMeetingRow, our_meeting_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_MEETING,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static OurTextField *
field_for (OurMeetingRow  *self,
           OurMeetingText  text)
{
  switch (text)
    {
    case OUR_MEETING_TEXT_CAME: return self->came_field;
    case OUR_MEETING_TEXT_COULD_NOT_COME: return self->absent_field;
    case OUR_MEETING_TEXT_TALKED_ABOUT:
    default: return self->talked_field;
    }
}

static void
sync_title (OurMeetingRow *self)
{
  g_autofree char *date = our_format_date_for_people (our_meeting_get_held_on (self->meeting));
  g_autofree char *title = date != NULL
                           /* TRANSLATORS: a meeting's accessible name, e.g. "Meeting on 3 March 2027" */
                           ? g_strdup_printf (_("Meeting on %s"), date)
                           : g_strdup (_("Meeting"));

  our_date_button_set_date (self->date_button, our_meeting_get_held_on (self->meeting));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
sync_text (OurMeetingRow  *self,
           OurMeetingText  text)
{
  our_text_field_set_text_from_model (field_for (self, text),
                                      our_meeting_get_text (self->meeting, text),
                                      our_meeting_get_author (self->meeting, text));
}

static void
meeting_notify_cb (OurMeetingRow *self,
                   GParamSpec    *pspec)
{
  if (g_str_equal (pspec->name, "held-on"))
    sync_title (self);
  else if (g_str_has_prefix (pspec->name, "came"))
    sync_text (self, OUR_MEETING_TEXT_CAME);
  else if (g_str_has_prefix (pspec->name, "could-not-come"))
    sync_text (self, OUR_MEETING_TEXT_COULD_NOT_COME);
  else if (g_str_has_prefix (pspec->name, "talked-about"))
    sync_text (self, OUR_MEETING_TEXT_TALKED_ABOUT);
}

static OurCommand *
update_command (OurMeeting *state)
{
  return our_command_new_update_item (OUR_LIST_MEETINGS, NULL, state);
}

/* Typing in one field of one meeting is one undo step. */
static OurCommand *
text_command (OurMeetingRow  *self,
              OurMeetingText  field,
              const char     *text,
              OurAuthor       author)
{
  g_autoptr(OurMeeting) state = our_meeting_copy (self->meeting);
  g_autofree char *key = g_strdup_printf ("%s:meeting-%d", our_meeting_get_id (self->meeting), field);

  our_meeting_set_text (state, field, text, author);
  our_session_begin_edit (self->session, key);
  return update_command (state);
}

static OurCommand *
came_command (const char *text, OurAuthor author, gpointer data)
{
  return text_command (data, OUR_MEETING_TEXT_CAME, text, author);
}

static OurCommand *
absent_command (const char *text, OurAuthor author, gpointer data)
{
  return text_command (data, OUR_MEETING_TEXT_COULD_NOT_COME, text, author);
}

static OurCommand *
talked_command (const char *text, OurAuthor author, gpointer data)
{
  return text_command (data, OUR_MEETING_TEXT_TALKED_ABOUT, text, author);
}

/* A one-click change: words waiting for their pause are saved first. */
static void
run_change (OurMeetingRow *self,
            OurMeeting    *state)
{
  our_session_begin_group (self->session, NULL);
  our_session_run (self->session, update_command (state), NULL);
  our_session_end_group (self->session, NULL);
}

static void
commit_fields (OurMeetingRow *self)
{
  for (guint f = 0; f < OUR_N_MEETING_TEXTS; f++)
    our_text_field_commit (field_for (self, f));
}

static void
date_chosen_cb (OurMeetingRow *self,
                const char    *iso)
{
  g_autoptr(OurMeeting) state = NULL;

  if (self->read_only || g_strcmp0 (iso, our_meeting_get_held_on (self->meeting)) == 0)
    return;
  commit_fields (self);
  state = our_meeting_copy (self->meeting);
  our_meeting_set_held_on (state, iso);
  run_change (self, state);
}

/* Adds the member's name to @field's names, unless it is there already. */
static void
add_member_name (OurMeetingRow  *self,
                 OurMeetingText  field,
                 GtkButton      *button)
{
  OurPlan *plan = our_session_get_plan (self->session);
  OurMember *member = our_plan_find_member (plan, g_object_get_data (G_OBJECT (button), "member-id"),
                                            NULL);
  g_autoptr(OurMeeting) state = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) joined = NULL;
  g_autofree char *text = NULL;

  gtk_popover_popdown (field == OUR_MEETING_TEXT_CAME ? self->came_popover : self->absent_popover);
  if (self->read_only || member == NULL)
    return;
  commit_fields (self);
  if (our_meeting_has_name (self->meeting, field, our_member_get_name (member)))
    return;
  names = our_meeting_dup_names (self->meeting, field);
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) names);
  g_strv_builder_add (builder, our_member_get_name (member));
  joined = g_strv_builder_end (builder);
  text = our_meeting_join_names ((const char * const *) joined);
  state = our_meeting_copy (self->meeting);
  our_meeting_set_text (state, field, text, our_meeting_get_author (self->meeting, field));
  run_change (self, state);
}

static void
came_member_cb (GtkButton *button,
                gpointer   data)
{
  add_member_name (data, OUR_MEETING_TEXT_CAME, button);
}

static void
absent_member_cb (GtkButton *button,
                  gpointer   data)
{
  add_member_name (data, OUR_MEETING_TEXT_COULD_NOT_COME, button);
}

static void
came_picker_show_cb (OurMeetingRow *self)
{
  our_member_buttons_fill (self->came_members, our_session_get_plan (self->session),
                           G_CALLBACK (came_member_cb), self);
}

static void
absent_picker_show_cb (OurMeetingRow *self)
{
  our_member_buttons_fill (self->absent_members, our_session_get_plan (self->session),
                           G_CALLBACK (absent_member_cb), self);
}

static void
set_read_only (OurMeetingRow *self,
               gboolean       read_only)
{
  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->came_picker), !read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->absent_picker), !read_only);
  gtk_widget_set_visible (self->delete_button, !read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
our_meeting_row_constructed (GObject *object)
{
  OurMeetingRow *self = OUR_MEETING_ROW (object);
  const OurTextCommandFunc commands[OUR_N_MEETING_TEXTS] = {
    [OUR_MEETING_TEXT_CAME] = came_command,
    [OUR_MEETING_TEXT_COULD_NOT_COME] = absent_command,
    [OUR_MEETING_TEXT_TALKED_ABOUT] = talked_command,
  };

  G_OBJECT_CLASS (our_meeting_row_parent_class)->constructed (object);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s",
                                    our_meeting_get_id (self->meeting));
  for (guint f = 0; f < OUR_N_MEETING_TEXTS; f++)
    {
      our_text_field_set_session (field_for (self, f), self->session);
      our_text_field_set_command_func (field_for (self, f), commands[f], self, NULL);
      sync_text (self, f);
    }
  sync_title (self);
  g_signal_connect_object (self->meeting, "notify", G_CALLBACK (meeting_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
our_meeting_row_dispose (GObject *object)
{
  OurMeetingRow *self = OUR_MEETING_ROW (object);

  g_clear_object (&self->meeting);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_meeting_row_parent_class)->dispose (object);
}

static void
our_meeting_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OurMeetingRow *self = OUR_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_MEETING: g_value_set_object (value, self->meeting); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_meeting_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OurMeetingRow *self = OUR_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION: self->session = g_value_dup_object (value); break;
    case PROP_MEETING: self->meeting = g_value_dup_object (value); break;
    case PROP_READ_ONLY: set_read_only (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_meeting_row_class_init (OurMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = our_meeting_row_constructed;
  object_class->dispose = our_meeting_row_dispose;
  object_class->get_property = our_meeting_row_get_property;
  object_class->set_property = our_meeting_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, OUR_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OUR_TYPE_DATE_BUTTON);
  g_type_ensure (OUR_TYPE_TEXT_FIELD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-meeting-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, card);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, date_button);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, came_field);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, came_picker);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, came_popover);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, came_members);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, absent_field);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, absent_picker);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, absent_popover);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, absent_members);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingRow, talked_field);
  gtk_widget_class_bind_template_callback (widget_class, date_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, came_picker_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, absent_picker_show_cb);
}

static void
our_meeting_row_init (OurMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
our_meeting_row_new (OurSession *session,
                     OurMeeting *meeting)
{
  g_return_val_if_fail (OUR_IS_SESSION (session), NULL);
  g_return_val_if_fail (OUR_IS_MEETING (meeting), NULL);

  return g_object_new (OUR_TYPE_MEETING_ROW, "session", session, "meeting", meeting, NULL);
}

const char *
our_meeting_row_get_id (OurMeetingRow *self)
{
  g_return_val_if_fail (OUR_IS_MEETING_ROW (self), NULL);
  return our_meeting_get_id (self->meeting);
}

void
our_meeting_row_focus (OurMeetingRow *self)
{
  g_return_if_fail (OUR_IS_MEETING_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->came_field));
}
