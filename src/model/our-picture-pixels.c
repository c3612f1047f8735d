/* our-picture-pixels.c: decodes picture bytes with hard limits on pixels, memory, kinds and links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every picture Our Plan shows goes through here: the one a person picks
 * (our-picture-import.c) and the ones inside a plan file, which may come
 * from anywhere (the board and the printed copies, our-board-render.c).
 * So the rules are in one place:
 *
 * - the kind is sniffed from the bytes and read only by its own gdk-pixbuf
 *   loader, never by whichever loader claims it;
 * - raster pictures over a pixel limit are refused from their header and
 *   again when the loader tells their size, before it allocates pixels (a
 *   20,000 x 20,000 PNG of one colour is a few KB and 1.6 GB decoded);
 * - they are decoded straight at the size they are needed, at most;
 * - SVGs are refused when they link outside themselves or hold pictures,
 *   inline or not: the SVG loader would decode those with no limit at all.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "our-picture-pixels.h"

G_DEFINE_QUARK (our-picture-error-quark, our_picture_error)

/* Drawings have no natural size in pixels: small icons are drawn at least
 * this big, so that they stay sharp on the board and on paper. */
#define SVG_MIN_SIDE 1024
#define WRITE_CHUNK (256 * 1024)

typedef struct
{
  OurPictureKinds  kind;
  int              max_side;
  gint64           max_pixels;
  int              source_width;
  int              source_height;
  gboolean         too_many_pixels;
} LoadState;

