/* our-picture-import.c: decodes, bounds, turns upright, downscales and re-encodes a picture off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pictures come from anywhere (a phone, the web, an e-mail) and end up inside
 * a care plan that is printed and shared. So the import is strict:
 *
 * - it refuses files over 50 MB before reading them;
 * - it decodes through our-picture-pixels.c, which reads only the kinds it
 *   knows, refuses pixel bombs before their pixels are allocated, and
 *   refuses SVGs that point outside themselves or hold other pictures;
 * - it keeps the pixels only: the picture is encoded again as JPEG (or PNG
 *   when it has transparency), so EXIF, GPS, comments and the like are gone.
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "our-picture-import.h"

#define JPEG_QUALITY "85"

static void
set_not_a_picture (GError **error)
{
  g_set_error_literal (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_NOT_A_PICTURE,
                       _("This file is not a picture Our Plan can use."));
}

static void
set_file_too_big (GError  **error,
                  goffset   size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (OUR_PICTURE_MAX_FILE_BYTES);

  g_set_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_FILE_TOO_BIG,
               /* Translators: the sizes are like "62.9 MB" and "50.0 MB" */
               _("This file is too big to use as a picture (%s); the limit is %s."),
               size_text, limit_text);
}

static gboolean
is_opaque (GdkPixbuf *pixbuf)
{
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);

  if (!gdk_pixbuf_get_has_alpha (pixbuf))
    return TRUE;
  for (int y = 0; y < height; y++)
    {
      const guint8 *row = pixels + (gsize) y * rowstride;

      for (int x = 0; x < width; x++)
        if (row[x * n_channels + 3] != 0xFF)
          return FALSE;
    }
  return TRUE;
}

/* A copy of an opaque RGBA picture without its alpha channel. */
static GdkPixbuf *
drop_alpha (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int source_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *source = gdk_pixbuf_read_pixels (pixbuf);
  GdkPixbuf *opaque = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  int target_stride;
  guint8 *target;

  if (opaque == NULL)
    return NULL;
  target_stride = gdk_pixbuf_get_rowstride (opaque);
  target = gdk_pixbuf_get_pixels (opaque);
  for (int y = 0; y < height; y++)
    {
      const guint8 *in = source + (gsize) y * source_stride;
      guint8 *out = target + (gsize) y * target_stride;

      for (int x = 0; x < width; x++)
        memcpy (out + x * 3, in + x * 4, 3);
    }
  return opaque;
}

OurPicture *
our_picture_import_bytes (GBytes        *data,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GdkPixbuf) bounded = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *encoded = NULL;
  gsize encoded_size = 0;
  gboolean has_alpha;
  gboolean saved;
  int width, height, long_side;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((goffset) g_bytes_get_size (data) > OUR_PICTURE_MAX_FILE_BYTES)
    {
      set_file_too_big (error, g_bytes_get_size (data));
      return NULL;
    }

  decoded = our_picture_pixels_decode (data, OUR_PICTURE_KINDS_ANY, OUR_PICTURE_MAX_SIDE,
                                       OUR_PICTURE_MAX_PIXELS, cancellable, error);
  if (decoded == NULL)
    return NULL;

  /* Phones store "turn me" in EXIF; apply it, since the EXIF goes. */
  upright = gdk_pixbuf_apply_embedded_orientation (decoded);
  if (upright == NULL)
    upright = g_object_ref (decoded);

  width = gdk_pixbuf_get_width (upright);
  height = gdk_pixbuf_get_height (upright);
  long_side = MAX (width, height);
  if (long_side > OUR_PICTURE_MAX_SIDE)
    {
      int new_width = MAX (1, (int) ((gint64) width * OUR_PICTURE_MAX_SIDE / long_side));
      int new_height = MAX (1, (int) ((gint64) height * OUR_PICTURE_MAX_SIDE / long_side));

      bounded = gdk_pixbuf_scale_simple (upright, new_width, new_height, GDK_INTERP_BILINEAR);
    }
  else
    bounded = g_object_ref (upright);
  if (bounded == NULL)
    {
      g_set_error_literal (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_FAILED,
                           _("There is not enough memory to prepare this picture."));
      return NULL;
    }

  /* A picture with an alpha channel that is opaque everywhere (many
   * screenshots) is a photo like any other: JPEG keeps the file small. */
  has_alpha = gdk_pixbuf_get_has_alpha (bounded);
  if (has_alpha && gdk_pixbuf_get_n_channels (bounded) == 4 && is_opaque (bounded))
    {
      GdkPixbuf *opaque = drop_alpha (bounded);

      if (opaque != NULL)
        {
          g_object_unref (bounded);
          bounded = opaque;
          has_alpha = FALSE;
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Only the pixels are written: no option carries metadata across. */
  if (has_alpha)
    saved = gdk_pixbuf_save_to_buffer (bounded, &encoded, &encoded_size, "png", &local_error,
                                       NULL);
  else
    saved = gdk_pixbuf_save_to_buffer (bounded, &encoded, &encoded_size, "jpeg", &local_error,
                                       "quality", JPEG_QUALITY, NULL);
  if (!saved)
    {
      g_debug ("Picture import: encoding failed: %s", local_error->message);
      g_set_error_literal (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_FAILED,
                           _("This picture could not be prepared for the plan."));
      return NULL;
    }

  {
    g_autoptr(GBytes) output = g_bytes_new_take (g_steal_pointer (&encoded), encoded_size);

    return our_picture_new (NULL, output, has_alpha ? "image/png" : "image/jpeg",
                            gdk_pixbuf_get_width (bounded), gdk_pixbuf_get_height (bounded));
  }
}

/* Reads the whole file, refusing it by size first and again while reading
 * (the size can change, or lie, as with /proc files). */
static GBytes *
read_file_capped (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileType type;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    goto failed;

  type = g_file_info_get_file_type (info);
  if (type != G_FILE_TYPE_REGULAR && type != G_FILE_TYPE_UNKNOWN)
    {
      set_not_a_picture (error);
      return NULL;
    }
  if (g_file_info_get_size (info) > OUR_PICTURE_MAX_FILE_BYTES)
    {
      set_file_too_big (error, g_file_info_get_size (info));
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    goto failed;

  contents = g_byte_array_sized_new (MAX (0, g_file_info_get_size (info)));
  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                           cancellable, &local_error);

      if (n_read < 0)
        goto failed;
      if (n_read == 0)
        break;
      if ((goffset) contents->len + n_read > OUR_PICTURE_MAX_FILE_BYTES)
        {
          set_file_too_big (error, (goffset) contents->len + n_read);
          return NULL;
        }
      g_byte_array_append (contents, buffer, n_read);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));

failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    set_not_a_picture (error);
  else
    {
      g_debug ("Picture import: %s", local_error->message);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_UNREADABLE,
                             _("This picture cannot be found; it may have been moved or deleted."));
      else
        g_set_error_literal (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_UNREADABLE,
                             _("Our Plan could not read this file."));
    }
  return NULL;
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) contents = NULL;
  OurPicture *picture;
  GError *error = NULL;

  contents = read_file_capped (file, cancellable, &error);
  if (contents == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  picture = our_picture_import_bytes (contents, cancellable, &error);
  if (picture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, picture, g_object_unref);
}

void
our_picture_import_file_async (GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, our_picture_import_file_async);
  g_task_set_name (task, "[ourplan] import picture");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_file_thread);
}

/* Returns: (transfer full): the imported picture, or %NULL with @error set */
OurPicture *
our_picture_import_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == our_picture_import_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
