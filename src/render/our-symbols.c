/* our-symbols.c: drawing the built-in symbols with librsvg, for screen and paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include "our-symbols.h"

#define SYMBOL_RESOURCE_DIR "/org/ourplan/OurPlan/icons/scalable/actions/"

G_LOCK_DEFINE_STATIC (handles);
static GHashTable *handles;

/* Called with the lock held. NULL when the SVG is missing or broken: the
 * caller then draws nothing rather than crash. */
static RsvgHandle *
lookup_handle (const char *key)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle;
  gsize size;
  const guint8 *data;

  if (handles == NULL)
    handles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  handle = g_hash_table_lookup (handles, key);
  if (handle != NULL)
    return handle;

  path = g_strconcat (SYMBOL_RESOURCE_DIR "our-symbol-", key, ".svg", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("Symbol “%s” is missing from the resources: %s", key, error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  handle = rsvg_handle_new_from_data (data, size, &error);
  if (handle == NULL)
    {
      g_warning ("Symbol “%s” could not be read: %s", key, error->message);
      return NULL;
    }

  /* Interned keys outlive the cache. */
  g_hash_table_insert (handles, (gpointer) g_intern_string (key), handle);
  return handle;
}

gboolean
our_symbols_render (cairo_t    *cr,
                    const char *key,
                    double      x,
                    double      y,
                    double      size)
{
  RsvgRectangle viewport = { x, y, size, size };
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle;
  gboolean drawn;

  g_return_val_if_fail (cr != NULL, FALSE);

  if (!our_symbols_has (key) || size <= 0)
    return FALSE;

  /* A handle is not safe to draw from two threads at once: hold the lock
   * while drawing too. Symbols are small, so the wait is short. */
  G_LOCK (handles);
  handle = lookup_handle (key);
  drawn = handle != NULL && rsvg_handle_render_document (handle, cr, &viewport, &error);
  G_UNLOCK (handles);

  if (error != NULL)
    g_warning ("Symbol “%s” could not be drawn: %s", key, error->message);

  return drawn;
}
