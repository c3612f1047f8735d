/* our-sharing-view.c: "Who can see my plan": consent carer by carer, part by part; copies given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-command.h"
#include "our-history.h"
#include "our-sharing-view.h"

struct _OurSharingView
{
  AdwWindow   parent_instance;

  GtkBox     *carers_box;
  GtkLabel   *team_only_label;
  GtkListBox *copies_list;

  OurSession *session;
  OurPlan    *plan;            /* the session's */
  gboolean    syncing;
  guint       rebuild_source;
};

G_DEFINE_FINAL_TYPE (OurSharingView, our_sharing_view, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "12 March", or "12 March 2027" when not this year. */
static char *
describe_day (const char *iso_date)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint year, month, date;

  if (!our_iso_date_is_valid (iso_date))
    return NULL;
  sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &date);
  day = g_date_time_new_local (year, month, date, 12, 0, 0);
  if (day == NULL)
    return NULL;
  if (g_date_time_get_year (day) == g_date_time_get_year (now))
    /* TRANSLATORS: a day this year, e.g. "12 March"; see g_date_time_format() */
    return g_date_time_format (day, _("%-d %B"));
  /* TRANSLATORS: a date in plain words, e.g. "3 March 2027"; see g_date_time_format() */
  return g_date_time_format (day, _("%-d %B %Y"));
}

static char *
describe_consent (OurSharingView   *self,
                  const OurConsent *consent)
{
  g_autofree char *day = NULL;
  const char *name;

  if (consent == NULL)
    return g_strdup (_("Not shared"));

  day = describe_day (consent->since);
  if (consent->agreed_by == OUR_AUTHOR_COORDINATOR)
    return day != NULL
      /* TRANSLATORS: under a shared part of the plan,
       * e.g. "Shared since 12 March, recorded by the coordinator" */
      ? g_strdup_printf (_("Shared since %s, recorded by the coordinator"), day)
      : g_strdup (_("Shared, recorded by the coordinator"));

  name = our_plan_get_name (self->plan);
  if (name[0] == '\0')
    name = _("the person");
  return day != NULL
    /* TRANSLATORS: under a shared part of the plan, e.g. "Shared since 12 March, agreed by Gwen" */
    ? g_strdup_printf (_("Shared since %s, agreed by %s"), day, name)
    /* TRANSLATORS: under a shared part of the plan, e.g. "Shared, agreed by Gwen" */
    : g_strdup_printf (_("Shared, agreed by %s"), name);
}

/* Consent */

static void
sync_row (OurSharingView *self,
          GtkWidget      *row)
{
  GtkSwitch *share = g_object_get_data (G_OBJECT (row), "switch");
  const char *member_id = g_object_get_data (G_OBJECT (row), "member-id");
  OurSection section = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "section"));
  const OurConsent *consent = our_plan_get_consent (self->plan, section, member_id);
  g_autofree char *subtitle = describe_consent (self, consent);

  self->syncing = TRUE;
  gtk_switch_set_active (share, consent != NULL);
  self->syncing = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (share), !our_session_get_read_only (self->session));
}

static void
sync_all_rows (OurSharingView *self)
{
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->carers_box));
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GPtrArray *rows = g_object_get_data (G_OBJECT (group), "rows");

      for (guint i = 0; rows != NULL && i < rows->len; i++)
        sync_row (self, g_ptr_array_index (rows, i));
    }
}

static void
share_toggled_cb (GtkSwitch  *share,
                  GParamSpec *pspec,
                  GtkWidget  *row)
{
  OurSharingView *self = OUR_SHARING_VIEW (gtk_widget_get_root (row));
  const char *member_id = g_object_get_data (G_OBJECT (row), "member-id");
  OurSection section = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "section"));
  gboolean shared = gtk_switch_get_active (share);

  if (!OUR_IS_SHARING_VIEW (self) || self->syncing || self->plan == NULL)
    return;
  if (our_session_get_read_only (self->session) ||
      shared == (our_plan_get_consent (self->plan, section, member_id) != NULL))
    {
      sync_row (self, row);
      return;
    }

  /* A failure is told by the main window; the switch shows what the plan holds. */
  our_session_run_alone (self->session,
                         our_command_new_set_consent (section, member_id, shared, NULL,
                                                      our_session_get_author (self->session)),
                         NULL);
  sync_row (self, row);
}

