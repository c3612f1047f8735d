/* test-picture-import.c: pictures enter a plan small, upright and without metadata; bad files get a sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "our-picture-import.h"

static char *
fixture_path (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "pictures", name, NULL);
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static OurPicture *
import_fixture (const char  *name,
                GError     **error)
{
  g_autoptr(GBytes) data = load_fixture (name);

  return our_picture_import_bytes (data, NULL, error);
}

/* Decodes what the import produced, as the board and the printed copy will. */
static GdkPixbuf *
decode_output (OurPicture *picture)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  GBytes *bytes = our_picture_get_bytes (picture);

  gdk_pixbuf_loader_write_bytes (loader, bytes, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

/* A picture with detail everywhere, so that it encodes like a photo. */
static GdkPixbuf *
make_pattern (int      width,
              int      height,
              gboolean with_alpha)
{
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, with_alpha, 8, width, height);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + (gsize) y * stride + x * n_channels;

        p[0] = (x * 7 + y) & 0xFF;
        p[1] = (y * 5) & 0xFF;
        p[2] = ((x ^ y) * 3) & 0xFF;
        if (with_alpha)
          p[3] = x < width / 2 ? 0xFF : 0x00;
      }
  return pixbuf;
}

static GBytes *
encode (GdkPixbuf  *pixbuf,
        const char *type)
{
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, &error, NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static gboolean
bytes_contain (GBytes       *haystack,
               const void   *needle,
               gsize         needle_size)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (haystack, &size);

  for (gsize i = 0; i + needle_size <= size; i++)
    if (memcmp (data + i, needle, needle_size) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
bytes_contain_string (GBytes     *haystack,
                      const char *needle)
{
  return bytes_contain (haystack, needle, strlen (needle));
}

/* A 3000 x 2000 photo (as a phone takes) comes out 2048 pixels wide. */
static void
test_downscale_photo (void)
{
  g_autoptr(GdkPixbuf) source = make_pattern (3000, 2000, FALSE);
  g_autoptr(GBytes) data = encode (source, "jpeg");
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = NULL;
  g_autoptr(GdkPixbuf) output = NULL;

  picture = our_picture_import_bytes (data, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_picture_get_mime_type (picture), ==, "image/jpeg");
  g_assert_cmpint (our_picture_get_width (picture), ==, 2048);
  g_assert_cmpint (our_picture_get_height (picture), ==, 1365);

  output = decode_output (picture);
  g_assert_cmpint (gdk_pixbuf_get_width (output), ==, 2048);
  g_assert_cmpint (gdk_pixbuf_get_height (output), ==, 1365);
  /* Smaller than what came in, or the plan file grows for nothing. */
  g_assert_cmpuint (g_bytes_get_size (our_picture_get_bytes (picture)), <, g_bytes_get_size (data));
}

/* A 4000 x 3000 photo (12 megapixels, the common phone size) is decoded
 * straight at half size: still within the bound, and not much smaller. */
static void
test_downscale_phone_photo (void)
{
  g_autoptr(GdkPixbuf) source = make_pattern (4000, 3000, FALSE);
  g_autoptr(GBytes) data = encode (source, "jpeg");
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = NULL;
  g_autoptr(GdkPixbuf) output = NULL;

  picture = our_picture_import_bytes (data, NULL, &error);
  g_assert_no_error (error);
  output = decode_output (picture);
  g_assert_cmpint (gdk_pixbuf_get_width (output), ==, our_picture_get_width (picture));
  g_assert_cmpint (gdk_pixbuf_get_height (output), ==, our_picture_get_height (picture));
  g_assert_cmpint (our_picture_get_width (picture), <=, 2048);
  g_assert_cmpint (our_picture_get_width (picture), >=, 1792);
  g_assert_cmpint (our_picture_get_width (picture) * 3, ==, our_picture_get_height (picture) * 4);
}

/* A tall PNG with transparency: bounded on its long side, kept as PNG. */
static void
test_downscale_tall_png (void)
{
  g_autoptr(GdkPixbuf) source = make_pattern (1000, 3000, TRUE);
  g_autoptr(GBytes) data = encode (source, "png");
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = NULL;
  g_autoptr(GdkPixbuf) output = NULL;

  picture = our_picture_import_bytes (data, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_picture_get_mime_type (picture), ==, "image/png");
  g_assert_cmpint (our_picture_get_height (picture), ==, 2048);
  g_assert_cmpint (our_picture_get_width (picture), ==, 682);
  output = decode_output (picture);
  g_assert_cmpint (MAX (gdk_pixbuf_get_width (output), gdk_pixbuf_get_height (output)), ==, 2048);
  g_assert_true (gdk_pixbuf_get_has_alpha (output));
}

/* A small picture keeps its size. */
static void
test_small_keeps_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = import_fixture ("gps-photo.jpg", &error);

  g_assert_no_error (error);
  g_assert_cmpint (our_picture_get_width (picture), ==, 320);
  g_assert_cmpint (our_picture_get_height (picture), ==, 240);
}

/* Walks a JPEG's segments up to the image data and fails on any that can
 * carry metadata: APP1 (EXIF, XMP) to APP15 (APP2 is ICC, APP13 is IPTC)
 * and COM (comments). */
static void
assert_jpeg_has_no_metadata_segments (GBytes *bytes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize at = 2;

  g_assert_cmpuint (size, >, 4);
  g_assert_cmpint (data[0], ==, 0xFF);
  g_assert_cmpint (data[1], ==, 0xD8);
  while (at + 4 <= size)
    {
      guint8 marker = data[at + 1];
      gsize length = (data[at + 2] << 8) | data[at + 3];

      g_assert_cmpint (data[at], ==, 0xFF);
      if (marker >= 0xE1 && marker <= 0xEF)
        g_error ("The imported JPEG still has an APP%d segment", marker - 0xE0);
      if (marker == 0xFE)
        g_error ("The imported JPEG still has a comment");
      if (marker == 0xDA)   /* start of scan: pixels from here on */
        return;
      at += 2 + length;
    }
  g_assert_not_reached ();
}

/* A phone photo's GPS position, camera and comments never reach the plan. */
static void
test_metadata_removed (void)
{
  /* GPSLatitude 51° 28' 53.76" and GPSLongitude 3° 10' 44.76" as the
   * fixture stores them (rationals, big-endian: exiftool wrote "MM"). */
  static const guint8 latitude_be[] = {
    0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 28, 0, 0, 0, 1, 0, 0, 0x05, 0x40, 0, 0, 0, 25 };
  static const guint8 longitude_be[] = {
    0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 10, 0, 0, 0, 1, 0, 0, 0x04, 0x5F, 0, 0, 0, 25 };
  static const char *const markers[] = {
    "Exif", "OURPLAN-SECRET", "SecretPhone", "http://ns.adobe.com", "51.4816", "3.1791",
    "51 deg", "GPS",
  };
  g_autoptr(GBytes) input = load_fixture ("gps-photo.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = NULL;
  GBytes *output;
  guint8 latitude_le[sizeof latitude_be];
  guint8 longitude_le[sizeof longitude_be];

  /* The fixture does carry what must go; otherwise this test proves nothing. */
  g_assert_true (bytes_contain (input, latitude_be, sizeof latitude_be));
  g_assert_true (bytes_contain (input, longitude_be, sizeof longitude_be));
  g_assert_true (bytes_contain_string (input, "Exif"));
  g_assert_true (bytes_contain_string (input, "OURPLAN-SECRET-ARTIST"));
  g_assert_true (bytes_contain_string (input, "OURPLAN-SECRET-COMMENT"));
  g_assert_true (bytes_contain_string (input, "OURPLAN-SECRET-XMP"));
  g_assert_true (bytes_contain_string (input, "OURPLAN-SECRET-JPEG-COMMENT"));

  picture = our_picture_import_bytes (input, NULL, &error);
  g_assert_no_error (error);
  output = our_picture_get_bytes (picture);

  /* The same rationals in little-endian order, in case of a rewrite. */
  for (gsize i = 0; i < sizeof latitude_be; i += 4)
    for (gsize j = 0; j < 4; j++)
      {
        latitude_le[i + j] = latitude_be[i + 3 - j];
        longitude_le[i + j] = longitude_be[i + 3 - j];
      }
  g_assert_false (bytes_contain (output, latitude_be, sizeof latitude_be));
  g_assert_false (bytes_contain (output, longitude_be, sizeof longitude_be));
  g_assert_false (bytes_contain (output, latitude_le, sizeof latitude_le));
  g_assert_false (bytes_contain (output, longitude_le, sizeof longitude_le));
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (bytes_contain_string (output, markers[i]))
      g_error ("\"%s\" is still in the imported picture", markers[i]);
  assert_jpeg_has_no_metadata_segments (output);
}

static void
get_pixel (GdkPixbuf *pixbuf,
           int        x,
           int        y,
           guint8     rgb[3])
{
  const guint8 *p = gdk_pixbuf_read_pixels (pixbuf) + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf)
                    + x * gdk_pixbuf_get_n_channels (pixbuf);

  memcpy (rgb, p, 3);
}

/* A photo taken with the phone on its side shows upright once imported,
 * although the EXIF that said "turn me" is gone. */
static void
test_exif_orientation_applied (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = import_fixture ("rotated.jpg", &error);
  g_autoptr(GdkPixbuf) output = NULL;
  guint8 top[3], bottom[3];

  g_assert_no_error (error);
  g_assert_cmpint (our_picture_get_width (picture), ==, 40);
  g_assert_cmpint (our_picture_get_height (picture), ==, 60);
  output = decode_output (picture);
  g_assert_cmpint (gdk_pixbuf_get_width (output), ==, 40);
  g_assert_cmpint (gdk_pixbuf_get_height (output), ==, 60);
  /* Stored left red, right blue; turned clockwise: red on top. */
  get_pixel (output, 20, 5, top);
  get_pixel (output, 20, 55, bottom);
  g_assert_cmpint (top[0], >, 200);
  g_assert_cmpint (top[2], <, 60);
  g_assert_cmpint (bottom[2], >, 200);
  g_assert_cmpint (bottom[0], <, 60);
  g_assert_null (gdk_pixbuf_get_option (output, "orientation"));
}

/* The same for a phone-sized photo, which the decoder shrinks as it reads. */
static void
test_exif_orientation_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = import_fixture ("rotated-large.jpg", &error);
  g_autoptr(GdkPixbuf) output = NULL;
  guint8 top[3], bottom[3];

  g_assert_no_error (error);
  g_assert_cmpint (our_picture_get_width (picture), ==, 1365);
  g_assert_cmpint (our_picture_get_height (picture), ==, 2048);
  output = decode_output (picture);
  get_pixel (output, 680, 100, top);
  get_pixel (output, 680, 1950, bottom);
  g_assert_cmpint (top[0], >, 200);
  g_assert_cmpint (bottom[2], >, 200);
}

