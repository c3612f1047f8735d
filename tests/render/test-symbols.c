/* test-symbols.c: the symbol library: names, search words, translation marks, and every symbol draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib.h>

#include "our-symbols.h"

#define SIZE 64

/* Counts the pixels a person would see (alpha over half). */
static guint
count_drawn (cairo_surface_t *surface,
             int              x0,
             int              y0,
             int              width,
             int              height)
{
  const guint8 *data;
  int stride;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = y0; y < y0 + height; y++)
    for (int x = x0; x < x0 + width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

        if ((pixel >> 24) > 128)
          n++;
      }

  return n;
}

static cairo_surface_t *
draw_symbol (const char *key,
             gboolean   *drawn)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);

  *drawn = our_symbols_render (cr, key, 0, 0, SIZE);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static void
test_catalogue (void)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const needed[] = {
    "home", "sleep", "food", "cooking", "money", "shopping", "work", "study", "friends",
    "family", "partner", "children", "pet", "walking", "exercise", "music", "art", "faith",
    "nature", "garden", "medication", "doctor", "hospital", "phone", "computer", "bus", "car",
    "weather", "happy", "sad", "worried", "angry", "calm", "tired", "lonely", "proud",
    "hopeful", "safe",
  };

  /* The library the issue asks for: at least 48, with the everyday ones. */
  g_assert_cmpuint (our_symbols_get_n (), >=, 48);
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (!our_symbols_has (needed[i]))
      g_test_fail_printf ("the library has no “%s”", needed[i]);

  for (guint i = 0; i < our_symbols_get_n (); i++)
    {
      const char *key = our_symbols_get_key (i);
      const char *label = our_symbols_get_label (key);
      const char *keywords = our_symbols_get_keywords (key);
      g_autofree char *icon_name = our_symbols_get_icon_name (key);
      g_autofree char *expected_icon_name = g_strconcat ("our-symbol-", key, NULL);

      g_assert_true (our_symbols_has (key));
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_nonnull (keywords);
      g_assert_cmpuint (strlen (keywords), >=, 3);
      g_assert_cmpstr (icon_name, ==, expected_icon_name);
      /* Two symbols with one name could not be told apart in the picker. */
      g_assert_false (g_hash_table_contains (keys, key));
      g_assert_false (g_hash_table_contains (labels, label));
      g_hash_table_add (keys, (gpointer) key);
      g_hash_table_add (labels, (gpointer) label);
    }
}

