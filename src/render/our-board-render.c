/* our-board-render.c: the notes board (sticky notes, pictures, symbols, zones) drawn with cairo and pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer for the screen (each child widget draws its own item with
 * our_board_render_item_box()) and for paper (our_board_render()), so that
 * the printed board is the board on the screen.
 *
 * Speed: a frame of 200 items must take a few milliseconds. Pictures are
 * decoded once for each size they are shown at, so a small picture on the
 * board is decoded small and drawn from a small copy; a note's text is laid out once per
 * text and size and the layout kept with the Pango context.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "our-board-render.h"
#include "our-picture-pixels.h"
#include "our-symbols.h"

#define RGB(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* The smallest text on a note, in board units: below this a note shows
 * "…" rather than text nobody can read. */
#define NOTE_MIN_FONT 10.0
#define NOTE_MAX_FONT 56.0
/* Laid-out note texts kept per Pango context before starting afresh. */
#define LAYOUT_CACHE_MAX 600

static const OurBoardStyle light_style = {
  .background = RGB (0xf6f5f4, 1.0),
  .dots = RGB (0x77767b, 0.18),
  .text = RGB (0x241f31, 1.0),
  .card = RGB (0xffffff, 1.0),
  .card_text = RGB (0x241f31, 1.0),
  .shadow = RGB (0x000000, 0.10),
  .zone_text = RGB (0x241f31, 0.85),
  .accent = RGB (0x1c71d8, 1.0),
  .dark = FALSE,
};

static const OurBoardStyle dark_style = {
  .background = RGB (0x2a2a2e, 1.0),
  .dots = RGB (0xdeddda, 0.12),
  .text = RGB (0x241f31, 1.0),
  .card = RGB (0xf1f0ee, 1.0),
  .card_text = RGB (0x241f31, 1.0),
  .shadow = RGB (0x000000, 0.28),
  .zone_text = RGB (0xffffff, 0.88),
  .accent = RGB (0x78aeed, 1.0),
  .dark = TRUE,
};

/* Soft paper colours. Dark mode uses deeper ones, so that the board does
 * not glare, while the dark text on them keeps well over 4.5:1 (checked by
 * tests/render/test-board-render.c). */
static const OurRgba note_light[OUR_N_NOTE_COLOURS] = {
  RGB (0xfff2a8, 1.0),   /* yellow */
  RGB (0xc8efbe, 1.0),   /* green */
  RGB (0xc6e0ff, 1.0),   /* blue */
  RGB (0xffd3e4, 1.0),   /* pink */
  RGB (0xffd6a6, 1.0),   /* orange */
  RGB (0xe3d6ff, 1.0),   /* purple */
};

static const OurRgba note_dark[OUR_N_NOTE_COLOURS] = {
  RGB (0xdccb62, 1.0),
  RGB (0x9fd095, 1.0),
  RGB (0x9cc2ec, 1.0),
  RGB (0xe6a8c3, 1.0),
  RGB (0xe5ad72, 1.0),
  RGB (0xbba8e8, 1.0),
};

static const OurRgba zone_light[] = {
  RGB (0x3584e4, 1.0), RGB (0x2ec27e, 1.0), RGB (0x9141ac, 1.0), RGB (0xe66100, 1.0),
};

static const OurRgba zone_dark[] = {
  RGB (0x78aeed, 1.0), RGB (0x57e389, 1.0), RGB (0xc061cb, 1.0), RGB (0xffa348, 1.0),
};

const OurBoardStyle *
our_board_style_get (gboolean dark)
{
  return dark ? &dark_style : &light_style;
}

OurRgba
our_note_colour_get_rgba (OurNoteColour colour,
                          gboolean      dark)
{
  if ((guint) colour >= OUR_N_NOTE_COLOURS)
    colour = OUR_NOTE_COLOUR_YELLOW;
  return dark ? note_dark[colour] : note_light[colour];
}

OurRgba
our_board_zone_get_tint (guint    index,
                         gboolean dark)
{
  index %= G_N_ELEMENTS (zone_light);
  return dark ? zone_dark[index] : zone_light[index];
}

