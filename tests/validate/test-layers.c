/* test-layers.c: the layers of DESIGN.md hold — who may include whom, no GTK below the views, no cycles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-layers SOURCE_ROOT
 *
 * Reads every .c and .h under src/ and checks its #include lines:
 *   model/   includes nothing of ours outside model/
 *   edit/    only model/ and edit/
 *   store/   only model/, edit/ and store/
 *   render/  only model/ and render/
 *   tools/   only the four layers above
 *   none of these includes GTK, GDK, GSK or libadwaita
 *   views/   never app/ (the window and application are above the views)
 * and that no two modules include each other, directly or round a longer
 * loop (a module is a .c/.h pair; "-private.h" belongs to its module).
 * The first test feeds the checker a small tree with each kind of break in
 * it, so that a checker that passes everything fails.
 */

#include <string.h>

#include <glib.h>

typedef struct
{
  const char *layer;
  const char *may_include[5];   /* NULL-terminated */
  gboolean    no_gtk;
} LayerRule;

static const LayerRule rules[] = {
  { "model",  { "model", NULL }, TRUE },
  { "edit",   { "model", "edit", NULL }, TRUE },
  { "store",  { "model", "edit", "store", NULL }, TRUE },
  { "render", { "model", "render", NULL }, TRUE },
  { "tools",  { "model", "edit", "store", "render", NULL }, TRUE },
};

static const char * const gtk_prefixes[] = { "gtk/", "gdk/", "gsk/", "adwaita.h", NULL };

/* "src/views/goals/our-goal-card.c" → "views"; "src/main.c" → "" */
static char *
layer_of (const char *path)
{
  const char *start = g_str_has_prefix (path, "src/") ? path + 4 : path;
  const char *slash = strchr (start, '/');

  return slash ? g_strndup (start, slash - start) : g_strdup ("");
}

/* "src/render/our-network-layout-private.h" → "our-network-layout" */
static char *
module_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL)
    *dot = '\0';
  if (g_str_has_suffix (base, "-private"))
    base[strlen (base) - strlen ("-private")] = '\0';
  return g_steal_pointer (&base);
}

static const LayerRule *
rule_for (const char *layer)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].layer, layer))
      return &rules[i];
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of @table, sorted (GLib 2.74 has no get_keys_as_ptr_array). */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static gboolean
may_include (const LayerRule *rule,
             const char      *layer)
{
  for (guint i = 0; rule->may_include[i] != NULL; i++)
    if (g_str_equal (rule->may_include[i], layer))
      return TRUE;
  return FALSE;
}

/* Calls @func for each #include of @text: its name and whether it was
 * written with <angle brackets>. */
static void
each_include (const char *text,
              void      (*func) (const char *name, gboolean system, gpointer data),
              gpointer    data)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];
      const char *end;
      char close;

      while (*p == ' ' || *p == '\t')
        p++;
      if (*p++ != '#')
        continue;
      while (*p == ' ' || *p == '\t')
        p++;
      if (!g_str_has_prefix (p, "include"))
        continue;
      p += strlen ("include");
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p != '"' && *p != '<')
        continue;
      close = *p == '"' ? '"' : '>';
      end = strchr (p + 1, close);
      if (end != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, end - p - 1);

          func (name, close == '>', data);
        }
    }
}

typedef struct
{
  const char  *path;
  const char  *layer;
  const char  *module;
  GHashTable  *by_name;     /* basename → path, of every file in the tree */
  GHashTable  *edges;       /* module → GHashTable set of modules it includes */
  GPtrArray   *problems;
} IncludeCheck;

