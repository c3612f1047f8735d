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

#include "our-caseload-view.h"
#include "our-plan.h"
#include "our-store.h"

/* A review within this many days is "due soon". */
#define DUE_SOON_DAYS 28
/* Saving a plan touches its file more than once; wait for the writes to settle. */
#define RELOAD_DELAY_MS 300

/* In the order the list shows them. */
typedef enum
{
  PLAN_STATUS_OVERDUE,
  PLAN_STATUS_DUE_SOON,
  PLAN_STATUS_SCHEDULED,
  PLAN_STATUS_NO_DATE,
  PLAN_STATUS_UNREADABLE,
} PlanStatus;

/* What the scan learned about one plan file. */
typedef struct
{
  char       *path;
  char       *name;
  char       *sort_key;
  char       *problem;       /* why the file could not be read, or NULL */
  GDate       review;        /* valid only when there is a review date */
  int         days_to_review;
  PlanStatus  status;
  gboolean    recent;        /* opened recently, outside the plans folder */
} PlanEntry;

typedef struct
{
  char   *folder;
  char  **recent;            /* NULL in private mode */
} ScanRequest;

struct _OurCaseloadView
{
  GtkWidget       parent_instance;

  GSettings      *settings;
  GFileMonitor   *monitor;
  char           *monitored_folder;
  GCancellable   *cancellable;
  guint           reload_timeout;
  GPtrArray      *entries;
  char           *search_text;  /* folded for matching, or NULL */
  gboolean        loaded;
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

static void
plan_entry_free (PlanEntry *entry)
{
  g_free (entry->path);
  g_free (entry->name);
  g_free (entry->sort_key);
  g_free (entry->problem);
  g_free (entry);
}

static void
scan_request_free (ScanRequest *request)
{
  g_free (request->folder);
  g_strfreev (request->recent);
  g_free (request);
}

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
parse_review_date (const char *text,
                   GDate      *date)
{
  int year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || text[0] == '\0' || !our_iso_date_is_valid (text))
    return FALSE;
  if (sscanf (text, "%d-%d-%d", &year, &month, &day) != 3)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* Runs in the scanning thread. */
static PlanEntry *
read_plan_entry (const char  *path,
                 gboolean     recent,
                 const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display_base = g_filename_display_name (base);
  PlanEntry *entry = g_new0 (PlanEntry, 1);

  entry->path = g_strdup (path);
  entry->recent = recent;
  g_date_clear (&entry->review, 1);

  store = our_store_open (path, OUR_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    {
      OurPlan *plan = our_store_get_plan (store);
      const char *name = our_plan_get_name (plan);

      if (name != NULL && g_utf8_validate (name, -1, NULL))
        entry->name = g_strstrip (g_strdup (name));
      if (parse_review_date (our_plan_get_me_text (plan, OUR_ME_FIELD_REVIEW_DATE),
                             &entry->review))
        {
          entry->days_to_review = g_date_days_between (today, &entry->review);
          if (entry->days_to_review < 0)
            entry->status = PLAN_STATUS_OVERDUE;
          else if (entry->days_to_review <= DUE_SOON_DAYS)
            entry->status = PLAN_STATUS_DUE_SOON;
          else
            entry->status = PLAN_STATUS_SCHEDULED;
        }
      else
        entry->status = PLAN_STATUS_NO_DATE;
    }
  else
    {
      entry->status = PLAN_STATUS_UNREADABLE;
      entry->problem = g_strdup (error->message);
    }

  if (entry->name == NULL || entry->name[0] == '\0')
    {
      g_free (entry->name);
      if (g_str_has_suffix (display_base, OUR_PLAN_FILE_EXTENSION)
          && strlen (display_base) > strlen (OUR_PLAN_FILE_EXTENSION))
        display_base[strlen (display_base) - strlen (OUR_PLAN_FILE_EXTENSION)] = '\0';
      entry->name = g_steal_pointer (&display_base);
    }
  entry->sort_key = g_utf8_collate_key (entry->name, -1);

  return entry;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const PlanEntry *first = *(PlanEntry * const *) a;
  const PlanEntry *second = *(PlanEntry * const *) b;
  /* Due soon and later share one group: the date orders them. */
  int first_group = first->status == PLAN_STATUS_DUE_SOON ? PLAN_STATUS_SCHEDULED : (int) first->status;
  int second_group = second->status == PLAN_STATUS_DUE_SOON ? PLAN_STATUS_SCHEDULED : (int) second->status;
  int order;

  if (first_group != second_group)
    return first_group - second_group;
  if (g_date_valid (&first->review) && g_date_valid (&second->review))
    {
      order = g_date_compare (&first->review, &second->review);
      if (order != 0)
        return order;
    }
  order = strcmp (first->sort_key, second->sort_key);
  if (order != 0)
    return order;
  return strcmp (first->path, second->path);
}

static gboolean
is_plan_file_name (const char *name)
{
  /* Hidden files include the store's temporary files; its backups end in
   * ".bak" and so are left out too. */
  return name[0] != '.'
         && g_str_has_suffix (name, OUR_PLAN_FILE_EXTENSION)
         && strlen (name) > strlen (OUR_PLAN_FILE_EXTENSION);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScanRequest *request = task_data;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_entry_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  const char *name;
  int year, month, day;

  g_date_time_get_ymd (now, &year, &month, &day);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);

  dir = g_dir_open (request->folder, 0, &error);
  if (dir == NULL)
    g_debug ("Could not list the plans folder: %s", error->message);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return;
      if (!is_plan_file_name (name))
        continue;
      path = g_build_filename (request->folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      g_ptr_array_add (entries, read_plan_entry (path, FALSE, &today));
      g_hash_table_add (seen, g_steal_pointer (&path));
    }

  for (guint i = 0; request->recent != NULL && request->recent[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *parent = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return;
      if (!g_path_is_absolute (request->recent[i]))
        continue;
      path = g_canonicalize_filename (request->recent[i], NULL);
      parent = g_path_get_dirname (path);
      /* A plan moved or deleted since is simply no longer recent. */
      if (g_strcmp0 (parent, request->folder) == 0
          || g_hash_table_contains (seen, path)
          || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      g_ptr_array_add (entries, read_plan_entry (path, TRUE, &today));
      g_hash_table_add (seen, g_steal_pointer (&path));
    }

  g_ptr_array_sort (entries, compare_entries);
  g_task_return_pointer (task, g_steal_pointer (&entries), (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
entry_matches (OurCaseloadView *self,
               const PlanEntry *entry)
{
  g_autofree char *folded_name = NULL;
  g_autofree char *base = NULL;
  g_autofree char *folded_base = NULL;

  if (self->search_text == NULL)
    return TRUE;
  if (g_str_match_string (self->search_text, entry->name, TRUE))
    return TRUE;

  folded_name = g_utf8_casefold (entry->name, -1);
  if (strstr (folded_name, self->search_text) != NULL)
    return TRUE;
  base = g_filename_display_basename (entry->path);
  folded_base = g_utf8_casefold (base, -1);
  return strstr (folded_base, self->search_text) != NULL;
}

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  OurCaseloadView *self = user_data;
  const PlanEntry *entry = g_object_get_data (G_OBJECT (row), "our-plan-entry");

  return entry != NULL && entry_matches (self, entry);
}

static guint
count_shown_rows (GtkListBox *list)
{
  guint shown = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      shown++;
  return shown;
}

static gboolean
list_is_empty (GtkListBox *list)
{
  return gtk_list_box_get_row_at_index (list, 0) == NULL;
}

/* Shows the sections that have something to show, and says so when the
 * search matches nothing. */
static void
update_sections (OurCaseloadView *self)
{
  gboolean searching = self->search_text != NULL;
  gboolean folder_empty = list_is_empty (self->folder_list);
  gboolean recent_empty = list_is_empty (self->recent_list);
  guint folder_shown = count_shown_rows (self->folder_list);
  guint recent_shown = count_shown_rows (self->recent_list);

  if (!self->loaded)
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
create_row (PlanEntry *entry)
{
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

  if (g_date_valid (&entry->review))
    date = format_date (&entry->review);

  switch (entry->status)
    {
    case PLAN_STATUS_OVERDUE:
      detail = g_strdup_printf (_("Review was due on %s"), date);
      mark = _("Review overdue");
      mark_icon = "alarm-symbolic";
      mark_class = "error";
      /* TRANSLATORS: what a screen reader says for a plan: a name, then a date */
      accessible_label = g_strdup_printf (_("%s, review overdue since %s"), entry->name, date);
      break;
    case PLAN_STATUS_DUE_SOON:
      detail = g_strdup_printf (_("Review on %s"), date);
      mark = _("Review due soon");
      mark_icon = "x-office-calendar-symbolic";
      mark_class = "warning";
      accessible_label = g_strdup_printf (_("%s, review due soon, on %s"), entry->name, date);
      break;
    case PLAN_STATUS_SCHEDULED:
      detail = g_strdup_printf (_("Review on %s"), date);
      accessible_label = g_strdup_printf (_("%s, review on %s"), entry->name, date);
      break;
    case PLAN_STATUS_NO_DATE:
      detail = g_strdup (_("No review date agreed"));
      accessible_label = g_strdup_printf (_("%s, no review date agreed"), entry->name);
      break;
    case PLAN_STATUS_UNREADABLE:
    default:
      detail = g_strdup_printf (_("This file could not be read: %s"), entry->problem);
      detail_icon = "dialog-warning-symbolic";
      detail_class = "warning";
      accessible_label = g_strdup_printf (_("%s, this file could not be read"), entry->name);
      break;
    }

  if (entry->recent)
    {
      g_autofree char *parent = g_path_get_dirname (entry->path);
      g_autofree char *shown = display_folder (parent);

      /* TRANSLATORS: the folder a recently opened plan is in */
      where = g_strdup_printf (_("In %s"), shown);
    }

  row = gtk_list_box_row_new ();
  g_object_set_data (G_OBJECT (row), "our-plan-entry", entry);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 14);
  gtk_widget_set_margin_start (box, 14);
  gtk_widget_set_margin_end (box, 14);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (entry->status == PLAN_STATUS_UNREADABLE)
    {
      /* A plain sign rather than a coloured circle: this is a file, not a person. */
      avatar = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (avatar), 32);
      gtk_widget_set_size_request (avatar, 48, 48);
      gtk_widget_add_css_class (avatar, "dim-label");
    }
  else
    avatar = adw_avatar_new (48, entry->name, TRUE);
  gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), avatar);

  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), column);

