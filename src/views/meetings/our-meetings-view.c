/* our-meetings-view.c: the "Meetings" tab: each meeting about the plan, newest first
 *
 * Each meeting is an OurMeetingRow (its own file, template in ui/meetings/).
 * The plan keeps meetings in the order they were added; the tab shows them
 * by date, newest first, so a date changed later moves its card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "our-agreed-version.h"
#include "our-command.h"
#include "our-date-button.h"
#include "our-limits.h"
#include "our-meeting-row.h"
#include "our-meetings-view.h"
#include "our-plan-lists.h"
#include "our-toast.h"

struct _OurMeetingsView
{
  GtkWidget          parent_instance;

  OurSession        *session;
  OurPlan           *plan;          /* the session's */
  gboolean           read_only;
  GtkSortListModel  *sorted;
  GtkSortListModel  *sorted_agreements;
  /* The card to give the keyboard to once the list has made it. */
  char              *focus_id;

  GtkWidget         *scroller;
  GtkWidget         *start_button;
  GtkWidget         *empty_page;
  GtkListBox        *meetings_list;
  GtkWidget         *agree_button;
  GtkWidget         *agreements_box;
  GtkListBox        *agreements_list;
};

G_DEFINE_FINAL_TYPE (OurMeetingsView, our_meetings_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Newest first; meetings of one day (or with no date) in the order added. */
static int
compare_meetings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return -g_strcmp0 (our_meeting_get_held_on ((OurMeeting *) a),
                     our_meeting_get_held_on ((OurMeeting *) b));
}

/* Newest first, by the day they were agreed. */
static int
compare_agreements (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return -g_strcmp0 (our_agreement_get_agreed_on ((OurAgreement *) a),
                     our_agreement_get_agreed_on ((OurAgreement *) b));
}

/* "By Gwen and Sam. Gwen was there. Next review 12 May 2027. 1 thing not
 * agreed." */
static char *
describe_agreement (OurMeetingsView *self,
                    OurAgreement    *agreement)
{
  g_autoptr(GString) text = g_string_new ("");
  g_auto(GStrv) names = g_strsplit (our_agreement_get_agreed_by (agreement), "\n", -1);
  g_autofree char *joined = g_strjoinv (", ", names);
  g_autofree char *review = our_format_date_for_people (our_agreement_get_review_on (agreement));
  guint n_not = g_list_model_get_n_items (our_agreement_get_disagreements (agreement));
  const char *person = our_plan_get_name (self->plan);

  if (joined[0] != '\0')
    /* TRANSLATORS: %s is a list of names */
    g_string_append_printf (text, _("Agreed by %s."), joined);
  if (!our_agreement_get_with_person (agreement))
    {
      g_string_append (text, text->len > 0 ? " " : "");
      if (person[0] != '\0')
        /* TRANSLATORS: %s is the person's name */
        g_string_append_printf (text, _("%s was not there."), person);
      else
        g_string_append (text, _("The person was not there."));
    }
  if (review != NULL)
    {
      g_string_append (text, text->len > 0 ? " " : "");
      /* TRANSLATORS: %s is a date in words */
      g_string_append_printf (text, _("Next review %s."), review);
    }
  if (n_not > 0)
    {
      g_string_append (text, text->len > 0 ? " " : "");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u thing not agreed.",
                                                 "%u things not agreed.", n_not), n_not);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A button of an agreed version's row, acting on it by id. */
static GtkWidget *
version_button_new (const char   *mnemonic,
                    const char   *accessible_name,
                    const char   *action,
                    OurAgreement *agreement,
                    gboolean      sensitive)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", our_agreement_get_id (agreement));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return button;
}

static GtkWidget *
create_agreement_row_cb (gpointer item,
                         gpointer user_data)
{
  OurMeetingsView *self = user_data;
  OurAgreement *agreement = item;
  g_autofree char *day = our_format_date_for_people (our_agreement_get_agreed_on (agreement));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe_agreement (self, agreement);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPlan) version = our_agreed_version_decode (agreement, self->plan, &error);
  g_autofree char *open_name = NULL;
  g_autofree char *compare_name = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* TRANSLATORS: %s is a date in words */
  title = day != NULL ? g_strdup_printf (_("Agreed on %s"), day) : g_strdup (_("Agreed, date not known"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), version != NULL ? subtitle : error->message);
  /* TRANSLATORS: a button's name for screen readers; %s is a date in words */
  open_name = g_strdup_printf (_("Open the version agreed on %s"), day != NULL ? day : "");
  /* TRANSLATORS: a button's name for screen readers; %s is a date in words */
  compare_name = g_strdup_printf (_("Compare the version agreed on %s with the plan now"),
                                  day != NULL ? day : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             version_button_new (_("_Open"), open_name, "plan.open-version",
                                                 agreement, version != NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             version_button_new (_("T_hen and Now"), compare_name,
                                                 "plan.compare-version", agreement, version != NULL));
  if (version == NULL)
    gtk_widget_add_css_class (row, "damaged");
  return row;
}

