/* our-window.c: a window that shows the caseload or one open plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "our-agree-dialog.h"
#include "our-caseload-view.h"
#include "our-history.h"
#include "our-plan-view.h"
#include "our-print.h"
#include "our-private-mode.h"
#include "our-sharing-view.h"
#include "our-window.h"

struct _OurWindow
{
  AdwApplicationWindow  parent_instance;

  /* The application's settings (size, private mode), or NULL in tests. */
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwBin               *caseload_page;
  OurCaseloadView      *caseload_view;   /* built when first shown, else NULL */
  OurPlanView          *plan_view;

  OurStore             *store;
  GtkFileChooserNative *chooser;
  gboolean              told_saving_stopped;
};

G_DEFINE_FINAL_TYPE (OurWindow, our_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PLAN_OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GSettings *
window_settings (OurWindow *self)
{
  return self->settings;
}

static gboolean
private_mode (OurWindow *self)
{
  GSettings *settings = window_settings (self);

  return settings != NULL && g_settings_get_boolean (settings, "private-mode");
}

static gboolean
present_dialog_idle (gpointer dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

/* After the window is up and raised, so the message stays above it. */
static void
present_dialog_when_mapped (GtkWidget *dialog)
{
  g_idle_add_full (G_PRIORITY_LOW, present_dialog_idle, g_object_ref (dialog), g_object_unref);
}

static void
show_message (OurWindow  *self,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* A plan opened at start-up speaks before its window is shown: the
   * message must come up over the window, not behind it. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (dialog));
  else
    g_signal_connect_object (self, "map", G_CALLBACK (present_dialog_when_mapped), dialog,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
show_toast (OurWindow  *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
update_actions (OurWindow *self)
{
  gboolean has_plan = self->store != NULL;
  gboolean writable = has_plan && !our_store_get_read_only (self->store);
  OurHistory *history = has_plan ? our_session_get_history (our_store_get_session (self->store)) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && history != NULL && our_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && history != NULL && our_history_get_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-caseload", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-tab", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sharing", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.agree", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-copy", has_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-copy", has_plan);
}

static void
update_title (OurWindow *self)
{
  OurPlan *plan = self->store ? our_store_get_plan (self->store) : NULL;
  const char *name = plan ? our_plan_get_name (plan) : "";
  g_autofree char *title = NULL;

  /* On a shared computer the window title ends up in task bars, window
   * lists and screenshots: private mode keeps the person's name out. */
  if (plan == NULL)
    title = g_strdup (_("Our Plan"));
  else if (private_mode (self) || name[0] == '\0')
    title = g_strdup (_("Care plan"));
  else
    /* TRANSLATORS: the window title for a person's plan */
    title = g_strdup_printf (_("%s’s plan"), name);

  gtk_window_set_title (GTK_WINDOW (self), title);
  our_plan_view_set_title (self->plan_view, title);
}

static void save_copy_action (GtkWidget *widget, const char *action_name, GVariant *parameter);

static void
saving_stopped_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       OurWindow        *self)
{
  if (g_str_equal (response, "save"))
    save_copy_action (GTK_WIDGET (self), "win.save-copy", NULL);
}

static void
history_failed_cb (OurWindow  *self,
                   GError     *error)
{
  if (g_error_matches (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_ONLY_IN_WINDOW))
    {
      GtkWidget *dialog;

      if (self->told_saving_stopped)
        {
          show_toast (self, _("Not saved to a file yet: save a copy elsewhere to keep your changes"));
          return;
        }
      self->told_saving_stopped = TRUE;
      /* The file is gone, or the disk is full, failing or read-only: the
       * edits are safe in the window until a copy is saved elsewhere. */
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("This Plan Is Not Being Saved"),
                                       error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "later", _("_Not Now"),
                                        "save", _("_Save a Copy Elsewhere…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
      g_signal_connect_object (dialog, "response", G_CALLBACK (saving_stopped_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (g_error_matches (error, OUR_HISTORY_ERROR, OUR_HISTORY_ERROR_NOT_SAVED))
    show_message (self, _("This Change Was Not Saved"), error->message);
  else
    show_toast (self, error->message);
}

void
our_window_close_plan (OurWindow *self)
{
  g_return_if_fail (OUR_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  our_session_commit_pending (our_store_get_session (self->store));
  if (our_session_get_history (our_store_get_session (self->store)) != NULL)
    g_signal_handlers_disconnect_by_data (our_session_get_history (our_store_get_session (self->store)),
                                          self);
  our_plan_view_set_session (self->plan_view, NULL);
  our_store_close (self->store);
  g_clear_object (&self->store);
  self->told_saving_stopped = FALSE;

  if (self->caseload_view != NULL)
    our_caseload_view_reload (self->caseload_view);
  gtk_stack_set_visible_child_name (self->main_stack, "caseload");
  update_actions (self);
  update_title (self);
}

/* What opening found (a file beside the plan set aside, more than a plan
 * can hold): said once, in a dialog the person closes, since each
 * sentence matters to what they see. */
static void
show_notices (OurWindow *self,
              OurStore  *store)
{
  const char * const *notices = our_store_get_notices (store);
  g_autofree char *body = NULL;

  if (notices[0] == NULL)
    return;
  body = g_strjoinv ("\n\n", (char **) notices);
  show_message (self, _("Please Note"), body);
}

static void
set_store (OurWindow *self,
           OurStore  *store)
{
  OurSession *session = our_store_get_session (store);
  OurPlan *plan = our_session_get_plan (session);
  OurHistory *history = our_session_get_history (session);

  our_window_close_plan (self);
  self->store = g_object_ref (store);

  our_plan_view_set_session (self->plan_view, session);
  if (history != NULL)
    {
      g_signal_connect_object (history, "failed", G_CALLBACK (history_failed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (update_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (update_actions), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (plan, "notify::name", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);

  /* The application keeps the list of recent plans. */
  g_signal_emit (self, signals[PLAN_OPENED], 0, our_store_get_path (store));

  gtk_stack_set_visible_child_name (self->main_stack, "plan");
  update_actions (self);
  update_title (self);
}

gboolean
our_window_open_path (OurWindow  *self,
                      const char *path)
{
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (OUR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  return our_window_show_opened (self, store, error);
}

gboolean
our_window_show_opened (OurWindow    *self,
                        OurStore     *store,
                        const GError *error)
{
  g_return_val_if_fail (OUR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (store != NULL || error != NULL, FALSE);

  if (store == NULL)
    {
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                               _("The file has not been changed."));
      show_message (self, _("This Plan Could Not Be Opened"), body);
      return FALSE;
    }

  set_store (self, store);
  show_notices (self, store);
  return TRUE;
}

const char *
our_window_get_path (OurWindow *self)
{
  g_return_val_if_fail (OUR_IS_WINDOW (self), NULL);
  return self->store ? our_store_get_path (self->store) : NULL;
}

OurStore *
our_window_get_store (OurWindow *self)
{
  g_return_val_if_fail (OUR_IS_WINDOW (self), NULL);
  return self->store;
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OurWindow *self = OUR_WINDOW (widget);

  if (self->store == NULL)
    return;
  our_session_undo (our_store_get_session (self->store), NULL);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OurWindow *self = OUR_WINDOW (widget);

  if (self->store == NULL)
    return;
  our_session_redo (our_store_get_session (self->store), NULL);
}

static void
show_caseload_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  our_window_close_plan (OUR_WINDOW (widget));
}

static void
show_tab_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OurWindow *self = OUR_WINDOW (widget);

  adw_view_stack_set_visible_child_name (our_plan_view_get_stack (self->plan_view),
                                         g_variant_get_string (parameter, NULL));
}

/* "Who can see my plan": the person's choices for carers, and the copy log. */
static void
sharing_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OurWindow *self = OUR_WINDOW (widget);
  GtkWidget *sharing;

  if (self->store == NULL)
    return;
  our_session_commit_pending (our_store_get_session (self->store));
  sharing = our_sharing_view_new (GTK_WINDOW (self), our_store_get_session (self->store));
  gtk_window_present (GTK_WINDOW (sharing));
}

/* "Agree this Plan…": who agreed, the next review, and a frozen version. */
static void
agree_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  OurWindow *self = OUR_WINDOW (widget);

  if (self->store == NULL || our_store_get_read_only (self->store))
    return;
  our_session_commit_pending (our_store_get_session (self->store));
  gtk_window_present (GTK_WINDOW (our_agree_dialog_new (GTK_WINDOW (self),
                                                        our_store_get_session (self->store))));
}

/* Print or save as a PDF: My copy, a carer's copy or the team copy. */
static void
print_copy_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OurWindow *self = OUR_WINDOW (widget);
  GtkWidget *print;

  if (self->store == NULL)
    return;
  our_session_commit_pending (our_store_get_session (self->store));
  print = our_print_new (GTK_WINDOW (self), our_store_get_session (self->store),
                         g_str_equal (action_name, "win.export-copy"));
  g_signal_connect_object (print, "copy-given", G_CALLBACK (show_toast), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (print));
}

static void
open_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  our_window_open_path (OUR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The file chooser adds what it picks to the desktop's recently used list;
 * private mode takes it out again. */
static void
forget_recent_pick (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  our_private_mode_forget_pick (file);
}

static GtkFileFilter *
plan_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Care plans"));
  gtk_file_filter_add_pattern (filter, "*" OUR_PLAN_FILE_EXTENSION);
  return filter;
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  OurWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&self->chooser);

  if (path == NULL)
    return;
  forget_recent_pick (path);
  our_window_open_path (self, path);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OurWindow *self = OUR_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = plan_file_filter ();
  g_autofree char *folder = our_caseload_get_plans_folder ();
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Open a Plan"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder_file, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
ensure_extension (const char *path)
{
  if (g_str_has_suffix (path, OUR_PLAN_FILE_EXTENSION))
    return g_strdup (path);
  return g_strconcat (path, OUR_PLAN_FILE_EXTENSION, NULL);
}

static void
save_copy_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       OurWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      chosen = file ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&self->chooser);

  if (chosen == NULL || self->store == NULL)
    return;
  path = ensure_extension (chosen);
  forget_recent_pick (chosen);

  our_session_commit_pending (our_store_get_session (self->store));
  if (!our_store_write_plan (our_store_get_plan (self->store), path, &error))
    {
      show_message (self, _("The Copy Could Not Be Saved"), error->message);
      return;
    }

  /* With its file gone, the copy becomes the plan: later edits go there. */
  if (our_store_get_saving_stopped (self->store))
    {
      if (our_window_open_path (self, path))
        show_toast (self, _("Saved. Changes now go to the new copy."));
      return;
    }
  show_toast (self, _("Copy saved"));
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OurWindow *self = OUR_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = plan_file_filter ();
  g_autofree char *folder = our_caseload_get_plans_folder ();
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autofree char *name = NULL;
  const char *person;

  if (self->chooser != NULL || self->store == NULL)
    return;

  person = our_plan_get_name (our_store_get_plan (self->store));
  /* TRANSLATORS: the suggested file name of a copy of a plan */
  name = g_strdup_printf (_("%s (copy).ourplan"), person[0] ? person : _("Care plan"));
  self->chooser = gtk_file_chooser_native_new (_("Save a Copy of This Plan"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder_file, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_copy_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A file name made from the person's name, without characters that file
 * systems or e-mail refuse, that does not overwrite another plan. */
static char *
new_plan_path (const char *name)
{
  g_autofree char *folder = our_caseload_get_plans_folder ();
  g_autoptr(GString) base = g_string_new (NULL);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
          c == '<' || c == '>' || c == '|' || g_unichar_iscntrl (c))
        g_string_append_c (base, ' ');
      else
        g_string_append_unichar (base, c);
    }
  g_strstrip (base->str);
  base->len = strlen (base->str);
  if (base->len == 0 || base->str[0] == '.')
    g_string_prepend (base, _("Care plan"));
  /* Keep well inside the 255 bytes most file systems allow. */
  if (base->len > 120)
    g_string_truncate (base, g_utf8_find_prev_char (base->str, base->str + 120) - base->str);

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *file_name = n == 1
        ? g_strdup_printf ("%s" OUR_PLAN_FILE_EXTENSION, base->str)
        : g_strdup_printf ("%s %u" OUR_PLAN_FILE_EXTENSION, base->str, n);
      g_autofree char *path = g_build_filename (folder, file_name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static void
create_plan (OurWindow  *self,
             const char *name)
{
  g_autoptr(OurPlan) plan = our_plan_new ();
  g_autoptr(OurStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *path = new_plan_path (name);

  if (path == NULL)
    {
      show_message (self, _("The Plan Could Not Be Made"),
                    _("There are too many plans with this name in the plans folder."));
      return;
    }

  our_plan_set_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME, name, OUR_AUTHOR_PERSON);
  our_plan_set_me_text (plan, OUR_ME_FIELD_MADE_ON, today, OUR_AUTHOR_COORDINATOR);
  store = our_store_create (path, plan, &error);
  if (store == NULL)
    {
      show_message (self, _("The Plan Could Not Be Made"), error->message);
      return;
    }
  set_store (self, store);
}

static void
new_plan_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      OurWindow        *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "name-entry");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "create") && name[0] != '\0')
    create_plan (self, name);
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", name[0] != '\0');
}

static void
name_activate_cb (GtkEntry         *entry,
                  AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "create"))
    {
      adw_message_dialog_response (dialog, "create");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OurWindow *self = OUR_WINDOW (widget);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Plan"),
                                   _("What name does the person like to be called?"));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The name the person likes to be called"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("_Make the Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "name-entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (name_activate_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_plan_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* The keyboard shortcuts window is built when first asked for, not with
 * every window (as GtkApplication does with gtk/help-overlay.ui). */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/ourplan/OurPlan/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* The caseload is built when it is first shown, so a window opened on a plan
 * neither builds it nor reads the plans folder for its first frame. */
static void
build_shown_caseload (OurWindow *self)
{
  if (self->caseload_view != NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->main_stack)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "caseload") != 0)
    return;
  self->caseload_view = OUR_CASELOAD_VIEW (our_caseload_view_new ());
  adw_bin_set_child (self->caseload_page, GTK_WIDGET (self->caseload_view));
}

static gboolean
our_window_close_request (GtkWindow *window)
{
  OurWindow *self = OUR_WINDOW (window);
  GSettings *settings = window_settings (self);

  our_window_close_plan (self);
  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (our_window_parent_class)->close_request (window);
}

static void
our_window_constructed (GObject *object)
{
  OurWindow *self = OUR_WINDOW (object);

  G_OBJECT_CLASS (our_window_parent_class)->constructed (object);

  update_actions (self);
  update_title (self);
}

static void
our_window_dispose (GObject *object)
{
  OurWindow *self = OUR_WINDOW (object);

  if (self->store != NULL)
    our_window_close_plan (self);
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_WINDOW);

  G_OBJECT_CLASS (our_window_parent_class)->dispose (object);
}

