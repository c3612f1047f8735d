/* our-caseload-view.c: the start screen: the coordinator's plans, review dates, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "our-caseload.h"
#include "our-caseload-view.h"
#include "our-plan.h"
#include "our-store.h"
/* Saving a plan touches its file more than once; wait for the writes to settle. */
#define RELOAD_DELAY_MS 300

struct _OurCaseloadView
{
  GtkWidget       parent_instance;

  GSettings      *settings;
  GFileMonitor   *monitor;
  char           *monitored_folder;
  guint           reload_timeout;
  OurCaseload    *caseload;
  /* The caseload split into the plans folder and recent plans elsewhere,
   * then each cut to what the search finds. */
  GListModel     *folder_plans;
  GListModel     *recent_plans;
  GListModel     *folder_found;
  GListModel     *recent_found;
  GtkFilter      *search_filter;
  char           *search_text;  /* folded for matching, or NULL */
  gboolean        stale;        /* changed while not on screen */

  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *empty_page;
  GtkSearchEntry *search_entry;
  GtkWidget      *folder_section;
  GtkLabel       *folder_label;
  GtkListBox     *folder_list;
  GtkWidget      *folder_empty_label;
  GtkWidget      *recent_section;
  GtkListBox     *recent_list;
  GtkWidget      *no_match_page;
};

G_DEFINE_FINAL_TYPE (OurCaseloadView, our_caseload_view, GTK_TYPE_WIDGET)

/* The settings, or NULL when the schema is not installed (running from a
 * build tree without GSETTINGS_SCHEMA_DIR): then the defaults apply. */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

char *
our_caseload_get_plans_folder (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *chosen = NULL;
  char *folder;

  if (settings != NULL)
    chosen = g_settings_get_string (settings, "plans-folder");

  if (chosen != NULL && chosen[0] == '~' && (chosen[1] == '/' || chosen[1] == '\0'))
    folder = g_build_filename (g_get_home_dir (), chosen + 1, NULL);
  else if (chosen != NULL && chosen[0] != '\0')
    folder = g_canonicalize_filename (chosen, NULL);
  else
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      if (documents == NULL)
        documents = g_get_home_dir ();
      /* TRANSLATORS: the name of the folder, in Documents, that plans are kept in */
      folder = g_build_filename (documents, C_("folder name", "Care plans"), NULL);
    }

  /* Care plans are private: only their owner may look into the folder. */
  if (g_mkdir_with_parents (folder, 0700) != 0)
    g_debug ("Could not make the plans folder %s: %s", folder, g_strerror (errno));

  return folder;
}

/* The folder as a person reads it: "~/Documents/Care plans". */
static char *
display_folder (const char *folder)
{
  const char *home = g_get_home_dir ();
  g_autofree char *shown = g_filename_display_name (folder);
  gsize home_length = strlen (home);

  if (home_length > 1 && g_str_has_prefix (folder, home)
      && (folder[home_length] == '/' || folder[home_length] == '\0'))
    {
      g_autofree char *rest = g_filename_display_name (folder + home_length);
      return g_strconcat ("~", rest, NULL);
    }
  return g_steal_pointer (&shown);
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  if (time == NULL)
    return g_strdup ("");
  /* TRANSLATORS: a review date, as g_date_time_format() sees it, e.g. "3 March 2027".
   * %-d is the day without a leading zero. */
  return g_date_time_format (time, _("%-d %B %Y"));
}

static gboolean
is_recent (gpointer item,
           gpointer user_data)
{
  return our_caseload_entry_get_recent (item);
}

static gboolean
is_in_folder (gpointer item,
              gpointer user_data)
{
  return !our_caseload_entry_get_recent (item);
}

/* The plans of one section: in the plans folder, or recent ones elsewhere. */
static GListModel *
section_model (OurCaseloadView *self,
               gboolean         recent)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (recent ? is_recent : is_in_folder, NULL, NULL);

  return G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->caseload)),
                                                  GTK_FILTER (filter)));
}

static gboolean
search_matches (gpointer item,
                gpointer user_data)
{
  OurCaseloadView *self = user_data;

  return our_caseload_entry_matches (item, self->search_text);
}

/* Shows the sections that have something to show, and says so when the
 * search matches nothing. */
