/* fuzz-picture-import.c: libFuzzer target: import any bytes as a picture, and draw any bytes stored as one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes a person picks and the bytes a plan file holds as a picture
 * both go through the bounded decoder: a picture or a sentence, never a
 * crash or more memory than the limits allow.
 */
#include "config.h"

#include "fuzz-common.h"
#include "our-picture-import.h"
#include "our-picture-pixels.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = NULL;
  g_autoptr(GdkPixbuf) stored = NULL;

  fuzz_init ();

  picture = our_picture_import_bytes (bytes, NULL, &error);
  g_assert ((picture == NULL) == (error != NULL));
  if (picture != NULL)
    {
      g_autoptr(GdkPixbuf) again = NULL;
      g_autoptr(GError) again_error = NULL;

      g_assert (our_picture_get_width (picture) <= OUR_PICTURE_MAX_SIDE);
      g_assert (our_picture_get_height (picture) <= OUR_PICTURE_MAX_SIDE);
      /* What the import writes is what a plan holds: it must decode. */
      again = our_picture_pixels_decode (our_picture_get_bytes (picture),
                                         OUR_PICTURE_KINDS_STORED, OUR_PICTURE_MAX_SIDE,
                                         OUR_PICTURE_MAX_STORED_PIXELS, NULL, &again_error);
      g_assert (again != NULL);
    }
  else
    g_assert (error->domain == OUR_PICTURE_ERROR && error->message[0] != '\0');

  /* The same bytes as the board would find them inside a plan file. */
  g_clear_error (&error);
  stored = our_picture_pixels_decode (bytes, OUR_PICTURE_KINDS_STORED, 256,
                                      OUR_PICTURE_MAX_STORED_PIXELS, NULL, &error);
  g_assert ((stored == NULL) == (error != NULL));
  if (stored != NULL)
    g_assert (MAX (gdk_pixbuf_get_width (stored), gdk_pixbuf_get_height (stored)) <= 256);
  return 0;
}