static void
our_window_class_init (OurWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = our_window_constructed;
  object_class->dispose = our_window_dispose;
  window_class->close_request = our_window_close_request;

  /**
   * OurWindow::plan-opened:
   * @path: the plan file now shown
   */
  signals[PLAN_OPENED] = g_signal_new ("plan-opened", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (OUR_TYPE_PLAN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/ourplan/OurPlan/our-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OurWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OurWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OurWindow, caseload_page);
  gtk_widget_class_bind_template_child (widget_class, OurWindow, plan_view);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-path", "s", open_path_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.show-caseload", NULL, show_caseload_action);
  gtk_widget_class_install_action (widget_class, "win.show-tab", "s", show_tab_action);
  gtk_widget_class_install_action (widget_class, "win.sharing", NULL, sharing_action);
  gtk_widget_class_install_action (widget_class, "win.agree", NULL, agree_action);
  gtk_widget_class_install_action (widget_class, "win.print-copy", NULL, print_copy_action);
  gtk_widget_class_install_action (widget_class, "win.export-copy", NULL, print_copy_action);
}

static void
our_window_init (OurWindow *self)
{
  static const GActionEntry entries[] = {
    { "show-help-overlay", show_help_overlay_cb },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect_object (self->main_stack, "map", G_CALLBACK (build_shown_caseload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (build_shown_caseload), self, G_CONNECT_SWAPPED);
}

OurWindow *
our_window_new (AdwApplication *application,
                GSettings      *settings)
{
  OurWindow *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (OUR_TYPE_WINDOW, "application", application, NULL);
  if (settings != NULL)
    {
      /* Set before the window is shown: its size and title follow them. */
      self->settings = g_object_ref (settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      update_title (self);
    }
  return self;
}