/* Walks a PNG's chunks and fails on any but the ones that hold pixels:
 * no text (tEXt, zTXt, iTXt), no EXIF (eXIf), no time stamp (tIME). (sBIT,
 * the significant bits, is written by gdk-pixbuf and says nothing else.) */
static void
assert_png_has_only_pixel_chunks (GBytes *bytes)
{
  static const char *const allowed[] = { "IHDR", "sBIT", "PLTE", "tRNS", "IDAT", "IEND" };
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize at = 8;

  g_assert_cmpuint (size, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1A\n", 8);
  while (at + 12 <= size)
    {
      gsize length = ((gsize) data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8)
                     | data[at + 3];
      g_autofree char *type = g_strndup ((const char *) data + at + 4, 4);
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
        known = known || strcmp (type, allowed[i]) == 0;
      if (!known)
        g_error ("The imported PNG still has a %s chunk", type);
      if (strcmp (type, "IEND") == 0)
        return;
      at += 12 + length;
    }
  g_assert_not_reached ();
}

/* Transparency is kept (PNG); a picture that is opaque everywhere becomes
 * a JPEG even when its file had an alpha channel. */
static void
test_alpha_kept_as_png (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = import_fixture ("alpha.png", &error);
  g_autoptr(GdkPixbuf) output = NULL;
  g_autoptr(GdkPixbuf) opaque_source = make_pattern (64, 64, TRUE);
  g_autoptr(GBytes) opaque_data = NULL;
  g_autoptr(OurPicture) opaque = NULL;
  guint8 corner_alpha;

  g_assert_no_error (error);
  g_assert_cmpstr (our_picture_get_mime_type (picture), ==, "image/png");
  /* Its text comment, artist and GPS position are gone. */
  {
    g_autoptr(GBytes) input = load_fixture ("alpha.png");

    g_assert_true (bytes_contain_string (input, "OURPLAN-SECRET-PNG-COMMENT"));
    g_assert_true (bytes_contain_string (input, "OURPLAN-SECRET-PNG-ARTIST"));
    g_assert_true (bytes_contain_string (input, "eXIf"));
  }
  g_assert_false (bytes_contain_string (our_picture_get_bytes (picture), "OURPLAN-SECRET"));
  assert_png_has_only_pixel_chunks (our_picture_get_bytes (picture));
  output = decode_output (picture);
  g_assert_true (gdk_pixbuf_get_has_alpha (output));
  corner_alpha = gdk_pixbuf_read_pixels (output)[3];
  g_assert_cmpint (corner_alpha, ==, 0);

  gdk_pixbuf_fill (opaque_source, 0x2080c0ff);
  opaque_data = encode (opaque_source, "png");
  opaque = our_picture_import_bytes (opaque_data, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (our_picture_get_mime_type (opaque), ==, "image/jpeg");
}

/* The same picture placed twice is the same picture (stored once). */
static void
test_same_input_same_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) first = import_fixture ("gps-photo.jpg", &error);
  g_autoptr(OurPicture) second = import_fixture ("gps-photo.jpg", &error);
  g_autoptr(OurPicture) other = import_fixture ("alpha.png", &error);
  g_autofree char *computed = NULL;
  const char *id;

  g_assert_no_error (error);
  id = our_picture_get_id (first);
  g_assert_cmpstr (id, ==, our_picture_get_id (second));
  g_assert_cmpstr (id, !=, our_picture_get_id (other));
  g_assert_cmpuint (strlen (id), ==, 64);
  for (const char *c = id; *c; c++)
    g_assert_true (g_ascii_isdigit (*c) || (*c >= 'a' && *c <= 'f'));
  computed = our_picture_compute_id (our_picture_get_bytes (first));
  g_assert_cmpstr (id, ==, computed);
  g_assert_true (g_bytes_equal (our_picture_get_bytes (first), our_picture_get_bytes (second)));
}