static GtkWidget *
build_carer_group (OurSharingView *self,
                   OurMember      *carer)
{
  GtkWidget *group = adw_preferences_group_new ();
  const char *name = our_member_get_name (carer);
  const char *relationship = our_member_get_text (carer, OUR_MEMBER_TEXT_RELATIONSHIP);
  g_autofree char *title = NULL;
  GPtrArray *rows = g_ptr_array_new ();

  if (name[0] == '\0')
    name = _("A carer");
  /* TRANSLATORS: a group of switches, e.g. "What Sam can see" */
  title = g_strdup_printf (_("What %s can see"), name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (relationship != NULL && relationship[0] != '\0')
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), relationship);

  for (guint i = 0; i < OUR_N_SECTIONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *share = gtk_switch_new ();
      g_autofree char *label = NULL;
      g_autofree char *switch_name = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), our_section_get_label (i));
      gtk_widget_set_valign (share, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), share);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), share);
      /* TRANSLATORS: a switch's name for screen readers, e.g. "Share My goals with Sam" */
      label = g_strdup_printf (_("Share %s with %s"), our_section_get_label (i), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (share),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      switch_name = g_strdup_printf ("share-%s-%s", our_section_get_key (i),
                                     our_member_get_id (carer));
      gtk_widget_set_name (share, switch_name);

      g_object_set_data_full (G_OBJECT (row), "member-id", g_strdup (our_member_get_id (carer)),
                              g_free);
      g_object_set_data (G_OBJECT (row), "section", GINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (row), "switch", share);
      sync_row (self, row);
      g_signal_connect_object (share, "notify::active", G_CALLBACK (share_toggled_cb), row, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (rows, row);
    }

  g_object_set_data_full (G_OBJECT (group), "rows", rows, (GDestroyNotify) g_ptr_array_unref);
  return group;
}

static GtkWidget *
build_no_carers (void)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *label = gtk_label_new (_("No one is marked as a carer yet. To share the plan with "
                                      "someone, open My people, choose them, and tick “They "
                                      "are a carer”. They will see nothing until parts are "
                                      "shared here."));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Carers"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_name (label, "no-carers");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
  return group;
}

static void
rebuild_carers (OurSharingView *self)
{
  g_autoptr(GPtrArray) carers = NULL;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->carers_box)));)
    gtk_box_remove (self->carers_box, child);
  if (self->plan == NULL)
    return;

  carers = our_plan_list_carers (self->plan);
  if (carers == NULL || carers->len == 0)
    {
      gtk_box_append (self->carers_box, build_no_carers ());
      return;
    }
  for (guint i = 0; i < carers->len; i++)
    gtk_box_append (self->carers_box, build_carer_group (self, g_ptr_array_index (carers, i)));
}

/* Team-only notes: said once, with how many this plan holds. */
static void
update_team_only_label (OurSharingView *self)
{
  guint n = self->plan != NULL ? our_plan_count_team_only_notes (self->plan) : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("Safety notes marked “Team only” are never shared with a carer, "
                       "whatever is chosen here."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This plan has %u safety note marked “Team only”. "
                                         "It is never shared with a carer, whatever is chosen "
                                         "here.",
                                         "This plan has %u safety notes marked “Team only”. "
                                         "They are never shared with a carer, whatever is "
                                         "chosen here.", n), n);
  gtk_label_set_label (self->team_only_label, text);
}

/* Copy log */

static void
rebuild_copies (OurSharingView *self)
{
  GListModel *log;
  guint n;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->copies_list)));)
    gtk_list_box_remove (self->copies_list, child);
  if (self->plan == NULL)
    return;

  log = our_plan_get_copy_log (self->plan);
  n = g_list_model_get_n_items (log);
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No copies given yet."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->copies_list, row);
      return;
    }

  /* The log is kept oldest first; the newest copy matters most. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(OurCopyRecord) record = g_list_model_get_item (log, i);
      g_autofree char *sentence = our_copy_record_describe (record, our_plan_get_name (self->plan));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;

      icon = gtk_image_new_from_icon_name (our_copy_record_get_medium (record) == OUR_COPY_PRINTED
                                             ? "printer-symbolic" : "document-save-symbolic");
      OurCopyMedium medium = our_copy_record_get_medium (record);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      our_copy_medium_get_label (medium),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sentence);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      g_object_set_data_full (G_OBJECT (row), "sentence", g_steal_pointer (&sentence), g_free);
      gtk_list_box_append (self->copies_list, row);
    }
}

/* Giving a copy: the window's own print and export (one dialog at a time). */
static void
hand_over (OurSharingView *self,
           const char     *action)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent == NULL)
    return;
  g_object_ref (parent);
  gtk_window_close (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (parent), action, NULL);
  g_object_unref (parent);
}

static void
print_clicked_cb (OurSharingView *self)
{
  hand_over (self, "win.print-copy");
}

static void
export_clicked_cb (OurSharingView *self)
{
  hand_over (self, "win.export-copy");
}

/* Watching the plan */

static gboolean
rebuild_cb (gpointer user_data)
{
  OurSharingView *self = user_data;

  self->rebuild_source = 0;
  rebuild_carers (self);
  return G_SOURCE_REMOVE;
}

/* A member's name or carer mark may change many at a time (undo, a file
 * opening): rebuild once, and never from inside a switch's own handler. */
