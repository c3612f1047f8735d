/* bench-photo.c: what the picture benchmarks share: a photo-like 12-megapixel picture, a scratch folder, medians
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-photo.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

double
bench_max_of (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len - 1);
}

char *
bench_make_scratch_dir (const char *name)
{
  const char *base = g_getenv ("OURPLAN_BENCH_DIR");
  g_autofree char *template = NULL;

  if (base == NULL)
    base = g_getenv ("G_TEST_BUILDDIR");
  if (base == NULL)
    base = g_get_tmp_dir ();
  g_autofree char *leaf = g_strconcat (name, "-XXXXXX", NULL);

  template = g_build_filename (base, leaf, NULL);
  if (g_mkdtemp (template) == NULL)
    g_error ("Cannot make a folder in %s", base);
  return g_steal_pointer (&template);
}

/* A photo-like picture: smooth light across the frame, shapes, and sensor
 * noise everywhere, so that JPEG cannot shrink it much (as with a real one). */
GdkPixbuf *
bench_make_photo (void)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, PHOTO_WIDTH, PHOTO_HEIGHT);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  guint32 noise = 12345;

  for (int y = 0; y < PHOTO_HEIGHT; y++)
    for (int x = 0; x < PHOTO_WIDTH; x++)
      {
        guint8 *p = pixels + (gsize) y * stride + x * 3;
        int base_r = 60 + x * 140 / PHOTO_WIDTH;
        int base_g = 90 + y * 100 / PHOTO_HEIGHT + (((x / 250) + (y / 250)) % 2) * 30;
        int base_b = 160 - y * 80 / PHOTO_HEIGHT;

        for (int c = 0; c < 3; c++)
          {
            int base = c == 0 ? base_r : c == 1 ? base_g : base_b;

            noise = noise * 1664525u + 1013904223u;   /* a cheap, fixed generator */
            p[c] = CLAMP (base + (int) (noise >> 27) - 16, 0, 255);
          }
      }
  return pixbuf;
}
