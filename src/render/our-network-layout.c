/* our-network-layout.c: where each member of the network diagram goes, with labels that never overlap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each member takes a "footprint": its icon (with room for a focus ring) and
 * its label under it. Footprints must never overlap, nor leave the box.
 *
 * The layout tries a list of levels, from roomy to crowded, and keeps the
 * first that works:
 *  1. every ring on one circle, members at their own angle, neighbours pushed
 *     apart just enough (an order-keeping least-squares fit on the circle);
 *  2. the same with smaller text, then with shortened names ("…");
 *  3. as a last resort, crowded rings use several circles inside their band:
 *     free spots are packed greedily, then members take the spots in the
 *     order of their angles.
 * Every result is checked with a spatial grid before it is accepted.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "our-network-layout-private.h"

/* Longest part of a name that is measured: far more than any label shows. */
#define MEASURE_MAX_CHARS 80
/* Free space kept between footprints, and around the box. */
#define EDGE 4.0
/* Measurement slack: text is drawn into its box with ellipsizing anyway, so
 * this only keeps a "…" from appearing where the whole name would fit. */
#define WIDTH_SLACK 1.03

#define DEG(rad) ((rad) * 180.0 / G_PI)
#define RAD(deg) ((deg) * G_PI / 180.0)

typedef struct
{
  double font;          /* times the box's base font size */
  double icon;          /* times the box's base icon size */
  double cap_em;        /* widest label, in ems of the label font */
  gboolean stagger;     /* crowded rings may use several circles */
} LevelSpec;

/* Whole names first (up to 18 ems: "Walking by the reservoir" fits), then
 * shrink the text, then shorten names, then stagger, then go tiny. */
static const LevelSpec level_specs[] = {
  { 1.00, 1.00, 18.0, FALSE },
  { 1.00, 1.00, 13.0, FALSE },
  { 1.00, 1.00, 10.0, FALSE },
  { 0.90, 0.90, 10.0, FALSE },
  { 0.80, 0.82, 9.0, FALSE },
  { 0.70, 0.76, 8.0, FALSE },
  { 0.60, 0.70, 8.0, FALSE },
  { 0.60, 0.70, 6.0, FALSE },
  { 0.60, 0.70, 4.5, FALSE },
  { 0.60, 0.70, 6.0, TRUE },
  { 0.60, 0.70, 4.5, TRUE },
  { 0.60, 0.62, 3.2, TRUE },
  { 0.55, 0.52, 2.2, TRUE },
  { 0.50, 0.44, 1.6, TRUE },
  { 0.45, 0.36, 1.3, TRUE },
};

typedef struct
{
  guint16 byte;         /* a place the name may be cut (a grapheme boundary) */
  float   width;        /* width of the text before it, at the base size */
} Cut;

typedef struct
{
  char   *name;         /* the name given, to know it again */
  char   *text;         /* the name as measured: valid UTF-8, one line */
  double  natural;      /* its width at OUR_NETWORK_FONT_SIZE */
  gboolean cut_short;   /* the name is longer than what was measured */
  Cut    *cuts;
  guint   n_cuts;
} Measure;

typedef struct
{
  double x0, y0, x1, y1;
} Rect;

/* What a layout remembers of each member for the next one made like it. */
typedef struct
{
  gconstpointer key;
  int           ring;
  double        pref;
} Kept;

typedef struct
{
  int     ring;
  double  pref;         /* the angle asked for */
  double  angle;        /* the angle given */
  double  radius;
  double  nudge;        /* radial move away from a neighbouring ring */
  double  x, y;
  double  label_width;
  Rect    rect;
} Work;

typedef struct
{
  /* The box and its rings. */
  double width, height, cx, cy;
  double max_radius;    /* furthest an icon centre may be from the centre */
  double edges[OUR_N_RINGS + 1];
  double base_font;     /* label font size at level 0, pixels */
  double base_icon;
  double line_height;   /* of one label line at OUR_NETWORK_FONT_SIZE */
  double ellipsis_width;

  /* The current level. */
  double font, icon, cap, halo, gap, pad, label_height, foot_height;

  guint    n;
  Work    *work;
  Measure *measures;
  guint   *ring_members[OUR_N_RINGS];  /* indices sorted by angle */
  guint    ring_count[OUR_N_RINGS];
  double  *boost[OUR_N_RINGS];         /* per gap: widened after a clash */
  guint   *pos_in_ring;

  /* For a layout made like another: the place each member kept there, or
   * -1 (NULL when laid out afresh). */
  gint    *kept_from;

  /* Scratch for the circle solver. */
  double  *pref, *gaps, *theta, *scratch;
} State;

/* ---------------------------------------------------------------- text */

PangoFontDescription *
our_network_font_new (PangoContext *context,
                      double        pixels,
                      gboolean      bold)
{
  const PangoFontDescription *base = context ? pango_context_get_font_description (context) : NULL;
  PangoFontDescription *desc = base ? pango_font_description_copy (base)
                                    : pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (desc, MAX (pixels, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return desc;
}

/* A copy of @name fit to measure: valid UTF-8, control characters (new
 * lines, tabs) turned into spaces, at most MEASURE_MAX_CHARS characters. */
static char *
clean_name (const char *name,
            gboolean   *cut_short)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  GString *out = g_string_new (NULL);
  guint chars = 0;

  *cut_short = FALSE;
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (chars == MEASURE_MAX_CHARS)
        {
          *cut_short = TRUE;
          break;
        }
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      chars++;
    }
  return g_string_free (out, FALSE);
}

/* Measures one name once: its width, and the width before every place it
 * could be cut, from the glyphs pango shaped (so the cuts fall between
 * graphemes, and right-to-left or emoji names stay whole characters). */
static void
measure_name (PangoLayout *layout,
              const char  *name,
              Measure     *m,
              double      *line_height)
{
  g_autofree float *byte_width = NULL;
  const PangoLogAttr *attrs;
  PangoLayoutIter *iter;
  PangoRectangle logical;
  gsize len;
  int n_attrs;
  guint i;
  double sum;
  const char *p;

  m->text = clean_name (name, &m->cut_short);
  len = strlen (m->text);
  pango_layout_set_text (layout, m->text, (int) len);
  pango_layout_get_extents (layout, NULL, &logical);
  m->natural = logical.width / (double) PANGO_SCALE;
  *line_height = MAX (*line_height, logical.height / (double) PANGO_SCALE);

  byte_width = g_new0 (float, len + 1);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int g = 0; g < run->glyphs->num_glyphs; g++)
        {
          gsize b = run->item->offset + run->glyphs->log_clusters[g];

          if (b < len)
            byte_width[b] += run->glyphs->glyphs[g].geometry.width / (float) PANGO_SCALE;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  m->cuts = g_new (Cut, n_attrs + 1);
  m->n_cuts = 0;
  sum = 0;
  for (p = m->text, i = 0; ; p = g_utf8_next_char (p), i++)
    {
      if (i > 0 && (int) i < n_attrs && attrs[i].is_cursor_position && p - m->text <= G_MAXUINT16)
        {
          m->cuts[m->n_cuts].byte = (guint16) (p - m->text);
          m->cuts[m->n_cuts].width = (float) sum;
          m->n_cuts++;
        }
      if (*p == '\0')
        break;
      for (const char *q = p; q < g_utf8_next_char (p); q++)
        sum += byte_width[q - m->text];
    }
}

