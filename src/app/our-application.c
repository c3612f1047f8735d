/* our-application.c: the application: windows, app-wide actions, the --demo option
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "our-application.h"
#include "our-window.h"

#define MAX_RECENT_PLANS 20

struct _OurApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  gboolean        demo;
  GStrv           early_paths;  /* plans named on the command line */
  GHashTable     *early_opens;  /* path → EarlyOpen */
};

/* A plan named on the command line is opened in a worker thread while GTK
 * connects to the display on the main one (two processors each do half the
 * work of a launch), and handed to its window when the window is made. Only
 * the first instance does this, in startup: a plan sent on to a running Our
 * Plan is opened there, never twice. */
typedef struct
{
  char     *path;
  GThread  *thread;
  OurStore *store;
  GError   *error;
} EarlyOpen;

G_DEFINE_FINAL_TYPE (OurApplication, our_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a fresh copy of the sample plan"), NULL },
  { NULL }
};

static const char *
sample_source_path (void)
{
  static const char *candidates[] = {
    BUILD_DATADIR "/sample.ourplan",
    PKGDATADIR "/sample.ourplan",
  };
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_path_get_dirname (BUILD_DATADIR);
  /* An installed copy of the program uses the installed sample. */
  guint first = exe && g_str_has_prefix (exe, build_root) ? 0 : 1;

  for (guint i = first; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
      return candidates[i];
  return NULL;
}

char *
our_application_copy_sample (GError **error)
{
  const char *source = sample_source_path ();
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "ourplan", "sample", NULL);
  g_autofree char *target = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  const char *leftovers[] = { "-journal", "-wal", "-shm" };

  if (source == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The sample plan is missing from this installation of Our Plan."));
      return NULL;
    }
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not make a folder for the sample plan: %s"), g_strerror (errno));
      return NULL;
    }

  /* TRANSLATORS: the file name of the copy of the sample plan */
  target = g_build_filename (folder, _("Sample plan.ourplan"), NULL);
  /* A fresh copy each time: the journal files of an earlier copy would be
   * taken for unsaved changes of this one. */
  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *leftover = g_strconcat (target, leftovers[i], NULL);
      g_unlink (leftover);
    }

  from = g_file_new_for_path (source);
  to = g_file_new_for_path (target);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                    NULL, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&target);
}

static OurWindow *
find_window_for_path (OurApplication *self,
                      const char     *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (OUR_IS_WINDOW (l->data) && g_strcmp0 (our_window_get_path (l->data), path) == 0)
      return l->data;
  return NULL;
}

/* A window showing the caseload, so a plan can open in it rather than in a
 * second window. */
static void
plan_opened_cb (OurApplication *self,
                const char     *path)
{
  our_application_add_recent (self, path);
}

/* A window with the application's settings, which tells it each plan it
 * opens for the list of recent plans. */
static OurWindow *
new_window (OurApplication *self)
{
  OurWindow *window = our_window_new (ADW_APPLICATION (self), self->settings);

  g_signal_connect_object (window, "plan-opened", G_CALLBACK (plan_opened_cb), self,
                           G_CONNECT_SWAPPED);
  return window;
}

static OurWindow *
find_idle_window (OurApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (OUR_IS_WINDOW (l->data) && our_window_get_path (l->data) == NULL)
      return l->data;
  return NULL;
}

static gpointer
early_open_thread (gpointer data)
{
  EarlyOpen *early = data;

  early->store = our_store_open (early->path, OUR_STORE_OPEN_DEFAULT, &early->error);
  return NULL;
}

static void
early_open_free (EarlyOpen *early)
{
  if (early->thread != NULL)
    g_thread_join (early->thread);
  g_clear_object (&early->store);
  g_clear_error (&early->error);
  g_free (early->path);
  g_free (early);
}

static void
start_early_opens (OurApplication *self)
{
  self->early_opens = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) early_open_free);
  for (guint i = 0; self->early_paths != NULL && self->early_paths[i] != NULL; i++)
    {
      EarlyOpen *early;

      if (g_hash_table_contains (self->early_opens, self->early_paths[i]))
        continue;
      early = g_new0 (EarlyOpen, 1);
      early->path = g_strdup (self->early_paths[i]);
      early->thread = g_thread_new ("ourplan-open", early_open_thread, early);
      g_hash_table_insert (self->early_opens, early->path, early);
    }
  g_clear_pointer (&self->early_paths, g_strfreev);
}

