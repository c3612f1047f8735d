/* our-network-render.c: the support-network diagram drawn with cairo and pango, for screen and paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calm by design: soft bands instead of hard circles, one colour per kind of
 * member (always paired with a pictogram, so colour is never the only cue),
 * thin tinted lines that grow heavier the more often we are in touch.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "our-network-layout-private.h"
#include "our-network-render.h"
#include "our-symbols.h"

#define RGB(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

static const OurNetworkStyle light_style = {
  .background = RGB (0xfafafa, 1.0),
  .ring_fill = { RGB (0x3584e4, 0.15), RGB (0x3584e4, 0.09), RGB (0x3584e4, 0.045) },
  .ring_line = RGB (0x1c71d8, 0.16),
  .text = RGB (0x1e1e24, 0.92),
  .dim_text = RGB (0x1e3a66, 0.62),
  .line = RGB (0x5e5c64, 0.45),
  .accent = RGB (0x1c71d8, 1.0),
  .dark = FALSE,
};

static const OurNetworkStyle dark_style = {
  .background = RGB (0x242424, 1.0),
  .ring_fill = { RGB (0x78aeed, 0.17), RGB (0x78aeed, 0.10), RGB (0x78aeed, 0.05) },
  .ring_line = RGB (0x99c1f1, 0.16),
  .text = RGB (0xffffff, 0.94),
  .dim_text = RGB (0xc0d8f6, 0.66),
  .line = RGB (0xdeddda, 0.42),
  .accent = RGB (0x78aeed, 1.0),
  .dark = TRUE,
};

/* The GNOME palette, chosen so that a white pictogram keeps at least 3:1
 * against every colour, and neighbouring kinds differ in hue and lightness. */
static const OurRgba kind_light[OUR_N_MEMBER_KINDS] = {
  RGB (0x1c71d8, 1.0),   /* person: blue */
  RGB (0xc64600, 1.0),   /* pet: orange */
  RGB (0x813d9c, 1.0),   /* group: purple */
  RGB (0x26a269, 1.0),   /* place: green */
  RGB (0xb5831a, 1.0),   /* activity: amber */
  RGB (0x1f7f8f, 1.0),   /* service: teal */
  RGB (0xc0307a, 1.0),   /* online: pink */
};

static const OurRgba kind_dark[OUR_N_MEMBER_KINDS] = {
  RGB (0x3584e4, 1.0),
  RGB (0xe66100, 1.0),
  RGB (0x9141ac, 1.0),
  RGB (0x26a269, 1.0),
  RGB (0xc88800, 1.0),
  RGB (0x2190a4, 1.0),
  RGB (0xd23a87, 1.0),
};

const OurNetworkStyle *
our_network_style_get (gboolean dark)
{
  return dark ? &dark_style : &light_style;
}

OurRgba
our_member_kind_get_colour (OurMemberKind kind,
                            gboolean      dark)
{
  if ((guint) kind >= OUR_N_MEMBER_KINDS)
    kind = OUR_MEMBER_KIND_PERSON;
  return dark ? kind_dark[kind] : kind_light[kind];
}

static void
set_source (cairo_t       *cr,
            const OurRgba *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

static void
set_source_alpha (cairo_t       *cr,
                  const OurRgba *rgba,
                  double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static OurRgba
mix (const OurRgba *a,
     const OurRgba *b,
     double         t)
{
  OurRgba out = {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    1.0,
  };

  return out;
}

/* ------------------------------------------------------------ pictograms */

/* Each pictogram fills a unit circle's middle, centred on (0, 0): callers
 * translate and scale to the icon. Simple shapes, so they read at 16 px. */

static void
person_path (cairo_t *cr,
             double   x,
             double   y,
             double   s)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y - 0.13 * s, 0.125 * s, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_move_to (cr, x - 0.25 * s, y + 0.29 * s);
  cairo_curve_to (cr, x - 0.25 * s, y + 0.06 * s, x - 0.12 * s, y + 0.03 * s, x, y + 0.03 * s);
  cairo_curve_to (cr, x + 0.12 * s, y + 0.03 * s, x + 0.25 * s, y + 0.06 * s, x + 0.25 * s, y + 0.29 * s);
  cairo_close_path (cr);
}

static void
paw_path (cairo_t *cr)
{
  static const double toes[4][2] = { { -0.205, -0.02 }, { -0.085, -0.17 }, { 0.085, -0.17 }, { 0.205, -0.02 } };

  cairo_save (cr);
  cairo_translate (cr, 0, 0.13);
  cairo_scale (cr, 1.0, 0.82);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 0.155, 0, 2 * G_PI);
  cairo_restore (cr);
  for (guint i = 0; i < 4; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, toes[i][0], toes[i][1], 0.068, 0, 2 * G_PI);
    }
}