static void
check_one_include (const char *name,
                   gboolean    system,
                   gpointer    data)
{
  IncludeCheck *check = data;
  const LayerRule *rule = rule_for (check->layer);
  const char *target;
  g_autofree char *target_layer = NULL;
  g_autofree char *target_module = NULL;
  GHashTable *targets;

  if (system || !g_hash_table_contains (check->by_name, name))
    {
      if (rule != NULL && rule->no_gtk)
        for (guint i = 0; gtk_prefixes[i] != NULL; i++)
          if (g_str_has_prefix (name, gtk_prefixes[i]))
            g_ptr_array_add (check->problems,
                             g_strdup_printf ("%s includes <%s>: %s/ must not use GTK",
                                              check->path, name, check->layer));
      return;
    }

  target = g_hash_table_lookup (check->by_name, name);
  target_layer = layer_of (target);
  if (rule != NULL && !may_include (rule, target_layer))
    g_ptr_array_add (check->problems,
                     g_strdup_printf ("%s includes %s: %s/ may not include %s/",
                                      check->path, target, check->layer, target_layer));
  if (g_str_equal (check->layer, "views") && g_str_equal (target_layer, "app"))
    g_ptr_array_add (check->problems,
                     g_strdup_printf ("%s includes %s: the views may not include the application",
                                      check->path, target));

  target_module = module_of (target);
  if (g_str_equal (target_module, check->module))
    return;
  targets = g_hash_table_lookup (check->edges, check->module);
  if (targets == NULL)
    {
      targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (check->edges, g_strdup (check->module), targets);
    }
  g_hash_table_add (targets, g_steal_pointer (&target_module));
}

enum { WHITE, GREY, BLACK };

/* Depth-first: a module met again while still on the path closes a loop. */
static void
find_cycles (GHashTable *edges,
             const char *module,
             GHashTable *colour,
             GPtrArray  *path,
             GPtrArray  *problems)
{
  GHashTable *targets = g_hash_table_lookup (edges, module);
  g_autoptr(GPtrArray) sorted = NULL;

  g_hash_table_insert (colour, (gpointer) module, GINT_TO_POINTER (GREY));
  g_ptr_array_add (path, (gpointer) module);

  sorted = targets != NULL ? sorted_keys (targets) : g_ptr_array_new ();
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *next = sorted->pdata[i];
      int state = GPOINTER_TO_INT (g_hash_table_lookup (colour, next));

      if (state == GREY)
        {
          g_autoptr(GString) loop = g_string_new ("include cycle: ");
          guint start = 0;

          while (start < path->len && !g_str_equal (path->pdata[start], next))
            start++;
          for (guint j = start; j < path->len; j++)
            g_string_append_printf (loop, "%s -> ", (const char *) path->pdata[j]);
          g_string_append (loop, next);
          g_ptr_array_add (problems, g_string_free (g_steal_pointer (&loop), FALSE));
        }
      else if (state == WHITE)
        find_cycles (edges, next, colour, path, problems);
    }

  g_ptr_array_remove_index (path, path->len - 1);
  g_hash_table_insert (colour, (gpointer) module, GINT_TO_POINTER (BLACK));
}

/* @files: path relative to the root ("src/model/our-plan.c") → its text.
 * Returns one sentence per broken rule. */
static GPtrArray *
check_tree (GHashTable *files)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) colour = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = sorted_keys (files);
  g_autoptr(GPtrArray) modules = NULL;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *file = paths->pdata[i];
      g_autofree char *base = g_path_get_basename (file);

      /* The include path is flat: two headers of one name are ambiguous. */
      if (g_hash_table_contains (by_name, base))
        g_ptr_array_add (problems,
                         g_strdup_printf ("%s and %s have the same name",
                                          (const char *) g_hash_table_lookup (by_name, base),
                                          file));
      else
        g_hash_table_insert (by_name, g_steal_pointer (&base), (gpointer) file);
    }

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *layer = layer_of (paths->pdata[i]);
      g_autofree char *module = module_of (paths->pdata[i]);
      IncludeCheck check = {
        .path = paths->pdata[i],
        .layer = layer,
        .module = module,
        .by_name = by_name,
        .edges = edges,
        .problems = problems,
      };

      each_include (g_hash_table_lookup (files, paths->pdata[i]), check_one_include, &check);
    }

  modules = sorted_keys (edges);
  for (guint i = 0; i < modules->len; i++)
    if (!g_hash_table_contains (colour, modules->pdata[i]))
      find_cycles (edges, modules->pdata[i], colour, path, problems);
  return problems;
}

