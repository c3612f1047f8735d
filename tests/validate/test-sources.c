/* test-sources.c: every word a person reads can be translated, and the templates are well-formed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-sources SOURCE_ROOT
 *
 * Checks without a display (gtk4-builder-tool cannot load libadwaita
 * templates): each ui/ file parses as XML, each visible text property in it is
 * marked translatable, and po/POTFILES.in lists exactly the files that exist
 * and hold strings to translate.
 */

#include <string.h>

#include <glib.h>

static const char *source_root;

/* Properties whose text a person reads or hears. */
static const char * const visible_properties[] = {
  "label", "title", "subtitle", "tooltip-text", "tooltip-markup", "placeholder-text",
  "description", "heading", "body", "text", "secondary-text", NULL,
};

static void
collect_files (const char  *dir_path,
               const char  *suffix,
               GPtrArray   *found)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, suffix, found);
      else if (g_str_has_suffix (name, suffix))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

static char *
relative_path (const char *path)
{
  gsize len = strlen (source_root);

  g_assert_true (g_str_has_prefix (path, source_root));
  return g_strdup (path + len + (path[len] == G_DIR_SEPARATOR ? 1 : 0));
}

typedef struct
{
  const char *file;
  gboolean    in_visible;     /* inside a visible property, not translatable */
  gboolean    translatable;
  char       *property;
  GString    *text;
  GPtrArray  *problems;
} UiCheck;

static void
ui_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  UiCheck *check = user_data;
  const char *name = NULL;
  const char *translatable = NULL;

  /* An element inside a visible one (a menu <item>'s attributes) makes it a
   * container, not a text. */
  check->in_visible = FALSE;

  if (!g_str_equal (element, "property") && !g_str_equal (element, "attribute") &&
      !g_str_equal (element, "item"))
    return;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "name"))
        name = values[i];
      else if (g_str_equal (names[i], "translatable"))
        translatable = values[i];
    }

  /* <item> in a GtkStringList is shown as is; menu items use <attribute>. */
  if (g_str_equal (element, "item") ||
      (name != NULL && g_strv_contains (visible_properties, name)))
    {
      check->in_visible = TRUE;
      check->translatable = translatable != NULL;
      g_clear_pointer (&check->property, g_free);
      check->property = g_strdup (name != NULL ? name : "item");
      g_string_truncate (check->text, 0);
    }
}

static void
ui_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  UiCheck *check = user_data;

  if (check->in_visible)
    g_string_append_len (check->text, text, len);
}

/* Words need translating; a lone symbol such as "•" or "0" does not. */
static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
ui_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  UiCheck *check = user_data;

  if (!check->in_visible)
    return;
  check->in_visible = FALSE;
  if (!check->translatable && has_letters (check->text->str))
    {
      int line;

      g_markup_parse_context_get_position (context, &line, NULL);
      g_ptr_array_add (check->problems,
                       g_strdup_printf ("%s:%d: “%s” (%s) is not marked translatable=\"yes\"",
                                        check->file, line, check->text->str, check->property));
    }
}

static void
test_ui_files (void)
{
  g_autofree char *ui_dir = g_build_filename (source_root, "ui", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  static const GMarkupParser parser = {
    ui_start_element, ui_end_element, ui_text, NULL, NULL,
  };

  collect_files (ui_dir, ".ui", files);
  if (files->len == 0)
    {
      g_test_skip ("No .ui files yet");
      return;
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      g_autofree char *relative = relative_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GMarkupParseContext) context = NULL;
      gsize len;
      UiCheck check = { relative, FALSE, FALSE, NULL, g_string_new (NULL), problems };

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      context = g_markup_parse_context_new (&parser, 0, &check, NULL);
      if (!g_markup_parse_context_parse (context, contents, len, &error) ||
          !g_markup_parse_context_end_parse (context, &error))
        g_ptr_array_add (problems, g_strdup_printf ("%s: %s", relative, error->message));
      g_string_free (check.text, TRUE);
      g_free (check.property);
    }

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    g_test_fail_printf ("%u problem(s) in ui/, first: %s", problems->len,
                        (char *) g_ptr_array_index (problems, 0));
}

static gboolean
file_has_strings (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) c_strings = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  if (g_str_has_suffix (path, ".ui"))
    return strstr (contents, "translatable=\"yes\"") != NULL;

  /* _("…"), N_("…"), C_("context", "…"), ngettext ("…"), with or without a space. */
  c_strings = g_regex_new ("(\\b[NC]?_|\\bg_dngettext|\\bngettext)\\s*\\(\\s*\"", 0, 0, NULL);
  return g_regex_match (c_strings, contents, 0, NULL);
}

static void
test_potfiles (void)
{
  g_autofree char *potfiles_path = g_build_filename (source_root, "po", "POTFILES.in", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const char * const dirs[] = { "src", "ui", NULL };

  g_assert_true (g_file_get_contents (potfiles_path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_autofree char *path = NULL;

      if (*line == '\0' || *line == '#')
        continue;
      path = g_build_filename (source_root, line, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (problems, g_strdup_printf ("po/POTFILES.in lists %s, which does not exist",
                                                    line));
      else if (g_hash_table_contains (listed, line))
        g_ptr_array_add (problems, g_strdup_printf ("po/POTFILES.in lists %s twice", line));
      g_hash_table_add (listed, g_strdup (line));
    }

  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autofree char *dir = g_build_filename (source_root, dirs[d], NULL);

      collect_files (dir, ".c", sources);
      collect_files (dir, ".ui", sources);
    }
  for (guint i = 0; i < sources->len; i++)
    {
      const char *path = g_ptr_array_index (sources, i);
      g_autofree char *relative = relative_path (path);

      if (!g_hash_table_contains (listed, relative) && file_has_strings (path))
        g_ptr_array_add (problems, g_strdup_printf ("%s has strings to translate but is not "
                                                    "in po/POTFILES.in", relative));
    }

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    g_test_fail_printf ("%u problem(s), first: %s", problems->len,
                        (char *) g_ptr_array_index (problems, 0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 2)
    {
      g_printerr ("Usage: %s SOURCE_ROOT\n", argv[0]);
      return 2;
    }
  source_root = argv[1];

  g_test_add_func ("/sources/ui-files", test_ui_files);
  g_test_add_func ("/sources/potfiles", test_potfiles);

  return g_test_run ();
}