static void
test_unknown (void)
{
  cairo_surface_t *surface;
  gboolean drawn = TRUE;

  /* A key from a newer version or a damaged file: nothing drawn, no crash. */
  g_assert_false (our_symbols_has ("dragon"));
  g_assert_false (our_symbols_has (""));
  g_assert_false (our_symbols_has (NULL));
  g_assert_null (our_symbols_get_label ("dragon"));
  g_assert_null (our_symbols_get_keywords ("dragon"));
  g_assert_false (our_symbols_match ("dragon", ""));

  surface = draw_symbol ("dragon", &drawn);
  g_assert_false (drawn);
  g_assert_cmpuint (count_drawn (surface, 0, 0, SIZE, SIZE), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_every_symbol_draws (void)
{
  for (guint i = 0; i < our_symbols_get_n (); i++)
    {
      const char *key = our_symbols_get_key (i);
      gboolean drawn = FALSE;
      cairo_surface_t *surface = draw_symbol (key, &drawn);
      guint n_drawn = count_drawn (surface, 0, 0, SIZE, SIZE);

      if (!drawn || n_drawn < SIZE * SIZE / 10)
        g_test_fail_printf ("symbol “%s” draws %u pixels of %u", key, n_drawn, SIZE * SIZE);
      /* Drawn inside its square: the corners stay clear. */
      g_assert_cmpuint (count_drawn (surface, 0, 0, 2, 2), ==, 0);
      g_assert_cmpuint (count_drawn (surface, SIZE - 2, SIZE - 2, 2, 2), ==, 0);
      cairo_surface_destroy (surface);
    }
}

static void
test_draws_where_asked (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t *cr = cairo_create (surface);

  /* On paper a symbol sits in its box on the board, not at the page corner. */
  g_assert_true (our_symbols_render (cr, "home", 120, 20, 60));
  cairo_destroy (cr);
  g_assert_cmpuint (count_drawn (surface, 0, 0, 120, 100), ==, 0);
  g_assert_cmpuint (count_drawn (surface, 120, 20, 60, 60), >, 60 * 60 / 10);
  cairo_surface_destroy (surface);
}

static void
test_files_match_catalogue (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "icons", "symbols", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  /* A drawing without a name could never be chosen. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *key = NULL;

      if (!g_str_has_suffix (name, ".svg"))
        continue;
      key = g_strndup (name, strlen (name) - strlen (".svg"));
      if (!our_symbols_has (key))
        g_test_fail_printf ("icons/symbols/%s is not in the catalogue (src/model/our-symbol-catalog.c)",
                            name);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, our_symbols_get_n ());
}

static guint
count_matches (const char *query)
{
  guint n = 0;

  for (guint i = 0; i < our_symbols_get_n (); i++)
    if (our_symbols_match (our_symbols_get_key (i), query))
      n++;

  return n;
}

static void
test_search (void)
{
  /* By name and by search word, whatever the case or accents. */
  g_assert_true (our_symbols_match ("worried", "worried"));
  g_assert_true (our_symbols_match ("worried", "anxious"));
  g_assert_true (our_symbols_match ("worried", "  ANXIOUS "));
  g_assert_true (our_symbols_match ("coffee", "café"));
  g_assert_true (our_symbols_match ("pet", "dog"));
  g_assert_true (our_symbols_match ("faith", "mosque"));
  g_assert_false (our_symbols_match ("happy", "anxious"));

  /* Every word typed counts: "feeling sad" is one symbol, "feeling" many. */
  g_assert_cmpuint (count_matches ("anxious"), ==, 1);
  g_assert_cmpuint (count_matches ("feeling"), >=, 8);
  g_assert_cmpuint (count_matches ("feeling sad"), ==, 1);
  g_assert_cmpuint (count_matches ("xyzzy"), ==, 0);

  /* Nothing typed shows the whole library. */
  g_assert_cmpuint (count_matches (""), ==, our_symbols_get_n ());
  g_assert_cmpuint (count_matches (NULL), ==, our_symbols_get_n ());
}

static gpointer
draw_many_thread (gpointer data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr = cairo_create (surface);
  guint n_drawn = 0;

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < our_symbols_get_n (); i++)
      if (our_symbols_render (cr, our_symbols_get_key (i), 0, 0, SIZE))
        n_drawn++;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return GUINT_TO_POINTER (n_drawn);
}

static void
test_threads (void)
{
  GThread *threads[4];

  /* The headless export may draw boards on worker threads. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("draw", draw_many_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==,
                      3 * our_symbols_get_n ());
}

/* The catalogue's source: each entry must be { "key", N_("…"), N_("…") }, so
 * that xgettext finds every name and search word (an unmarked one would stay
 * English in every language). */
static void
test_marked_for_translation (void)
{
  g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "..", "src", "model",
                                                        "our-symbol-catalog.c", NULL);
  g_autofree char *potfiles_path = g_test_build_filename (G_TEST_DIST, "..", "po", "POTFILES.in",
                                                          NULL);
  g_autofree char *source = NULL;
  g_autofree char *potfiles = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) potfile_lines = NULL;
  g_autoptr(GRegex) entry = g_regex_new ("^\\s*\\{ \"([a-z]+)\", N_\\(\"([^\"]+)\"\\), "
                                         "N_\\(\"([^\"]+)\"\\) \\},$", 0, 0, NULL);
  guint n_entries = 0;
  gboolean listed = FALSE;

  g_assert_true (g_file_get_contents (source_path, &source, NULL, NULL));
  lines = g_strsplit (source, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      g_autofree char *keywords = NULL;

      /* Any line that opens an entry must be a fully marked one. */
      if (strstr (lines[i], "{ \"") == NULL)
        continue;
      if (!g_regex_match (entry, lines[i], 0, &match))
        {
          g_test_fail_printf ("our-symbol-catalog.c: not marked for translation: %s", lines[i]);
          continue;
        }
      key = g_match_info_fetch (match, 1);
      label = g_match_info_fetch (match, 2);
      keywords = g_match_info_fetch (match, 3);
      /* Untranslated (the tests run in the C locale), the library returns
       * exactly the marked words. */
      g_assert_cmpstr (our_symbols_get_label (key), ==, label);
      g_assert_cmpstr (our_symbols_get_keywords (key), ==, keywords);
      n_entries++;
    }
  g_assert_cmpuint (n_entries, ==, our_symbols_get_n ());

  /* And xgettext is told to read the file. */
  g_assert_true (g_file_get_contents (potfiles_path, &potfiles, NULL, NULL));
  potfile_lines = g_strsplit (potfiles, "\n", -1);
  for (guint i = 0; potfile_lines[i] != NULL; i++)
    if (g_str_equal (g_strstrip (potfile_lines[i]), "src/model/our-symbol-catalog.c"))
      listed = TRUE;
  g_assert_true (listed);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/symbols/catalogue", test_catalogue);
  g_test_add_func ("/symbols/unknown", test_unknown);
  g_test_add_func ("/symbols/every-symbol-draws", test_every_symbol_draws);
  g_test_add_func ("/symbols/draws-where-asked", test_draws_where_asked);
  g_test_add_func ("/symbols/files-match-catalogue", test_files_match_catalogue);
  g_test_add_func ("/symbols/search", test_search);
  g_test_add_func ("/symbols/threads", test_threads);
  g_test_add_func ("/symbols/marked-for-translation", test_marked_for_translation);

  return g_test_run ();
}