static void
read_tree (const char *root,
           const char *relative,
           GHashTable *files)
{
  g_autofree char *dir_path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *full = g_build_filename (root, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        read_tree (root, child, files);
      else if (g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".h"))
        {
          char *text = NULL;

          g_assert_true (g_file_get_contents (full, &text, NULL, NULL));
          g_hash_table_insert (files, g_steal_pointer (&child), text);
        }
    }
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *part)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (problems->pdata[i], part) != NULL)
      return TRUE;
  return FALSE;
}

/* Each kind of break, in a small made-up tree. */
static void
test_rules_catch_breaks (void)
{
  g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) problems = NULL;

  g_hash_table_insert (files, "src/model/our-plan.h", "#include <glib-object.h>\n");
  g_hash_table_insert (files, "src/model/our-plan.c",
                       "#include \"our-plan.h\"\n#include \"our-history.h\"\n");
  g_hash_table_insert (files, "src/model/our-goal.c", "  #  include <gtk/gtk.h>\n");
  g_hash_table_insert (files, "src/edit/our-history.h", "#include \"our-plan.h\"\n");
  g_hash_table_insert (files, "src/edit/our-history.c", "#include \"our-store.h\"\n");
  g_hash_table_insert (files, "src/store/our-store.h", "#include \"our-plan.h\"\n");
  g_hash_table_insert (files, "src/store/our-store.c", "#include <adwaita.h>\n");
  g_hash_table_insert (files, "src/render/our-copy.c", "#include \"our-store.h\"\n");
  g_hash_table_insert (files, "src/views/goals/our-goal-card.h", "");
  g_hash_table_insert (files, "src/views/goals/our-goal-card.c",
                       "#include \"our-window.h\"\n#include \"our-step-row.h\"\n");
  g_hash_table_insert (files, "src/views/goals/our-step-row.h", "");
  g_hash_table_insert (files, "src/views/goals/our-step-row.c", "#include \"our-goal-card.h\"\n");
  g_hash_table_insert (files, "src/app/our-window.h", "#include <adwaita.h>\n");

  problems = check_tree (files);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) problems->pdata[i]);

  g_assert_true (has_problem (problems, "src/model/our-plan.c includes src/edit/our-history.h: model/ may not include edit/"));
  g_assert_true (has_problem (problems, "src/model/our-goal.c includes <gtk/gtk.h>"));
  g_assert_true (has_problem (problems, "src/edit/our-history.c includes src/store/our-store.h: edit/ may not include store/"));
  g_assert_true (has_problem (problems, "src/store/our-store.c includes <adwaita.h>"));
  g_assert_true (has_problem (problems, "src/render/our-copy.c includes src/store/our-store.h: render/ may not include store/"));
  g_assert_true (has_problem (problems, "the views may not include the application"));
  g_assert_true (has_problem (problems, "include cycle: our-goal-card -> our-step-row -> our-goal-card"));
  g_assert_true (has_problem (problems, "include cycle: our-plan -> our-history -> our-plan"));
  g_assert_true (has_problem (problems, "include cycle: our-store -> our-plan -> our-history -> our-store"));
  /* The app may use GTK, and the store may include the model. */
  g_assert_false (has_problem (problems, "src/app/our-window.h includes"));
  g_assert_false (has_problem (problems, "src/store/our-store.h includes"));
  g_assert_cmpuint (problems->len, ==, 9);
}

static const char *source_root;

static void
test_source_tree (void)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) problems = NULL;

  read_tree (source_root, "src", files);
  g_assert_cmpuint (g_hash_table_size (files), >, 50);
  problems = check_tree (files);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("Usage: test-layers SOURCE_ROOT\n");
      return 2;
    }
  source_root = argv[1];

  g_test_add_func ("/layers/rules-catch-breaks", test_rules_catch_breaks);
  g_test_add_func ("/layers/source-tree", test_source_tree);
  return g_test_run ();
}