static void
set_source (cairo_t       *cr,
            const OurRgba *rgba,
            double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  if (r <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A soft shadow without a blur: a few widening, faint layers, offset down,
 * as light from above would cast. */
static void
draw_shadow (cairo_t             *cr,
             const OurBoardStyle *style,
             double               w,
             double               h,
             double               radius)
{
  double reach = MIN (12.0, MIN (w, h) * 0.06);

  for (int i = 3; i >= 1; i--)
    {
      double grow = reach * i / 3.0;

      rounded_rect (cr, -grow * 0.5, -grow * 0.2 + reach * 0.35, w + grow, h + grow * 0.9,
                    radius + grow);
      set_source (cr, &style->shadow, 0.55);
      cairo_fill (cr);
    }
}

/* How many device pixels @length user units cover (at least a little). */
static double
device_length (cairo_t *cr,
               double   length)
{
  double dx = length, dy = 0;
  double pixels;

  cairo_user_to_device_distance (cr, &dx, &dy);
  pixels = hypot (dx, dy);
  /* Paper (PDF, print): keep the detail of about 300 dots per inch. */
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    pixels *= 300.0 / 72.0;
  return MAX (pixels, 1.0);
}

/* Pictures: decoded once for each size they are shown at, within limits.
 *
 * The sizes are powers of two on the long side, from 64 pixels up to the
 * largest a picture can be: a picture shown 300 pixels wide is decoded at
 * 512, and JPEG, the kind of most photos, decodes straight at that size. A
 * plan holds at most OUR_MAX_BOARD_ITEMS things, but any number of them may
 * show one picture: it is decoded once, and while it is being decoded,
 * anyone else who needs it waits for that one decode. Decoded pixels are
 * kept up to PICTURE_CACHE_MAX_BYTES, the least recently drawn going first. */

#define PICTURE_MIN_SIDE 64
#define PICTURE_CACHE_MAX_BYTES ((gsize) 192 * 1024 * 1024)

typedef struct
{
  cairo_surface_t *surface;    /* NULL while decoding, or when it failed */
  gboolean         decoding;
  gsize            bytes;
  guint64          last_used;
} PictureEntry;

static GMutex picture_lock;
static GCond picture_decoded;
static GHashTable *picture_cache;  /* "id@side" → PictureEntry */
static gsize picture_bytes;
static guint64 picture_clock;
static guint picture_n_decodes;

static void
picture_entry_free (gpointer data)
{
  PictureEntry *entry = data;

  g_clear_pointer (&entry->surface, cairo_surface_destroy);
  g_free (entry);
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  cairo_surface_t *surface;
  guchar *dst;
  int dst_stride;

  surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                        width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    {
      const guchar *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (gpointer) (dst + (gsize) y * dst_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = alpha ? s[3] : 255;
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* A plan file may come from anywhere: only the kinds the import writes are
 * taken from it, and never more pixels than an import leaves. */
static cairo_surface_t *
decode_picture (OurPicture *picture,
                GBytes     *bytes,
                int         side)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (bytes == NULL)
    return NULL;
  /* The id is the SHA-256 of the bytes: a picture whose bytes were changed
   * behind our back is not shown as something else. */
  {
    g_autofree char *computed = our_picture_compute_id (bytes);

    if (!g_str_equal (computed, our_picture_get_id (picture)))
      {
        g_debug ("Picture %s cannot be shown: its bytes do not match its id",
                 our_picture_get_id (picture));
        return NULL;
      }
  }
  pixbuf = our_picture_pixels_decode (bytes, OUR_PICTURE_KINDS_STORED, side,
                                      OUR_PICTURE_MAX_STORED_PIXELS, NULL, &error);
  if (pixbuf == NULL)
    {
      g_debug ("Picture %s cannot be shown: %s", our_picture_get_id (picture), error->message);
      return NULL;
    }
  return surface_from_pixbuf (pixbuf);
}

static char *
picture_key (OurPicture *picture,
             int         side)
{
  return g_strdup_printf ("%s@%d", our_picture_get_id (picture), side);
}

static void
ensure_picture_cache (void)
{
  if (picture_cache == NULL)
    picture_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, picture_entry_free);
}

/* Drops the least recently drawn pictures until the rest fit. Called with
 * the lock held. */
static void
trim_picture_cache (void)
{
  while (picture_bytes > PICTURE_CACHE_MAX_BYTES)
    {
      GHashTableIter iter;
      gpointer key, value;
      const char *oldest_key = NULL;
      PictureEntry *oldest = NULL;

      g_hash_table_iter_init (&iter, picture_cache);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          PictureEntry *entry = value;

          if (!entry->decoding && entry->bytes > 0 &&
              (oldest == NULL || entry->last_used < oldest->last_used))
            {
              oldest = entry;
              oldest_key = key;
            }
        }
      if (oldest == NULL)
        return;
      picture_bytes -= oldest->bytes;
      g_hash_table_remove (picture_cache, oldest_key);
    }
}

/* The pixels of @picture at @side, decoding them if @decode (in this
 * thread, or by waiting for the thread already decoding them) from @bytes,
 * or from the picture's own bytes read here when @bytes is NULL (see
 * our_picture_dup_bytes(): only on the thread that uses the plan). Sets
 * @failed when they cannot be decoded. Returns a new reference or NULL. */
static cairo_surface_t *
lookup_picture (OurPicture *picture,
                GBytes     *bytes,
                int         side,
                gboolean    decode,
                gboolean   *failed)
{
  g_autoptr(GBytes) own_bytes = NULL;
  g_autofree char *key = picture_key (picture, side);
  cairo_surface_t *surface = NULL;
  PictureEntry *entry;

  *failed = FALSE;
  g_mutex_lock (&picture_lock);
  ensure_picture_cache ();
  /* Look again after every wait: the entry may have gone meanwhile. */
  while ((entry = g_hash_table_lookup (picture_cache, key)) != NULL && entry->decoding && decode)
    g_cond_wait (&picture_decoded, &picture_lock);

  if (entry != NULL && !entry->decoding)
    {
      entry->last_used = ++picture_clock;
      *failed = entry->surface == NULL;
      surface = entry->surface != NULL ? cairo_surface_reference (entry->surface) : NULL;
      g_mutex_unlock (&picture_lock);
      return surface;
    }
  if (entry != NULL || !decode)
    {
      g_mutex_unlock (&picture_lock);
      return NULL;
    }

  entry = g_new0 (PictureEntry, 1);
  entry->decoding = TRUE;
  g_hash_table_insert (picture_cache, g_strdup (key), entry);
  picture_n_decodes++;
  g_mutex_unlock (&picture_lock);

  /* Slow (tens of milliseconds for a large photo): outside the lock. */
  if (bytes == NULL)
    bytes = own_bytes = our_picture_dup_bytes (picture);
  surface = bytes != NULL ? decode_picture (picture, bytes, side) : NULL;

  g_mutex_lock (&picture_lock);
  /* The cache may have been cleared meanwhile, but never of an entry
   * being decoded. */
  entry = g_hash_table_lookup (picture_cache, key);
  g_assert (entry != NULL && entry->decoding);
  entry->decoding = FALSE;
  entry->surface = surface != NULL ? cairo_surface_reference (surface) : NULL;
  entry->last_used = ++picture_clock;
  if (surface != NULL)
    entry->bytes = (gsize) cairo_image_surface_get_stride (surface) *
                   cairo_image_surface_get_height (surface);
  picture_bytes += entry->bytes;
  *failed = surface == NULL;
  trim_picture_cache ();
  g_cond_broadcast (&picture_decoded);
  g_mutex_unlock (&picture_lock);
  return surface;
}

/* The white frame around a picture on the board. */
static double
picture_border (double w,
                double h)
{
  return CLAMP (MIN (w, h) * 0.035, 1.5, 10.0);
}

int
our_board_render_picture_side (cairo_t    *cr,
                               OurPicture *picture,
                               double      w,
                               double      h)
{
  double border = picture_border (w, h);
  double width = MAX (w - 2 * border, 1), height = MAX (h - 2 * border, 1);
  double pw, ph, scale, needed;
  int natural, side;

  g_return_val_if_fail (cr != NULL, PICTURE_MIN_SIDE);
  g_return_val_if_fail (OUR_IS_PICTURE (picture), PICTURE_MIN_SIDE);

  pw = MAX (1, our_picture_get_width (picture));
  ph = MAX (1, our_picture_get_height (picture));
  /* Cover the box: the picture fills it, its edges cut if need be. */
  scale = MAX (width / pw, height / ph);
  needed = device_length (cr, MAX (pw, ph) * scale);

  natural = MIN ((int) MAX (pw, ph), OUR_PICTURE_MAX_SIDE);
  for (side = PICTURE_MIN_SIDE; side < needed && side < OUR_PICTURE_MAX_SIDE;)
    side *= 2;
  /* Never more than the picture has (as its row in the file says). */
  return MAX (MIN (side, natural), 1);
}

gboolean
our_board_render_picture_is_ready (OurPicture *picture,
                                   int         side)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *key = NULL;
  PictureEntry *entry;

  g_return_val_if_fail (OUR_IS_PICTURE (picture), FALSE);

  key = picture_key (picture, side);
  locker = g_mutex_locker_new (&picture_lock);
  entry = picture_cache != NULL ? g_hash_table_lookup (picture_cache, key) : NULL;
  return entry != NULL && !entry->decoding;
}

typedef struct
{
  OurPicture *picture;
  GBytes     *bytes;    /* read before the job leaves the plan's thread */
  int         side;
} LoadPicture;

static void
load_picture_free (gpointer data)
{
  LoadPicture *load = data;

  g_object_unref (load->picture);
  g_clear_pointer (&load->bytes, g_bytes_unref);
  g_free (load);
}

static gboolean start_waiting_loads (gpointer user_data);

static void
load_picture_job (gpointer data,
                  gpointer user_data)
{
  g_autoptr(GTask) task = data;

  /* The next picture's bytes are read on the plan's thread. */
  g_idle_add_full (G_PRIORITY_DEFAULT, start_waiting_loads, GINT_TO_POINTER (TRUE), NULL);
  LoadPicture *load = g_task_get_task_data (task);
  gboolean failed = FALSE;
  cairo_surface_t *surface = NULL;

  if (!g_task_return_error_if_cancelled (task))
    {
      surface = load->bytes != NULL
                ? lookup_picture (load->picture, load->bytes, load->side, TRUE, &failed)
                : NULL;
      failed = failed || load->bytes == NULL;
      g_clear_pointer (&surface, cairo_surface_destroy);
      if (failed)
        g_task_return_new_error (task, OUR_PICTURE_ERROR, OUR_PICTURE_ERROR_DAMAGED,
                                 _("This picture cannot be shown: the plan file holds it damaged."));
      else
        g_task_return_boolean (task, TRUE);
    }
}

/* The screen's decodes share one processor fewer than the machine has, and
 * wait their turn: fifty photos decoding at once on every processor would
 * slow the window's own frames, the ones that show the board first. */
static GThreadPool *
screen_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      int threads = MAX (1, (int) g_get_num_processors () - 1);

      g_once_init_leave (&pool, g_thread_pool_new (load_picture_job, NULL, threads, FALSE, NULL));
    }
  return pool;
}