static void
open_path (OurApplication *self,
           const char     *path)
{
  OurWindow *window = find_window_for_path (self, path);
  EarlyOpen *early = NULL;

  if (window == NULL)
    {
      window = find_idle_window (self);
      if (window == NULL)
        window = new_window (self);
      if (self->early_opens != NULL)
        g_hash_table_steal_extended (self->early_opens, path, NULL, (gpointer *) &early);
      if (early != NULL)
        {
          g_thread_join (early->thread);
          early->thread = NULL;
          our_window_show_opened (window, early->store, early->error);
          early_open_free (early);
        }
      else
        our_window_open_path (window, path);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
our_application_activate (GApplication *app)
{
  OurApplication *self = OUR_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (self->demo)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      self->demo = FALSE;
      path = our_application_copy_sample (&error);
      if (path != NULL)
        {
          open_path (self, path);
          return;
        }
      g_warning ("%s", error->message);
    }

  if (window == NULL)
    window = GTK_WINDOW (new_window (OUR_APPLICATION (app)));
  gtk_window_present (window);
}

static void
our_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        open_path (OUR_APPLICATION (app), path);
    }
}

static int
our_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  OurApplication *self = OUR_APPLICATION (app);

  if (g_variant_dict_contains (options, "demo"))
    self->demo = TRUE;
  return -1;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Our Plan developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Our Plan"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Care plans made together, in the person’s own words"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window saves its typing and closes its plan file on the way out. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
our_application_startup (GApplication *app)
{
  OurApplication *self = OUR_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
    { "win.new-plan", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save-copy", { "<Shift><Control>s", NULL } },
    { "win.print-copy", { "<Control>p", NULL } },
    { "win.show-caseload", { "<Control>w", NULL } },
    { "win.show-tab('me')", { "<Alt>1", NULL } },
    { "win.show-tab('goals')", { "<Alt>2", NULL } },
    { "win.show-tab('people')", { "<Alt>3", NULL } },
    { "win.show-tab('board')", { "<Alt>4", NULL } },
    { "win.show-tab('safety')", { "<Alt>5", NULL } },
    { "win.show-tab('meetings')", { "<Alt>6", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  start_early_opens (self);
  G_APPLICATION_CLASS (our_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
our_application_dispose (GObject *object)
{
  OurApplication *self = OUR_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->early_opens, g_hash_table_unref);
  g_clear_pointer (&self->early_paths, g_strfreev);

  G_OBJECT_CLASS (our_application_parent_class)->dispose (object);
}

static void
our_application_class_init (OurApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = our_application_dispose;
  app_class->activate = our_application_activate;
  app_class->open = our_application_open;
  app_class->startup = our_application_startup;
  app_class->handle_local_options = our_application_handle_local_options;
}

static void
our_application_init (OurApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}

OurApplication *
our_application_new (void)
{
  return g_object_new (OUR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/ourplan/OurPlan",
                       NULL);
}

void
our_application_open_early (OurApplication *self,
                            int             argc,
                            char          **argv)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  g_return_if_fail (OUR_IS_APPLICATION (self));

  /* The only options take no value, so every other argument is a file (as
   * g_application_run() will take it); "--" and what follows are left to
   * the usual way. */
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;

      if (g_str_equal (argv[i], "--"))
        break;
      if (argv[i][0] == '-')
        continue;
      file = g_file_new_for_commandline_arg (argv[i]);
      path = g_file_get_path (file);
      if (path != NULL)
        g_strv_builder_add (paths, path);
    }
  g_clear_pointer (&self->early_paths, g_strfreev);
  self->early_paths = g_strv_builder_end (paths);
}

GSettings *
our_application_get_settings (OurApplication *self)
{
  g_return_val_if_fail (OUR_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
our_application_add_recent (OurApplication *self,
                            const char     *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint kept = 1;

  g_return_if_fail (OUR_IS_APPLICATION (self));

  if (g_settings_get_boolean (self->settings, "private-mode"))
    return;

  recent = g_settings_get_strv (self->settings, "recent-plans");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && kept < MAX_RECENT_PLANS; i++)
    if (!g_str_equal (recent[i], path))
      {
        g_strv_builder_add (builder, recent[i]);
        kept++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-plans", (const char * const *) updated);
}
