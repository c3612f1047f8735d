/* our-cli.c: the headless command line (no display needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "our-cli.h"
#include "our-store.h"

static int
run_check (int    argc,
           char **argv)
{
  OurStoreReport report = { 0 };
  g_autoptr(GError) error = NULL;
  const char *path;

  if (argc != 3)
    {
      g_printerr ("%s\n", _("Usage: ourplan check FILE"));
      return 2;
    }
  path = argv[2];

  if (!our_store_check (path, &report, &error))
    {
      g_printerr (_("%s: %s\n"), path, error->message);
      return 1;
    }

  g_print (_("Plan file: %s\n"), path);
  g_print (_("Schema version: %d (this version of Our Plan writes %d)\n"),
           report.schema_version, OUR_SCHEMA_VERSION);
  g_print (_("Integrity check: %s\n"), report.integrity);
  g_print (_("Goals: %u\n"), report.n_goals);
  g_print (_("Steps: %u\n"), report.n_steps);
  g_print (_("Me fields filled in: %u\n"), report.n_me_fields);
  g_print (_("People and things in My people: %u\n"), report.n_members);

  if (g_strcmp0 (report.integrity, "ok") != 0)
    {
      g_printerr (_("%s: This plan file is damaged. Open a backup copy instead.\n"), path);
      our_store_report_clear (&report);
      return 1;
    }
  our_store_report_clear (&report);
  return 0;
}

gboolean
our_cli_handles (int    argc,
                 char **argv)
{
  return argc >= 2 && g_str_equal (argv[1], "check");
}

int
our_cli_run (int    argc,
             char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "check"))
    return run_check (argc, argv);
  return 2;
}