/* Loads wait here, on the plan's thread, until a decoding thread is free:
 * only then are their bytes read, so that a board of fifty photos does not
 * hold all their bytes at once while they wait. */
static GQueue waiting_loads = G_QUEUE_INIT;
static guint loads_in_flight;

static gboolean
start_waiting_loads (gpointer user_data)
{
  guint limit = MAX (1, g_get_num_processors () - 1) + 1;

  if (GPOINTER_TO_INT (user_data) && loads_in_flight > 0)
    loads_in_flight--;
  while (loads_in_flight < limit && !g_queue_is_empty (&waiting_loads))
    {
      GTask *task = g_queue_pop_head (&waiting_loads);
      LoadPicture *load = g_task_get_task_data (task);

      if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        load->bytes = our_picture_dup_bytes (load->picture);
      loads_in_flight++;
      g_thread_pool_push (screen_pool (), task, NULL);
    }
  return G_SOURCE_REMOVE;
}

void
our_board_render_load_picture_async (OurPicture          *picture,
                                     int                  side,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  LoadPicture *load;

  g_return_if_fail (OUR_IS_PICTURE (picture));

  load = g_new0 (LoadPicture, 1);
  load->picture = g_object_ref (picture);
  load->side = side;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, our_board_render_load_picture_async);
  g_task_set_name (task, "[ourplan] decode picture");
  g_task_set_task_data (task, load, load_picture_free);
  g_queue_push_tail (&waiting_loads, task);
  start_waiting_loads (GINT_TO_POINTER (FALSE));
}

