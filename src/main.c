/* main.c: start Our Plan, or run a headless command such as `ourplan check FILE`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <locale.h>

#include "our-application.h"
#include "our-cli.h"

/* Run from the build tree, the schema is not installed yet: use the one the
 * build compiled, so that `build/src/ourplan` works as it is. This must
 * happen before anything asks GSettings for its schemas. */
static void
use_built_schema_when_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_path_get_dirname (BUILD_DATADIR);
  g_autofree char *compiled = g_build_filename (BUILD_DATADIR, "gschemas.compiled", NULL);
  const char *current = g_getenv ("GSETTINGS_SCHEMA_DIR");
  g_autofree char *value = NULL;

  if (exe == NULL || !g_str_has_prefix (exe, build_root) ||
      !g_file_test (compiled, G_FILE_TEST_EXISTS))
    return;
  value = current && *current ? g_strconcat (BUILD_DATADIR, ":", current, NULL)
                              : g_strdup (BUILD_DATADIR);
  g_setenv ("GSETTINGS_SCHEMA_DIR", value, TRUE);
}

static gboolean
settings_schema_found (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return FALSE;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OurApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (our_cli_handles (argc, argv))
    return our_cli_run (argc, argv);

  use_built_schema_when_uninstalled ();
  if (!settings_schema_found ())
    {
      g_printerr ("%s\n", _("Our Plan is not installed properly: its settings schema "
                            "(org.ourplan.OurPlan) was not found."));
      return 1;
    }

  app = our_application_new ();
  our_application_open_early (app, argc, argv);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
