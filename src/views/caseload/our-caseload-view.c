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
#include "our-caseload-row.h"
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
  GtkListView    *folder_list;
  GtkWidget      *folder_scroller;
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
  gtk_widget_set_visible (self->folder_scroller, !folder_empty && (!searching || folder_shown > 0));
  gtk_widget_set_visible (self->folder_empty_label, folder_empty);
  gtk_widget_set_visible (self->recent_section, !recent_empty && (!searching || recent_shown > 0));
  gtk_widget_set_visible (self->no_match_page, searching && folder_shown + recent_shown == 0);
}

/* A recent plan: one of at most a few, in a plain list box. */
static GtkWidget *
create_recent_row_cb (gpointer item,
                      gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *content = our_caseload_row_new ();
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  our_caseload_row_set_entry (OUR_CASELOAD_ROW (content), item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  g_object_set_data_full (G_OBJECT (row), "our-plan-entry", g_object_ref (item), g_object_unref);
  /* The row is what a screen reader lands on. */
  our_caseload_row_describe (item, &label, &description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return row;
}

/* The plans folder may hold a thousand plans: its list makes rows only for
 * what is on screen, and shows them again for other plans as it scrolls. */
static void
setup_folder_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  /* GTK 4.8 gives a list view's own rows no accessible name: this row is
   * the list item a screen reader names ("Gwen Morgan, review on …"). */
  gtk_list_item_set_child (item, g_object_new (OUR_TYPE_CASELOAD_ROW,
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                               NULL));
}

static void
bind_folder_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  our_caseload_row_set_entry (OUR_CASELOAD_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
open_entry (OurCaseloadView  *self,
            OurCaseloadEntry *entry)
{
  /* An unreadable file is opened too: the window explains in full why it
   * cannot be shown. */
  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-path", "s",
                                our_caseload_entry_get_path (entry));
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

  shown_folder = our_display_folder (folder);
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
  GListModel *lists[] = { self->folder_found, self->recent_found };

  /* What was typed counts even if the search has not caught up with it yet
   * (it waits for a pause in typing): a fast typist gets the plan they named. */
  search_changed_cb (self, entry);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_list_model_get_n_items (lists[i]) > 0)
      {
        g_autoptr(OurCaseloadEntry) first = g_list_model_get_item (lists[i], 0);

        open_entry (self, first);
        return;
      }
}

static void
folder_activate_cb (OurCaseloadView *self,
                    guint            position,
                    GtkListView     *list)
{
  g_autoptr(OurCaseloadEntry) entry = g_list_model_get_item (self->folder_found, position);

  open_entry (self, entry);
}

static void
row_activated_cb (OurCaseloadView *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  open_entry (self, g_object_get_data (G_OBJECT (row), "our-plan-entry"));
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
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, folder_scroller);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, folder_empty_label);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, recent_section);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, recent_list);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadView, no_match_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folder_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caseload");
}

static void
our_caseload_view_init (OurCaseloadView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->caseload = our_caseload_new ();
  self->folder_plans = section_model (self, FALSE);
  self->recent_plans = section_model (self, TRUE);
  self->search_filter = GTK_FILTER (gtk_custom_filter_new (search_matches, self, NULL));
  self->folder_found = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (self->folder_plans),
                                                                g_object_ref (self->search_filter)));
  self->recent_found = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (self->recent_plans),
                                                                g_object_ref (self->search_filter)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_folder_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_folder_row_cb), NULL);
  gtk_list_view_set_factory (self->folder_list, factory);
  selection = gtk_no_selection_new (g_object_ref (self->folder_found));
  gtk_list_view_set_model (self->folder_list, GTK_SELECTION_MODEL (selection));
  gtk_list_box_bind_model (self->recent_list, self->recent_found, create_recent_row_cb, self, NULL);
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