gboolean
our_board_render_load_picture_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  OurPicture *picture;   /* owned */
  GBytes     *bytes;     /* owned, read on the plan's thread */
  int         side;
} PictureJob;

static void
decode_job (gpointer data,
            gpointer user_data)
{
  PictureJob *job = data;
  gboolean failed = FALSE;
  cairo_surface_t *surface = job->bytes != NULL
                             ? lookup_picture (job->picture, job->bytes, job->side, TRUE, &failed)
                             : NULL;

  g_clear_pointer (&surface, cairo_surface_destroy);
  g_object_unref (job->picture);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

/* Drawing a whole board (on paper, or as one picture) needs every picture
 * at once: decode those not ready yet on every processor, not one by one. */
static void
decode_pictures_in_parallel (cairo_t *cr,
                             OurPlan *plan)
{
  GListModel *items = our_plan_get_board_items (plan);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) jobs = g_ptr_array_new ();
  GThreadPool *pool;
  guint chunk;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
      OurPicture *picture;
      double w, h;
      int side;
      char *key;

      if (our_board_item_get_kind (item) != OUR_BOARD_ITEM_PICTURE)
        continue;
      picture = our_plan_get_picture (plan, our_board_item_get_picture_id (item));
      if (picture == NULL)
        continue;
      our_board_item_get_box (item, NULL, NULL, &w, &h);
      side = our_board_render_picture_side (cr, picture, w, h);
      key = picture_key (picture, side);
      if (g_hash_table_contains (wanted, key) || our_board_render_picture_is_ready (picture, side))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (wanted, key);
      {
        PictureJob *job = g_new0 (PictureJob, 1);

        job->picture = g_object_ref (picture);
        job->side = side;
        g_ptr_array_add (jobs, job);
      }
    }
  /* A few at a time: each job's bytes are read here, on the plan's
   * thread, and a board's photos together can be tens of megabytes. */
  chunk = 2 * MAX (g_get_num_processors (), 1);
  for (guint start = 0; start < jobs->len; start += chunk)
    {
      guint end = MIN (start + chunk, jobs->len);

      for (guint i = start; i < end; i++)
        {
          PictureJob *job = g_ptr_array_index (jobs, i);

          job->bytes = our_picture_dup_bytes (job->picture);
        }
      pool = end - start >= 2
             ? g_thread_pool_new (decode_job, NULL, (int) MIN (g_get_num_processors (), end - start),
                                  TRUE, NULL)
             : NULL;
      for (guint i = start; i < end; i++)
        if (pool == NULL)
          decode_job (g_ptr_array_index (jobs, i), NULL);
        else
          g_thread_pool_push (pool, g_ptr_array_index (jobs, i), NULL);
      /* Waits for every job to finish. */
      if (pool != NULL)
        g_thread_pool_free (pool, FALSE, TRUE);
    }
}

guint
our_board_render_get_n_decodes (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&picture_lock);

  return picture_n_decodes;
}

static gboolean
picture_entry_is_done (gpointer key,
                       gpointer value,
                       gpointer user_data)
{
  PictureEntry *entry = value;

  if (entry->decoding)
    return FALSE;
  picture_bytes -= entry->bytes;
  return TRUE;
}

static GMutex sprite_lock;
static GHashTable *sprite_cache;  /* look (a string) → cairo_surface_t */
static gsize sprite_bytes;

void
our_board_render_clear_cache (void)
{
  g_mutex_lock (&picture_lock);
  /* Pictures being decoded stay: their threads come back to them. */
  if (picture_cache != NULL)
    g_hash_table_foreach_remove (picture_cache, picture_entry_is_done, NULL);
  g_mutex_unlock (&picture_lock);
  g_mutex_lock (&sprite_lock);
  g_clear_pointer (&sprite_cache, g_hash_table_unref);
  sprite_bytes = 0;
  g_mutex_unlock (&sprite_lock);
}

/* "A picture goes here", while it is being decoded; crossed through when
 * it cannot be shown (a plan file from elsewhere with a damaged or foreign
 * picture in it). */
