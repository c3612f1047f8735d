/* our-cli.c: the headless command line (no display needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "our-cli.h"
#include "our-command.h"
#include "our-copy.h"
#include "our-session.h"
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
  g_print (_("Things on the notes board: %u (pictures kept: %u)\n"),
           report.n_board_items, report.n_pictures);
  g_print (_("Safety notes: %u\n"), report.n_safety_notes);
  for (guint i = 0; report.notices != NULL && report.notices[i] != NULL; i++)
    g_print ("%s\n", report.notices[i]);

  if (g_strcmp0 (report.integrity, "ok") != 0)
    {
      g_printerr (_("%s: This plan file is damaged. Open a backup copy instead.\n"), path);
      our_store_report_clear (&report);
      return 1;
    }
  our_store_report_clear (&report);
  return 0;
}

/* "Sam, Rhian and Dad" style list of the plan's carers, or NULL. */
static char *
describe_carers (OurPlan *plan)
{
  g_autoptr(GPtrArray) carers = our_plan_list_carers (plan);
  GString *names;

  if (carers == NULL || carers->len == 0)
    return NULL;
  names = g_string_new (NULL);
  for (guint i = 0; i < carers->len; i++)
    {
      if (i > 0)
        g_string_append (names, i + 1 == carers->len ? _(" and ") : ", ");
      g_string_append_printf (names, "“%s”", our_member_get_name (g_ptr_array_index (carers, i)));
    }
  return g_string_free (names, FALSE);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
run_export (int    argc,
            char **argv)
{
  g_autofree char *copy = NULL;
  g_autofree char *carer_name = NULL;
  g_autofree char *format = NULL;
  gboolean large_print = FALSE;
  GOptionEntry entries[] = {
    { "copy", 0, 0, G_OPTION_ARG_STRING, &copy,
      N_("Which copy: user (the person’s own), carer or team"), "user|carer|team" },
    { "carer", 0, 0, G_OPTION_ARG_STRING, &carer_name,
      N_("The carer the copy is for (with --copy=carer)"), N_("NAME") },
    { "large-print", 0, 0, G_OPTION_ARG_NONE, &large_print,
      N_("Large print: body text of 16 points or more"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("pdf (the default), or plan: a plan file for the carer’s computer"), "pdf|plan" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE OUT — save a copy of a plan"));
  g_autoptr(GError) error = NULL;
  g_autoptr(OurStore) store = NULL;
  g_autoptr(OurCopyRecord) record = NULL;
  OurCopyOptions options = { OUR_COPY_PERSON, NULL, FALSE, NULL };
  OurCopyMedium medium = OUR_COPY_PDF;
  OurMember *carer = NULL;
  const char *path, *out;
  OurPlan *plan;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* argv[1] is "export": parse from there as if it were the program. */
  argc--;
  argv++;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 3 || copy == NULL)
    {
      g_printerr ("%s\n", _("Usage: ourplan export --copy=user|carer|team [--carer NAME] "
                            "[--large-print] [--format=pdf|plan] FILE OUT"));
      return 2;
    }
  path = argv[1];
  out = argv[2];

  if (g_str_equal (copy, "user"))
    options.kind = OUR_COPY_PERSON;
  else if (g_str_equal (copy, "carer"))
    options.kind = OUR_COPY_CARER;
  else if (g_str_equal (copy, "team"))
    options.kind = OUR_COPY_TEAM;
  else
    {
      g_printerr (_("“%s” is not a kind of copy: choose user, carer or team.\n"), copy);
      return 2;
    }
  if (format == NULL || g_str_equal (format, "pdf"))
    medium = OUR_COPY_PDF;
  else if (g_str_equal (format, "plan"))
    medium = OUR_COPY_PLAN_FILE;
  else
    {
      g_printerr (_("“%s” is not a format: choose pdf or plan.\n"), format);
      return 2;
    }
  if (medium == OUR_COPY_PLAN_FILE && options.kind != OUR_COPY_CARER)
    {
      g_printerr ("%s\n", _("Only a carer’s copy can be saved as a plan file: "
                            "use --copy=carer --carer NAME."));
      return 2;
    }
  if (options.kind == OUR_COPY_CARER && (carer_name == NULL || *carer_name == '\0'))
    {
      g_printerr ("%s\n", _("Say which carer the copy is for, with --carer NAME."));
      return 2;
    }
  options.large_print = large_print;

  /* A file-size limit then makes write() fail with EFBIG instead of
   * killing us, so that the half-written copy is removed. */
  signal (SIGXFSZ, SIG_IGN);

  /* Before the plan is opened, so that a bad place changes nothing. */
  if (!our_copy_check_folder (out, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (same_file (path, out))
    {
      g_printerr ("%s\n", _("The copy would replace the plan itself: choose another name for it."));
      return 1;
    }

  store = our_store_open (path, OUR_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr (_("%s: %s\n"), path, error->message);
      return 1;
    }
  plan = our_store_get_plan (store);
  for (const char * const *notice = our_store_get_notices (store); *notice != NULL; notice++)
    g_printerr (_("%s: %s\n"), path, *notice);

  if (options.kind == OUR_COPY_CARER)
    {
      carer = our_plan_find_carer_by_name (plan, carer_name);
      if (carer == NULL)
        {
          g_autofree char *carers = describe_carers (plan);

          if (carers != NULL)
            g_printerr (_("Nobody called “%s” is marked as a carer in this plan. "
                          "The carers are: %s.\n"), carer_name, carers);
          else
            g_printerr (_("Nobody called “%s” is marked as a carer in this plan: "
                          "it has no carers yet.\n"), carer_name);
          return 1;
        }
      options.carer_id = our_member_get_id (carer);
    }


  if (medium == OUR_COPY_PDF)
    {
      g_autoptr(OurCopy) document = our_copy_new (plan, &options, OUR_COPY_A4_WIDTH,
                                                  OUR_COPY_A4_HEIGHT);

      if (!our_copy_write_pdf (document, out, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print (g_dngettext (GETTEXT_PACKAGE, "Saved the copy to %s (%u page).\n",
                            "Saved the copy to %s (%u pages).\n",
                            our_copy_get_n_pages (document)),
               out, our_copy_get_n_pages (document));
    }
  else
    {
      g_autoptr(OurPlan) carer_plan = our_plan_new_carer_copy (plan, options.carer_id);

      if (!our_store_write_plan (carer_plan, out, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print (_("Saved the carer’s plan file to %s.\n"), out);
    }

  /* The copy log: the honest answer to "did they get a copy?". */
  record = our_copy_new_log_record (plan, &options, medium);
  if (!our_session_record (our_store_get_session (store), our_command_new_log_copy (record), &error))
    {
      g_printerr (_("The copy was saved, but the plan could not record it: %s\n"),
                  error->message);
      return 0;
    }
  our_store_close (store);
  return 0;
}

gboolean
our_cli_handles (int    argc,
                 char **argv)
{
  return argc >= 2 && (g_str_equal (argv[1], "check") || g_str_equal (argv[1], "export"));
}

int
our_cli_run (int    argc,
             char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "check"))
    return run_check (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "export"))
    return run_export (argc, argv);
  return 2;
}