static void
queue_rebuild (OurSharingView *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_cb, self, NULL);
}

static void
member_notify_cb (OurSharingView *self,
                  GParamSpec     *pspec)
{
  if (g_str_equal (pspec->name, "is-carer") || g_str_equal (pspec->name, "name") ||
      g_str_equal (pspec->name, "relationship"))
    queue_rebuild (self);
}

static void
watch_members (OurSharingView *self,
               guint           position,
               guint           added)
{
  GListModel *members = our_plan_get_members (self->plan);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(OurMember) member = g_list_model_get_item (members, i);

      if (g_signal_handler_find (member, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                 member_notify_cb, self) == 0)
        g_signal_connect_object (member, "notify", G_CALLBACK (member_notify_cb), self,
                                 G_CONNECT_SWAPPED);
    }
}

static void
members_changed_cb (OurSharingView *self,
                    guint           position,
                    guint           removed,
                    guint           added)
{
  watch_members (self, position, added);
  queue_rebuild (self);
}

static void
disconnect_plan (OurSharingView *self)
{
  GListModel *members;

  if (self->plan == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->plan, self);
  g_signal_handlers_disconnect_by_data (our_plan_get_copy_log (self->plan), self);
  members = our_plan_get_members (self->plan);
  g_signal_handlers_disconnect_by_data (members, self);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(OurMember) member = g_list_model_get_item (members, i);
      g_signal_handlers_disconnect_by_data (member, self);
    }
}

static void
our_sharing_view_dispose (GObject *object)
{
  OurSharingView *self = OUR_SHARING_VIEW (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  disconnect_plan (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_SHARING_VIEW);

  G_OBJECT_CLASS (our_sharing_view_parent_class)->dispose (object);
}

static void
our_sharing_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OurSharingView *self = OUR_SHARING_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_sharing_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OurSharingView *self = OUR_SHARING_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: our_sharing_view_set_session (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_sharing_view_class_init (OurSharingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_sharing_view_dispose;
  object_class->get_property = our_sharing_view_get_property;
  object_class->set_property = our_sharing_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-sharing-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OurSharingView, carers_box);
  gtk_widget_class_bind_template_child (widget_class, OurSharingView, team_only_label);
  gtk_widget_class_bind_template_child (widget_class, OurSharingView, copies_list);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
our_sharing_view_init (OurSharingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
our_sharing_view_new (GtkWindow  *parent,
                      OurSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (session == NULL || OUR_IS_SESSION (session), NULL);

  return g_object_new (OUR_TYPE_SHARING_VIEW,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

void
our_sharing_view_set_session (OurSharingView *self,
                              OurSession     *session)
{
  GListModel *members;
  OurPlan *plan;

  g_return_if_fail (OUR_IS_SHARING_VIEW (self));
  g_return_if_fail (session == NULL || OUR_IS_SESSION (session));

  if (self->session == session)
    return;

  plan = session != NULL ? our_session_get_plan (session) : NULL;
  disconnect_plan (self);
  g_set_object (&self->session, session);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    {
      g_signal_connect_object (plan, "consent-changed", G_CALLBACK (sync_all_rows), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::name", G_CALLBACK (sync_all_rows), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "notify::name", G_CALLBACK (rebuild_copies), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (our_plan_get_copy_log (plan), "items-changed",
                               G_CALLBACK (rebuild_copies), self, G_CONNECT_SWAPPED);
      members = our_plan_get_members (plan);
      watch_members (self, 0, g_list_model_get_n_items (members));
      g_signal_connect_object (members, "items-changed", G_CALLBACK (members_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  rebuild_carers (self);
  rebuild_copies (self);
  update_team_only_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkSwitch *
our_sharing_view_get_switch (OurSharingView *self,
                             const char     *member_id,
                             OurSection      section)
{
  g_return_val_if_fail (OUR_IS_SHARING_VIEW (self), NULL);

  /* Pending rebuilds first, so that a test sees what a person would. */
  if (self->rebuild_source != 0)
    {
      g_clear_handle_id (&self->rebuild_source, g_source_remove);
      rebuild_carers (self);
    }
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->carers_box));
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GPtrArray *rows = g_object_get_data (G_OBJECT (group), "rows");

      for (guint i = 0; rows != NULL && i < rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (rows, i);

          if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "section")) == (int) section &&
              g_strcmp0 (g_object_get_data (G_OBJECT (row), "member-id"), member_id) == 0)
            return g_object_get_data (G_OBJECT (row), "switch");
        }
    }
  return NULL;
}

GStrv
our_sharing_view_dup_copy_lines (OurSharingView *self)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  g_return_val_if_fail (OUR_IS_SHARING_VIEW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->copies_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *sentence = g_object_get_data (G_OBJECT (row), "sentence");

      if (sentence != NULL)
        g_strv_builder_add (lines, sentence);
    }
  return g_strv_builder_end (lines);
}