/* A drawing without outside links is drawn; small ones are drawn big
 * enough to stay sharp. */
static void
test_svg_drawn (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = import_fixture ("drawing.svg", &error);
  g_autoptr(GdkPixbuf) output = NULL;
  guint8 sun[3];

  g_assert_no_error (error);
  g_assert_cmpint (our_picture_get_width (picture), ==, 1024);
  g_assert_cmpint (our_picture_get_height (picture), ==, 512);
  output = decode_output (picture);
  /* The sun, drawn through an in-document reference, is yellow. */
  get_pixel (output, 768, 170, sun);
  g_assert_cmpint (sun[0], >, 200);
  g_assert_cmpint (sun[1], >, 180);
  g_assert_cmpint (sun[2], <, 120);
}

/* The words of a drawing may say "data:" without it being refused. */
static void
test_svg_words_kept (void)
{
  static const char drawing[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
    "<rect width=\"200\" height=\"100\" fill=\"#1c71d8\"/>"
    "<text x=\"10\" y=\"50\">My data: mine</text></svg>";
  g_autoptr(GBytes) data = g_bytes_new_static (drawing, sizeof drawing - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = our_picture_import_bytes (data, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (picture);
}

typedef struct
{
  const char *fixture;
  int         code;
  const char *message;
} BadFile;

static const BadFile bad_files[] = {
  { "not-a-picture.png", OUR_PICTURE_ERROR_NOT_A_PICTURE,
    "This file is not a picture Our Plan can use." },
  { "truncated.jpg", OUR_PICTURE_ERROR_DAMAGED, "This picture is damaged or incomplete." },
  { "bomb-20000.png", OUR_PICTURE_ERROR_TOO_MANY_PIXELS,
    "This picture is too large (20,000 × 20,000 pixels)." },
  { "bomb-20000.jpg", OUR_PICTURE_ERROR_TOO_MANY_PIXELS,
    "This picture is too large (20,000 × 20,000 pixels)." },
  { "svg-remote.svg", OUR_PICTURE_ERROR_OUTSIDE_LINKS,
    "This drawing links to other files or web addresses, so Our Plan will not use it." },
  { "svg-local-file.svg", OUR_PICTURE_ERROR_OUTSIDE_LINKS, NULL },
  { "svg-entity.svg", OUR_PICTURE_ERROR_OUTSIDE_LINKS, NULL },
  { "svg-css-url.svg", OUR_PICTURE_ERROR_OUTSIDE_LINKS, NULL },
  /* A picture inside a drawing would be decoded by the SVG loader, past
   * every limit: a 20,000 x 20,000 one took it over 2 GB. */
  { "svg-inline-bomb.svg", OUR_PICTURE_ERROR_INNER_PICTURES,
    "This drawing has other pictures inside it, so Our Plan will not use it. "
    "Try the picture itself, or save the drawing as a PNG." },
  { "svg-inline-picture.svg", OUR_PICTURE_ERROR_INNER_PICTURES, NULL },
  { "svg-fe-image.svg", OUR_PICTURE_ERROR_INNER_PICTURES, NULL },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = import_fixture (bad->fixture, &error);

  g_assert_null (picture);
  g_assert_error (error, OUR_PICTURE_ERROR, bad->code);
  if (bad->message != NULL)
    g_assert_cmpstr (error->message, ==, bad->message);
}

/* Cut-off PNG and BMP files decode "fine" with their lower part empty:
 * they must be refused like the cut-off JPEG. */
static void
test_bad_cut_off (void)
{
  const char *const types[] = { "png", "bmp" };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GdkPixbuf) source = make_pattern (300, 200, FALSE);
      g_autoptr(GBytes) whole = encode (source, types[i]);
      g_autoptr(GBytes) half = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
      g_autoptr(GError) error = NULL;
      g_autoptr(OurPicture) complete = our_picture_import_bytes (whole, NULL, &error);
      g_autoptr(OurPicture) cut_off = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (complete);
      cut_off = our_picture_import_bytes (half, NULL, &error);
      g_assert_null (cut_off);
      g_assert_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_DAMAGED);
    }
}

