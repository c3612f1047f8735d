/* our-picture-import.c: decodes, bounds, turns upright, downscales and re-encodes a picture off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pictures come from anywhere (a phone, the web, an e-mail) and end up inside
 * a care plan that is printed and shared. So the import is strict:
 *
 * - it reads only the kinds it knows (sniffed from the bytes, not the file
 *   name), and only through their own gdk-pixbuf loader;
 * - it refuses files over 50 MB before reading them, and raster pictures of
 *   more than 64 megapixels before their pixels are allocated (a 20,000 x
 *   20,000 PNG of one colour is a few KB on disk and 1.6 GB in memory);
 * - it refuses SVGs that point outside themselves (and rsvg, given no base
 *   file, would not fetch them anyway);
 * - it keeps the pixels only: the picture is encoded again as JPEG (or PNG
 *   when it has transparency), so EXIF, GPS, comments and the like are gone.
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "our-picture-import.h"

G_DEFINE_QUARK (our-picture-error-quark, our_picture_error)

/* Drawings have no natural size in pixels: small icons are drawn at least
 * this big, so that they stay sharp on the board and on paper. */
#define SVG_MIN_SIDE 1024
#define JPEG_QUALITY "85"
#define WRITE_CHUNK (256 * 1024)
#define READ_CHUNK (1024 * 1024)

typedef enum
{
  KIND_NONE,
  KIND_JPEG,
  KIND_PNG,
  KIND_GIF,
  KIND_WEBP,
  KIND_BMP,
  KIND_SVG,
} PictureKind;

/* The gdk-pixbuf loader that reads each kind. */
static const char *const loader_names[] = {
  [KIND_NONE] = NULL,
  [KIND_JPEG] = "jpeg",
  [KIND_PNG] = "png",
  [KIND_GIF] = "gif",
  [KIND_WEBP] = "webp",
  [KIND_BMP] = "bmp",
  [KIND_SVG] = "svg",
};

typedef struct
{
  PictureKind  kind;
  int          source_width;
  int          source_height;
  gboolean     too_many_pixels;
} LoadState;

static void
set_not_a_picture (GError **error)
{
  g_set_error_literal (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_NOT_A_PICTURE,
                       _("This file is not a picture Our Plan can use."));
}

static void
set_damaged (GError **error)
{
  g_set_error_literal (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_DAMAGED,
                       _("This picture is damaged or incomplete."));
}