/* A layout for measuring names at @pixels, in @context or a plain one. */
static PangoLayout *
new_measure_layout (PangoContext *context,
                    double        pixels)
{
  g_autoptr(GObject) own_context = NULL;
  PangoFontDescription *desc;
  PangoLayout *layout;

  if (context == NULL)
    {
      /* Without a context, measure with a plain one (tests, headless export). */
      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      own_context = G_OBJECT (context);
    }
  layout = pango_layout_new (context);
  desc = our_network_font_new (context, pixels, FALSE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static void
copy_measure (Measure       *to,
              const Measure *from)
{
  *to = *from;
  to->name = g_strdup (from->name);
  to->text = g_strdup (from->text);
  to->cuts = g_memdup2 (from->cuts, sizeof (Cut) * MAX (from->n_cuts, 1));
}

/* Measures every name, or copies what @previous measured in the same
 * context: shaping hundreds of names is most of a layout's time. */
static void
measure_all (State                         *s,
             PangoContext                  *context,
             const OurNetworkItem          *items,
             const OurNetworkLayoutPrivate *previous)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GHashTable) known = NULL;
  PangoRectangle logical;

  if (previous != NULL && previous->measures != NULL && context != NULL &&
      previous->measure_context == context &&
      previous->measure_serial == pango_context_get_serial (context))
    {
      const Measure *old = previous->measures;

      known = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < previous->pub.n_places; i++)
        g_hash_table_insert (known, old[i].name, (gpointer) &old[i]);
      s->ellipsis_width = previous->ellipsis_width;
      s->line_height = previous->line_height;
    }
  else
    {
      layout = new_measure_layout (context, OUR_NETWORK_FONT_SIZE);
      pango_layout_set_text (layout, "…", -1);
      pango_layout_get_extents (layout, NULL, &logical);
      s->ellipsis_width = logical.width / (double) PANGO_SCALE;
      s->line_height = logical.height / (double) PANGO_SCALE;
    }

  s->measures = g_new0 (Measure, MAX (s->n, 1));
  for (guint i = 0; i < s->n; i++)
    {
      const char *name = items[i].name ? items[i].name : "";
      const Measure *old = known ? g_hash_table_lookup (known, name) : NULL;

      if (old != NULL)
        {
          copy_measure (&s->measures[i], old);
          continue;
        }
      if (layout == NULL)
        layout = new_measure_layout (context, OUR_NETWORK_FONT_SIZE);
      measure_name (layout, name, &s->measures[i], &s->line_height);
      s->measures[i].name = g_strdup (name);
    }
}

/* The label's width at the current level: whole, or cut to the cap. */
static double
label_width_at_level (State   *s,
                      guint    i)
{
  const Measure *m = &s->measures[i];
  double scale = s->font / OUR_NETWORK_FONT_SIZE;
  double whole;

  if (m->text[0] == '\0')
    return 0;
  /* Hinting may round each letter up at small sizes: keep room for that. */
  whole = ceil (m->natural * scale * WIDTH_SLACK + 1 + 0.3 * MIN (m->n_cuts, 40u));
  if (whole <= s->cap && !m->cut_short)
    return whole;
  return s->cap;
}