static void
update_agreements (OurMeetingsView *self)
{
  gboolean any = self->plan != NULL
                 && g_list_model_get_n_items (our_plan_get_agreements (self->plan)) > 0;

  gtk_widget_set_visible (self->agreements_box, any);
}

static GtkWidget *
find_row (OurMeetingsView *self,
          const char      *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->meetings_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (OUR_IS_MEETING_ROW (row)
        && g_strcmp0 (our_meeting_row_get_id (OUR_MEETING_ROW (row)), id) == 0)
      return row;
  return NULL;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  OurMeetingsView *self = user_data;
  GtkWidget *row = our_meeting_row_new (self->session, OUR_MEETING (item));

  g_object_bind_property (self, "read-only", row, "read-only", G_BINDING_SYNC_CREATE);
  return row;
}

static void
update_empty_state (OurMeetingsView *self)
{
  gboolean any = self->plan != NULL
                 && g_list_model_get_n_items (our_plan_get_meetings (self->plan)) > 0;

  gtk_widget_set_visible (self->empty_page, !any);
  gtk_widget_set_visible (GTK_WIDGET (self->meetings_list), any);
}

static void
meetings_changed_cb (OurMeetingsView *self)
{
  GtkWidget *row;

  update_empty_state (self);
  if (self->focus_id != NULL && (row = find_row (self, self->focus_id)) != NULL)
    {
      our_meeting_row_focus (OUR_MEETING_ROW (row));
      g_clear_pointer (&self->focus_id, g_free);
    }
}

/* Who is usually there: the person and their coordinator, by name. */
static char *
expected_names (OurPlan *plan)
{
  const char *names[3] = { NULL };
  guint n = 0;
  const char *person = our_plan_get_name (plan);
  const char *coordinator = our_plan_get_me_text (plan, OUR_ME_FIELD_COORDINATOR_NAME);

  if (person[0] != '\0')
    names[n++] = person;
  if (coordinator[0] != '\0')
    names[n++] = coordinator;
  return our_meeting_join_names (names);
}

static void
start_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OurMeetingsView *self = OUR_MEETINGS_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *came = NULL;
  g_autoptr(OurMeeting) meeting = NULL;

  if (self->plan == NULL || self->read_only
      || our_toast_if_full (widget, g_list_model_get_n_items (our_plan_get_meetings (self->plan)),
                            OUR_MAX_MEETINGS,
                            _("This plan already lists as many meetings as it can hold.")))
    return;
  meeting = our_meeting_new (NULL, today);
  came = expected_names (self->plan);
  our_meeting_set_text (meeting, OUR_MEETING_TEXT_CAME, came, OUR_AUTHOR_COORDINATOR);
  g_free (self->focus_id);
  self->focus_id = g_strdup (our_meeting_get_id (meeting));
  our_session_begin_group (self->session, NULL);
  our_session_run (self->session, our_command_new_add_item (OUR_LIST_MEETINGS, NULL, meeting, -1),
                   NULL);
  our_session_end_group (self->session, NULL);
  meetings_changed_cb (self);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OurMeetingsView *self = OUR_MEETINGS_VIEW (widget);

  if (self->plan == NULL || self->read_only)
    return;
  our_session_begin_group (self->session, NULL);
  our_session_run (self->session,
                   our_command_new_delete_item (OUR_LIST_MEETINGS, NULL,
                                                g_variant_get_string (parameter, NULL)),
                   NULL);
  our_session_end_group (self->session, NULL);

  our_toast_show_undo (widget, _("Meeting deleted"));
}

static void
update_actions (OurMeetingsView *self)
{
  gboolean writable = self->plan != NULL && !self->read_only;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.start", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.delete", writable);
  gtk_widget_set_visible (self->start_button, !self->read_only);
  gtk_widget_set_visible (self->agree_button, !self->read_only);
}