static void
set_outside_links (GError **error)
{
  g_set_error_literal (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_OUTSIDE_LINKS,
                       _("This drawing links to other files or web addresses, "
                         "so Our Plan will not use it."));
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

/* 20000 -> "20,000", with the locale's thousands separator when it has one. */
static char *
format_count (int count)
{
  const char *separator = localeconv ()->thousands_sep;
  g_autofree char *digits = g_strdup_printf ("%d", count);
  GString *text = g_string_new (NULL);
  size_t n_digits = strlen (digits);

  if (separator == NULL || separator[0] == '\0')
    separator = ",";
  for (size_t i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

static void
set_too_many_pixels (GError **error,
                     int      width,
                     int      height)
{
  g_autofree char *width_text = format_count (width);
  g_autofree char *height_text = format_count (height);

  g_set_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_TOO_MANY_PIXELS,
               /* Translators: width and height, as in "(20,000 × 20,000 pixels)" */
               _("This picture is too large (%s × %s pixels)."),
               width_text, height_text);
}

static guint32
read_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}

/* libjpeg decodes a cut-off JPEG without complaint and fills the rest with
 * grey, so look for the end-of-image marker after the last start of scan.
 * (Markers cannot occur inside compressed data, where 0xFF is escaped.) */
static gboolean
jpeg_is_complete (const guint8 *data,
                  gsize         size)
{
  gsize last_scan = 0;

  for (gsize i = 0; i + 1 < size; i++)
    if (data[i] == 0xFF && data[i + 1] == 0xDA)
      last_scan = i;
  if (last_scan == 0)
    return FALSE;
  for (gsize i = last_scan + 2; i + 1 < size; i++)
    if (data[i] == 0xFF && data[i + 1] == 0xD9)
      return TRUE;
  return FALSE;
}

/* The PNG loader, too, takes a cut-off file without complaint: walk the
 * chunks (never trusting a length beyond the data) and require IEND. */
static gboolean
png_is_complete (const guint8 *data,
                 gsize         size)
{
  gsize at = 8;

  while (at + 12 <= size)
    {
      guint32 length = read_be32 (data + at);

      if (memcmp (data + at + 4, "IEND", 4) == 0)
        return TRUE;
      if (length > size - at - 12)
        return FALSE;
      at += 12 + (gsize) length;
    }
  return FALSE;
}

/* And the BMP loader: the header says how long the file is (0 if unknown). */
static gboolean
bmp_is_complete (const guint8 *data,
                 gsize         size)
{
  guint32 declared_size = read_le32 (data + 2);

  return declared_size == 0 || declared_size <= size;
}

/* Cut-off files that a loader would show half grey or half empty. */
static gboolean
is_complete (PictureKind   kind,
             const guint8 *data,
             gsize         size)
{
  switch (kind)
    {
    case KIND_JPEG: return jpeg_is_complete (data, size);
    case KIND_PNG: return png_is_complete (data, size);
    case KIND_BMP: return bmp_is_complete (data, size);
    case KIND_NONE:
    case KIND_GIF:     /* its loader reports a cut-off file itself */
    case KIND_WEBP:
    case KIND_SVG:
    default:
      return TRUE;
    }
}

static gboolean
looks_like_svg (const guint8 *data,
                gsize         size)
{
  gsize start = 0;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  while (start < size && g_ascii_isspace (data[start]))
    start++;
  if (start >= size || data[start] != '<')
    return FALSE;
  return g_strstr_len ((const char *) data + start, MIN (size - start, 64 * 1024), "<svg") != NULL;
}

/* What the bytes say they are; the file name is not trusted. */
static PictureKind
sniff_kind (const guint8 *data,
            gsize         size)
{
  if (size >= 3 && memcmp (data, "\xFF\xD8\xFF", 3) == 0)
    return KIND_JPEG;
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1A\n", 8) == 0)
    return KIND_PNG;
  if (size >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return KIND_GIF;
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return KIND_WEBP;
  if (size >= 26 && memcmp (data, "BM", 2) == 0)
    return KIND_BMP;
  if (looks_like_svg (data, size))
    return KIND_SVG;
  return KIND_NONE;
}

/* The size written in the header, for the kinds where it is at a fixed
 * place: a second guard against pixel bombs, in case a loader allocates
 * before it tells its size. */
static gboolean
peek_dimensions (PictureKind   kind,
                 const guint8 *data,
                 gsize         size,
                 gint64       *width,
                 gint64       *height)
{
  switch (kind)
    {
    case KIND_PNG:
      if (size < 24 || memcmp (data + 12, "IHDR", 4) != 0)
        return FALSE;
      *width = read_be32 (data + 16);
      *height = read_be32 (data + 20);
      return TRUE;
    case KIND_GIF:
      if (size < 10)
        return FALSE;
      *width = data[6] | (data[7] << 8);
      *height = data[8] | (data[9] << 8);
      return TRUE;
    case KIND_BMP:
      if (size < 26 || read_le32 (data + 14) < 40)
        return FALSE;
      *width = ABS ((gint64) (gint32) read_le32 (data + 18));
      *height = ABS ((gint64) (gint32) read_le32 (data + 22));
      return TRUE;
    case KIND_WEBP:
      if (size < 30)
        return FALSE;
      if (memcmp (data + 12, "VP8 ", 4) == 0)        /* lossy: 14 bits each */
        {
          *width = (data[26] | (data[27] << 8)) & 0x3FFF;
          *height = (data[28] | (data[29] << 8)) & 0x3FFF;
          return TRUE;
        }
      if (memcmp (data + 12, "VP8L", 4) == 0)        /* lossless: 14 bits each, minus one */
        {
          guint32 bits = read_le32 (data + 21);

          *width = (bits & 0x3FFF) + 1;
          *height = ((bits >> 14) & 0x3FFF) + 1;
          return TRUE;
        }
      if (memcmp (data + 12, "VP8X", 4) == 0)        /* extended: 24 bits each, minus one */
        {
          *width = (data[24] | (data[25] << 8) | (data[26] << 16)) + 1;
          *height = (data[27] | (data[28] << 8) | (data[29] << 16)) + 1;
          return TRUE;
        }
      return FALSE;
    case KIND_NONE:
    case KIND_JPEG:
    case KIND_SVG:
    default:
      return FALSE;
    }
}

/* TRUE if an attribute value or url() argument at @value stays inside the
 * document: a fragment ("#id") or inline data ("data:"). Anything else,
 * including an entity reference that could expand to an address, is out. */
static gboolean
reference_stays_inside (const char *value)
{
  while (g_ascii_isspace (*value))
    value++;
  return value[0] == '#' || g_str_has_prefix (value, "data:");
}

/* Checks every occurrence of the attribute @name (in lowercased @text). */
static gboolean
attribute_stays_inside (const char *text,
                        const char *name)
{
  size_t name_length = strlen (name);

  for (const char *p = strstr (text, name); p != NULL; p = strstr (p + 1, name))
    {
      const char *q = p + name_length;

      /* "href" inside a longer name such as "xhref" is not the attribute
       * (but "xlink:href" is: the ':' comes before it). */
      if (p > text && (g_ascii_isalnum (p[-1]) || p[-1] == '_' || p[-1] == '-'))
        continue;
      while (g_ascii_isspace (*q))
        q++;
      if (*q != '=')
        continue;
      q++;
      while (g_ascii_isspace (*q))
        q++;
      if (*q != '"' && *q != '\'')
        return FALSE;
      if (!reference_stays_inside (q + 1))
        return FALSE;
    }
  return TRUE;
}

static gboolean
urls_stay_inside (const char *text)
{
  for (const char *p = strstr (text, "url("); p != NULL; p = strstr (p + 1, "url("))
    {
      const char *q = p + 4;

      while (g_ascii_isspace (*q) || *q == '"' || *q == '\'')
        q++;
      if (!reference_stays_inside (q))
        return FALSE;
    }
  return TRUE;
}

/* The quoted literal after @p (skipping spaces), or NULL. */
static char *
next_literal (const char **p)
{
  const char *start;
  const char *end;
  char quote;

  while (g_ascii_isspace (**p))
    (*p)++;
  quote = **p;
  if (quote != '"' && quote != '\'')
    return NULL;
  start = *p + 1;
  end = strchr (start, quote);
  if (end == NULL)
    return NULL;
  *p = end + 1;
  return g_strndup (start, end - start);
}

/* <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/...">
 * is in countless drawings and never loaded; any other external DTD or
 * entity (SYSTEM, or PUBLIC pointing elsewhere) is refused. */
static gboolean
declarations_stay_inside (const char *text)
{
  for (const char *p = strstr (text, "<!entity"); p != NULL; p = strstr (p + 1, "<!entity"))
    {
      const char *end = strchr (p, '>');
      g_autofree char *declaration = g_strndup (p, end ? (gsize) (end - p) : strlen (p));

      if (strstr (declaration, "system") || strstr (declaration, "public"))
        return FALSE;
    }

  for (const char *p = strstr (text, "<!doctype"); p != NULL; p = strstr (p + 1, "<!doctype"))
    {
      gsize length = strcspn (p, "[>");
      g_autofree char *declaration = g_strndup (p, length);
      const char *public_id = strstr (declaration, "public");

      if (strstr (declaration, "system"))
        return FALSE;
      if (public_id != NULL)
        {
          const char *q = public_id + strlen ("public");
          g_autofree char *public_literal = next_literal (&q);
          g_autofree char *system_literal = next_literal (&q);

          if (public_literal == NULL)
            return FALSE;
          if (system_literal != NULL && !g_str_has_prefix (system_literal, "http://www.w3.org/"))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_svg_stays_inside (const guint8  *data,
                        gsize          size,
                        GError       **error)
{
  g_autofree char *text = NULL;

  /* A NUL inside means UTF-16 or worse: not something we can check. */
  if (memchr (data, '\0', size) != NULL)
    {
      set_not_a_picture (error);
      return FALSE;
    }
  text = g_ascii_strdown ((const char *) data, size);

  if (!attribute_stays_inside (text, "href")
      || !attribute_stays_inside (text, "src")
      || !urls_stay_inside (text)
      || !declarations_stay_inside (text)
      || strstr (text, "xinclude") != NULL
      || strstr (text, "xi:include") != NULL
      || strstr (text, "@import") != NULL)
    {
      set_outside_links (error);
      return FALSE;
    }
  return TRUE;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  LoadState *state = user_data;
  int long_side = MAX (width, height);
  int target_side;

  state->source_width = width;
  state->source_height = height;
  if (width <= 0 || height <= 0)
    return;

  if (state->kind != KIND_SVG && (gint64) width * height > OUR_PICTURE_MAX_PIXELS)
    {
      /* A size of 0 tells the module to stop before it allocates pixels. */
      state->too_many_pixels = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  target_side = MIN (long_side, OUR_PICTURE_MAX_SIDE);
  if (state->kind == KIND_SVG)
    target_side = CLAMP (long_side, SVG_MIN_SIDE, OUR_PICTURE_MAX_SIDE);
  if (target_side == long_side)
    return;

  /* JPEG decodes straight at 1/2, 1/4 or 1/8 of its size, far faster than
   * decoding everything and scaling after. When one of these lands close
   * below the bound (a 4000 x 3000 phone photo gives 2000 x 1500), take it
   * as it is; otherwise ask for the bound exactly and let the loader scale. */
  if (state->kind == KIND_JPEG)
    for (int denominator = 2; denominator <= 8; denominator *= 2)
      {
        int scaled_side = (long_side + denominator - 1) / denominator;

        if (scaled_side <= OUR_PICTURE_MAX_SIDE && scaled_side >= OUR_PICTURE_MAX_SIDE * 7 / 8)
          {
            gdk_pixbuf_loader_set_size (loader, (width + denominator - 1) / denominator,
                                        (height + denominator - 1) / denominator);
            return;
          }
      }

  /* Other kinds are scaled by the loader once decoded. */
  if (width >= height)
    gdk_pixbuf_loader_set_size (loader, target_side,
                                MAX (1, (int) ((gint64) height * target_side / width)));
  else
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) ((gint64) width * target_side / height)),
                                target_side);
}

/* Runs @data through the loader of @kind; returns the first frame. */
static GdkPixbuf *
decode (PictureKind    kind,
        GBytes        *data,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  const guint8 *bytes;
  gsize size;
  gsize written = 0;
  gboolean ok = TRUE;
  LoadState state = { kind, 0, 0, FALSE };
  GdkPixbuf *pixbuf;

  /* A kind whose loader is not installed (WebP, often) is one we cannot use. */
  loader = gdk_pixbuf_loader_new_with_type (loader_names[kind], NULL);
  if (loader == NULL)
    {
      set_not_a_picture (error);
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &state);

  bytes = g_bytes_get_data (data, &size);
  while (ok && written < size)
    {
      gsize chunk = MIN (WRITE_CHUNK, size - written);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      ok = gdk_pixbuf_loader_write (loader, bytes + written, chunk, &local_error);
      written += chunk;
      if (state.too_many_pixels)
        ok = FALSE;
    }
  /* Always close, even after a failure, so the module frees what it holds. */
  if (ok)
    ok = gdk_pixbuf_loader_close (loader, &local_error);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (state.too_many_pixels)
    {
      set_too_many_pixels (error, state.source_width, state.source_height);
      return NULL;
    }
  if (!ok)
    {
      g_debug ("Picture import: %s", local_error ? local_error->message : "no details");
      set_damaged (error);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      set_damaged (error);
      return NULL;
    }
  return g_object_ref (pixbuf);
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
  const guint8 *bytes;
  gsize size;
  gsize encoded_size = 0;
  gboolean has_alpha;
  gboolean saved;
  PictureKind kind;
  gint64 header_width, header_height;
  int width, height, long_side;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  if ((goffset) size > OUR_PICTURE_MAX_FILE_BYTES)
    {
      set_file_too_big (error, size);
      return NULL;
    }

  kind = sniff_kind (bytes, size);
  if (kind == KIND_NONE)
    {
      set_not_a_picture (error);
      return NULL;
    }
  if (peek_dimensions (kind, bytes, size, &header_width, &header_height)
      && header_width * header_height > OUR_PICTURE_MAX_PIXELS)
    {
      set_too_many_pixels (error, (int) MIN (header_width, G_MAXINT),
                           (int) MIN (header_height, G_MAXINT));
      return NULL;
    }
  if (kind == KIND_SVG && !check_svg_stays_inside (bytes, size, error))
    return NULL;
  if (!is_complete (kind, bytes, size))
    {
      set_damaged (error);
      return NULL;
    }

  decoded = decode (kind, data, cancellable, error);
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