static double
measure_text (PangoLayout *layout,
              const char  *text,
              gsize        length,
              gboolean     ellipsis)
{
  g_autofree char *shown = ellipsis ? g_strdup_printf ("%.*s…", (int) length, text)
                                    : g_strndup (text, length);
  PangoRectangle logical;

  pango_layout_set_text (layout, shown, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

/* The text shown for a member once the level is chosen: measured again at
 * the size it is drawn (some fonts, colour emoji among them, do not scale
 * in proportion), and cut further until it fits its box. */
static char *
final_label (State       *s,
             PangoLayout *layout,
             guint        i,
             double       box,
             double      *width)
{
  const Measure *m = &s->measures[i];
  double scale = s->font / OUR_NETWORK_FONT_SIZE;
  double room = (box - 1) / scale / WIDTH_SLACK;
  double w;
  int best = -1;

  *width = 0;
  if (m->text[0] == '\0' || box <= 0)
    return g_strdup ("");

  /* Measure the whole name only when the estimate says it may fit. */
  if (!m->cut_short && m->natural * scale <= box * 1.15)
    {
      w = ceil (measure_text (layout, m->text, strlen (m->text), FALSE) + 1);
      if (w <= box)
        {
          *width = w;
          return g_strdup (m->text);
        }
    }

  for (guint c = 0; c < m->n_cuts; c++)
    if (m->cuts[c].width + s->ellipsis_width <= room)
      best = (int) c;

  for (; best >= 0; best--)
    {
      const char *end = m->text + m->cuts[best].byte;

      /* No space before the "…". */
      while (end > m->text)
        {
          const char *prev = g_utf8_find_prev_char (m->text, end);

          if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
            break;
          end = prev;
        }
      if (end == m->text)
        continue;
      w = ceil (measure_text (layout, m->text, end - m->text, TRUE) + 1);
      if (w <= box)
        {
          *width = w;
          return g_strdup_printf ("%.*s…", (int) (end - m->text), m->text);
        }
    }

  /* Not even one letter and "…": the first letter alone, if it fits. */
  if (m->n_cuts > 0)
    {
      w = ceil (measure_text (layout, m->text, m->cuts[0].byte, FALSE) + 1);
      if (w <= box)
        {
          *width = w;
          return g_strndup (m->text, m->cuts[0].byte);
        }
    }
  return g_strdup ("");
}

/* ------------------------------------------------------------ geometry */

static double
forward (double from,
         double to)
{
  double d = fmod (to - from, 360.0);

  return d < 0 ? d + 360.0 : d;
}

static double
normalize_angle (double angle)
{
  if (!isfinite (angle))
    return 0;
  angle = fmod (angle, 360.0);
  if (angle < 0)
    angle += 360.0;
  return angle >= 360.0 ? 0 : angle;
}

static void
compute_rings (State                  *s,
               double                 *centre_radius,
               const OurNetworkLayout *previous)
{
  double small = MIN (s->width, s->height);
  double icon, below, side, vert, inner, outer, span, min_band, t, c, total, sum;
  double equal[OUR_N_RINGS], area[OUR_N_RINGS], widths[OUR_N_RINGS];
  double edge2;

  s->cx = s->width / 2;
  s->cy = s->height / 2;
  s->base_font = CLAMP (small / 66.0, 10.0, 15.0);
  s->base_icon = round (s->base_font * 3.0);
  icon = s->base_icon;

  /* An icon on the outer circle keeps its name inside the box: below it at
   * the bottom; at the sides a long name may slide inwards a little. */
  below = icon / 2 + 0.2 * s->base_font + s->line_height * s->base_font / OUR_NETWORK_FONT_SIZE;
  side = s->width / 2 - (icon / 2 + OUR_NETWORK_ICON_HALO + 2 * s->base_font) - EDGE;
  vert = s->height / 2 - below - EDGE;
  s->max_radius = MAX (MIN (side, vert), 1.0);

  *centre_radius = CLAMP (s->max_radius * 0.13, MIN (icon * 0.7, s->max_radius * 0.3),
                          MAX (icon * 1.6, 1.0));
  inner = *centre_radius + MAX (s->max_radius * 0.05, 6.0);
  outer = MAX (s->max_radius + icon / 2 + OUR_NETWORK_ICON_HALO + 2, inner + 3);
  span = outer - inner;

  /* Few members: bands of equal width. Many: each band's area grows with
   * the number of members in it, so that a crowded ring gets room. */
  t = CLAMP ((s->n - 24.0) / 120.0, 0.0, 1.0);
  c = MAX (1.0, s->n * 0.05);
  edge2 = inner * inner;
  for (guint r = 0; r < OUR_N_RINGS; r++)
    {
      double frac = (s->ring_count[r] + c) / (s->n + OUR_N_RINGS * c);
      double next2 = edge2 + frac * (outer * outer - inner * inner);

      area[r] = sqrt (next2) - sqrt (edge2);
      equal[r] = span / OUR_N_RINGS;
      edge2 = next2;
    }

  min_band = span * 0.18;
  total = 0;
  for (guint r = 0; r < OUR_N_RINGS; r++)
    {
      widths[r] = MAX ((1 - t) * equal[r] + t * area[r], min_band);
      total += widths[r];
    }
  sum = inner;
  s->edges[0] = inner;
  for (guint r = 0; r < OUR_N_RINGS; r++)
    {
      double w = min_band + (widths[r] - min_band) * (span - OUR_N_RINGS * min_band)
                 / MAX (total - OUR_N_RINGS * min_band, 1e-9);

      sum += w;
      s->edges[r + 1] = sum;
    }
  s->edges[OUR_N_RINGS] = outer;

  /* A member or two more or fewer in a ring: keep the rings as they were,
   * so that the others stay where they are. */
  if (previous != NULL && previous->width == s->width && previous->height == s->height &&
      fabs (previous->ring_inner[0] - inner) < 1e-6 &&
      fabs (previous->ring_outer[OUR_N_RINGS - 1] - outer) < 1e-6)
    {
      gboolean near = TRUE;

      for (guint r = 1; r < OUR_N_RINGS; r++)
        near &= fabs (previous->ring_inner[r] - s->edges[r]) <= 0.06 * span;
      if (near)
        for (guint r = 1; r < OUR_N_RINGS; r++)
          s->edges[r] = previous->ring_inner[r];
    }
}

static void
set_level (State           *s,
           const LevelSpec *spec)
{
  s->font = s->base_font * spec->font;
  s->icon = MAX (round (s->base_icon * spec->icon), 6.0);
  s->cap = ceil (spec->cap_em * s->font);
  s->halo = spec->icon >= 0.6 ? OUR_NETWORK_ICON_HALO : 1.5;
  s->gap = MAX (1.0, round (0.2 * s->font));
  s->pad = MAX (2.0, round (0.3 * s->font));
  s->label_height = ceil (s->line_height * s->font / OUR_NETWORK_FONT_SIZE);
  s->foot_height = s->halo + s->icon + s->gap + s->label_height;
}

static double
foot_width (const State *s,
            double       label_width)
{
  return MAX (s->icon + 2 * s->halo, label_width);
}

/* The icon and its label, with the label slid inside the box if needed. */
static void
footprint (const State *s,
           double       x,
           double       y,
           double       label_width,
           Rect        *r,
           double      *label_x)
{
  double half = s->icon / 2 + s->halo;
  double lx = x - label_width / 2;

  if (label_width > 0)
    {
      lx = CLAMP (lx, EDGE, MAX (EDGE, s->width - EDGE - label_width));
      r->x0 = MIN (x - half, lx);
      r->x1 = MAX (x + half, lx + label_width);
      r->y1 = y + s->icon / 2 + s->gap + s->label_height;
    }
  else
    {
      r->x0 = x - half;
      r->x1 = x + half;
      r->y1 = y + half;
    }
  r->y0 = y - half;
  if (label_x)
    *label_x = lx;
}

static gboolean
rects_touch (const Rect *a,
             const Rect *b)
{
  /* At least one pixel of air between two footprints. */
  return a->x0 < b->x1 + 1 && b->x0 < a->x1 + 1 && a->y0 < b->y1 + 1 && b->y0 < a->y1 + 1;
}

static gboolean
rect_inside (const State *s,
             const Rect  *r)
{
  return r->x0 >= 0 && r->y0 >= 0 && r->x1 <= s->width && r->y1 <= s->height;
}

/* The angle (degrees) two footprints of widths @wa and @wb need between
 * them on a circle of @radius around @mid: the chord between them runs
 * along the tangent at the middle angle, and they are apart when it clears
 * either their widths or their height. */
static double
gap_between (const State *s,
             double       radius,
             double       wa,
             double       wb,
             double       mid)
{
  double phi = RAD (mid);
  double need_w = (wa + wb) / 2 + s->pad;
  double need_h = s->foot_height + s->pad;
  double c = fabs (cos (phi)), sn = fabs (sin (phi));
  double d = G_MAXDOUBLE;

  if (c > 1e-6)
    d = need_w / c;
  if (sn > 1e-6)
    d = MIN (d, need_h / sn);
  if (radius <= 0 || d >= 2 * radius)
    return 360.0;
  return DEG (2 * asin (d / (2 * radius)));
}

static void
place_work (State *s,
            Work  *w)
{
  w->x = s->cx + w->radius * sin (RAD (w->angle));
  w->y = s->cy - w->radius * cos (RAD (w->angle));
  footprint (s, w->x, w->y, w->label_width, &w->rect, NULL);
}

/* ----------------------------------------------- pushing apart on a circle */

/* Angles for @n points that keep their order around the circle, keep at
 * least gap[k] between point k and the next (the last one's gap wraps to
 * the first), and stay as near as they can to @pref (sorted, [0, 360)) in
 * the least-squares sense: the pool-adjacent-violators algorithm on the
 * circle cut open where there is most room. FALSE when they cannot fit. */
static gboolean
solve_circle (guint         n,
              const double *pref,
              const double *gap,
              double       *theta,
              double       *scratch)
{
  double *q = scratch, *offset = scratch + n, *block_sum = scratch + 2 * n;
  guint *block_len = (guint *) (scratch + 3 * n);
  guint n_blocks = 0, start = 0, k;
  double total = 0, best = -G_MAXDOUBLE, acc, last_gap;

  for (k = 0; k < n; k++)
    total += gap[k];
  if (total > 359.5)
    return FALSE;
  if (n == 1)
    {
      theta[0] = pref[0];
      return TRUE;
    }

  for (k = 0; k < n; k++)
    {
      double room = forward (pref[k], pref[(k + 1) % n]) - gap[k];

      if (k == n - 1 && pref[0] == pref[n - 1])
        room = 360.0 - gap[k];
      if (room > best)
        {
          best = room;
          start = (k + 1) % n;
        }
    }

  acc = 0;
  for (k = 0; k < n; k++)
    {
      guint idx = (start + k) % n;
      double p = pref[idx] + (idx < start ? 360.0 : 0.0);

      offset[k] = acc;
      q[k] = p - acc;
      acc += gap[idx];

      block_sum[n_blocks] = q[k];
      block_len[n_blocks] = 1;
      n_blocks++;
      while (n_blocks > 1 && block_sum[n_blocks - 2] / block_len[n_blocks - 2]
                               > block_sum[n_blocks - 1] / block_len[n_blocks - 1])
        {
          block_sum[n_blocks - 2] += block_sum[n_blocks - 1];
          block_len[n_blocks - 2] += block_len[n_blocks - 1];
          n_blocks--;
        }
    }

  k = 0;
  for (guint b = 0; b < n_blocks; b++)
    {
      double mean = block_sum[b] / block_len[b];

      for (guint j = 0; j < block_len[b]; j++, k++)
        q[k] = mean + offset[k];
    }

  last_gap = gap[(start + n - 1) % n];
  if (q[n - 1] + last_gap > q[0] + 360.0 + 1e-9)
    {
      /* The chain goes all the way round: share the spare room evenly. */
      double scale = 360.0 / total, mean = 0;

      for (k = 0; k < n; k++)
        {
          guint idx = (start + k) % n;

          mean += pref[idx] + (idx < start ? 360.0 : 0.0) - offset[k] * scale;
        }
      mean /= n;
      for (k = 0; k < n; k++)
        q[k] = mean + offset[k] * scale;
    }

  for (k = 0; k < n; k++)
    theta[(start + k) % n] = normalize_angle (q[k]);
  return TRUE;
}

/* ------------------------------------------------------- one circle per ring */

static double
ring_middle (const State *s,
             int          ring)
{
  return (s->edges[ring] + s->edges[ring + 1]) / 2;
}

static gboolean
spread_ring (State *s,
             int    ring)
{
  guint n = s->ring_count[ring];
  guint *idx = s->ring_members[ring];
  double radius = ring_middle (s, ring);
  double *boost = s->boost[ring];

  if (n == 0)
    return TRUE;

  for (guint k = 0; k < n; k++)
    s->pref[k] = s->work[idx[k]].pref;

  for (guint k = 0; k < n; k++)
    {
      const Work *a = &s->work[idx[k]], *b = &s->work[idx[(k + 1) % n]];
      double mid = a->pref + forward (a->pref, b->pref) / 2;

      s->gaps[k] = n == 1 ? 0 : gap_between (s, radius, foot_width (s, a->label_width),
                                             foot_width (s, b->label_width), mid) * boost[k];
    }
  if (!solve_circle (n, s->pref, s->gaps, s->theta, s->scratch))
    return FALSE;

  /* The room needed depends on where the pair ends up: look again there. */
  for (guint round = 0; round < 3 && n > 1; round++)
    {
      gboolean changed = FALSE;

      for (guint k = 0; k < n; k++)
        {
          const Work *a = &s->work[idx[k]], *b = &s->work[idx[(k + 1) % n]];
          double mid = s->theta[k] + forward (s->theta[k], s->theta[(k + 1) % n]) / 2;
          double g = gap_between (s, radius, foot_width (s, a->label_width),
                                  foot_width (s, b->label_width), mid) * boost[k];

          if (g > s->gaps[k] + 1e-9)
            {
              s->gaps[k] = g;
              changed = TRUE;
            }
        }
      if (!changed)
        break;
      if (!solve_circle (n, s->pref, s->gaps, s->theta, s->scratch))
        return FALSE;
    }

  for (guint k = 0; k < n; k++)
    {
      Work *w = &s->work[idx[k]];

      w->angle = s->theta[k];
      w->radius = radius + w->nudge;
      place_work (s, w);
    }
  return TRUE;
}

/* ------------------------------------------------------------ spatial grid */

typedef struct
{
  double  cell;
  int     cols, rows;
  int    *head;
  GArray *rects;        /* Rect */
  GArray *next;         /* int */
  GArray *owner;        /* guint: the member, for reports */
} Grid;

static void
grid_init (Grid        *g,
           const State *s,
           double       cell)
{
  g->cell = MAX (cell, 1.0);
  g->cols = (int) (s->width / g->cell) + 3;
  g->rows = (int) (s->height / g->cell) + 3;
  g->head = g_new (int, (gsize) g->cols * g->rows);
  memset (g->head, 0xff, sizeof (int) * (gsize) g->cols * g->rows);
  g->rects = g_array_new (FALSE, FALSE, sizeof (Rect));
  g->next = g_array_new (FALSE, FALSE, sizeof (int));
  g->owner = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
grid_clear (Grid *g)
{
  memset (g->head, 0xff, sizeof (int) * (gsize) g->cols * g->rows);
  g_array_set_size (g->rects, 0);
  g_array_set_size (g->next, 0);
  g_array_set_size (g->owner, 0);
}

static void
grid_destroy (Grid *g)
{
  g_free (g->head);
  g_array_unref (g->rects);
  g_array_unref (g->next);
  g_array_unref (g->owner);
}

static void
grid_cell (const Grid *g,
           const Rect *r,
           int        *cx,
           int        *cy)
{
  *cx = CLAMP ((int) floor (r->x0 / g->cell) + 1, 0, g->cols - 1);
  *cy = CLAMP ((int) floor (r->y0 / g->cell) + 1, 0, g->rows - 1);
}

static void
grid_insert (Grid       *g,
             const Rect *r,
             guint       owner)
{
  int cx, cy, id = (int) g->rects->len;

  grid_cell (g, r, &cx, &cy);
  g_array_append_val (g->rects, *r);
  g_array_append_val (g->next, g->head[cy * g->cols + cx]);
  g_array_append_val (g->owner, owner);
  g->head[cy * g->cols + cx] = id;
}

/* Keeps only the first @len footprints. */
static void
grid_truncate (Grid  *g,
               guint  len)
{
  g_autoptr(GArray) rects = g_array_copy (g->rects);
  g_autoptr(GArray) owners = g_array_copy (g->owner);

  grid_clear (g);
  for (guint id = 0; id < MIN (len, rects->len); id++)
    grid_insert (g, &g_array_index (rects, Rect, id), g_array_index (owners, guint, id));
}

/* The first footprint in the grid that @r touches, or -1. Every footprint
 * is at most one cell wide and high, so the neighbouring cells suffice. */
static int
grid_find (const Grid *g,
           const Rect *r,
           int         skip_after)
{
  int cx, cy;

  grid_cell (g, r, &cx, &cy);
  for (int y = MAX (cy - 1, 0); y <= MIN (cy + 1, g->rows - 1); y++)
    for (int x = MAX (cx - 1, 0); x <= MIN (cx + 1, g->cols - 1); x++)
      for (int id = g->head[y * g->cols + x]; id >= 0; id = g_array_index (g->next, int, id))
        if (id < skip_after && rects_touch (r, &g_array_index (g->rects, Rect, id)))
          return id;
  return -1;
}

static double
level_cell (const State *s)
{
  return MAX (foot_width (s, s->cap), s->foot_height) + 2;
}

/* Pairs (a, b) of members whose footprints touch, among those with
 * @include set (all when NULL); a member outside the box is reported as
 * (a, a). Returns how many pairs were written (at most @max). */
static guint
find_clashes (State          *s,
              const gboolean *include,
              guint          *pairs,
              guint           max)
{
  Grid g;
  guint found = 0;

  grid_init (&g, s, level_cell (s));
  for (guint i = 0; i < s->n && found < max; i++)
    {
      const Work *w = &s->work[i];
      int hit;

      if (include && !include[i])
        continue;
      if (!rect_inside (s, &w->rect))
        {
          pairs[2 * found] = pairs[2 * found + 1] = i;
          found++;
          continue;
        }
      hit = grid_find (&g, &w->rect, G_MAXINT);
      if (hit >= 0)
        {
          pairs[2 * found] = g_array_index (g.owner, guint, hit);
          pairs[2 * found + 1] = i;
          found++;
        }
      grid_insert (&g, &w->rect, i);
    }
  grid_destroy (&g);
  return found;
}

/* -------------------------------------------- several circles in a ring */

typedef struct
{
  double angle, radius, key;
} Slot;

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  double ka = ((const Slot *) a)->key, kb = ((const Slot *) b)->key;

  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/* Packs free spots for the ring's members on circles across its band,
 * avoiding everything already in @grid, then gives the members the spots
 * in the order of their angles, as near their own angles as possible. */
static gboolean
stagger_ring (State *s,
              int    ring,
              Grid  *grid)
{
  guint n = s->ring_count[ring];
  guint *idx = s->ring_members[ring];
  double a = s->edges[ring], b = s->edges[ring + 1];
  double label_w = 0, fw, step, margin, cut, best_room;
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  guint first_new = grid->rects->len;
  int tiers;
  guint m, band, start;
  g_autofree double *cost = NULL;
  g_autofree guint8 *took = NULL;

  if (n == 0)
    return TRUE;

  for (guint k = 0; k < n; k++)
    label_w = MAX (label_w, s->work[idx[k]].label_width);
  fw = foot_width (s, label_w);
  step = s->foot_height + s->pad;
  margin = MIN (s->icon / 2, (b - a) / 4);
  tiers = 1 + (int) floor (MAX ((b - a) - 2 * margin, 0) / step);

  for (int t = 0; t < tiers; t++)
    {
      double r = (a + b) / 2 + (t - (tiers - 1) / 2.0) * step;
      double fine, theta, end;

      if (r <= 1)
        continue;
      fine = DEG (1.5 / r);
      theta = t * 3.0;
      end = theta + 360.0;
      while (theta < end)
        {
          double x = s->cx + r * sin (RAD (theta));
          double y = s->cy - r * cos (RAD (theta));
          Rect rect;

          footprint (s, x, y, label_w, &rect, NULL);
          if (rect_inside (s, &rect) && grid_find (grid, &rect, G_MAXINT) < 0)
            {
              Slot slot = { normalize_angle (theta), r, 0 };

              g_array_append_val (slots, slot);
              grid_insert (grid, &rect, G_MAXUINT);
              theta += MIN (gap_between (s, r, fw, fw, theta), 180.0);
            }
          else
            theta += fine;
        }
    }

  m = slots->len;
  if (m < n)
    return FALSE;

  /* Cut the circle open in the widest space between the members. */
  cut = 0;
  best_room = -1;
  for (guint k = 0; k < n; k++)
    {
      double p = s->work[idx[k]].pref, q = s->work[idx[(k + 1) % n]].pref;
      double room = n == 1 ? 360.0 : forward (p, q);

      if (k == n - 1 && n > 1 && room == 0)
        room = 360.0;
      if (room > best_room)
        {
          best_room = room;
          cut = p + room / 2;
        }
    }
  for (guint j = 0; j < m; j++)
    {
      Slot *slot = &g_array_index (slots, Slot, j);

      slot->key = forward (cut, slot->angle);
    }
  g_array_sort (slots, compare_slots);
  start = 0;
  for (guint k = 0; k < n; k++)
    if (forward (cut, s->work[idx[k]].pref) < forward (cut, s->work[idx[start]].pref))
      start = k;

  /* Order-keeping assignment: cost[i][d] is the least squared distance for
   * the first i members using the first i + d slots. */
  band = m - n + 1;
  cost = g_new (double, (gsize) (n + 1) * band);
  took = g_new0 (guint8, (gsize) (n + 1) * band);
  for (guint d = 0; d < band; d++)
    cost[d] = 0;
  for (guint i = 1; i <= n; i++)
    {
      double key = forward (cut, s->work[idx[(start + i - 1) % n]].pref);

      for (guint d = 0; d < band; d++)
        {
          guint j = i + d;          /* slots used so far */
          double diff = fabs (key - g_array_index (slots, Slot, j - 1).key);
          double with, without = G_MAXDOUBLE;

          diff = MIN (diff, 360.0 - diff);
          with = cost[(i - 1) * band + d] + diff * diff;
          if (d > 0)
            without = cost[i * band + d - 1];
          if (with <= without)
            {
              cost[i * band + d] = with;
              took[i * band + d] = 1;
            }
          else
            cost[i * band + d] = without;
        }
    }

  /* Forget the spots nobody took, then walk back through the choices. */
  grid_truncate (grid, first_new);
  {
    guint i = n, d = band - 1;

    while (i > 0)
      {
        if (took[i * band + d])
          {
            const Slot *slot = &g_array_index (slots, Slot, i + d - 1);
            Work *w = &s->work[idx[(start + i - 1) % n]];

            w->angle = slot->angle;
            w->radius = slot->radius;
            place_work (s, w);
            grid_insert (grid, &w->rect, idx[(start + i - 1) % n]);
            i--;
          }
        else
          d--;
      }
  }
  return TRUE;
}

/* ----------------------------------------------------------------- levels */

static void
widen_between (State *s,
               guint  a,
               guint  b)
{
  int ring = s->work[a].ring;
  guint n = s->ring_count[ring];
  guint pa = s->pos_in_ring[a], pb = s->pos_in_ring[b];
  guint ahead = (pb + n - pa) % n;
  guint from = ahead <= n - ahead ? pa : pb;
  guint steps = MIN (ahead, n - ahead);

  for (guint k = 0; k < MAX (steps, 1u); k++)
    s->boost[ring][(from + k) % n] *= 1.08;
}

static void
nudge (State  *s,
       guint   i,
       double  amount)
{
  Work *w = &s->work[i];
  double band = s->edges[w->ring + 1] - s->edges[w->ring];
  double limit = MAX (band / 2 - s->icon / 2, 0);

  w->nudge = CLAMP (w->nudge + amount * band, -limit, limit);
  /* Never past the circle where a label would leave the box. */
  if (ring_middle (s, w->ring) + w->nudge > s->max_radius)
    w->nudge = MIN (w->nudge, s->max_radius - ring_middle (s, w->ring));
}

/* Places everyone at the current level; FALSE when it does not fit. */
static gboolean
try_level (State   *s,
           gboolean stagger)
{
  gboolean staggered[OUR_N_RINGS] = { FALSE, };
  gboolean any_staggered = FALSE;
  g_autofree gboolean *include = g_new0 (gboolean, s->n);
  g_autofree guint *pairs = g_new (guint, 2 * 64);
  guint found = 0;
  Grid grid;

  for (guint i = 0; i < s->n; i++)
    s->work[i].nudge = 0;
  for (int r = 0; r < OUR_N_RINGS; r++)
    for (guint k = 0; k < s->ring_count[r]; k++)
      s->boost[r][k] = 1.0;

  for (int r = 0; r < OUR_N_RINGS; r++)
    if (!spread_ring (s, r))
      {
        if (!stagger)
          return FALSE;
        staggered[r] = any_staggered = TRUE;
      }

  /* Push apart the few footprints that still touch: wider gaps within a
   * ring, a small step inwards or outwards between rings. */
  for (guint round = 0; round < 12; round++)
    {
      gboolean dirty[OUR_N_RINGS] = { FALSE, };

      for (guint i = 0; i < s->n; i++)
        include[i] = !staggered[s->work[i].ring];
      found = find_clashes (s, include, pairs, 64);
      if (found == 0)
        break;

      for (guint f = 0; f < found; f++)
        {
          guint a = pairs[2 * f], b = pairs[2 * f + 1];
          int ra = s->work[a].ring, rb = s->work[b].ring;

          if (a == b)
            nudge (s, a, -0.1);
          else if (ra == rb)
            widen_between (s, a, b);
          else if (ra < rb)
            {
              nudge (s, a, -0.08);
              nudge (s, b, 0.08);
            }
          else
            {
              nudge (s, a, 0.08);
              nudge (s, b, -0.08);
            }
          dirty[ra] = dirty[rb] = TRUE;
        }

      for (int r = 0; r < OUR_N_RINGS; r++)
        if (dirty[r] && !staggered[r] && !spread_ring (s, r))
          {
            if (!stagger)
              return FALSE;
            staggered[r] = any_staggered = TRUE;
          }
    }
  if (found > 0)
    return FALSE;
  if (!any_staggered)
    return TRUE;

  grid_init (&grid, s, level_cell (s));
  for (guint i = 0; i < s->n; i++)
    if (!staggered[s->work[i].ring])
      grid_insert (&grid, &s->work[i].rect, i);
  for (int r = 0; r < OUR_N_RINGS; r++)
    if (staggered[r] && !stagger_ring (s, r, &grid))
      {
        grid_destroy (&grid);
        return FALSE;
      }
  grid_destroy (&grid);

  /* Checked once more as a whole, so that no label ever covers another. */
  return find_clashes (s, NULL, pairs, 1) == 0;
}

/* ------------------------------------------------------------ ring names */

/* The font size of a ring's name, for a band @band wide. */
static double
ring_name_size (double band)
{
  return CLAMP (band * 0.11, 10.0, 14.0);
}

/* The boxes covering a name @width long along the circle of @radius,
 * centred on @angle: one per stretch of the circle about a letter long, from the
 * baseline's descent to the letters' tops, with a little air. */
static guint
name_boxes (const OurNetworkLayout *layout,
            double                  angle,
            double                  radius,
            double                  size,
            double                  width,
            double                 *boxes,
            guint                   max_boxes)
{
  double r0 = radius - 0.65 * size - 1, r1 = radius + 0.65 * size + 1;
  double half = (width / 2 + size * 0.4) / radius;     /* radians, with air */
  guint n = MIN (max_boxes, (guint) ceil (2 * half * radius / size) + 1);
  double cx = layout->centre_x, cy = layout->centre_y;

  for (guint k = 0; k < n; k++)
    {
      double a0 = RAD (angle) - half + 2 * half * k / n;
      double a1 = RAD (angle) - half + 2 * half * (k + 1) / n;
      double xs[4] = { cx + r0 * sin (a0), cx + r1 * sin (a0),
                       cx + r0 * sin (a1), cx + r1 * sin (a1) };
      double ys[4] = { cy - r0 * cos (a0), cy - r1 * cos (a0),
                       cy - r0 * cos (a1), cy - r1 * cos (a1) };
      double x0 = xs[0], x1 = xs[0], y0 = ys[0], y1 = ys[0];

      for (int c = 1; c < 4; c++)
        {
          x0 = MIN (x0, xs[c]);
          x1 = MAX (x1, xs[c]);
          y0 = MIN (y0, ys[c]);
          y1 = MAX (y1, ys[c]);
        }
      boxes[4 * k] = x0;
      boxes[4 * k + 1] = y0;
      boxes[4 * k + 2] = x1 - x0;
      boxes[4 * k + 3] = y1 - y0;
    }
  return n;
}

static gboolean
box_meets_place (const double          *box,
                 const OurNetworkPlace *p)
{
  double r = p->icon_size / 2 + OUR_NETWORK_ICON_HALO;

  if (box[0] < p->x + r && p->x - r < box[0] + box[2] &&
      box[1] < p->y + r && p->y - r < box[1] + box[3])
    return TRUE;
  return p->label_width > 0 && p->label_height > 0 &&
         box[0] < p->label_x + p->label_width && p->label_x < box[0] + box[2] &&
         box[1] < p->label_y + p->label_height && p->label_y < box[1] + box[3];
}

#define MAX_NAME_BOXES 64

/* The members that could cover a name along the circle of @radius: those
 * whose icon or label comes near that circle. */
static GArray *
places_near_circle (const OurNetworkLayout *layout,
                    double                  radius,
                    double                  size)
{
  GArray *near = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < layout->n_places; i++)
    {
      const OurNetworkPlace *p = &layout->places[i];
      double left = MIN (p->x - p->icon_size / 2, p->label_x) - OUR_NETWORK_ICON_HALO;
      double right = MAX (p->x + p->icon_size / 2, p->label_x + p->label_width) +
                     OUR_NETWORK_ICON_HALO;
      double top = p->y - p->icon_size / 2 - OUR_NETWORK_ICON_HALO;
      double bottom = MAX (p->y + p->icon_size / 2 + OUR_NETWORK_ICON_HALO,
                           p->label_y + p->label_height);
      double mx = (left + right) / 2, my = (top + bottom) / 2;
      double reach = hypot (right - left, bottom - top) / 2;
      double d = hypot (mx - layout->centre_x, my - layout->centre_y);

      if (fabs (d - radius) <= reach + size + 2)
        g_array_append_val (near, i);
    }
  return near;
}

static gboolean
name_is_free (const OurNetworkLayout *layout,
              int                     ring,
              double                  angle,
              double                  radius,
              GArray                 *near)
{
  double boxes[4 * MAX_NAME_BOXES];
  guint n = name_boxes (layout, angle, radius, layout->ring_name_size[ring],
                        layout->ring_name_width[ring], boxes, MAX_NAME_BOXES);

  for (guint j = 0; j < near->len; j++)
    for (guint k = 0; k < n; k++)
      if (box_meets_place (&boxes[4 * k], &layout->places[g_array_index (near, guint, j)]))
        return FALSE;
  return TRUE;
}

/* Puts each ring's name where no member covers it: at the top of its band
 * if it is free there, else the free spot nearest the top or the bottom
 * (where the renderer turns the name round to read from left to right),
 * leaning as little as it can. */
static void
place_ring_names (OurNetworkLayout       *layout,
                  PangoContext           *context,
                  const OurNetworkLayout *previous)
{
  g_autoptr(PangoLayout) text = NULL;

  if (context == NULL)
    {
      text = new_measure_layout (NULL, 10);
      context = pango_layout_get_context (text);
    }
  else
    text = pango_layout_new (context);

  for (int r = 0; r < OUR_N_RINGS; r++)
    {
      double size = ring_name_size (layout->ring_outer[r] - layout->ring_inner[r]);
      PangoFontDescription *desc = our_network_font_new (context, size, TRUE);
      PangoRectangle logical;

      layout->ring_name_angle[r] = NAN;
      layout->ring_name_size[r] = size;
      pango_layout_set_font_description (text, desc);
      pango_font_description_free (desc);
      pango_layout_set_text (text, our_ring_get_label (r), -1);
      pango_layout_get_extents (text, NULL, &logical);
      layout->ring_name_width[r] = logical.width / (double) PANGO_SCALE;

      /* Where it was, if that is still free: the rings stay as they were. */
      if (previous != NULL && !isnan (previous->ring_name_angle[r]) &&
          previous->ring_outer[r] == layout->ring_outer[r] &&
          previous->ring_inner[r] == layout->ring_inner[r])
        {
          g_autoptr(GArray) near = places_near_circle (layout, previous->ring_name_radius[r], size);

          if (name_is_free (layout, r, previous->ring_name_angle[r], previous->ring_name_radius[r],
                            near))
            {
              layout->ring_name_angle[r] = previous->ring_name_angle[r];
              layout->ring_name_radius[r] = previous->ring_name_radius[r];
              continue;
            }
        }
      /* Then along the band's outer edge, near the top, near the bottom,
       * and leaning further; at last along its inner edge. */
      for (guint edge = 0; edge < 2 && isnan (layout->ring_name_angle[r]); edge++)
        {
          double radius = edge == 0 ? layout->ring_outer[r] - size * 0.95
                                    : layout->ring_inner[r] + size * 0.95;
          g_autoptr(GArray) near = NULL;

          if (radius <= 0 || layout->ring_name_width[r] / radius > G_PI * 0.9)
            continue;
          layout->ring_name_radius[r] = radius;
          near = places_near_circle (layout, radius, size);
          for (guint range = 0; range < 4 && isnan (layout->ring_name_angle[r]); range++)
            for (double turn = range < 2 ? 0 : 32; turn <= (range < 2 ? 30 : 90); turn += 2)
              {
                double base = range % 2 ? 180 : 0;

                if (name_is_free (layout, r, normalize_angle (base - turn), radius, near))
                  layout->ring_name_angle[r] = normalize_angle (base - turn);
                else if (turn > 0 && name_is_free (layout, r, normalize_angle (base + turn), radius,
                                                   near))
                  layout->ring_name_angle[r] = normalize_angle (base + turn);
                if (!isnan (layout->ring_name_angle[r]))
                  break;
              }
        }
    }
}

/* The nearest free spot to where member @i asked to be, in its own band,
 * among what @grid holds already. */
static gboolean
find_free_spot (State *s,
                guint  i,
                Grid  *grid)
{
  Work *w = &s->work[i];
  double middle = ring_middle (s, w->ring);
  double band = s->edges[w->ring + 1] - s->edges[w->ring];
  double limit = MAX (band / 2 - s->icon / 2, 0);
  double offsets[] = { 0, -0.5, 0.5, -1, 1 };
  double step = MAX (DEG (3.0 / MAX (middle, 1.0)), 0.1);

  for (double turn = 0; turn <= 180; turn += step)
    for (int side = 0; side < (turn > 0 ? 2 : 1); side++)
      for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
        {
          double radius = middle + offsets[o] * limit;

          if (o > 0 && (limit <= 0 || radius > s->max_radius))
            continue;
          w->angle = normalize_angle (w->pref + (side == 0 ? turn : -turn));
          w->radius = radius;
          place_work (s, w);
          if (rect_inside (s, &w->rect) && grid_find (grid, &w->rect, G_MAXINT) < 0)
            return TRUE;
        }
  return FALSE;
}

/* A layout like @previous: members that did not change stay exactly where
 * they were, and the few that did (moved, added, renamed) take the nearest
 * free spot to where they asked to be, so that nobody else moves. FALSE
 * when that is not possible or would not look right: then everyone is laid
 * out again. */
static gboolean
place_like (State                         *s,
            const OurNetworkItem          *items,
            const OurNetworkLayoutPrivate *previous,
            guint                         *level)
{
  const OurNetworkLayout *prev = &previous->pub;
  const Kept *kept = previous->kept;
  const Measure *measures = previous->measures;
  g_autoptr(GHashTable) by_key = g_hash_table_new (NULL, NULL);
  g_autofree gint *from = g_new (gint, MAX (s->n, 1));
  guint n_changed = 0;
  gboolean ok = TRUE;
  Grid grid;

  if (kept == NULL || measures == NULL || previous->level >= G_N_ELEMENTS (level_specs) ||
      prev->width != s->width || prev->height != s->height)
    return FALSE;
  for (int r = 0; r < OUR_N_RINGS; r++)
    if (prev->ring_inner[r] != s->edges[r] || prev->ring_outer[r] != s->edges[r + 1])
      return FALSE;

  for (guint j = 0; j < prev->n_places; j++)
    if (kept[j].key != NULL)
      g_hash_table_insert (by_key, (gpointer) kept[j].key, GUINT_TO_POINTER (j + 1));

  set_level (s, &level_specs[previous->level]);
  for (guint i = 0; i < s->n; i++)
    {
      guint j = items[i].key ? GPOINTER_TO_UINT (g_hash_table_lookup (by_key, items[i].key)) : 0;

      s->work[i].label_width = label_width_at_level (s, i);
      from[i] = (gint) j - 1;
      if (j == 0 || kept[j - 1].ring != s->work[i].ring || kept[j - 1].pref != s->work[i].pref ||
          g_strcmp0 (measures[j - 1].name, s->measures[i].name) != 0)
        n_changed++;
    }
  /* Many changes at once (a plan opened, an undo of many): start afresh. */
  if (n_changed > MAX (3u, s->n / 50))
    return FALSE;

  grid_init (&grid, s, level_cell (s));
  for (guint i = 0; i < s->n; i++)
    {
      Work *w = &s->work[i];
      const OurNetworkPlace *p;

      if (from[i] < 0 || kept[from[i]].ring != w->ring || kept[from[i]].pref != w->pref ||
          g_strcmp0 (measures[from[i]].name, s->measures[i].name) != 0)
        continue;
      p = &prev->places[from[i]];
      w->angle = p->angle;
      w->radius = hypot (p->x - s->cx, p->y - s->cy);
      w->x = p->x;
      w->y = p->y;
      footprint (s, w->x, w->y, w->label_width, &w->rect, NULL);
      grid_insert (&grid, &w->rect, i);
    }
  /* The rings' names keep their places: nobody lands on them. */
  for (int r = 0; r < OUR_N_RINGS; r++)
    {
      double boxes[4 * MAX_NAME_BOXES];
      guint n = our_network_layout_get_ring_name_boxes (prev, r, boxes, MAX_NAME_BOXES);

      for (guint k = 0; k < n; k++)
        grid_insert (&grid, &(Rect) { boxes[4 * k], boxes[4 * k + 1],
                                      boxes[4 * k] + boxes[4 * k + 2],
                                      boxes[4 * k + 1] + boxes[4 * k + 3] }, G_MAXUINT);
    }
  for (guint i = 0; i < s->n && ok; i++)
    {
      Work *w = &s->work[i];

      if (from[i] >= 0 && kept[from[i]].ring == w->ring && kept[from[i]].pref == w->pref &&
          g_strcmp0 (measures[from[i]].name, s->measures[i].name) == 0)
        continue;
      ok = find_free_spot (s, i, &grid);
      from[i] = -1;
      /* Turned a little with the keyboard but no room there: let the others
       * make room rather than stay put. */
      if (ok && from[i] >= 0 && kept[from[i]].pref != w->pref &&
          fabs (hypot (w->x - prev->places[from[i]].x, w->y - prev->places[from[i]].y)) < 2)
        ok = FALSE;
      if (ok)
        grid_insert (&grid, &w->rect, i);
    }
  grid_destroy (&grid);

  if (ok && find_clashes (s, NULL, (guint[2]) { 0, }, 1) == 0)
    {
      *level = previous->level;
      s->kept_from = g_steal_pointer (&from);
      return TRUE;
    }
  return FALSE;
}

/* Nothing fits (a box far too small for so many): icons alone where they
 * asked to be, without names. */
static void
place_without_labels (State *s)
{
  for (guint i = 0; i < s->n; i++)
    {
      Work *w = &s->work[i];

      w->label_width = 0;
      w->angle = w->pref;
      w->radius = ring_middle (s, w->ring);
      place_work (s, w);
    }
}

static int
compare_by_angle (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const State *s = user_data;
  const Work *wa = &s->work[*(const guint *) a], *wb = &s->work[*(const guint *) b];

  if (wa->pref != wb->pref)
    return wa->pref < wb->pref ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

OurNetworkLayout *
our_network_layout_new (PangoContext          *context,
                        const OurNetworkItem  *items,
                        guint                  n_items,
                        double                 width,
                        double                 height)
{
  return our_network_layout_new_like (context, items, n_items, width, height, NULL);
}

OurNetworkLayout *
our_network_layout_new_like (PangoContext           *context,
                             const OurNetworkItem   *items,
                             guint                   n_items,
                             double                  width,
                             double                  height,
                             const OurNetworkLayout *previous)
{
  OurNetworkLayoutPrivate *priv;
  OurNetworkLayout *layout;
  State s = { 0, };
  guint max_ring = 0, level = 0;
  gboolean placed = FALSE;
  double centre_radius;
  g_autoptr(PangoLayout) measure = NULL;

  g_return_val_if_fail (n_items == 0 || items != NULL, NULL);

  priv = g_new0 (OurNetworkLayoutPrivate, 1);
  layout = &priv->pub;
  if (context != NULL && pango_context_get_font_description (context) != NULL)
    priv->font = pango_font_description_copy (pango_context_get_font_description (context));
  s.width = isfinite (width) ? MAX (width, 1.0) : 1.0;
  s.height = isfinite (height) ? MAX (height, 1.0) : 1.0;
  s.n = n_items;

  measure_all (&s, context, items, (const OurNetworkLayoutPrivate *) previous);

  s.work = g_new0 (Work, MAX (n_items, 1));
  s.pos_in_ring = g_new0 (guint, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    {
      Work *w = &s.work[i];

      w->ring = CLAMP ((int) items[i].ring, 0, OUR_N_RINGS - 1);
      w->pref = normalize_angle (items[i].angle);
      s.ring_count[w->ring]++;
    }
  for (int r = 0; r < OUR_N_RINGS; r++)
    {
      s.ring_members[r] = g_new (guint, MAX (s.ring_count[r], 1));
      s.boost[r] = g_new (double, MAX (s.ring_count[r], 1));
      max_ring = MAX (max_ring, s.ring_count[r]);
      s.ring_count[r] = 0;
    }
  for (guint i = 0; i < n_items; i++)
    {
      int r = s.work[i].ring;

      s.ring_members[r][s.ring_count[r]++] = i;
    }
  for (int r = 0; r < OUR_N_RINGS; r++)
    {
      g_qsort_with_data (s.ring_members[r], s.ring_count[r], sizeof (guint),
                         compare_by_angle, &s);
      for (guint k = 0; k < s.ring_count[r]; k++)
        s.pos_in_ring[s.ring_members[r][k]] = k;
    }
  s.pref = g_new (double, max_ring + 1);
  s.gaps = g_new (double, max_ring + 1);
  s.theta = g_new (double, max_ring + 1);
  s.scratch = g_new (double, 4 * (max_ring + 1));

  compute_rings (&s, &centre_radius, previous);

  if (previous != NULL && place_like (&s, items, (const OurNetworkLayoutPrivate *) previous,
                                      &level))
    placed = TRUE;
  else
    for (level = 0; level < G_N_ELEMENTS (level_specs) && !placed; level++)
      {
        /* Names longer than 10 ems fit only in smaller networks: do not
         * spend time trying them in a crowd. */
        if (level_specs[level].cap_em > 10 && n_items > 80)
          continue;
        set_level (&s, &level_specs[level]);
        for (guint i = 0; i < n_items; i++)
          s.work[i].label_width = label_width_at_level (&s, i);
        placed = try_level (&s, level_specs[level].stagger);
        if (placed)
          break;
      }
  if (!placed)
    {
      place_without_labels (&s);
      level = G_N_ELEMENTS (level_specs);
    }

  layout->width = s.width;
  layout->height = s.height;
  layout->centre_x = s.cx;
  layout->centre_y = s.cy;
  layout->centre_radius = centre_radius;
  for (int r = 0; r < OUR_N_RINGS; r++)
    {
      layout->ring_inner[r] = s.edges[r];
      layout->ring_outer[r] = s.edges[r + 1];
      layout->ring_radius[r] = ring_middle (&s, r);
    }
  layout->font_scale = s.font / OUR_NETWORK_FONT_SIZE;
  layout->n_places = n_items;
  layout->places = g_new0 (OurNetworkPlace, MAX (n_items, 1));
  measure = new_measure_layout (context, s.font);
  for (guint i = 0; i < n_items; i++)
    {
      const Work *w = &s.work[i];
      OurNetworkPlace *place = &layout->places[i];
      double label_width = 0;

      place->x = w->x;
      place->y = w->y;
      place->icon_size = s.icon;
      place->angle = w->angle;
      if (s.kept_from != NULL && s.kept_from[i] >= 0)
        {
          /* Where it was, as it was: its name need not be measured again. */
          const OurNetworkPlace *before = &previous->places[s.kept_from[i]];

          place->label = g_strdup (before->label);
          label_width = before->label_width;
        }
      else
        place->label = final_label (&s, measure, i, w->label_width, &label_width);
      place->label_width = label_width;
      place->label_height = label_width > 0 ? s.label_height : 0;
      footprint (&s, w->x, w->y, label_width, &(Rect) { 0, }, &place->label_x);
      place->label_y = w->y + s.icon / 2 + s.gap;
    }
  place_ring_names (layout, context, previous);

  /* The names as measured, and who asked to be where, for the next layout
   * made like this one. */
  priv->level = level;
  {
    Kept *kept = g_new (Kept, MAX (n_items, 1));

    for (guint i = 0; i < n_items; i++)
      kept[i] = (Kept) { items[i].key, s.work[i].ring, s.work[i].pref };
    priv->kept = kept;
  }
  priv->measures = s.measures;
  priv->line_height = s.line_height;
  priv->ellipsis_width = s.ellipsis_width;
  if (context != NULL)
    {
      priv->measure_context = g_object_ref (context);
      priv->measure_serial = pango_context_get_serial (context);
    }
  for (int r = 0; r < OUR_N_RINGS; r++)
    {
      g_free (s.ring_members[r]);
      g_free (s.boost[r]);
    }
  g_free (s.work);
  g_free (s.kept_from);
  g_free (s.pos_in_ring);
  g_free (s.pref);
  g_free (s.gaps);
  g_free (s.theta);
  g_free (s.scratch);

  return layout;
}

void
our_network_layout_free (OurNetworkLayout *layout)
{
  OurNetworkLayoutPrivate *priv = (OurNetworkLayoutPrivate *) layout;

  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->n_places; i++)
    {
      g_free (layout->places[i].label);
      if (priv->label_layouts)
        g_clear_object (&priv->label_layouts[i]);
    }
  g_free (priv->label_layouts);
  if (priv->measures != NULL)
    {
      Measure *measures = priv->measures;

      for (guint i = 0; i < layout->n_places; i++)
        {
          g_free (measures[i].name);
          g_free (measures[i].text);
          g_free (measures[i].cuts);
        }
      g_free (measures);
    }
  g_clear_object (&priv->measure_context);
  g_free (priv->kept);
  g_clear_object (&priv->cache_context);
  g_clear_pointer (&priv->font, pango_font_description_free);
  g_clear_pointer (&priv->back_layer, cairo_surface_destroy);
  g_free (layout->places);
  g_free (priv);
}

int
our_network_layout_ring_at (const OurNetworkLayout *layout,
                            double                  x,
                            double                  y)
{
  double d;

  g_return_val_if_fail (layout != NULL, -1);

  d = hypot (x - layout->centre_x, y - layout->centre_y);
  for (int r = 0; r < OUR_N_RINGS; r++)
    if (d >= layout->ring_inner[r] && d < layout->ring_outer[r])
      return r;
  return -1;
}

double
our_network_layout_angle_at (const OurNetworkLayout *layout,
                             double                  x,
                             double                  y)
{
  g_return_val_if_fail (layout != NULL, 0);

  return normalize_angle (DEG (atan2 (x - layout->centre_x, layout->centre_y - y)));
}

guint
our_network_layout_get_ring_name_boxes (const OurNetworkLayout *layout,
                                        int                     ring,
                                        double                 *boxes,
                                        guint                   max_boxes)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (ring >= 0 && ring < OUR_N_RINGS, 0);
  g_return_val_if_fail (boxes != NULL || max_boxes == 0, 0);

  if (isnan (layout->ring_name_angle[ring]))
    return 0;
  return name_boxes (layout, layout->ring_name_angle[ring], layout->ring_name_radius[ring],
                     layout->ring_name_size[ring], layout->ring_name_width[ring], boxes, max_boxes);
}

int
our_network_layout_hit (const OurNetworkLayout *layout,
                        double                  x,
                        double                  y)
{
  g_return_val_if_fail (layout != NULL, -1);

  /* Last drawn is on top. */
  for (guint i = layout->n_places; i-- > 0;)
    {
      const OurNetworkPlace *p = &layout->places[i];
      double r = p->icon_size / 2 + OUR_NETWORK_ICON_HALO;

      if (hypot (x - p->x, y - p->y) <= r)
        return (int) i;
      if (p->label_width > 0 && x >= p->label_x && x < p->label_x + p->label_width
          && y >= p->label_y && y < p->label_y + p->label_height)
        return (int) i;
    }
  return -1;
}
