/* test-icons.c: the app icon and every goal symbol draw, and every symbol is in the resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-icons ICONS_DIR
 */

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

static const char *icons_dir;

/* Draws @path at @size and checks that something visible came out: a broken
 * SVG shows as a missing picture on a goal card. */
static void
assert_draws (const char *path,
              int         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_size (path, size, size, &error);
  const guchar *pixels;
  guint n_opaque = 0;
  int stride, channels;

  g_assert_no_error (error);
  g_assert_nonnull (pixbuf);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, size);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, size);
  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));

  pixels = gdk_pixbuf_read_pixels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      if (pixels[y * stride + x * channels + 3] > 128)
        n_opaque++;

  /* At least a tenth of the square is drawn, and the corners are clear. */
  g_assert_cmpuint (n_opaque, >, (guint) (size * size / 10));
  g_assert_cmpuint (pixels[3], <, 128);
}

static void
test_app_icons (void)
{
  g_autofree char *icon = g_build_filename (icons_dir, "org.ourplan.OurPlan.svg", NULL);
  g_autofree char *symbolic = g_build_filename (icons_dir, "org.ourplan.OurPlan-symbolic.svg",
                                                NULL);

  assert_draws (icon, 128);
  assert_draws (icon, 32);
  assert_draws (symbolic, 16);
}

static void
test_symbols (void)
{
  g_autofree char *symbols_dir = g_build_filename (icons_dir, "symbols", NULL);
  g_autofree char *resources_path = g_build_filename (icons_dir, "symbols.gresource.xml", NULL);
  g_autofree char *resources = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_symbols = 0;

  g_assert_true (g_file_get_contents (resources_path, &resources, NULL, NULL));
  dir = g_dir_open (symbols_dir, 0, NULL);
  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *entry = NULL;

      if (!g_str_has_suffix (name, ".svg"))
        continue;
      path = g_build_filename (symbols_dir, name, NULL);
      assert_draws (path, 48);
      assert_draws (path, 24);

      /* A symbol left out of the resources would be missing from the app. */
      entry = g_strdup_printf ("alias=\"our-symbol-%s\" preprocess=\"xml-stripblanks\">%s<",
                               name, name);
      if (strstr (resources, entry) == NULL)
        g_test_fail_printf ("icons/symbols/%s is not listed in icons/symbols.gresource.xml",
                            name);
      n_symbols++;
    }

  g_assert_cmpuint (n_symbols, >=, 16);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 2)
    {
      g_printerr ("Usage: %s ICONS_DIR\n", argv[0]);
      return 2;
    }
  icons_dir = argv[1];

  g_test_add_func ("/icons/app", test_app_icons);
  g_test_add_func ("/icons/symbols", test_symbols);

  return g_test_run ();
}