static void
group_path (cairo_t *cr)
{
  person_path (cr, -0.17, -0.02, 0.72);
  person_path (cr, 0.17, -0.02, 0.72);
  cairo_fill (cr);
  person_path (cr, 0, 0.06, 0.92);
}

static void
pin_path (cairo_t *cr)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, -0.08, 0.2, G_PI * 0.8, G_PI * 2.2);
  cairo_line_to (cr, 0, 0.31);
  cairo_close_path (cr);
  cairo_new_sub_path (cr);
  cairo_arc_negative (cr, 0, -0.08, 0.075, 2 * G_PI, 0);
}

static void
star_path (cairo_t *cr)
{
  for (int i = 0; i < 10; i++)
    {
      double r = i % 2 == 0 ? 0.29 : 0.12;
      double a = -G_PI / 2 + i * G_PI / 5;

      if (i == 0)
        cairo_move_to (cr, r * cos (a), 0.02 + r * sin (a));
      else
        cairo_line_to (cr, r * cos (a), 0.02 + r * sin (a));
    }
  cairo_close_path (cr);
}

static void
building_path (cairo_t *cr)
{
  /* A public building: roof, three columns, a step. */
  cairo_move_to (cr, -0.29, -0.1);
  cairo_line_to (cr, 0, -0.28);
  cairo_line_to (cr, 0.29, -0.1);
  cairo_close_path (cr);
  for (int i = -1; i <= 1; i++)
    cairo_rectangle (cr, i * 0.19 - 0.05, -0.06, 0.1, 0.25);
  cairo_rectangle (cr, -0.3, 0.21, 0.6, 0.07);
}

static void
bubble_path (cairo_t *cr)
{
  double x = -0.27, y = -0.23, w = 0.54, h = 0.36, r = 0.09;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_line_to (cr, x + 0.2, y + h);
  cairo_line_to (cr, x + 0.06, y + h + 0.13);
  cairo_line_to (cr, x + 0.08, y + h);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  /* Three dots, cut out. */
  for (int i = -1; i <= 1; i++)
    {
      cairo_new_sub_path (cr);
      cairo_arc_negative (cr, i * 0.13, y + h / 2, 0.04, 2 * G_PI, 0);
    }
}

static void
fill_pictogram (cairo_t       *cr,
                OurMemberKind  kind)
{
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  switch (kind)
    {
    case OUR_MEMBER_KIND_PET: paw_path (cr); break;
    case OUR_MEMBER_KIND_GROUP: group_path (cr); break;
    case OUR_MEMBER_KIND_PLACE: pin_path (cr); break;
    case OUR_MEMBER_KIND_ACTIVITY: star_path (cr); break;
    case OUR_MEMBER_KIND_SERVICE: building_path (cr); break;
    case OUR_MEMBER_KIND_ONLINE: bubble_path (cr); break;
    case OUR_MEMBER_KIND_PERSON:
    default: person_path (cr, 0, 0, 1.0); break;
    }
  cairo_fill (cr);
}

/* ------------------------------------------------------------- members */

/* A symbol the person chose, instead of the kind's pictogram: on a light
 * disc (the library's symbols are in colour, drawn for a light ground)
 * inside a ring of the kind's colour, so that the kind still shows. FALSE
 * for no symbol, or one the library does not have. */