static void
update_sections (OurCaseloadView *self)
{
  gboolean searching = self->search_text != NULL;
  gboolean folder_empty = g_list_model_get_n_items (self->folder_plans) == 0;
  gboolean recent_empty = g_list_model_get_n_items (self->recent_plans) == 0;
  guint folder_shown = g_list_model_get_n_items (self->folder_found);
  guint recent_shown = g_list_model_get_n_items (self->recent_found);

  if (!our_caseload_get_loaded (self->caseload))
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }
  gtk_spinner_stop (self->spinner);

  if (folder_empty && recent_empty)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");

  gtk_widget_set_visible (self->folder_section, !searching || folder_shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->folder_list), !folder_empty);
  gtk_widget_set_visible (self->folder_empty_label, folder_empty);
  gtk_widget_set_visible (self->recent_section, !recent_empty && (!searching || recent_shown > 0));
  gtk_widget_set_visible (self->no_match_page, searching && folder_shown + recent_shown == 0);
}

static void
add_detail_line (GtkBox     *column,
                 const char *icon_name,
                 const char *text,
                 const char *widget_name,
                 const char *style_class)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_name (label, widget_name);
  if (style_class != NULL)
    {
      gtk_widget_add_css_class (icon, style_class);
      gtk_widget_add_css_class (label, style_class);
    }
  else
    gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (column, line);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  OurCaseloadEntry *entry = item;
  const char *name = our_caseload_entry_get_name (entry);
  g_autofree char *date = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *accessible_label = NULL;
  g_autofree char *accessible_description = NULL;
  g_autofree char *where = NULL;
  const char *detail_icon = "x-office-calendar-symbolic";
  const char *detail_class = NULL;
  const char *mark = NULL;
  const char *mark_icon = NULL;
  const char *mark_class = NULL;
  GtkWidget *row, *box, *avatar, *column, *name_label, *chevron;

  if (our_caseload_entry_get_review (entry) != NULL)
    date = format_date (our_caseload_entry_get_review (entry));

  switch (our_caseload_entry_get_status (entry))
    {
    case OUR_REVIEW_OVERDUE:
      detail = g_strdup_printf (_("Review was due on %s"), date);
      mark = _("Review overdue");
      mark_icon = "alarm-symbolic";
      mark_class = "error";
      /* TRANSLATORS: what a screen reader says for a plan: a name, then a date */
      accessible_label = g_strdup_printf (_("%s, review overdue since %s"), name, date);
      break;
    case OUR_REVIEW_DUE_SOON:
      detail = g_strdup_printf (_("Review on %s"), date);
      mark = _("Review due soon");
      mark_icon = "x-office-calendar-symbolic";
      mark_class = "warning";
      accessible_label = g_strdup_printf (_("%s, review due soon, on %s"), name, date);
      break;
    case OUR_REVIEW_SCHEDULED:
      detail = g_strdup_printf (_("Review on %s"), date);
      accessible_label = g_strdup_printf (_("%s, review on %s"), name, date);
      break;
    case OUR_REVIEW_NO_DATE:
      detail = g_strdup (_("No review date agreed"));
      accessible_label = g_strdup_printf (_("%s, no review date agreed"), name);
      break;
    case OUR_REVIEW_UNREADABLE:
    default:
      detail = g_strdup_printf (_("This file could not be read: %s"),
                                our_caseload_entry_get_problem (entry));
      detail_icon = "dialog-warning-symbolic";
      detail_class = "warning";
      accessible_label = g_strdup_printf (_("%s, this file could not be read"), name);
      break;
    }

  if (our_caseload_entry_get_recent (entry))
    {
      g_autofree char *parent = g_path_get_dirname (our_caseload_entry_get_path (entry));
      g_autofree char *shown = display_folder (parent);

      /* TRANSLATORS: the folder a recently opened plan is in */
      where = g_strdup_printf (_("In %s"), shown);
    }

  row = gtk_list_box_row_new ();
  g_object_set_data_full (G_OBJECT (row), "our-plan-entry", g_object_ref (entry), g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 14);
  gtk_widget_set_margin_start (box, 14);
  gtk_widget_set_margin_end (box, 14);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (our_caseload_entry_get_status (entry) == OUR_REVIEW_UNREADABLE)
    {
      /* A plain sign rather than a coloured circle: this is a file, not a person. */
      avatar = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (avatar), 32);
      gtk_widget_set_size_request (avatar, 48, 48);
      gtk_widget_add_css_class (avatar, "dim-label");
    }
  else
    avatar = adw_avatar_new (48, name, TRUE);
  gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), avatar);

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), column);

  name_label = gtk_label_new (name);
  gtk_widget_set_name (name_label, "plan-name");
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_widget_add_css_class (name_label, "title-4");
  gtk_box_append (GTK_BOX (column), name_label);

  add_detail_line (GTK_BOX (column), detail_icon, detail, "plan-review", detail_class);
  if (where != NULL)
    add_detail_line (GTK_BOX (column), "folder-symbolic", where, "plan-folder", NULL);

  if (mark != NULL)
    {
      GtkWidget *mark_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *mark_label = gtk_label_new (mark);

      gtk_widget_set_valign (mark_box, GTK_ALIGN_CENTER);
      gtk_widget_set_name (mark_label, "plan-mark");
      /* In a narrow window the mark wraps, so the name keeps its room. */
      gtk_label_set_wrap (GTK_LABEL (mark_label), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (mark_label), GTK_NATURAL_WRAP_NONE);
      gtk_label_set_xalign (GTK_LABEL (mark_label), 0);
      gtk_widget_add_css_class (mark_box, mark_class);
      gtk_widget_add_css_class (mark_label, "heading");
      gtk_box_append (GTK_BOX (mark_box), gtk_image_new_from_icon_name (mark_icon));
      gtk_box_append (GTK_BOX (mark_box), mark_label);
      gtk_box_append (GTK_BOX (box), mark_box);
    }

  chevron = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_add_css_class (chevron, "dim-label");
  gtk_box_append (GTK_BOX (box), chevron);

  /* The label says who and when; the description repeats the mark in words,
   * so that "overdue" never rests on colour alone. */
  accessible_description = g_strjoin (". ", mark != NULL ? mark : detail,
                                      mark != NULL ? detail : where,
                                      mark != NULL ? where : NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible_description,
                                  -1);
  return row;
}