/* Every kind Our Plan takes: an animation gives its first frame. */
static void
test_gif_first_frame (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = import_fixture ("animation.gif", &error);
  g_autoptr(GdkPixbuf) output = NULL;
  guint8 pixel[3];

  g_assert_no_error (error);
  g_assert_cmpint (our_picture_get_width (picture), ==, 40);
  g_assert_cmpint (our_picture_get_height (picture), ==, 30);
  output = decode_output (picture);
  get_pixel (output, 20, 15, pixel);
  g_assert_cmpint (pixel[0], >, 200);
  g_assert_cmpint (pixel[2], <, 60);
}

static gboolean
has_loader (const char *name)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_autofree char *format_name = gdk_pixbuf_format_get_name (l->data);

      if (g_strcmp0 (format_name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* WebP, as messaging apps send photos, when the system can read it; a plain
 * sentence when it cannot. A WebP bomb is refused either way. */
static void
test_webp (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = import_fixture ("green.webp", &error);
  g_autoptr(OurPicture) bomb = NULL;

  if (has_loader ("webp"))
    {
      g_assert_no_error (error);
      g_assert_cmpint (our_picture_get_width (picture), ==, 40);
      g_assert_cmpstr (our_picture_get_mime_type (picture), ==, "image/jpeg");
    }
  else
    {
      g_test_message ("No WebP loader here (package webp-pixbuf-loader)");
      g_assert_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_NOT_A_PICTURE);
    }
  g_clear_error (&error);

  bomb = import_fixture ("bomb-16383.webp", &error);
  g_assert_null (bomb);
  g_assert_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_TOO_MANY_PIXELS);
  g_assert_cmpstr (error->message, ==, "This picture is too large (16,383 × 16,383 pixels).");
}