static void
draw_picture_still_to_come (cairo_t  *cr,
                            double    x,
                            double    y,
                            double    w,
                            double    h,
                            gboolean  failed)
{
  double s = MIN (w, h) * 0.4;
  double cx = x + w / 2, cy = y + h / 2;

  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgb (cr, 0.87, 0.87, 0.86);
  cairo_fill (cr);
  /* A hill and a sun: "a picture goes here". */
  cairo_move_to (cr, cx - s / 2, cy + s / 3);
  cairo_line_to (cr, cx - s / 8, cy - s / 6);
  cairo_line_to (cr, cx + s / 8, cy + s / 8);
  cairo_line_to (cr, cx + s / 4, cy);
  cairo_line_to (cr, cx + s / 2, cy + s / 3);
  cairo_close_path (cr);
  cairo_arc (cr, cx + s / 4, cy - s / 4, s / 9, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_fill (cr);
  if (failed)
    {
      cairo_move_to (cr, cx - s * 0.6, cy + s * 0.6);
      cairo_line_to (cr, cx + s * 0.6, cy - s * 0.6);
      cairo_set_line_width (cr, MAX (1.0, s / 14));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_stroke (cr);
    }
}

static void
draw_picture (cairo_t             *cr,
              OurPlan             *plan,
              OurBoardItem        *item,
              double               w,
              double               h,
              const OurBoardStyle *style)
{
  OurPicture *picture = NULL;
  double border = picture_border (w, h);
  double ix = border, iy = border, iw = w - 2 * border, ih = h - 2 * border;
  cairo_surface_t *surface = NULL;
  gboolean failed = FALSE;

  draw_shadow (cr, style, w, h, 2);
  cairo_rectangle (cr, 0, 0, w, h);
  set_source (cr, &style->card, 1.0);
  cairo_fill (cr);

  if (plan != NULL)
    picture = our_plan_get_picture (plan, our_board_item_get_picture_id (item));
  if (picture != NULL && iw > 0 && ih > 0)
    surface = lookup_picture (picture, NULL, our_board_render_picture_side (cr, picture, w, h),
                              TRUE, &failed);

  if (surface == NULL)
    {
      draw_picture_still_to_come (cr, ix, iy, iw, ih, failed);
      return;
    }

  {
    double sw = cairo_image_surface_get_width (surface);
    double sh = cairo_image_surface_get_height (surface);
    double scale = MAX (iw / sw, ih / sh);
    cairo_pattern_t *pattern;

    cairo_save (cr);
    cairo_rectangle (cr, ix, iy, iw, ih);
    cairo_clip (cr);
    cairo_translate (cr, ix + (iw - sw * scale) / 2, iy + (ih - sh * scale) / 2);
    cairo_scale (cr, scale, scale);
    cairo_set_source_surface (cr, surface, 0, 0);
    pattern = cairo_get_source (cr);
    /* The copy is within a factor of two of the size shown: bilinear is
     * as good as "good" here, and much faster. */
    cairo_pattern_set_filter (pattern, CAIRO_FILTER_BILINEAR);
    cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
    cairo_paint (cr);
    cairo_restore (cr);
    cairo_surface_destroy (surface);
  }
}

/* Notes: text laid out once per text and size */

typedef struct
{
  PangoLayout *layout;
  double       offset_y;
} NoteLayout;

static void
note_layout_free (gpointer data)
{
  NoteLayout *note = data;

  g_clear_object (&note->layout);
  g_free (note);
}

static PangoLayout *
new_note_layout (PangoContext *context,
                 const char   *text,
                 double        width,
                 double        font_px)
{
  PangoLayout *layout = pango_layout_new (context);
  const PangoFontDescription *base = pango_context_get_font_description (context);
  PangoFontDescription *desc = base ? pango_font_description_copy (base)
                                    : pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (desc, font_px * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static gboolean
layout_fits (PangoLayout *layout,
             double       width,
             double       height)
{
  PangoRectangle ink, logical;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  return logical.height <= height && logical.width <= width + 1;
}

/* The text a note box could ever show: the rest would be cut anyway, and a
 * 100,000-character text must not stall a frame. */
static char *
note_visible_text (const char *text,
                   double      width,
                   double      height)
{
  double capacity = (width * height) / (NOTE_MIN_FONT * NOTE_MIN_FONT * 0.3) + 16;
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  glong length = g_utf8_strlen (valid, -1);

  if (length <= capacity)
    return g_steal_pointer (&valid);
  return g_utf8_substring (valid, 0, (glong) capacity);
}

/* The layouts are kept with the Pango context they were made for, but made
 * on a copy of it: a layout holds its context, so layouts made on @context
 * itself and kept on it would keep it alive for ever. The copy is made
 * again when @context changes (fonts, resolution). */
typedef struct
{
  PangoContext *context;
  guint         serial;
  GHashTable   *layouts;   /* "width:height:text" → NoteLayout */
} NoteCache;

static void
note_cache_free (gpointer data)
{
  NoteCache *cache = data;

  g_clear_pointer (&cache->layouts, g_hash_table_unref);
  g_clear_object (&cache->context);
  g_free (cache);
}

static PangoContext *
copy_context (PangoContext *context)
{
  PangoContext *copy = pango_font_map_create_context (pango_context_get_font_map (context));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

  pango_context_set_font_description (copy, pango_context_get_font_description (context));
  pango_context_set_language (copy, pango_context_get_language (context));
  pango_context_set_base_dir (copy, pango_context_get_base_dir (context));
  pango_context_set_matrix (copy, pango_context_get_matrix (context));
  pango_context_set_round_glyph_positions (copy,
                                           pango_context_get_round_glyph_positions (context));
  pango_cairo_context_set_resolution (copy, pango_cairo_context_get_resolution (context));
  if (options != NULL)
    pango_cairo_context_set_font_options (copy, options);
  return copy;
}

static NoteCache *
get_note_cache (PangoContext *context)
{
  NoteCache *cache = g_object_get_data (G_OBJECT (context), "our-board-note-layouts");

  if (cache != NULL && cache->serial == pango_context_get_serial (context))
    return cache;

  cache = g_new0 (NoteCache, 1);
  cache->context = copy_context (context);
  cache->serial = pango_context_get_serial (context);
  cache->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, note_layout_free);
  g_object_set_data_full (G_OBJECT (context), "our-board-note-layouts", cache, note_cache_free);
  return cache;
}

static NoteLayout *
get_note_layout (PangoContext *context,
                 const char   *text,
                 double        width,
                 double        height)
{
  NoteCache *note_cache = get_note_cache (context);
  GHashTable *cache = note_cache->layouts;
  g_autofree char *key = NULL;
  g_autofree char *visible = NULL;
  NoteLayout *note;
  double low, high, best;
  PangoLayout *layout;
  PangoRectangle logical;

  /* Laid out on the cache's own copy of @context (see NoteCache). */
  context = note_cache->context;
  key = g_strdup_printf ("%.2f:%.2f:%s", width, height, text);
  note = g_hash_table_lookup (cache, key);
  if (note != NULL)
    return note;
  if (g_hash_table_size (cache) >= LAYOUT_CACHE_MAX)
    g_hash_table_remove_all (cache);

  visible = note_visible_text (text, width, height);
  high = CLAMP (MIN (width, height + 0.0) * 0.16, NOTE_MIN_FONT, NOTE_MAX_FONT);
  low = MIN (NOTE_MIN_FONT, high);
  best = low;

  /* The largest size at which the whole text fits, found by halving. */
  layout = new_note_layout (context, visible, width, high);
  if (layout_fits (layout, width, height))
    best = high;
  else
    {
      g_clear_object (&layout);
      for (int i = 0; i < 7 && high - low > 0.5; i++)
        {
          double mid = (low + high) / 2;
          g_autoptr(PangoLayout) probe = new_note_layout (context, visible, width, mid);

          if (layout_fits (probe, width, height))
            low = best = mid;
          else
            high = mid;
        }
      layout = new_note_layout (context, visible, width, best);
    }

  /* Still too long at the smallest size: cut with "…" at the bottom. */
  if (!layout_fits (layout, width, height))
    {
      pango_layout_set_height (layout, (int) (height * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  note = g_new0 (NoteLayout, 1);
  note->layout = layout;
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  note->offset_y = MAX (0, (height - logical.height) / 2);
  g_hash_table_insert (cache, g_steal_pointer (&key), note);
  return note;
}

static void
draw_note (cairo_t             *cr,
           PangoContext        *context,
           OurBoardItem        *item,
           double               w,
           double               h,
           const OurBoardStyle *style)
{
  OurRgba paper = our_note_colour_get_rgba (our_board_item_get_colour (item), style->dark);
  double fold = MIN (w, h) * 0.12;
  double pad = CLAMP (MIN (w, h) * 0.09, 4.0, 24.0);
  const char *text = our_board_item_get_text (item);

  draw_shadow (cr, style, w, h, 2);

  /* The paper with its bottom-right corner turned up. */
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, w, 0);
  cairo_line_to (cr, w, h - fold);
  cairo_line_to (cr, w - fold, h);
  cairo_line_to (cr, 0, h);
  cairo_close_path (cr);
  set_source (cr, &paper, 1.0);
  cairo_fill (cr);

  /* A faint band at the top, where a sticky note's glue is. */
  cairo_rectangle (cr, 0, 0, w, MIN (h * 0.1, 14));
  cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
  cairo_fill (cr);

  cairo_move_to (cr, w, h - fold);
  cairo_line_to (cr, w - fold, h - fold);
  cairo_line_to (cr, w - fold, h);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, paper.red * 0.82, paper.green * 0.82, paper.blue * 0.82, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.08);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  if (text != NULL && *text != '\0' && w - 2 * pad > 4 && h - 2 * pad > 4)
    {
      NoteLayout *note = get_note_layout (context, text, w - 2 * pad, h - 2 * pad);

      cairo_save (cr);
      cairo_rectangle (cr, pad / 2, pad / 2, w - pad, h - pad);
      cairo_clip (cr);
      cairo_move_to (cr, pad, pad + note->offset_y);
      set_source (cr, &style->text, 1.0);
      pango_cairo_show_layout (cr, note->layout);
      cairo_restore (cr);
    }
}

static void
draw_symbol (cairo_t             *cr,
             PangoContext        *context,
             OurBoardItem        *item,
             double               w,
             double               h,
             const OurBoardStyle *style)
{
  const char *key = our_board_item_get_symbol (item);
  const char *label = our_symbols_get_label (key);
  double radius = MIN (w, h) * 0.14;
  double label_h = 0;
  double size;
  g_autoptr(PangoLayout) layout = NULL;

  draw_shadow (cr, style, w, h, radius);
  rounded_rect (cr, 0, 0, w, h, radius);
  set_source (cr, &style->card, 1.0);
  cairo_fill (cr);

  /* The symbol's plain name under it, when there is room to read it. */
  if (label != NULL && h >= 72 && w >= 56)
    {
      const PangoFontDescription *base = pango_context_get_font_description (context);
      PangoFontDescription *desc = base ? pango_font_description_copy (base)
                                        : pango_font_description_from_string ("Sans");
      PangoRectangle logical;

      pango_font_description_set_absolute_size (desc,
                                                CLAMP (MIN (w, h) * 0.12, 9.0, 30.0) * PANGO_SCALE);
      pango_font_description_set_weight (desc, PANGO_WEIGHT_SEMIBOLD);
      layout = pango_layout_new (context);
      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
      pango_layout_set_text (layout, label, -1);
      pango_layout_set_width (layout, (int) ((w - 8) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      label_h = logical.height + h * 0.06;
      cairo_move_to (cr, 4, h - label_h);
      set_source (cr, &style->card_text, 1.0);
      pango_cairo_show_layout (cr, layout);
    }

  size = MIN (w, h - label_h) * 0.78;
  if (size <= 1)
    return;
  if (!our_symbols_render (cr, key, (w - size) / 2, (h - label_h - size) / 2 + h * 0.02, size))
    {
      /* An unknown symbol (from a newer Our Plan): a plain question mark. */
      cairo_arc (cr, w / 2, (h - label_h) / 2, size / 2.5, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.4);
      cairo_set_line_width (cr, MAX (1.0, size / 20));
      cairo_stroke (cr);
    }
}

void
our_board_render_item_box (cairo_t      *cr,
                           PangoContext *context,
                           OurPlan      *plan,
                           OurBoardItem *item,
                           double        width,
                           double        height,
                           gboolean      dark)
{
  const OurBoardStyle *style = our_board_style_get (dark);

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (OUR_IS_BOARD_ITEM (item));

  if (!(width > 0 && height > 0))
    return;

  cairo_save (cr);
  switch (our_board_item_get_kind (item))
    {
    case OUR_BOARD_ITEM_NOTE:
      draw_note (cr, context, item, width, height, style);
      break;
    case OUR_BOARD_ITEM_PICTURE:
      draw_picture (cr, plan, item, width, height, style);
      break;
    case OUR_BOARD_ITEM_SYMBOL:
    default:
      draw_symbol (cr, context, item, width, height, style);
      break;
    }
  cairo_restore (cr);
}

/* On the screen (image surfaces) each item is kept as a picture of itself,
 * turned and at the scale shown: a frame then copies pixels straight, the
 * fastest thing a processor does with them, rather than drawing every
 * shadow, text and symbol again. Paper (PDF) is always drawn afresh, as
 * vectors. */
#define SPRITE_CACHE_MAX_BYTES ((gsize) 96 * 1024 * 1024)
#define SPRITE_MARGIN 14.0

static char *
sprite_key (OurBoardItem *item,
            double        scale,
            gboolean      dark)
{
  double x, y, w, h;

  our_board_item_get_box (item, &x, &y, &w, &h);
  return g_strdup_printf ("%s|%d|%d|%s|%s|%.2f|%.2f|%.3f|%.4f|%d|%s",
                          our_board_item_get_id (item), our_board_item_get_kind (item),
                          our_board_item_get_colour (item),
                          our_board_item_get_picture_id (item), our_board_item_get_symbol (item),
                          w, h, our_board_item_get_rotation (item), scale, dark,
                          our_board_item_get_text (item));
}

static cairo_surface_t *
make_sprite (PangoContext *context,
             OurPlan      *plan,
             OurBoardItem *item,
             double        scale,
             gboolean      dark)
{
  double x, y, w, h, angle, c, s, rw, rh;
  int sw, sh;
  cairo_surface_t *sprite;
  cairo_t *cr;

  our_board_item_get_box (item, &x, &y, &w, &h);
  angle = our_board_item_get_rotation (item) * G_PI / 180.0;
  c = fabs (cos (angle));
  s = fabs (sin (angle));
  rw = (w + 2 * SPRITE_MARGIN) * c + (h + 2 * SPRITE_MARGIN) * s;
  rh = (w + 2 * SPRITE_MARGIN) * s + (h + 2 * SPRITE_MARGIN) * c;
  /* Even sizes keep the centre on a pixel corner. */
  sw = 2 * (int) ceil (rw * scale / 2);
  sh = 2 * (int) ceil (rh * scale / 2);

  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (sw, 1), MAX (sh, 1));
  cr = cairo_create (sprite);
  cairo_translate (cr, sw / 2.0, sh / 2.0);
  cairo_scale (cr, scale, scale);
  cairo_rotate (cr, angle);
  cairo_translate (cr, -w / 2, -h / 2);
  our_board_render_item_box (cr, context, plan, item, w, h, dark);
  cairo_destroy (cr);
  return sprite;
}

/* Draws @item from its kept picture when @cr only scales and moves (as the
 * whole-board drawing does); FALSE when it has to be drawn the usual way. */
static gboolean
render_item_from_sprite (cairo_t      *cr,
                         PangoContext *context,
                         OurPlan      *plan,
                         OurBoardItem *item,
                         gboolean      dark)
{
  cairo_matrix_t m;
  double device_sx = 1, device_sy = 1, scale, x, y, w, h, cx, cy;
  g_autofree char *key = NULL;
  cairo_surface_t *sprite;
  int sw, sh;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (cairo_get_target (cr), &device_sx, &device_sy);
  if (m.xy != 0 || m.yx != 0 || m.xx <= 0 || fabs (m.xx - m.yy) > 1e-9 ||
      device_sx != device_sy)
    return FALSE;
  scale = m.xx * device_sx;
  our_board_item_get_box (item, &x, &y, &w, &h);
  if (scale < 0.01 || (w + h) * scale > 3000)
    return FALSE;

  key = sprite_key (item, scale, dark);
  g_mutex_lock (&sprite_lock);
  if (sprite_cache == NULL)
    sprite_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) cairo_surface_destroy);
  sprite = g_hash_table_lookup (sprite_cache, key);
  if (sprite != NULL)
    cairo_surface_reference (sprite);
  g_mutex_unlock (&sprite_lock);

  if (sprite == NULL)
    {
      sprite = make_sprite (context, plan, item, scale, dark);
      g_mutex_lock (&sprite_lock);
      if (sprite_bytes > SPRITE_CACHE_MAX_BYTES)
        {
          g_hash_table_remove_all (sprite_cache);
          sprite_bytes = 0;
        }
      g_hash_table_replace (sprite_cache, g_steal_pointer (&key), cairo_surface_reference (sprite));
      sprite_bytes += (gsize) cairo_image_surface_get_stride (sprite) *
                      cairo_image_surface_get_height (sprite);
      g_mutex_unlock (&sprite_lock);
    }

  /* The centre in device pixels, to the nearest pixel: the copy is then
   * a plain one, without any resampling. */
  cx = (m.xx * (x + w / 2) + m.x0) * device_sx;
  cy = (m.yy * (y + h / 2) + m.y0) * device_sy;
  sw = cairo_image_surface_get_width (sprite);
  sh = cairo_image_surface_get_height (sprite);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_scale (cr, 1 / device_sx, 1 / device_sy);
  cairo_set_source_surface (cr, sprite, round (cx) - sw / 2, round (cy) - sh / 2);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (sprite);
  return TRUE;
}

static void
render_item_at_place (cairo_t      *cr,
                      PangoContext *context,
                      OurPlan      *plan,
                      OurBoardItem *item,
                      gboolean      dark,
                      gboolean      use_sprite)
{
  double x, y, w, h;

  if (use_sprite && render_item_from_sprite (cr, context, plan, item, dark))
    return;

  our_board_item_get_box (item, &x, &y, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, x + w / 2, y + h / 2);
  cairo_rotate (cr, our_board_item_get_rotation (item) * G_PI / 180.0);
  cairo_translate (cr, -w / 2, -h / 2);
  our_board_render_item_box (cr, context, plan, item, w, h, dark);
  cairo_restore (cr);
}

void
our_board_render_item (cairo_t      *cr,
                       PangoContext *context,
                       OurPlan      *plan,
                       OurBoardItem *item,
                       gboolean      dark)
{
  g_return_if_fail (OUR_IS_BOARD_ITEM (item));

  render_item_at_place (cr, context, plan, item, dark, FALSE);
}

void
our_board_render_zone (cairo_t      *cr,
                       PangoContext *context,
                       OurBoardZone *zone,
                       guint         index,
                       gboolean      dark)
{
  const OurBoardStyle *style = our_board_style_get (dark);
  OurRgba tint = our_board_zone_get_tint (index, dark);
  const char *name = our_board_zone_get_name (zone);
  double x, y, w, h;
  double dash[] = { 8, 6 };

  g_return_if_fail (OUR_IS_BOARD_ZONE (zone));

  our_board_zone_get_box (zone, &x, &y, &w, &h);
  cairo_save (cr);
  rounded_rect (cr, x, y, w, h, MIN (24.0, MIN (w, h) / 4));
  set_source (cr, &tint, dark ? 0.16 : 0.10);
  cairo_fill_preserve (cr);
  set_source (cr, &tint, dark ? 0.55 : 0.45);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);

  if (name != NULL && *name != '\0' && w > 40 && h > 30)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      const PangoFontDescription *base = pango_context_get_font_description (context);
      PangoFontDescription *desc = base ? pango_font_description_copy (base)
                                        : pango_font_description_from_string ("Sans");

      pango_font_description_set_absolute_size (desc, CLAMP (MIN (w, h) * 0.07, 14.0, 26.0) *
                                                      PANGO_SCALE);
      pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
      pango_layout_set_text (layout, name, -1);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_width (layout, (int) ((w - 32) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      cairo_move_to (cr, x + 16, y + 12);
      set_source (cr, &style->zone_text, 1.0);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

void
our_board_render_zones (cairo_t      *cr,
                        PangoContext *context,
                        OurPlan      *plan,
                        gboolean      dark)
{
  GListModel *zones;

  g_return_if_fail (OUR_IS_PLAN (plan));

  zones = our_plan_get_board_zones (plan);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(OurBoardZone) zone = g_list_model_get_item (zones, i);
      our_board_render_zone (cr, context, zone, i, dark);
    }
}

void
our_board_item_get_bounds (OurBoardItem *item,
                           double       *x,
                           double       *y,
                           double       *w,
                           double       *h)
{
  double bx, by, bw, bh, angle, c, s, rw, rh;

  g_return_if_fail (OUR_IS_BOARD_ITEM (item));

  our_board_item_get_box (item, &bx, &by, &bw, &bh);
  angle = our_board_item_get_rotation (item) * G_PI / 180.0;
  c = fabs (cos (angle));
  s = fabs (sin (angle));
  rw = bw * c + bh * s;
  rh = bw * s + bh * c;
  *x = bx + bw / 2 - rw / 2;
  *y = by + bh / 2 - rh / 2;
  *w = rw;
  *h = rh;
}

gboolean
our_board_get_extents (OurPlan *plan,
                       double  *x,
                       double  *y,
                       double  *w,
                       double  *h)
{
  GListModel *items, *zones;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  gboolean any = FALSE;

  g_return_val_if_fail (OUR_IS_PLAN (plan), FALSE);

  items = our_plan_get_board_items (plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
      double bx, by, bw, bh;

      our_board_item_get_bounds (item, &bx, &by, &bw, &bh);
      x0 = MIN (x0, bx);
      y0 = MIN (y0, by);
      x1 = MAX (x1, bx + bw);
      y1 = MAX (y1, by + bh);
      any = TRUE;
    }
  zones = our_plan_get_board_zones (plan);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(OurBoardZone) zone = g_list_model_get_item (zones, i);
      double bx, by, bw, bh;

      our_board_zone_get_box (zone, &bx, &by, &bw, &bh);
      x0 = MIN (x0, bx);
      y0 = MIN (y0, by);
      x1 = MAX (x1, bx + bw);
      y1 = MAX (y1, by + bh);
      any = TRUE;
    }

  if (x)
    *x = any ? x0 : 0;
  if (y)
    *y = any ? y0 : 0;
  if (w)
    *w = any ? x1 - x0 : 0;
  if (h)
    *h = any ? y1 - y0 : 0;
  return any;
}

void
our_board_render (cairo_t      *cr,
                  PangoContext *context,
                  OurPlan      *plan,
                  double        width,
                  double        height,
                  gboolean      dark)
{
  GListModel *items;
  double x, y, w, h, scale;
  /* Room for the shadows at the edges. */
  const double margin = 12;
  gboolean use_sprites;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (OUR_IS_PLAN (plan));

  if (!(width > 0 && height > 0) || !our_board_get_extents (plan, &x, &y, &w, &h))
    return;

  x -= margin;
  y -= margin;
  w += 2 * margin;
  h += 2 * margin;
  scale = MIN (width / w, height / h);
  use_sprites = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_translate (cr, (width - w * scale) / 2, (height - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -x, -y);

  decode_pictures_in_parallel (cr, plan);
  our_board_render_zones (cr, context, plan, dark);
  items = our_plan_get_board_items (plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
      render_item_at_place (cr, context, plan, item, dark, use_sprites);
    }
  cairo_restore (cr);
}