/* The gdk-pixbuf loader that reads each kind. */
static const char *
loader_name (OurPictureKinds kind)
{
  switch (kind)
    {
    case OUR_PICTURE_KIND_JPEG: return "jpeg";
    case OUR_PICTURE_KIND_PNG: return "png";
    case OUR_PICTURE_KIND_GIF: return "gif";
    case OUR_PICTURE_KIND_WEBP: return "webp";
    case OUR_PICTURE_KIND_BMP: return "bmp";
    case OUR_PICTURE_KIND_SVG: return "svg";
    default: return NULL;
    }
}

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
set_inner_pictures (GError **error)
{
  g_set_error_literal (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_INNER_PICTURES,
                       _("This drawing has other pictures inside it, so Our Plan will not "
                         "use it. Try the picture itself, or save the drawing as a PNG."));
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
is_complete (OurPictureKinds kind,
             const guint8   *data,
             gsize         size)
{
  switch (kind)
    {
    case OUR_PICTURE_KIND_JPEG: return jpeg_is_complete (data, size);
    case OUR_PICTURE_KIND_PNG: return png_is_complete (data, size);
    case OUR_PICTURE_KIND_BMP: return bmp_is_complete (data, size);
    case OUR_PICTURE_KIND_GIF:     /* its loader reports a cut-off file itself */
    case OUR_PICTURE_KIND_WEBP:
    case OUR_PICTURE_KIND_SVG:
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
static OurPictureKinds
sniff_kind (const guint8 *data,
            gsize         size)
{
  if (size >= 3 && memcmp (data, "\xFF\xD8\xFF", 3) == 0)
    return OUR_PICTURE_KIND_JPEG;
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1A\n", 8) == 0)
    return OUR_PICTURE_KIND_PNG;
  if (size >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return OUR_PICTURE_KIND_GIF;
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return OUR_PICTURE_KIND_WEBP;
  if (size >= 26 && memcmp (data, "BM", 2) == 0)
    return OUR_PICTURE_KIND_BMP;
  if (looks_like_svg (data, size))
    return OUR_PICTURE_KIND_SVG;
  return 0;
}

/* The size written in the header, for the kinds where it is at a fixed
 * place: a second guard against pixel bombs, in case a loader allocates
 * before it tells its size. */
static gboolean
peek_dimensions (OurPictureKinds kind,
                 const guint8 *data,
                 gsize         size,
                 gint64       *width,
                 gint64       *height)
{
  switch (kind)
    {
    case OUR_PICTURE_KIND_PNG:
      if (size < 24 || memcmp (data + 12, "IHDR", 4) != 0)
        return FALSE;
      *width = read_be32 (data + 16);
      *height = read_be32 (data + 20);
      return TRUE;
    case OUR_PICTURE_KIND_GIF:
      if (size < 10)
        return FALSE;
      *width = data[6] | (data[7] << 8);
      *height = data[8] | (data[9] << 8);
      return TRUE;
    case OUR_PICTURE_KIND_BMP:
      if (size < 26 || read_le32 (data + 14) < 40)
        return FALSE;
      *width = ABS ((gint64) (gint32) read_le32 (data + 18));
      *height = ABS ((gint64) (gint32) read_le32 (data + 22));
      return TRUE;
    case OUR_PICTURE_KIND_WEBP:
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
    case OUR_PICTURE_KIND_JPEG:
    case OUR_PICTURE_KIND_SVG:
    default:
      return FALSE;
    }
}

/* TRUE if an attribute value or url() argument at @value stays inside the
 * document: a fragment ("#id") or inline data ("data:", refused later as a
 * picture inside). Anything else, including an entity reference that could
 * expand to an address, is out. */
static gboolean
reference_stays_inside (const char *value)
{
  while (g_ascii_isspace (*value))
    value++;
  return value[0] == '#' || g_str_has_prefix (value, "data:");
}

/* Inline "data:" (as an attribute value or a url() argument, not in the
 * words of the drawing) can hold a picture of any size, which no check here
 * would see before the SVG loader decoded it. */
static gboolean
holds_inline_data (const char *text)
{
  for (const char *p = strstr (text, "data:"); p != NULL; p = strstr (p + 1, "data:"))
    {
      const char *q = p;

      while (q > text && (g_ascii_isspace (q[-1]) || q[-1] == '"' || q[-1] == '\''))
        q--;
      if (q > text && (q[-1] == '=' || q[-1] == '('))
        return TRUE;
    }
  return FALSE;
}

/* TRUE if the element @name (lowercase, as in "image") occurs in @text,
 * with or without a namespace prefix ("<svg:image"). */
static gboolean
has_element (const char *text,
             const char *name)
{
  size_t name_length = strlen (name);

  for (const char *p = strstr (text, name); p != NULL; p = strstr (p + 1, name))
    {
      const char *q = p;
      char after = p[name_length];

      if (after != '\0' && !g_ascii_isspace (after) && after != '/' && after != '>')
        continue;
      if (q > text && q[-1] == ':')
        for (q--; q > text && (g_ascii_isalnum (q[-1]) || q[-1] == '_' || q[-1] == '-' ||
                               q[-1] == '.');)
          q--;
      if (q > text && q[-1] == '<')
        return TRUE;
    }
  return FALSE;
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
check_svg (const guint8  *data,
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
  /* Pictures inside a drawing are decoded by the SVG loader itself, past
   * every limit here: none are taken, inline or not. */
  if (has_element (text, "image") || has_element (text, "feimage") || holds_inline_data (text))
    {
      set_inner_pictures (error);
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

  if (state->kind != OUR_PICTURE_KIND_SVG && (gint64) width * height > state->max_pixels)
    {
      /* A size of 0 tells the module to stop before it allocates pixels. */
      state->too_many_pixels = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  target_side = MIN (long_side, state->max_side);
  if (state->kind == OUR_PICTURE_KIND_SVG)
    target_side = CLAMP (long_side, MIN (SVG_MIN_SIDE, state->max_side), state->max_side);
  if (target_side == long_side)
    return;

  /* JPEG decodes straight at 1/2, 1/4 or 1/8 of its size, far faster than
   * decoding everything and scaling after. When one of these lands close
   * below the bound (a 4000 x 3000 phone photo gives 2000 x 1500), take it
   * as it is; otherwise ask for the bound exactly and let the loader scale. */
  if (state->kind == OUR_PICTURE_KIND_JPEG)
    for (int denominator = 2; denominator <= 8; denominator *= 2)
      {
        int scaled_side = (long_side + denominator - 1) / denominator;

        if (scaled_side <= target_side && scaled_side >= target_side * 7 / 8)
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

OurPictureKinds
our_picture_pixels_sniff (GBytes *data)
{
  gsize size = 0;
  const guint8 *bytes;

  g_return_val_if_fail (data != NULL, 0);

  bytes = g_bytes_get_data (data, &size);
  return bytes != NULL ? sniff_kind (bytes, size) : 0;
}

GdkPixbuf *
our_picture_pixels_decode (GBytes           *data,
                           OurPictureKinds   kinds,
                           int               max_side,
                           gint64            max_pixels,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  OurPictureKinds kind;
  const guint8 *bytes;
  gsize size = 0;
  gsize written = 0;
  gboolean ok = TRUE;
  gint64 header_width, header_height;
  LoadState state = { 0, max_side, max_pixels, 0, 0, FALSE };
  GdkPixbuf *pixbuf;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (max_side > 0 && max_pixels > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &size);
  kind = bytes != NULL ? sniff_kind (bytes, size) : 0;
  if ((kind & kinds) == 0)
    {
      set_not_a_picture (error);
      return NULL;
    }
  if (peek_dimensions (kind, bytes, size, &header_width, &header_height)
      && header_width * header_height > max_pixels)
    {
      set_too_many_pixels (error, (int) MIN (header_width, G_MAXINT),
                           (int) MIN (header_height, G_MAXINT));
      return NULL;
    }
  if (kind == OUR_PICTURE_KIND_SVG && !check_svg (bytes, size, error))
    return NULL;
  if (!is_complete (kind, bytes, size))
    {
      set_damaged (error);
      return NULL;
    }

  /* A kind whose loader is not installed (WebP, often) is one we cannot use. */
  loader = gdk_pixbuf_loader_new_with_type (loader_name (kind), NULL);
  if (loader == NULL)
    {
      set_not_a_picture (error);
      return NULL;
    }
  state.kind = kind;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &state);

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
      g_debug ("Picture: %s", local_error ? local_error->message : "no details");
      set_damaged (error);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      set_damaged (error);
      return NULL;
    }
  /* A loader that ignored the size asked for (or a drawing whose size was
   * unknown until drawn) is held to the bound all the same. */
  if (MAX (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf)) > max_side)
    {
      int width = gdk_pixbuf_get_width (pixbuf), height = gdk_pixbuf_get_height (pixbuf);
      int long_side = MAX (width, height);
      GdkPixbuf *bounded = gdk_pixbuf_scale_simple (pixbuf,
                                                    MAX (1, (int) ((gint64) width * max_side / long_side)),
                                                    MAX (1, (int) ((gint64) height * max_side / long_side)),
                                                    GDK_INTERP_BILINEAR);

      if (bounded == NULL)
        {
          g_set_error_literal (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_FAILED,
                               _("There is not enough memory to prepare this picture."));
          return NULL;
        }
      gdk_pixbuf_copy_options (pixbuf, bounded);
      return bounded;
    }
  return g_object_ref (pixbuf);
}