static void
test_bad_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = our_picture_import_bytes (empty, NULL, &error);

  g_assert_null (picture);
  g_assert_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_NOT_A_PICTURE);
}

/* The bombs are refused without ever holding their pixels: a fresh process
 * grows far less than the 1.2 GB that decoding one of them would take. */
static void
test_bomb_memory (void)
{
  if (g_test_subprocess ())
    {
      const char *const bombs[] = { "bomb-20000.png", "bomb-20000.jpg", "bomb-16383.webp",
                                    "svg-inline-bomb.svg" };
      struct rusage before, after;

      /* What the process needs anyway (more under a sanitizer or valgrind). */
      getrusage (RUSAGE_SELF, &before);

      for (guint i = 0; i < G_N_ELEMENTS (bombs); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(OurPicture) picture = import_fixture (bombs[i], &error);

          g_assert_nonnull (error);
          g_assert_true (g_error_matches (error, OUR_PICTURE_ERROR,
                                          OUR_PICTURE_ERROR_TOO_MANY_PIXELS) ||
                         g_error_matches (error, OUR_PICTURE_ERROR,
                                          OUR_PICTURE_ERROR_INNER_PICTURES));
        }
      getrusage (RUSAGE_SELF, &after);
      g_printerr ("Peak memory: %ld KB before, %ld KB after refusing the bombs\n",
                  before.ru_maxrss, after.ru_maxrss);
      g_assert_cmpint (after.ru_maxrss - before.ru_maxrss, <, 200 * 1024);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ourplan-pictures-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

typedef struct
{
  GMainLoop   *loop;
  OurPicture  *picture;
  GError      *error;
  GThread     *thread;
  gboolean     done;
} AsyncResult;

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->picture = our_picture_import_file_finish (result, &async->error);
  async->thread = g_thread_self ();
  async->done = TRUE;
  g_main_loop_quit (async->loop);
}

static OurPicture *
import_file_on_main_loop (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  AsyncResult async = { g_main_loop_new (NULL, FALSE), NULL, NULL, NULL, FALSE };

  our_picture_import_file_async (file, cancellable, imported_cb, &async);
  /* Delivered later, from the main loop, never from inside the call. */
  g_assert_false (async.done);
  g_main_loop_run (async.loop);
  g_assert_true (async.done);
  g_assert_true (async.thread == g_thread_self ());
  g_main_loop_unref (async.loop);
  if (async.error)
    g_propagate_error (error, async.error);
  return async.picture;
}

/* Picking a file: read and imported off the main thread, result back on it. */
static void
test_async_file (void)
{
  g_autofree char *path = fixture_path ("gps-photo.jpg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = import_file_on_main_loop (file, NULL, &error);
  g_autoptr(OurPicture) direct = import_fixture ("gps-photo.jpg", &error);

  g_assert_no_error (error);
  g_assert_nonnull (picture);
  g_assert_cmpstr (our_picture_get_id (picture), ==, our_picture_get_id (direct));
}

static void
test_async_bad_files (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing_path = g_build_filename (dir, "gone.jpg", NULL);
  g_autofree char *bad_path = fixture_path ("svg-remote.svg");
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = NULL;

  picture = import_file_on_main_loop (missing, NULL, &error);
  g_assert_null (picture);
  g_assert_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_UNREADABLE);
  g_clear_error (&error);

  picture = import_file_on_main_loop (folder, NULL, &error);
  g_assert_null (picture);
  g_assert_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_NOT_A_PICTURE);
  g_clear_error (&error);

  picture = import_file_on_main_loop (bad, NULL, &error);
  g_assert_null (picture);
  g_assert_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_OUTSIDE_LINKS);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  picture = import_file_on_main_loop (bad, cancellable, &error);
  g_assert_null (picture);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_rmdir (dir);
}