static void
folder_changed_cb (OurCaseloadView   *self,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   GFileMonitor      *monitor);

/* Watches the plans folder, or another one when the setting changed. */
static void
watch_folder (OurCaseloadView *self,
              const char      *folder)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (folder, self->monitored_folder) == 0 && self->monitor != NULL)
    return;

  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_clear_object (&self->monitor);
    }
  g_free (self->monitored_folder);
  self->monitored_folder = g_strdup (folder);

  file = g_file_new_for_path (folder);
  self->monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch the plans folder %s: %s", folder, error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (folder_changed_cb), self, G_CONNECT_SWAPPED);
}

void
our_caseload_view_reload (OurCaseloadView *self)
{
  g_autofree char *folder = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *shown_folder = NULL;
  g_autofree char *empty_description = NULL;

  g_return_if_fail (OUR_IS_CASELOAD_VIEW (self));

  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  self->stale = FALSE;

  folder = our_caseload_get_plans_folder ();
  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "private-mode"))
    recent = g_settings_get_strv (self->settings, "recent-plans");

  watch_folder (self, folder);

  shown_folder = display_folder (folder);
  gtk_label_set_text (self->folder_label, shown_folder);
  empty_description = g_strdup_printf (_("Plans kept in %s are listed here. Make a new plan with the person, or open one you were given."),
                                       shown_folder);
  adw_status_page_set_description (self->empty_page, empty_description);

  if (!our_caseload_get_loaded (self->caseload))
    gtk_spinner_start (self->spinner);
  our_caseload_scan (self->caseload, folder, (const char * const *) recent);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  OurCaseloadView *self = user_data;

  self->reload_timeout = 0;
  our_caseload_view_reload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (OurCaseloadView *self)
{
  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  /* While a plan is open its every save touches the folder; look again only
   * when the list is back on screen. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->reload_timeout = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static gboolean
is_plan_file (GFile *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  return name != NULL && our_caseload_is_plan_file_name (name);
}

static void
folder_changed_cb (OurCaseloadView   *self,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      /* Journals, backups and temporary files come and go while plans are
       * saved; only plan files change the list. */
      if (is_plan_file (file) || is_plan_file (other_file))
        schedule_reload (self);
      break;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

static void
settings_changed_cb (OurCaseloadView *self,
                     const char      *key,
                     GSettings       *settings)
{
  if (g_strcmp0 (key, "plans-folder") == 0
      || g_strcmp0 (key, "recent-plans") == 0
      || g_strcmp0 (key, "private-mode") == 0)
    schedule_reload (self);
}

static void
search_changed_cb (OurCaseloadView *self,
                   GtkSearchEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_text, g_free);
  if (stripped[0] != '\0')
    self->search_text = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (self->search_filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_sections (self);
}

static void
stop_search_cb (OurCaseloadView *self,
                GtkSearchEntry  *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Enter in the search opens the first plan that matches. */
static void
search_activate_cb (OurCaseloadView *self,
                    GtkSearchEntry  *entry)
{
  GtkListBox *lists[] = { self->folder_list, self->recent_list };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (lists[i]));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
        {
          gtk_widget_activate (child);
          return;
        }
}

static void
row_activated_cb (OurCaseloadView *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  OurCaseloadEntry *entry = g_object_get_data (G_OBJECT (row), "our-plan-entry");

  /* An unreadable file is opened too: the window explains in full why it
   * cannot be shown. */
  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-path", "s",
                                our_caseload_entry_get_path (entry));
}