  name_label = gtk_label_new (entry->name);
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
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* The path of the plan whose row has the keyboard focus, so that a reload
 * does not throw the focus away. */
static const char *
get_focused_path (OurCaseloadView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  PlanEntry *entry;

  if (focus == NULL)
    return NULL;
  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || !gtk_widget_is_ancestor (row, GTK_WIDGET (self)))
    return NULL;
  entry = g_object_get_data (G_OBJECT (row), "our-plan-entry");
  return entry != NULL ? entry->path : NULL;
}

static void
show_entries (OurCaseloadView *self,
              GPtrArray       *entries)
{
  g_autofree char *focused_path = g_strdup (get_focused_path (self));
  GtkWidget *focus_row = NULL;

  clear_list (self->folder_list);
  clear_list (self->recent_list);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_ptr_array_ref (entries);

  for (guint i = 0; i < entries->len; i++)
    {
      PlanEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = create_row (entry);

      gtk_list_box_append (entry->recent ? self->recent_list : self->folder_list, row);
      if (g_strcmp0 (entry->path, focused_path) == 0)
        focus_row = row;
    }

  self->loaded = TRUE;
  update_sections (self);
  if (focus_row != NULL)
    gtk_widget_grab_focus (focus_row);
}

static void
scan_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  OurCaseloadView *self = OUR_CASELOAD_VIEW (source_object);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = g_task_propagate_pointer (G_TASK (result), &error);
  if (entries == NULL)
    {
      /* Cancelled: a newer scan is under way, or the view is gone. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not look through the plans folder: %s", error->message);
      return;
    }
  show_entries (self, entries);
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
  g_autoptr(GTask) task = NULL;
  g_autofree char *shown_folder = NULL;
  g_autofree char *empty_description = NULL;
  ScanRequest *request;

  g_return_if_fail (OUR_IS_CASELOAD_VIEW (self));

  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  self->stale = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  request = g_new0 (ScanRequest, 1);
  request->folder = our_caseload_get_plans_folder ();
  if (self->settings != NULL && !g_settings_get_boolean (self->settings, "private-mode"))
    request->recent = g_settings_get_strv (self->settings, "recent-plans");

  watch_folder (self, request->folder);

  shown_folder = display_folder (request->folder);
  gtk_label_set_text (self->folder_label, shown_folder);
  empty_description = g_strdup_printf (_("Plans kept in %s are listed here. Make a new plan with the person, or open one you were given."),
                                       shown_folder);
  adw_status_page_set_description (self->empty_page, empty_description);

  if (!self->loaded)
    gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, scan_done_cb, NULL);
  g_task_set_source_tag (task, our_caseload_view_reload);
  g_task_set_task_data (task, request, (GDestroyNotify) scan_request_free);
  g_task_run_in_thread (task, scan_thread);
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

  return name != NULL && is_plan_file_name (name);
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

  gtk_list_box_invalidate_filter (self->folder_list);
  gtk_list_box_invalidate_filter (self->recent_list);
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
  const PlanEntry *entry = g_object_get_data (G_OBJECT (row), "our-plan-entry");

  /* An unreadable file is opened too: the window explains in full why it
   * cannot be shown. */
  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-path", "s", entry->path);
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
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_CASELOAD_VIEW);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

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

  gtk_list_box_set_filter_func (self->folder_list, filter_row_cb, self, NULL);
  gtk_list_box_set_filter_func (self->recent_list, filter_row_cb, self, NULL);
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