static gboolean
draw_symbol (cairo_t    *cr,
             double      x,
             double      y,
             double      r,
             const char *symbol)
{
  double inner = r * 0.78, side = inner * 1.3;

  if (symbol == NULL || symbol[0] == '\0' || !our_symbols_has (symbol))
    return FALSE;
  cairo_new_path (cr);
  cairo_arc (cr, x, y, inner, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_fill (cr);
  return our_symbols_render (cr, symbol, x - side / 2, y - side / 2, side);
}

static void
draw_icon (cairo_t               *cr,
           double                 x,
           double                 y,
           double                 size,
           OurMemberKind          kind,
           const char            *symbol,
           gboolean               wished_for,
           gboolean               focused,
           const OurNetworkStyle *style)
{
  OurRgba colour = our_member_kind_get_colour (kind, style->dark);
  double r = size / 2;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  if (wished_for)
    {
      /* Not there yet: a pale disc with the pictogram in the kind's colour
       * and a dashed edge, like a place kept free. */
      OurRgba pale = mix (&style->background, &colour, style->dark ? 0.28 : 0.16);

      set_source (cr, &pale);
      cairo_fill (cr);
      cairo_arc (cr, x, y, r - 0.75, 0, 2 * G_PI);
      set_source (cr, &colour);
      cairo_set_line_width (cr, MAX (1.2, size / 24));
      {
        double dash[] = { MAX (2.5, size / 10), MAX (2.0, size / 14) };

        cairo_set_dash (cr, dash, 2, 0);
      }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (style->dark)
        {
          OurRgba light = mix (&colour, &(OurRgba) { 1, 1, 1, 1 }, 0.35);

          set_source (cr, &light);
        }
    }
  else
    {
      set_source (cr, &colour);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, 1);
    }

  if (!draw_symbol (cr, x, y, r, symbol))
    {
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, size, size);
      fill_pictogram (cr, kind);
      cairo_restore (cr);
    }

  if (focused)
    {
      cairo_new_path (cr);
      cairo_arc (cr, x, y, r + OUR_NETWORK_ICON_HALO - 0.5, 0, 2 * G_PI);
      set_source (cr, &style->accent);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static PangoLayout *
create_label_layout (PangoContext *context,
                     const char   *text,
                     double        width,
                     double        font_scale)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = our_network_font_new (context, OUR_NETWORK_FONT_SIZE * font_scale,
                                                     FALSE);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* One pixel of room for rounding; the layout measured with slack. */
  pango_layout_set_width (layout, (int) ((width + 1) * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

#define CHIP_ALPHA 0.72

/* A soft chip under a name, so that no line runs through the letters. */
static void
chip_path (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   height)
{
  double r = MIN (height / 2, width / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + r - 1, y + r, r, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, x + width - r + 1, y + r, r, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_label (cairo_t               *cr,
            PangoLayout           *layout,
            double                 x,
            double                 y,
            double                 width,
            double                 height,
            gboolean               chip,
            const OurNetworkStyle *style)
{
  if (chip)
    {
      cairo_new_path (cr);
      chip_path (cr, x, y, width, height);
      set_source_alpha (cr, &style->background, CHIP_ALPHA);
      cairo_fill (cr);
    }
  set_source (cr, &style->text);
  cairo_move_to (cr, x - 0.5, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_member_with (cairo_t                 *cr,
                  PangoLayout             *label,
                  const OurNetworkPlace   *place,
                  double                   x,
                  double                   y,
                  OurMemberKind            kind,
                  const char              *symbol,
                  gboolean                 wished_for,
                  gboolean                 focused,
                  const OurNetworkStyle   *style)
{
  draw_icon (cr, x, y, place->icon_size, kind, symbol, wished_for, focused, style);
  if (label != NULL)
    draw_label (cr, label, place->label_x + (x - place->x), place->label_y + (y - place->y),
                place->label_width, place->label_height, TRUE, style);
}

void
our_network_render_member (cairo_t                 *cr,
                           PangoContext            *context,
                           const OurNetworkPlace   *place,
                           double                   x,
                           double                   y,
                           OurMemberKind            kind,
                           const char              *symbol,
                           gboolean                 wished_for,
                           gboolean                 focused,
                           double                   font_scale,
                           const OurNetworkStyle   *style)
{
  g_autoptr(PangoLayout) label = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (place != NULL);
  g_return_if_fail (style != NULL);

  if (place->icon_size <= 0)
    return;
  if (context != NULL && place->label != NULL && place->label[0] != '\0' && place->label_width > 0)
    label = create_label_layout (context, place->label, place->label_width, font_scale);
  draw_member_with (cr, label, place, x, y, kind, symbol, wished_for, focused, style);
}

/* ------------------------------------------------------------ background */

static double
line_width_for (OurContact contact,
                double     unit)
{
  switch (contact)
    {
    case OUR_CONTACT_DAILY: return 4.0 * unit;
    case OUR_CONTACT_WEEKLY: return 2.75 * unit;
    case OUR_CONTACT_MONTHLY: return 1.75 * unit;
    case OUR_CONTACT_RARELY: return 0.9 * unit;
    case OUR_CONTACT_UNKNOWN:
    default: return 1.3 * unit;
    }
}

static void
annulus (cairo_t *cr,
         double   cx,
         double   cy,
         double   inner,
         double   outer)
{
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, outer, 0, 2 * G_PI);
  if (inner > 0)
    {
      cairo_new_sub_path (cr);
      cairo_arc_negative (cr, cx, cy, inner, 2 * G_PI, 0);
    }
}

/* How thick lines are drawn in @layout, and how faded when there are many. */
static double
line_unit (const OurNetworkLayout *layout)
{
  return layout->n_places > 0 ? CLAMP (layout->places[0].icon_size / 40.0, 0.45, 1.2) : 1.0;
}

static double
line_fade (const OurNetworkLayout *layout)
{
  /* Many lines become a tangle near the centre: fade them as they multiply. */
  return CLAMP (sqrt (40.0 / MAX (layout->n_places, 1)), 0.45, 1.0);
}

/* Where the line to a member with its icon centred on (@x, @y) starts and
 * ends; FALSE when there is no room for one. */
static gboolean
line_ends (const OurNetworkLayout *layout,
           double                  x,
           double                  y,
           double                  icon_size,
           double                 *x0,
           double                 *y0,
           double                 *x1,
           double                 *y1)
{
  double cx = layout->centre_x, cy = layout->centre_y;
  double dx = x - cx, dy = y - cy, d = hypot (dx, dy);
  double from = layout->centre_radius + MAX (4.0, layout->centre_radius * 0.12) + 1;
  double to = d - icon_size / 2 - 2;

  /* In a crowd, each line starts at the edge of its member's band: the
   * weight still shows, without a tangle around the person. */
  if (layout->n_places > 60)
    for (int r = 1; r < OUR_N_RINGS; r++)
      if (d >= layout->ring_inner[r] && d < layout->ring_outer[r])
        from = MAX (from, layout->ring_inner[r] + 1);

  if (to <= from || d <= 0)
    return FALSE;
  *x0 = cx + dx / d * from;
  *y0 = cy + dy / d * from;
  *x1 = cx + dx / d * to;
  *y1 = cy + dy / d * to;
  return TRUE;
}

void
our_network_line_get_look (const OurNetworkLayout *layout,
                           const OurNetworkLine   *line,
                           gboolean                emphasis,
                           const OurNetworkStyle  *style,
                           double                 *width,
                           OurRgba                *colour,
                           double                  dash[2])
{
  OurMemberKind kind = MIN ((guint) line->kind, OUR_N_MEMBER_KINDS - 1);
  OurContact contact = MIN ((guint) line->contact, OUR_N_CONTACTS - 1);
  double unit = line_unit (layout) * (emphasis ? 1.3 : 1.0);
  double alpha = emphasis ? 1.6 : line_fade (layout);

  *colour = our_member_kind_get_colour (kind, style->dark);
  colour->alpha = MIN (1.0, colour->alpha * (style->dark ? 0.55 : 0.42) * alpha);
  *width = line_width_for (contact, unit);
  dash[0] = line->wished_for ? 5 * unit + 2 : 0;
  dash[1] = line->wished_for ? 4 * unit + 2 : 0;
}

static void
set_line_style (cairo_t                *cr,
                const OurNetworkLayout *layout,
                const OurNetworkLine   *line,
                const OurNetworkStyle  *style)
{
  OurRgba colour;
  double width, dash[2];

  our_network_line_get_look (layout, line, FALSE, style, &width, &colour, dash);
  cairo_set_line_width (cr, width);
  if (dash[0] > 0)
    {
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
    }
  else
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
    }
  set_source (cr, &colour);
}

/* One stroke per kind of line (kind, how often, wished-for), not one per
 * member: a few dozen strokes however large the network. */
static void
draw_lines (cairo_t                *cr,
            const OurNetworkLayout *layout,
            const OurNetworkLine   *lines,
            const OurNetworkStyle  *style)
{
  gboolean seen[OUR_N_MEMBER_KINDS][OUR_N_CONTACTS][2] = { { { FALSE, }, }, };

  cairo_save (cr);
  for (guint i = 0; i < layout->n_places; i++)
    {
      OurNetworkLine line = lines ? lines[i] : (OurNetworkLine) { 0, };
      guint kind = MIN ((guint) line.kind, OUR_N_MEMBER_KINDS - 1);
      guint contact = MIN ((guint) line.contact, OUR_N_CONTACTS - 1);
      guint wished = line.wished_for ? 1 : 0;

      if (seen[kind][contact][wished])
        continue;
      seen[kind][contact][wished] = TRUE;

      cairo_new_path (cr);
      for (guint j = i; j < layout->n_places; j++)
        {
          const OurNetworkPlace *p = &layout->places[j];
          OurNetworkLine other = lines ? lines[j] : (OurNetworkLine) { 0, };
          double x0, y0, x1, y1;

          if (MIN ((guint) other.kind, OUR_N_MEMBER_KINDS - 1) != kind
              || MIN ((guint) other.contact, OUR_N_CONTACTS - 1) != contact
              || (other.wished_for ? 1u : 0u) != wished
              || !line_ends (layout, p->x, p->y, p->icon_size, &x0, &y0, &x1, &y1))
            continue;
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
        }
      set_line_style (cr, layout, &line, style);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

gboolean
our_network_line_get_ends (const OurNetworkLayout *layout,
                           double                  x,
                           double                  y,
                           double                  icon_size,
                           double                  ends[4])
{
  g_return_val_if_fail (layout != NULL, FALSE);

  return line_ends (layout, x, y, icon_size, &ends[0], &ends[1], &ends[2], &ends[3]);
}

static void
draw_ring_name (cairo_t                *cr,
                PangoContext           *context,
                const OurNetworkLayout *layout,
                int                     ring,
                const OurNetworkStyle  *style)
{
  g_autoptr(PangoLayout) text = NULL;
  PangoFontDescription *desc;
  double px = layout->ring_name_size[ring];
  double radius = layout->ring_name_radius[ring];
  double middle = layout->ring_name_angle[ring] * G_PI / 180;
  double width, total, angle;
  gboolean below;
  PangoRectangle ink, logical;
  PangoLayoutIter *iter;

  /* The layout found no spot that members leave free. */
  if (isnan (middle) || radius <= 0)
    return;
  text = pango_layout_new (context);
  desc = our_network_font_new (context, px, TRUE);
  pango_layout_set_font_description (text, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (text, our_ring_get_label (ring), -1);
  pango_layout_get_extents (text, &ink, &logical);
  width = logical.width / (double) PANGO_SCALE;
  total = width / radius;              /* radians the name spans */
  /* In the lower half, the name runs the other way round, its letters
   * turned upright, so that it reads from left to right. */
  below = cos (middle) < 0;

  /* Along the top of the band, each cluster turned to follow the circle. */
  set_source (cr, &style->dim_text);
  iter = pango_layout_get_iter (text);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle run_logical;
      double x_run;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &run_logical);
      x_run = run_logical.x / (double) PANGO_SCALE;
      {
        PangoGlyphString *glyphs = run->glyphs;
        double advance = 0;

        for (int g = 0; g < glyphs->num_glyphs; g++)
          {
            double w = glyphs->glyphs[g].geometry.width / (double) PANGO_SCALE;
            double centre = x_run + advance + w / 2;
            PangoGlyphString *one = pango_glyph_string_new ();

            if (below)
              angle = middle + total / 2 - centre / radius;
            else
              angle = middle - total / 2 + centre / radius;
            pango_glyph_string_set_size (one, 1);
            one->glyphs[0] = glyphs->glyphs[g];
            one->glyphs[0].geometry.x_offset = 0;
            one->log_clusters[0] = 0;

            cairo_save (cr);
            cairo_translate (cr, layout->centre_x + radius * sin (angle),
                             layout->centre_y - radius * cos (angle));
            cairo_rotate (cr, below ? angle + G_PI : angle);
            cairo_move_to (cr, -w / 2 + glyphs->glyphs[g].geometry.x_offset / (double) PANGO_SCALE,
                           px * 0.35);
            pango_cairo_show_glyph_string (cr, run->item->analysis.font, one);
            cairo_restore (cr);
            pango_glyph_string_free (one);
            advance += w;
          }
      }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

static void
draw_centre (cairo_t                *cr,
             PangoContext           *context,
             const OurNetworkLayout *layout,
             const char             *centre_name,
             const OurNetworkStyle  *style)
{
  double cx = layout->centre_x, cy = layout->centre_y, r = layout->centre_radius;
  gboolean has_name = centre_name != NULL && centre_name[0] != '\0';
  double pic = r * (has_name ? 1.0 : 1.3);

  if (r <= 0)
    return;

  /* A soft glow, then the person. */
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r + MAX (4.0, r * 0.12), 0, 2 * G_PI);
  set_source_alpha (cr, &style->accent, 0.18);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  set_source (cr, &style->accent);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, cx, cy - (has_name ? r * 0.2 : 0));
  cairo_scale (cr, pic, pic);
  if (style->dark)
    cairo_set_source_rgba (cr, 0.1, 0.1, 0.14, 0.9);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 1);
  fill_pictogram (cr, OUR_MEMBER_KIND_PERSON);
  cairo_restore (cr);

  if (has_name && context != NULL)
    {
      g_autoptr(PangoLayout) text = pango_layout_new (context);
      PangoFontDescription *desc = our_network_font_new (context, CLAMP (r * 0.26, 9.0, 18.0), TRUE);
      int w, h;

      pango_layout_set_font_description (text, desc);
      pango_font_description_free (desc);
      pango_layout_set_single_paragraph_mode (text, TRUE);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
      pango_layout_set_width (text, (int) (r * 1.6 * PANGO_SCALE));
      pango_layout_set_text (text, centre_name, -1);
      pango_layout_get_pixel_size (text, &w, &h);
      cairo_move_to (cr, cx - r * 0.8, cy + r * 0.42 - h / 2.0);
      if (style->dark)
        cairo_set_source_rgba (cr, 0.1, 0.1, 0.14, 0.95);
      else
        cairo_set_source_rgba (cr, 1, 1, 1, 1);
      pango_cairo_show_layout (cr, text);
    }
}

/* What does not move when members do: the bands, their names, the person. */
static void
draw_static_layer (cairo_t                *cr,
                   const OurNetworkLayout *layout,
                   const char             *centre_name,
                   const OurNetworkStyle  *style)
{
  const OurNetworkLayoutPrivate *priv = (const OurNetworkLayoutPrivate *) layout;
  PangoContext *context = pango_cairo_create_context (cr);
  double cx = layout->centre_x, cy = layout->centre_y;

  /* The names in the same family as the members' names. */
  if (priv->font != NULL)
    pango_context_set_font_description (context, priv->font);
  cairo_save (cr);
  set_source (cr, &style->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  /* Bands, each pixel painted once, the closest one reaching the person. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  for (int r = 0; r < OUR_N_RINGS; r++)
    {
      annulus (cr, cx, cy, r == 0 ? 0 : layout->ring_inner[r], layout->ring_outer[r]);
      set_source (cr, &style->ring_fill[r]);
      cairo_fill (cr);
    }
  cairo_set_line_width (cr, 1.0);
  set_source (cr, &style->ring_line);
  for (int r = 0; r < OUR_N_RINGS; r++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, layout->ring_outer[r] - 0.5, 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  for (int r = 0; r < OUR_N_RINGS; r++)
    draw_ring_name (cr, context, layout, r, style);
  draw_centre (cr, context, layout, centre_name, style);
  cairo_restore (cr);
  g_object_unref (context);
}

void
our_network_render_rings (cairo_t                *cr,
                          const OurNetworkLayout *layout,
                          const char             *centre_name,
                          const OurNetworkStyle  *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  draw_static_layer (cr, layout, centre_name, style);
}

/* A small running hash (FNV-1a) to know whether a cached layer still fits. */
static guint64
hash_bytes (guint64       hash,
            gconstpointer data,
            gsize         size)
{
  const guint8 *bytes = data;

  for (gsize i = 0; i < size; i++)
    hash = (hash ^ bytes[i]) * G_GUINT64_CONSTANT (1099511628211);
  return hash;
}

/* Cached layers are used when drawing pixels 1:1 (an image surface without
 * scaling or rotation); paper and other surfaces get vectors. */
static gboolean
can_cache (cairo_t *cr,
           double  *scale)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_get_matrix (cr, &m);
  if (m.xx != 1.0 || m.yy != 1.0 || m.xy != 0.0 || m.yx != 0.0)
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (sx != sy || sx <= 0)
    return FALSE;
  *scale = sx;
  return TRUE;
}

static cairo_surface_t *
new_layer (cairo_t                *cr,
           const OurNetworkLayout *layout,
           double                  scale)
{
  cairo_surface_t *layer;

  layer = cairo_surface_create_similar_image (cairo_get_target (cr), CAIRO_FORMAT_ARGB32,
                                              (int) ceil (layout->width * scale),
                                              (int) ceil (layout->height * scale));
  cairo_surface_set_device_scale (layer, scale, scale);
  return layer;
}

/* The bands and the person do not change while members move, and every
 * new layout (one per drop, per resize) would otherwise draw them again: one
 * copy is kept for the whole program. Drawing happens on the main thread. */
static struct
{
  guint64          key;
  cairo_surface_t *surface;
} shared_static;

static cairo_surface_t *
get_static_layer (cairo_t                *cr,
                  const OurNetworkLayout *layout,
                  const char             *centre_name,
                  const OurNetworkStyle  *style,
                  double                  scale)
{
  const OurNetworkLayoutPrivate *priv = (const OurNetworkLayoutPrivate *) layout;
  guint64 key = G_GUINT64_CONSTANT (14695981039346656037);
  double geometry[5 + 3 * OUR_N_RINGS] = {
    scale, layout->width, layout->height, layout->centre_radius, layout->font_scale,
  };
  cairo_t *layer_cr;

  for (int r = 0; r < OUR_N_RINGS; r++)
    {
      geometry[5 + 3 * r] = layout->ring_inner[r];
      geometry[6 + 3 * r] = layout->ring_outer[r];
      geometry[7 + 3 * r] = layout->ring_radius[r];
    }
  key = hash_bytes (key, &style, sizeof style);
  key = hash_bytes (key, geometry, sizeof geometry);
  key = hash_bytes (key, layout->ring_name_angle, sizeof layout->ring_name_angle);
  key = hash_bytes (key, layout->ring_name_radius, sizeof layout->ring_name_radius);
  if (centre_name)
    key = hash_bytes (key, centre_name, strlen (centre_name) + 1);
  if (priv->font)
    {
      g_autofree char *font = pango_font_description_to_string (priv->font);

      key = hash_bytes (key, font, strlen (font));
    }

  if (shared_static.surface != NULL && shared_static.key == key)
    return shared_static.surface;

  g_clear_pointer (&shared_static.surface, cairo_surface_destroy);
  shared_static.surface = new_layer (cr, layout, scale);
  shared_static.key = key;
  layer_cr = cairo_create (shared_static.surface);
  draw_static_layer (layer_cr, layout, centre_name, style);
  cairo_destroy (layer_cr);
  return shared_static.surface;
}

/* Chips under the names, for the whole diagram drawn at once (the member
 * widgets draw their own). */
static void
draw_chips (cairo_t                *cr,
            const OurNetworkLayout *layout,
            const OurNetworkStyle  *style)
{
  cairo_new_path (cr);
  for (guint i = 0; i < layout->n_places; i++)
    {
      const OurNetworkPlace *p = &layout->places[i];

      if (p->label_width > 0 && p->label_height > 0)
        chip_path (cr, p->label_x, p->label_y, p->label_width, p->label_height);
    }
  set_source_alpha (cr, &style->background, CHIP_ALPHA);
  cairo_fill (cr);
}

static void
render_background (cairo_t                 *cr,
                   const OurNetworkLayout  *layout,
                   const OurNetworkLine    *lines,
                   const char              *centre_name,
                   const OurNetworkStyle   *style,
                   gboolean                 chips)
{
  OurNetworkLayoutPrivate *priv = (OurNetworkLayoutPrivate *) layout;
  cairo_surface_t *static_layer;
  guint64 key = G_GUINT64_CONSTANT (14695981039346656037);
  double scale = 1.0;

  if (!can_cache (cr, &scale))
    {
      draw_static_layer (cr, layout, centre_name, style);
      draw_lines (cr, layout, lines, style);
      if (chips)
        draw_chips (cr, layout, style);
      return;
    }

  /* Lines are slow to rasterise (cairo works scanline by scanline), so the
   * finished background is kept until a member, a line or the style changes. */
  static_layer = get_static_layer (cr, layout, centre_name, style, scale);
  key = hash_bytes (key, &shared_static.key, sizeof shared_static.key);
  key = hash_bytes (key, &chips, sizeof chips);
  for (guint i = 0; i < layout->n_places; i++)
    {
      const OurNetworkPlace *p = &layout->places[i];
      double where[7] = { p->x, p->y, p->icon_size, p->label_x, p->label_y, p->label_width, p->label_height };
      OurNetworkLine line = lines ? lines[i] : (OurNetworkLine) { 0, };
      int parts[3] = { line.kind, line.contact, line.wished_for != FALSE };

      key = hash_bytes (key, where, sizeof where);
      key = hash_bytes (key, parts, sizeof parts);
    }

  if (priv->back_layer == NULL || priv->back_key != key)
    {
      cairo_t *layer_cr;

      if (priv->back_layer == NULL)
        priv->back_layer = new_layer (cr, layout, scale);
      priv->back_key = key;
      layer_cr = cairo_create (priv->back_layer);
      cairo_set_source_surface (layer_cr, static_layer, 0, 0);
      cairo_set_operator (layer_cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (layer_cr);
      cairo_set_operator (layer_cr, CAIRO_OPERATOR_OVER);
      draw_lines (layer_cr, layout, lines, style);
      if (chips)
        draw_chips (layer_cr, layout, style);
      cairo_destroy (layer_cr);
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_set_source_surface (cr, priv->back_layer, 0, 0);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
our_network_render_background (cairo_t                 *cr,
                               const OurNetworkLayout  *layout,
                               const OurNetworkLine    *lines,
                               const char              *centre_name,
                               const OurNetworkStyle   *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  render_background (cr, layout, lines, centre_name, style, FALSE);
}

/* The cached label layouts, made again when the context has changed. */
static PangoLayout *
cached_label (OurNetworkLayoutPrivate *priv,
              PangoContext            *context,
              guint                    i)
{
  OurNetworkLayout *layout = &priv->pub;
  const OurNetworkPlace *p = &layout->places[i];

  if (priv->cache_context != context || priv->cache_serial != pango_context_get_serial (context))
    {
      for (guint k = 0; priv->label_layouts && k < layout->n_places; k++)
        g_clear_object (&priv->label_layouts[k]);
      g_set_object (&priv->cache_context, context);
      priv->cache_serial = pango_context_get_serial (context);
    }
  if (priv->label_layouts == NULL)
    priv->label_layouts = g_new0 (PangoLayout *, MAX (layout->n_places, 1));
  if (p->label == NULL || p->label[0] == '\0' || p->label_width <= 0)
    return NULL;
  if (priv->label_layouts[i] == NULL)
    priv->label_layouts[i] = create_label_layout (context, p->label, p->label_width,
                                                  layout->font_scale);
  return priv->label_layouts[i];
}

/* Icons drawn once per kind into small images, then stamped; kept for the
 * whole program like the static layer (one icon size at a time). */
static struct
{
  guint64          key;
  cairo_surface_t *sprites[OUR_N_MEMBER_KINDS][2];   /* [wished-for] */
} shared_sprites;

static cairo_surface_t *
cached_sprite (cairo_t                 *cr,
               double                   scale,
               double                   icon_size,
               OurMemberKind            kind,
               gboolean                 wished_for,
               const OurNetworkStyle   *style)
{
  guint64 key = G_GUINT64_CONSTANT (14695981039346656037);
  guint k = MIN ((guint) kind, OUR_N_MEMBER_KINDS - 1), w = wished_for ? 1 : 0;
  double half = icon_size / 2 + OUR_NETWORK_ICON_HALO;

  key = hash_bytes (key, &style, sizeof style);
  key = hash_bytes (key, &scale, sizeof scale);
  key = hash_bytes (key, &icon_size, sizeof icon_size);
  if (key != shared_sprites.key)
    {
      for (guint a = 0; a < OUR_N_MEMBER_KINDS; a++)
        for (guint b = 0; b < 2; b++)
          g_clear_pointer (&shared_sprites.sprites[a][b], cairo_surface_destroy);
      shared_sprites.key = key;
    }
  if (shared_sprites.sprites[k][w] == NULL)
    {
      int pixels = (int) ceil (2 * half * scale);
      cairo_surface_t *sprite = cairo_surface_create_similar_image (cairo_get_target (cr),
                                                                    CAIRO_FORMAT_ARGB32,
                                                                    pixels, pixels);
      cairo_t *sprite_cr;

      cairo_surface_set_device_scale (sprite, scale, scale);
      sprite_cr = cairo_create (sprite);
      draw_icon (sprite_cr, half, half, icon_size, k, NULL, wished_for, FALSE, style);
      cairo_destroy (sprite_cr);
      shared_sprites.sprites[k][w] = sprite;
    }
  return shared_sprites.sprites[k][w];
}

void
our_network_render (cairo_t                 *cr,
                    PangoContext            *context,
                    const OurNetworkLayout  *layout,
                    const OurNetworkLine    *lines,
                    const char              *centre_name,
                    const OurNetworkStyle   *style)
{
  OurNetworkLayoutPrivate *priv = (OurNetworkLayoutPrivate *) layout;
  g_autoptr(GObject) own_context = NULL;
  double scale = 1.0;
  gboolean stamp;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  render_background (cr, layout, lines, centre_name, style, TRUE);
  if (context == NULL)
    {
      context = pango_cairo_create_context (cr);
      own_context = G_OBJECT (context);
    }
  stamp = can_cache (cr, &scale);

  for (guint i = 0; i < layout->n_places; i++)
    {
      const OurNetworkPlace *p = &layout->places[i];
      OurNetworkLine line = lines ? lines[i] : (OurNetworkLine) { OUR_MEMBER_KIND_PERSON, OUR_CONTACT_UNKNOWN, FALSE };
      PangoLayout *label;

      if (p->icon_size <= 0)
        continue;
      if (line.symbol != NULL && line.symbol[0] != '\0')
        draw_icon (cr, p->x, p->y, p->icon_size, line.kind, line.symbol, line.wished_for, FALSE,
                   style);
      else if (stamp)
        {
          cairo_surface_t *sprite = cached_sprite (cr, scale, p->icon_size, line.kind,
                                                   line.wished_for, style);
          double half = p->icon_size / 2 + OUR_NETWORK_ICON_HALO;
          /* Whole device pixels, so that stamping is a plain copy. */
          double left = round ((p->x - half) * scale) / scale;
          double top = round ((p->y - half) * scale) / scale;

          cairo_set_source_surface (cr, sprite, left, top);
          cairo_rectangle (cr, left, top, 2 * half, 2 * half);
          cairo_fill (cr);
        }
      else
        draw_icon (cr, p->x, p->y, p->icon_size, line.kind, NULL, line.wished_for, FALSE, style);

      label = cached_label (priv, context, i);
      if (label != NULL)
        draw_label (cr, label, p->label_x, p->label_y, p->label_width, p->label_height, FALSE, style);
    }
}

void
our_network_render_plan (cairo_t               *cr,
                         PangoContext          *context,
                         OurPlan               *plan,
                         double                 width,
                         double                 height,
                         const char            *centre_name,
                         const OurNetworkStyle *style)
{
  guint n;
  g_autofree OurNetworkItem *items = NULL;
  g_autofree OurNetworkLine *lines = NULL;
  OurNetworkLayout *layout;
  g_autoptr(GObject) own_context = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (OUR_IS_PLAN (plan));

  if (context == NULL)
    {
      context = pango_cairo_create_context (cr);
      own_context = G_OBJECT (context);
    }
  n = our_plan_get_n_members (plan);
  items = g_new0 (OurNetworkItem, MAX (n, 1));
  lines = g_new0 (OurNetworkLine, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      OurMember *member = our_plan_get_member (plan, i);

      items[i].ring = our_member_get_ring (member);
      items[i].angle = our_member_get_angle (member);
      items[i].name = our_member_get_name (member);
      lines[i].kind = our_member_get_kind (member);
      lines[i].contact = our_member_get_contact (member);
      lines[i].wished_for = our_member_get_wished_for (member);
      lines[i].symbol = our_member_get_symbol (member);
    }
  layout = our_network_layout_new (context, items, n, width, height);
  our_network_render (cr, context, layout, lines, centre_name, style);
  our_network_layout_free (layout);
}