/* A 60 MB file is refused by its size before it is read. */
static void
test_file_too_big (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int fd;

  /* Sparse: 60 MB that take no room on disk, starting like a JPEG. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "\xFF\xD8\xFF\xE0", 4), ==, 4);
  g_assert_cmpint (ftruncate (fd, (off_t) 60 * 1000 * 1000), ==, 0);
  close (fd);

  picture = import_file_on_main_loop (file, NULL, &error);
  g_assert_null (picture);
  g_assert_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_FILE_TOO_BIG);
  g_assert_cmpstr (error->message, ==,
                   "This file is too big to use as a picture (60.0\u00a0MB); the limit is 50.0\u00a0MB.");
  g_clear_error (&error);

  /* The same bytes handed over directly (say, dropped from another app). */
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  picture = our_picture_import_bytes (bytes, NULL, &error);
  g_assert_null (picture);
  g_assert_error (error, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_FILE_TOO_BIG);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/picture/downscale/photo", test_downscale_photo);
  g_test_add_func ("/picture/downscale/phone-photo", test_downscale_phone_photo);
  g_test_add_func ("/picture/downscale/tall-png", test_downscale_tall_png);
  g_test_add_func ("/picture/downscale/small-keeps-size", test_small_keeps_size);
  g_test_add_func ("/picture/metadata/gps-removed", test_metadata_removed);
  g_test_add_func ("/picture/orientation/small", test_exif_orientation_applied);
  g_test_add_func ("/picture/orientation/large", test_exif_orientation_large);
  g_test_add_func ("/picture/alpha", test_alpha_kept_as_png);
  g_test_add_func ("/picture/same-id", test_same_input_same_id);
  g_test_add_func ("/picture/svg/drawn", test_svg_drawn);
  g_test_add_func ("/picture/svg/words-kept", test_svg_words_kept);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/picture/bad/%s", bad_files[i].fixture);

      g_test_add_data_func (name, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/picture/gif/first-frame", test_gif_first_frame);
  g_test_add_func ("/picture/webp", test_webp);
  g_test_add_func ("/picture/bad/empty", test_bad_empty);
  g_test_add_func ("/picture/bad/cut-off-png-bmp", test_bad_cut_off);
  g_test_add_func ("/picture/bad/bomb-memory", test_bomb_memory);
  g_test_add_func ("/picture/bad/file-too-big", test_file_too_big);
  g_test_add_func ("/picture/async/file", test_async_file);
  g_test_add_func ("/picture/async/bad-files", test_async_bad_files);

  return g_test_run ();
}