static void
our_caseload_view_map (GtkWidget *widget)
{
  OurCaseloadView *self = OUR_CASELOAD_VIEW (widget);

  GTK_WIDGET_CLASS (our_caseload_view_parent_class)->map (widget);
  if (self->stale)
    our_caseload_view_reload (self);
  /* Start where a coordinator starts: finding a person's plan. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
our_caseload_view_dispose (GObject *object)
{
  OurCaseloadView *self = OUR_CASELOAD_VIEW (object);

  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_CASELOAD_VIEW);

  g_clear_object (&self->folder_found);
  g_clear_object (&self->recent_found);
  g_clear_object (&self->folder_plans);
  g_clear_object (&self->recent_plans);
  g_clear_object (&self->search_filter);
  if (self->caseload != NULL)
    g_signal_handlers_disconnect_by_data (self->caseload, self);
  g_clear_object (&self->caseload);

  G_OBJECT_CLASS (our_caseload_view_parent_class)->dispose (object);
}

static void
our_caseload_view_finalize (GObject *object)
{
  OurCaseloadView *self = OUR_CASELOAD_VIEW (object);

  g_free (self->monitored_folder);
  g_free (self->search_text);

  G_OBJECT_CLASS (our_caseload_view_parent_class)->finalize (object);
}

static void
our_caseload_view_class_init (OurCaseloadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_caseload_view_dispose;
  object_class->finalize = our_caseload_view_finalize;
  widget_class->map = our_caseload_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-caseload-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, stack);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, spinner);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, folder_section);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, folder_label);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, folder_list);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, folder_empty_label);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, recent_section);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, recent_list);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, no_match_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caseload");
}

static void
our_caseload_view_init (OurCaseloadView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->caseload = our_caseload_new ();
  self->folder_plans = section_model (self, FALSE);
  self->recent_plans = section_model (self, TRUE);
  self->search_filter = GTK_FILTER (gtk_custom_filter_new (search_matches, self, NULL));
  self->folder_found = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (self->folder_plans),
                                                                g_object_ref (self->search_filter)));
  self->recent_found = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (self->recent_plans),
                                                                g_object_ref (self->search_filter)));
  gtk_list_box_bind_model (self->folder_list, self->folder_found, create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->recent_list, self->recent_found, create_row_cb, self, NULL);
  g_signal_connect_object (self->folder_found, "items-changed",
                           G_CALLBACK (update_sections), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recent_found, "items-changed",
                           G_CALLBACK (update_sections), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->caseload, "notify::loaded",
                           G_CALLBACK (update_sections), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);

  self->settings = new_settings ();
  if (self->settings != NULL)
    {
      g_autofree char *folder = NULL;
      g_auto(GStrv) recent = NULL;

      g_signal_connect_object (self->settings, "changed",
                               G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
      /* Some settings backends only report changes to keys that were read. */
      folder = g_settings_get_string (self->settings, "plans-folder");
      recent = g_settings_get_strv (self->settings, "recent-plans");
      g_settings_get_boolean (self->settings, "private-mode");
    }

  our_caseload_view_reload (self);
}

GtkWidget *
our_caseload_view_new (void)
{
  return g_object_new (OUR_TYPE_CASELOAD_VIEW, NULL);
}