static void
set_read_only (OurMeetingsView *self,
               gboolean         read_only)
{
  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* A changed date moves its card. */
static void
meeting_date_cb (OurMeetingsView *self)
{
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sorted), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
watch_meetings (OurMeetingsView *self,
                GListModel      *meetings,
                guint            position,
                guint            removed,
                guint            added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(OurMeeting) meeting = g_list_model_get_item (meetings, i);

      g_signal_handlers_disconnect_by_data (meeting, self);
      g_signal_connect_object (meeting, "notify::held-on", G_CALLBACK (meeting_date_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
meetings_items_cb (GListModel      *meetings,
                   guint            position,
                   guint            removed,
                   guint            added,
                   OurMeetingsView *self)
{
  watch_meetings (self, meetings, position, removed, added);
}

static void
disconnect_plan (OurMeetingsView *self)
{
  GListModel *meetings;

  if (self->plan == NULL)
    return;
  meetings = our_plan_get_meetings (self->plan);
  g_signal_handlers_disconnect_by_data (meetings, self);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(OurMeeting) meeting = g_list_model_get_item (meetings, i);
      g_signal_handlers_disconnect_by_data (meeting, self);
    }
}

static void
our_meetings_view_dispose (GObject *object)
{
  OurMeetingsView *self = OUR_MEETINGS_VIEW (object);

  disconnect_plan (self);
  /* The cards' fields save what is still being typed as they go. */
  if (self->meetings_list != NULL)
    gtk_list_box_bind_model (self->meetings_list, NULL, NULL, NULL, NULL);
  if (self->agreements_list != NULL)
    gtk_list_box_bind_model (self->agreements_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sorted_agreements);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_MEETINGS_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_pointer (&self->focus_id, g_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (our_meetings_view_parent_class)->dispose (object);
}

static void
our_meetings_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OurMeetingsView *self = OUR_MEETINGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_meetings_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OurMeetingsView *self = OUR_MEETINGS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: our_meetings_view_set_session (self, g_value_get_object (value)); break;
    case PROP_READ_ONLY: set_read_only (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_meetings_view_class_init (OurMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_meetings_view_dispose;
  object_class->get_property = our_meetings_view_get_property;
  object_class->set_property = our_meetings_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OurMeetingsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingsView, start_button);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingsView, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingsView, agree_button);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingsView, agreements_box);
  gtk_widget_class_bind_template_child (widget_class, OurMeetingsView, agreements_list);

  gtk_widget_class_install_action (widget_class, "meetings.start", NULL, start_action_cb);
  gtk_widget_class_install_action (widget_class, "meetings.delete", "s", delete_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "meetingsview");
}

static void
our_meetings_view_init (OurMeetingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
  update_empty_state (self);
  update_agreements (self);
}

GtkWidget *
our_meetings_view_new (void)
{
  return g_object_new (OUR_TYPE_MEETINGS_VIEW, NULL);
}

void
our_meetings_view_set_session (OurMeetingsView *self,
                               OurSession      *session)
{
  OurPlan *plan = session != NULL ? our_session_get_plan (session) : NULL;

  g_return_if_fail (OUR_IS_MEETINGS_VIEW (self));
  g_return_if_fail (session == NULL || OUR_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_plan (self);
  gtk_list_box_bind_model (self->meetings_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->agreements_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorted_agreements);
  g_set_object (&self->plan, plan);
  g_set_object (&self->session, session);
  set_read_only (self, session != NULL && our_session_get_read_only (session));

  if (plan != NULL)
    {
      GListModel *meetings = our_plan_get_meetings (plan);

      self->sorted = gtk_sort_list_model_new (g_object_ref (meetings),
                                              GTK_SORTER (gtk_custom_sorter_new (compare_meetings,
                                                                                 NULL, NULL)));
      gtk_list_box_bind_model (self->meetings_list, G_LIST_MODEL (self->sorted),
                               create_row_cb, self, NULL);
      watch_meetings (self, meetings, 0, 0, g_list_model_get_n_items (meetings));
      g_signal_connect_object (meetings, "items-changed", G_CALLBACK (meetings_items_cb), self, 0);
      /* After the list box has made the new card. */
      g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (meetings_changed_cb),
                               self, G_CONNECT_SWAPPED);

      self->sorted_agreements =
        gtk_sort_list_model_new (g_object_ref (our_plan_get_agreements (plan)),
                                 GTK_SORTER (gtk_custom_sorter_new (compare_agreements, NULL, NULL)));
      gtk_list_box_bind_model (self->agreements_list, G_LIST_MODEL (self->sorted_agreements),
                               create_agreement_row_cb, self, NULL);
      g_signal_connect_object (self->sorted_agreements, "items-changed",
                               G_CALLBACK (update_agreements), self, G_CONNECT_SWAPPED);
    }

  update_actions (self);
  update_empty_state (self);
  update_agreements (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkWidget *
our_meetings_view_get_card (OurMeetingsView *self,
                            const char      *meeting_id)
{
  g_return_val_if_fail (OUR_IS_MEETINGS_VIEW (self), NULL);
  return meeting_id != NULL ? find_row (self, meeting_id) : NULL;
}
