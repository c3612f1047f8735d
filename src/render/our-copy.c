/* our-copy.c: the printed copies of a plan (My copy, a carer's copy, the team copy) laid out in pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small flow layout: the plan becomes a list of blocks (headings,
 * paragraphs, goal rows, the diagram, the board), poured into pages from the
 * top. Paragraphs are laid out by pango and split between pages at line
 * boundaries, so text is never cut; pictures move whole to the next page.
 * What a copy may not show is never laid out at all, so it cannot reach the
 * paper or the PDF.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "our-board-render.h"
#include "our-copy.h"
#include "our-network-layout.h"
#include "our-network-render.h"
#include "our-network-summary.h"
#include "our-progress-render.h"
#include "our-symbols.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static const OurRgba ink = RGB (0x1e1e24);
static const OurRgba dim_ink = RGB (0x5e5c64);
static const OurRgba accent = RGB (0x1a5fb4);
static const OurRgba pale_accent = RGB (0xe8f0fb);
/* Staying well and safety look different, as on screen. */
static const OurRgba well_accent = RGB (0x813d9c);
static const OurRgba rule = RGB (0xc0bfbc);

typedef enum
{
  STYLE_BODY,
  STYLE_LABEL,        /* bold, a little larger: "What matters to me" */
  STYLE_SMALL,        /* dim details under a line */
  STYLE_HEADING,      /* a section */
  STYLE_TITLE,        /* a goal's title */
} TextStyle;

typedef struct _OurCopy OurCopy;
typedef void (*DrawFunc) (OurCopy *self,
                          cairo_t *cr,
                          double   x,
                          double   y,
                          double   width,
                          double   height,
                          gpointer data);

typedef struct
{
  double          x, y, width, height;
  PangoLayout    *layout;       /* text: lines [first_line, first_line + n_lines) */
  int             first_line;
  int             n_lines;
  OurRgba         colour;
  DrawFunc        draw;         /* or a picture */
  gpointer        data;
  GDestroyNotify  destroy;
} Item;

typedef struct
{
  GPtrArray *items;             /* Item */
} Page;

struct _OurCopy
{
  GObject        parent_instance;

  OurPlan       *plan;
  OurCopyKind    kind;
  char          *carer_id;
  gboolean       large_print;
  char          *owner_label;
  char          *made_on_text;

  double         page_width, page_height;
  double         left, right, top, bottom;   /* the content box */
  double         body_size;

  PangoContext  *context;
  GPtrArray     *pages;         /* Page */
  Page          *page;          /* the page being filled */
  double         y;             /* where the next block goes on it */
};

G_DEFINE_FINAL_TYPE (OurCopy, our_copy, G_TYPE_OBJECT)

G_DEFINE_QUARK (our-copy-error-quark, our_copy_error)

/* ------------------------------------------------------------ pages */

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
  if (item->destroy != NULL && item->data != NULL)
    item->destroy (item->data);
  g_free (item);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
start_page (OurCopy *self)
{
  Page *page = g_new0 (Page, 1);

  page->items = g_ptr_array_new_with_free_func (item_free);
  g_ptr_array_add (self->pages, page);
  self->page = page;
  self->y = self->top;
}

static gboolean
page_is_empty (OurCopy *self)
{
  return self->page->items->len == 0;
}

/* A new page, unless the current one is still empty. */
static void
break_page (OurCopy *self)
{
  if (!page_is_empty (self))
    start_page (self);
}

static double
content_width (OurCopy *self)
{
  return self->right - self->left;
}

static double
room_left (OurCopy *self)
{
  return self->bottom - self->y;
}

/* Space between blocks; swallowed at the top of a page. */
static void
add_space (OurCopy *self,
           double   points)
{
  if (!page_is_empty (self))
    self->y = MIN (self->y + points, self->bottom);
}

/* Moves to a new page when less than @height is left, so that a heading
 * never ends a page and a small block is not split. */
static void
keep_together (OurCopy *self,
               double   height)
{
  if (room_left (self) < height && !page_is_empty (self))
    start_page (self);
}

static Item *
add_item (OurCopy *self,
          Page    *page,
          double   x,
          double   y,
          double   width,
          double   height)
{
  Item *item = g_new0 (Item, 1);

  item->x = x;
  item->y = y;
  item->width = width;
  item->height = height;
  g_ptr_array_add (page->items, item);
  return item;
}

/* A picture or any drawn block: moves whole to the next page when it does
 * not fit. A block taller than a page is shrunk by the caller first. */
static Item *
add_drawing (OurCopy        *self,
             double          x,
             double          width,
             double          height,
             DrawFunc        draw,
             gpointer        data,
             GDestroyNotify  destroy)
{
  Item *item;

  keep_together (self, height);
  item = add_item (self, self->page, x, self->y, width, height);
  item->draw = draw;
  item->data = data;
  item->destroy = destroy;
  self->y += height;
  return item;
}

/* Pours a paragraph into the pages line by line. Returns the page and the
 * top of its first line (for a bullet or a symbol beside it). */
static void
add_text (OurCopy       *self,
          PangoLayout   *layout,
          double         indent,
          const OurRgba *colour,
          Page         **first_page,
          double        *first_y)
{
  int n_lines = pango_layout_get_line_count (layout);
  g_autofree double *tops = g_new (double, n_lines + 1);
  PangoLayoutIter *iter;
  int line = 0;

  /* The top of each line, and the bottom of the last. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      tops[line] = (double) logical.y / PANGO_SCALE;
      tops[line + 1] = (double) (logical.y + logical.height) / PANGO_SCALE;
      line++;
    }
  while (line < n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  n_lines = line;

  if (first_page != NULL)
    *first_page = NULL;

  line = 0;
  while (line < n_lines)
    {
      int last = line;
      Item *item;

      /* As many whole lines as fit; at least one on an empty page. */
      while (last < n_lines && self->y + (tops[last + 1] - tops[line]) <= self->bottom + 0.01)
        last++;
      /* Do not leave a paragraph's first line alone at the foot of a page. */
      if (last == line + 1 && line == 0 && n_lines > 1 && !page_is_empty (self))
        last = line;
      if (last == line)
        {
          if (page_is_empty (self))
            last = line + 1;
          else
            {
              start_page (self);
              continue;
            }
        }

      item = add_item (self, self->page, self->left + indent, self->y,
                       content_width (self) - indent, tops[last] - tops[line]);
      item->layout = g_object_ref (layout);
      item->first_line = line;
      item->n_lines = last - line;
      item->colour = *colour;
      if (first_page != NULL && *first_page == NULL)
        {
          *first_page = self->page;
          *first_y = self->y;
        }
      self->y += tops[last] - tops[line];
      line = last;
      if (line < n_lines)
        start_page (self);
    }
}

static void
draw_text_item (OurCopy *self,
                cairo_t *cr,
                Item    *item)
{
  PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
  double origin = 0;
  int line = 0;

  cairo_set_source_rgba (cr, item->colour.red, item->colour.green, item->colour.blue,
                         item->colour.alpha);
  do
    {
      PangoRectangle logical;

      if (line < item->first_line)
        continue;
      if (line >= item->first_line + item->n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (line == item->first_line)
        origin = (double) logical.y / PANGO_SCALE;
      cairo_move_to (cr, item->x + (double) logical.x / PANGO_SCALE,
                     item->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - origin);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (++line, pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* ------------------------------------------------------------ text */

static double
style_size (OurCopy   *self,
            TextStyle  style)
{
  switch (style)
    {
    case STYLE_LABEL:
      return self->body_size * 1.08;
    case STYLE_SMALL:
      /* Large print keeps every line at least 16 pt. */
      return self->large_print ? self->body_size : self->body_size * 0.9;
    case STYLE_HEADING:
      return self->body_size * 1.9;
    case STYLE_TITLE:
      return self->body_size * 1.3;
    case STYLE_BODY:
    default:
      return self->body_size;
    }
}

static PangoLayout *
new_layout (OurCopy    *self,
            double      size,
            PangoWeight weight,
            double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) round (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (MAX (width, 10.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, 1.3);
  return layout;
}

static PangoLayout *
styled_layout (OurCopy    *self,
               TextStyle   style,
               double      width,
               const char *text)
{
  PangoWeight weight = style == STYLE_BODY || style == STYLE_SMALL ? PANGO_WEIGHT_NORMAL
                                                                   : PANGO_WEIGHT_BOLD;
  PangoLayout *layout = new_layout (self, style_size (self, style), weight, width);

  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A paragraph in @style across the content width (less @indent). */
static void
add_paragraph (OurCopy       *self,
               TextStyle      style,
               double         indent,
               const OurRgba *colour,
               const char    *text)
{
  g_autoptr(PangoLayout) layout = styled_layout (self, style, content_width (self) - indent, text);

  add_text (self, layout, indent, colour, NULL, NULL);
}

static void
add_markup (OurCopy       *self,
            double         indent,
            const OurRgba *colour,
            const char    *markup,
            Page         **first_page,
            double        *first_y)
{
  g_autoptr(PangoLayout) layout = new_layout (self, self->body_size, PANGO_WEIGHT_NORMAL,
                                              content_width (self) - indent);

  pango_layout_set_markup (layout, markup, -1);
  add_text (self, layout, indent, colour, first_page, first_y);
}

static double
line_height (OurCopy   *self,
             TextStyle  style)
{
  return style_size (self, style) * 1.3 * 1.25;
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

/* "12 March 2027" for an ISO date, or NULL. */
static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL)
    return NULL;
  /* TRANSLATORS: a date on a printed copy, e.g. "12 March 2027"; see
   * g_date_time_format(). */
  return g_date_time_format (date, C_("copy date", "%-d %B %Y"));
}

/* ------------------------------------------------------------ drawings */

static void
set_source (cairo_t       *cr,
            const OurRgba *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_rule (OurCopy *self,
           cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   height,
           gpointer data)
{
  const OurRgba *colour = data;

  set_source (cr, colour);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

static void
draw_panel (OurCopy *self,
            cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   height,
            gpointer data)
{
  const OurRgba *colour = data;

  set_source (cr, colour);
  rounded_rectangle (cr, x, y, width, height, 10);
  cairo_fill (cr);
}

static void
draw_dot (OurCopy *self,
          cairo_t *cr,
          double   x,
          double   y,
          double   width,
          double   height,
          gpointer data)
{
  const OurRgba *colour = data;

  set_source (cr, colour);
  cairo_arc (cr, x + width / 2, y + height / 2, MIN (width, height) / 2, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_symbol (OurCopy *self,
             cairo_t *cr,
             double   x,
             double   y,
             double   width,
             double   height,
             gpointer data)
{
  our_symbols_render (cr, data, x, y, MIN (width, height));
}

static void
draw_progress (OurCopy *self,
               cairo_t *cr,
               double   x,
               double   y,
               double   width,
               double   height,
               gpointer data)
{
  OurProgressColors colours = {
    .filled = accent,
    .empty = { 0.87, 0.87, 0.86, 1.0 },
    .outline = { 0, 0, 0, 0 },
  };

  our_progress_render (cr, x, y, width, height, GPOINTER_TO_UINT (data), OUR_PROGRESS_MAX,
                       &colours);
}

/* Text drawn whole at a fixed place, e.g. beside the progress scale. */
static void
draw_layout (OurCopy *self,
             cairo_t *cr,
             double   x,
             double   y,
             double   width,
             double   height,
             gpointer data)
{
  PangoLayout *layout = data;
  int layout_height;

  pango_layout_get_size (layout, NULL, &layout_height);
  set_source (cr, &ink);
  cairo_move_to (cr, x, y + (height - (double) layout_height / PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
}

typedef struct
{
  OurNetworkLayout *layout;
  OurNetworkLine   *lines;
  guint             n_lines;
  char             *centre_name;
} Diagram;

static void
diagram_free (gpointer data)
{
  Diagram *diagram = data;

  our_network_layout_free (diagram->layout);
  /* The symbols are copies: the plan may change while a PDF is written. */
  for (guint i = 0; i < diagram->n_lines; i++)
    g_free ((char *) diagram->lines[i].symbol);
  g_free (diagram->lines);
  g_free (diagram->centre_name);
  g_free (diagram);
}

static void
draw_diagram (OurCopy *self,
              cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              gpointer data)
{
  Diagram *diagram = data;

  cairo_save (cr);
  rounded_rectangle (cr, x, y, width, height, 14);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  our_network_render (cr, self->context, diagram->layout, diagram->lines,
                      diagram->centre_name, our_network_style_get (FALSE));
  cairo_restore (cr);
}


static void
draw_board (OurCopy *self,
            cairo_t *cr,
            double   x,
            double   y,
            double   width,
            double   height,
            gpointer data)
{
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.97, 0.97, 0.96, 1);
  rounded_rectangle (cr, x, y, width, height, 14);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_translate (cr, x + 8, y + 8);
  our_board_render (cr, self->context, self->plan, width - 16, height - 16, FALSE);
  cairo_restore (cr);
}

/* ------------------------------------------------------------ blocks */

/* A section's heading with a coloured rule under it, kept with the first
 * lines after it. */
static void
add_heading (OurCopy       *self,
             const char    *text,
             const OurRgba *colour)
{
  g_autoptr(PangoLayout) layout = styled_layout (self, STYLE_HEADING, content_width (self), text);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  add_space (self, self->body_size * 1.6);
  keep_together (self, (double) height / PANGO_SCALE + 10 + 3 * line_height (self, STYLE_BODY));
  add_text (self, layout, 0, colour, NULL, NULL);
  add_space (self, 4);
  add_drawing (self, self->left, content_width (self), 2.5, draw_rule, (gpointer) colour, NULL);
  add_space (self, self->body_size * 0.9);
}

/* A label ("What matters to me") kept with at least two lines of its text. */
static void
add_label (OurCopy       *self,
           const char    *text,
           double         indent,
           const OurRgba *colour)
{
  g_autoptr(PangoLayout) layout = styled_layout (self, STYLE_LABEL, content_width (self) - indent, text);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  keep_together (self, (double) height / PANGO_SCALE + 2 * line_height (self, STYLE_BODY));
  add_text (self, layout, indent, colour, NULL, NULL);
  add_space (self, 2);
}

/* The person's voice stays visible: words the coordinator wrote in the
 * person's parts of the plan say so (the person's own words need no mark). */
static void
add_attribution (OurCopy   *self,
                 double     indent,
                 OurAuthor  author)
{
  if (author == OUR_AUTHOR_COORDINATOR)
    add_paragraph (self, STYLE_SMALL, indent, &dim_ink, our_author_get_label (author));
}

static void
add_labelled_text (OurCopy       *self,
                   const char    *label,
                   const char    *text,
                   OurAuthor      author,
                   const OurRgba *colour)
{
  add_space (self, self->body_size * 0.8);
  add_label (self, label, 0, colour);
  add_paragraph (self, STYLE_BODY, 0, &ink, text);
  add_attribution (self, 0, author);
}

/* A bullet point: a small dot beside the first line of @markup. */
static void
add_bullet (OurCopy       *self,
            const char    *markup,
            const OurRgba *dot_colour)
{
  double indent = self->body_size * 1.4;
  double dot = self->body_size * 0.42;
  Page *page = NULL;
  double top = 0;
  Item *item;

  add_space (self, self->body_size * 0.35);
  add_markup (self, indent, &ink, markup, &page, &top);
  if (page == NULL)
    return;
  item = add_item (self, page, self->left + self->body_size * 0.3,
                   top + (line_height (self, STYLE_BODY) - dot) / 2 - self->body_size * 0.05,
                   dot, dot);
  item->draw = draw_dot;
  item->data = (gpointer) dot_colour;
}

/* ------------------------------------------------------------ the parts */

static const OurMeField me_fields[] = {
  OUR_ME_FIELD_WHAT_MATTERS, OUR_ME_FIELD_GOOD_DAY, OUR_ME_FIELD_GOOD_AT,
  OUR_ME_FIELD_WHAT_HELPS, OUR_ME_FIELD_WHAT_DOES_NOT_HELP, OUR_ME_FIELD_HOW_TO_TALK,
};

/* Whether this copy prints @section: shared with whoever the copy is for,
 * and with something in it (empty sections are left out). */
static gboolean
prints_section (OurCopy    *self,
                OurSection  section)
{
  GListModel *notes;
  gboolean any = FALSE;

  if (!our_plan_copy_shows (self->plan, self->kind, self->carer_id, section))
    return FALSE;
  switch (section)
    {
    case OUR_SECTION_ME:
      for (guint i = 0; i < G_N_ELEMENTS (me_fields); i++)
        any |= has_text (our_plan_get_me_text (self->plan, me_fields[i]));
      return any;
    case OUR_SECTION_GOALS:
      return our_plan_get_n_goals (self->plan) > 0;
    case OUR_SECTION_PEOPLE:
      return our_plan_get_n_members (self->plan) > 0;
    case OUR_SECTION_BOARD:
      return g_list_model_get_n_items (our_plan_get_board_items (self->plan)) > 0 ||
             g_list_model_get_n_items (our_plan_get_board_zones (self->plan)) > 0;
    case OUR_SECTION_STAYING_WELL:
      for (guint i = 0; i < OUR_N_WELL_FIELDS; i++)
        any |= has_text (our_plan_get_well_text (self->plan, i));
      return any || g_list_model_get_n_items (our_plan_get_crisis_contacts (self->plan)) > 0;
    case OUR_SECTION_SAFETY_NOTES:
      notes = our_plan_get_safety_notes (self->plan);
      if (self->kind == OUR_COPY_TEAM)
        return g_list_model_get_n_items (notes) > 0;
      /* The person's copy says when the team holds notes back. */
      if (self->kind == OUR_COPY_PERSON && our_plan_count_team_only_notes (self->plan) > 0)
        return TRUE;
      return g_list_model_get_n_items (notes) > our_plan_count_team_only_notes (self->plan);
    default:
      return FALSE;
    }
}

static const char *
person_name (OurCopy *self)
{
  return our_plan_get_me_text (self->plan, OUR_ME_FIELD_PREFERRED_NAME);
}

static void
add_cover (OurCopy *self)
{
  const char *name = person_name (self);
  const char *coordinator = our_plan_get_me_text (self->plan, OUR_ME_FIELD_COORDINATOR_NAME);
  const char *contact = our_plan_get_me_text (self->plan, OUR_ME_FIELD_COORDINATOR_CONTACT);
  g_autofree char *review = format_date (our_plan_get_me_text (self->plan, OUR_ME_FIELD_REVIEW_DATE));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *made = NULL;
  g_autoptr(PangoLayout) big = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  double width = content_width (self);
  double panel_top, pad = self->body_size * 1.4;
  /* Large print keeps the cover on one page: its gaps do not grow. */
  double gap = MIN (self->body_size, 12.0);
  Item *panel;
  Page *page;

  self->y = self->top + (self->page_height - self->top) * 0.08;

  switch (self->kind)
    {
    case OUR_COPY_PERSON:
      title = g_strdup (has_text (name) ? name : _("My plan"));
      subtitle = g_strdup (has_text (name) ? _("My plan") : "");
      break;
    case OUR_COPY_CARER:
      title = g_strdup (self->owner_label);
      subtitle = has_text (name) ? g_strdup_printf (_("%s’s plan"), name) : g_strdup (_("A care plan"));
      break;
    case OUR_COPY_TEAM:
    default:
      title = g_strdup (_("Team copy"));
      subtitle = has_text (name) ? g_strdup_printf (_("%s’s plan"), name) : g_strdup (_("A care plan"));
      break;
    }

  add_drawing (self, self->left, 56, 5, draw_rule, (gpointer) &accent, NULL);
  add_space (self, self->body_size * 1.2);
  big = new_layout (self, MIN (self->body_size * 3.1, 40), PANGO_WEIGHT_BOLD, width);
  pango_layout_set_text (big, title, -1);
  pango_layout_set_line_spacing (big, 1.1);
  add_text (self, big, 0, &ink, NULL, NULL);
  if (*subtitle)
    {
      add_space (self, 4);
      sub = new_layout (self, MAX (self->body_size * 1.7, 22), PANGO_WEIGHT_NORMAL, width);
      pango_layout_set_text (sub, subtitle, -1);
      add_text (self, sub, 0, &dim_ink, NULL, NULL);
    }

  /* The next review date in large type, on a soft panel. */
  add_space (self, gap * 3);
  panel_top = self->y;
  page = self->page;
  panel = add_item (self, page, self->left, panel_top, width, 0);
  panel->draw = draw_panel;
  panel->data = (gpointer) &pale_accent;
  self->y += pad;
  if (review != NULL)
    {
      g_autoptr(PangoLayout) date = new_layout (self, MIN (self->body_size * 3.6, 44), PANGO_WEIGHT_BOLD,
                                                width - 2 * pad);

      add_paragraph (self, STYLE_LABEL, pad, &accent,
                     self->kind == OUR_COPY_PERSON ? _("My next review") : _("Next review"));
      add_space (self, 2);
      pango_layout_set_text (date, review, -1);
      pango_layout_set_line_spacing (date, 1.05);
      add_text (self, date, pad, &accent, NULL, NULL);
    }
  else
    add_paragraph (self, STYLE_LABEL, pad, &accent, _("No review date has been agreed yet."));
  self->y += pad;
  if (self->page == page)
    panel->height = self->y - panel_top;

  if (has_text (coordinator) || has_text (contact))
    {
      add_space (self, gap * 2.2);
      add_paragraph (self, STYLE_LABEL, 0, &accent,
                     self->kind == OUR_COPY_PERSON ? _("My care coordinator") : _("Care coordinator"));
      add_space (self, 2);
      if (has_text (coordinator))
        add_paragraph (self, STYLE_TITLE, 0, &ink, coordinator);
      if (has_text (contact))
        {
          g_autofree char *reach = g_strdup_printf (_("How to reach them: %s"), contact);

          add_paragraph (self, STYLE_BODY, 0, &ink, reach);
        }
    }

  /* What the following pages hold, so a missing part is noticed. */
  {
    GString *parts = g_string_new (NULL);

    for (guint i = 0; i < OUR_N_SECTIONS; i++)
      if (prints_section (self, i))
        {
          if (parts->len > 0)
            g_string_append (parts, "   ·   ");
          g_string_append (parts, our_section_get_label (i));
        }
    if (parts->len > 0)
      {
        add_space (self, gap * 2.2);
        add_label (self, _("In this copy"), 0, &accent);
        add_paragraph (self, STYLE_BODY, 0, &ink, parts->str);
      }
    g_string_free (parts, TRUE);
  }

  add_space (self, gap * 2.2);
  if (self->kind == OUR_COPY_CARER)
    {
      g_autofree char *why = NULL;

      if (has_text (name))
        why = g_strdup_printf (_("This copy holds only the parts of the plan that %s chose to "
                                 "share with you."), name);
      else
        why = g_strdup (_("This copy holds only the parts of the plan that were shared with you."));
      add_paragraph (self, STYLE_BODY, 0, &dim_ink, why);
    }
  else if (self->kind == OUR_COPY_TEAM)
    add_paragraph (self, STYLE_BODY, 0, &dim_ink,
                   _("This copy holds everything in the plan, including notes the team keeps "
                     "private. Keep it safe."));

  made = g_strdup_printf (_("This copy was made on %s."), self->made_on_text);
  add_space (self, self->body_size * 0.4);
  add_paragraph (self, STYLE_BODY, 0, &dim_ink, made);
}

static void
add_me (OurCopy *self)
{
  const OurMeField *fields = me_fields;
  g_autofree char *made = NULL;

  if (!prints_section (self, OUR_SECTION_ME))
    return;

  break_page (self);
  add_heading (self, our_section_get_label (OUR_SECTION_ME), &accent);
  for (guint i = 0; i < G_N_ELEMENTS (me_fields); i++)
    {
      const char *text = our_plan_get_me_text (self->plan, fields[i]);

      if (has_text (text))
        add_labelled_text (self, our_me_field_get_label (fields[i]), text,
                           our_plan_get_me_author (self->plan, fields[i]), &accent);
    }
  made = format_date (our_plan_get_me_text (self->plan, OUR_ME_FIELD_MADE_ON));
  if (made != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("We first made this plan on %s."), made);

      add_space (self, self->body_size * 1.2);
      add_paragraph (self, STYLE_SMALL, 0, &dim_ink, line);
    }
}

static void
add_goal (OurCopy *self,
          OurGoal *goal,
          gboolean first)
{
  const char *symbol = our_goal_get_symbol (goal);
  const char *why = our_goal_get_text (goal, OUR_GOAL_TEXT_WHY);
  const char *title = our_goal_get_title (goal);
  gboolean with_symbol = has_text (symbol) && our_symbols_has (symbol);
  double symbol_size = self->body_size * 3.4;
  double indent = with_symbol ? symbol_size + self->body_size * 1.1 : 0;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) value = NULL;
  g_autofree char *value_text = NULL;
  double scale_width = MIN (content_width (self) * 0.45, self->body_size * 16);
  double scale_height = self->body_size * 2;
  GString *details = g_string_new (NULL);
  OurGoalStatus status = our_goal_get_status (goal);
  OurLifeArea area = our_goal_get_life_area (goal);
  double row_top;
  Page *row_page = NULL;
  int title_height;
  Item *item;

  if (!first)
    {
      add_space (self, self->body_size * 1.3);
      keep_together (self, 1.0 + self->body_size * 6);
      add_drawing (self, self->left, content_width (self), 0.75, draw_rule, (gpointer) &rule, NULL);
      add_space (self, self->body_size * 1.3);
    }

  /* The title with the goal's symbol beside it, kept with the progress. */
  title_layout = styled_layout (self, STYLE_TITLE, content_width (self) - indent,
                                has_text (title) ? title : _("A goal without a title yet"));
  pango_layout_get_size (title_layout, NULL, &title_height);
  keep_together (self, MAX ((double) title_height / PANGO_SCALE, with_symbol ? symbol_size : 0)
                       + scale_height + 4 * line_height (self, STYLE_BODY));
  add_text (self, title_layout, indent, &ink, &row_page, &row_top);
  if (with_symbol && row_page != NULL)
    {
      item = add_item (self, row_page, self->left, row_top, symbol_size, symbol_size);
      item->draw = draw_symbol;
      item->data = g_strdup (symbol);
      item->destroy = g_free;
      if (row_page == self->page)
        self->y = MAX (self->y, row_top + symbol_size - scale_height - self->body_size * 0.8);
    }

  if (status != OUR_GOAL_STATUS_ACTIVE)
    g_string_append (details, our_goal_status_get_label (status));
  if (area != OUR_LIFE_AREA_NONE)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append_printf (details, _("Part of life: %s"), our_life_area_get_label (area));
    }
  if (details->len > 0)
    add_paragraph (self, STYLE_SMALL, indent, &dim_ink, details->str);
  g_string_free (details, TRUE);

  /* Progress: the same scale as on screen, with its value in words. */
  add_space (self, self->body_size * 0.6);
  keep_together (self, scale_height);
  row_top = self->y;
  item = add_drawing (self, self->left + indent, scale_width, scale_height, draw_progress,
                      GUINT_TO_POINTER (our_goal_get_progress (goal)), NULL);
  value_text = g_strdup_printf (_("%u out of %u"), our_goal_get_progress (goal), OUR_PROGRESS_MAX);
  value = styled_layout (self, STYLE_BODY, content_width (self) - indent - scale_width, value_text);
  item = add_item (self, self->page, item->x + scale_width + self->body_size, item->y,
                   content_width (self) - indent - scale_width - self->body_size, scale_height);
  item->draw = draw_layout;
  item->data = g_steal_pointer (&value);
  item->destroy = g_object_unref;

  if (has_text (why))
    {
      add_space (self, self->body_size * 0.8);
      add_label (self, _("Why it matters"), indent, &accent);
      add_paragraph (self, STYLE_BODY, indent, &ink, why);
      add_attribution (self, indent, our_goal_get_author (goal, OUR_GOAL_TEXT_WHY));
    }

  if (our_goal_get_n_steps (goal) > 0)
    {
      add_space (self, self->body_size * 0.8);
      add_label (self, _("Small steps"), indent, &accent);
    }
  for (guint i = 0; i < our_goal_get_n_steps (goal); i++)
    {
      OurStep *step = our_goal_get_step (goal, i);
      const char *what = our_step_get_text (step, OUR_STEP_TEXT_WHAT);
      const char *who = our_plan_get_step_helper_name (self->plan, step);
      g_autofree char *when = format_date (our_step_get_text (step, OUR_STEP_TEXT_BY_WHEN));
      GString *markup = g_string_new (NULL);
      g_autofree char *escaped = g_markup_escape_text (has_text (what) ? what : "…", -1);
      double saved_left = self->left;

      g_string_append (markup, escaped);
      if (has_text (who) || when != NULL)
        {
          g_string_append (markup, "\n<span foreground=\"#5e5c64\">");
          if (has_text (who))
            {
              g_autofree char *who_escaped = g_markup_escape_text (who, -1);
              g_autofree char *line = g_strdup_printf (_("Who helps: %s"), who_escaped);

              g_string_append (markup, line);
            }
          if (has_text (who) && when != NULL)
            g_string_append (markup, "   ·   ");
          if (when != NULL)
            {
              g_autofree char *line = g_strdup_printf (_("By %s"), when);

              g_string_append (markup, line);
            }
          g_string_append (markup, "</span>");
        }
      self->left += indent;
      add_bullet (self, markup->str, &accent);
      self->left = saved_left;
      g_string_free (markup, TRUE);
    }
}

static void
add_goals (OurCopy *self)
{
  guint n = our_plan_get_n_goals (self->plan);

  if (!prints_section (self, OUR_SECTION_GOALS))
    return;
  break_page (self);
  add_heading (self, our_section_get_label (OUR_SECTION_GOALS), &accent);
  for (guint i = 0; i < n; i++)
    add_goal (self, our_plan_get_goal (self->plan, i), i == 0);
}

static void
add_people (OurCopy *self)
{
  guint n = our_plan_get_n_members (self->plan);
  g_autofree OurNetworkItem *items = NULL;
  g_autofree char *summary = NULL;
  Diagram *diagram;
  double width = content_width (self);
  double height;
  const char *name = person_name (self);

  if (!prints_section (self, OUR_SECTION_PEOPLE))
    return;
  break_page (self);
  add_heading (self, our_section_get_label (OUR_SECTION_PEOPLE), &accent);
  /* My copy speaks to the person; the others speak about them. */
  summary = our_network_summary_about (self->plan, self->kind == OUR_COPY_PERSON ? NULL : name);
  add_paragraph (self, STYLE_BODY, 0, &ink, summary);
  add_space (self, self->body_size);

  /* The diagram as big as the page allows, on this page or the next. */
  height = MIN (width * 0.92, (self->bottom - self->top) * 0.8);
  if (room_left (self) < height)
    {
      if (room_left (self) >= width * 0.7)
        height = room_left (self);
      else
        start_page (self);
    }
  items = g_new0 (OurNetworkItem, n);
  diagram = g_new0 (Diagram, 1);
  diagram->lines = g_new0 (OurNetworkLine, n);
  diagram->n_lines = n;
  for (guint i = 0; i < n; i++)
    {
      OurMember *member = our_plan_get_member (self->plan, i);

      items[i].ring = our_member_get_ring (member);
      items[i].angle = our_member_get_angle (member);
      items[i].name = our_member_get_name (member);
      diagram->lines[i].kind = our_member_get_kind (member);
      diagram->lines[i].contact = our_member_get_contact (member);
      diagram->lines[i].wished_for = our_member_get_wished_for (member);
      diagram->lines[i].symbol = g_strdup (our_member_get_symbol (member));
    }
  diagram->layout = our_network_layout_new (self->context, items, n, width, height);
  diagram->centre_name = g_strdup (has_text (name) ? name : _("Me"));
  add_drawing (self, self->left, width, height, draw_diagram, diagram, diagram_free);

  add_space (self, self->body_size * 1.2);
  add_label (self, self->kind == OUR_COPY_PERSON ? _("Who and what helps me") : _("Who and what helps"),
             0, &accent);
  for (guint i = 0; i < n; i++)
    {
      OurMember *member = our_plan_get_member (self->plan, i);
      const char *relationship = our_member_get_text (member, OUR_MEMBER_TEXT_RELATIONSHIP);
      const char *notes = our_member_get_text (member, OUR_MEMBER_TEXT_NOTES);
      g_autofree char *helps = our_helps_describe (our_member_get_helps (member));
      g_autofree char *escaped = g_markup_escape_text (our_member_get_name (member), -1);
      GString *markup = g_string_new (NULL);
      GString *facts = g_string_new (our_member_kind_get_label (our_member_get_kind (member)));
      OurContact contact = our_member_get_contact (member);
      static OurRgba colours[OUR_N_MEMBER_KINDS];
      OurMemberKind kind = our_member_get_kind (member);

      colours[kind] = our_member_kind_get_colour (kind, FALSE);
      g_string_append_printf (markup, "<b>%s</b>", escaped);
      if (has_text (relationship))
        {
          g_autofree char *rel = g_markup_escape_text (relationship, -1);

          g_string_append_printf (markup, " — %s", rel);
        }
      g_string_append_printf (facts, " · %s", our_ring_get_label (our_member_get_ring (member)));
      if (helps != NULL && *helps)
        {
          g_string_append (facts, " · ");
          g_string_append_printf (facts, _("helps with: %s"), helps);
        }
      if (contact != OUR_CONTACT_UNKNOWN)
        g_string_append_printf (facts, " · %s", our_contact_get_label (contact));
      if (our_member_get_wished_for (member))
        g_string_append_printf (facts, " · %s",
                                self->kind == OUR_COPY_PERSON ? _("I’d like more of this")
                                                              : _("would like more of this"));
      if (our_member_get_is_carer (member))
        g_string_append_printf (facts, " · %s", _("carer"));
      {
        g_autofree char *facts_escaped = g_markup_escape_text (facts->str, -1);

        g_string_append_printf (markup, "\n<span foreground=\"#5e5c64\">%s</span>", facts_escaped);
      }
      if (has_text (notes))
        {
          g_autofree char *notes_escaped = g_markup_escape_text (notes, -1);

          g_string_append_printf (markup, "\n%s", notes_escaped);
        }
      add_bullet (self, markup->str, &colours[kind]);
      g_string_free (markup, TRUE);
      g_string_free (facts, TRUE);
    }
}

static void
add_board (OurCopy *self)
{
  GListModel *items = our_plan_get_board_items (self->plan);
  GListModel *zones = our_plan_get_board_zones (self->plan);
  guint n_items = g_list_model_get_n_items (items);
  guint n_zones = g_list_model_get_n_items (zones);
  double bx, by, bw, bh, width = content_width (self), height;

  if (!prints_section (self, OUR_SECTION_BOARD))
    return;
  break_page (self);
  add_heading (self, our_section_get_label (OUR_SECTION_BOARD), &accent);

  /* The board as a picture, keeping its shape, then in words. */
  if (our_board_get_extents (self->plan, &bx, &by, &bw, &bh) && bw > 0 && bh > 0)
    {
      height = CLAMP (width * bh / bw, width * 0.3, (self->bottom - self->top) * 0.75);
      if (room_left (self) < height && room_left (self) >= height * 0.6)
        height = room_left (self);
      add_drawing (self, self->left, width, height, draw_board, NULL, NULL);
      add_space (self, self->body_size * 1.2);
    }

  if (n_zones > 0)
    {
      GString *names = g_string_new (NULL);

      for (guint i = 0; i < n_zones; i++)
        {
          g_autoptr(OurBoardZone) zone = g_list_model_get_item (zones, i);

          if (!has_text (our_board_zone_get_name (zone)))
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, our_board_zone_get_name (zone));
        }
      if (names->len > 0)
        {
          g_autofree char *line = g_strdup_printf (_("Parts of the board: %s"), names->str);

          add_paragraph (self, STYLE_BODY, 0, &ink, line);
        }
      g_string_free (names, TRUE);
    }
  if (n_items > 0)
    {
      add_space (self, self->body_size * 0.6);
      add_label (self, self->kind == OUR_COPY_PERSON ? _("What is on my board") : _("What is on the board"),
                 0, &accent);
    }
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
      g_autofree char *text = our_board_item_describe (item);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      add_bullet (self, escaped, &accent);
    }
}

static void
add_staying_well (OurCopy *self)
{
  GListModel *contacts = our_plan_get_crisis_contacts (self->plan);
  guint n_contacts = g_list_model_get_n_items (contacts);

  if (!prints_section (self, OUR_SECTION_STAYING_WELL))
    return;

  break_page (self);
  add_heading (self, our_section_get_label (OUR_SECTION_STAYING_WELL), &well_accent);
  for (guint i = 0; i < OUR_N_WELL_FIELDS; i++)
    {
      const char *text = our_plan_get_well_text (self->plan, i);

      if (has_text (text))
        add_labelled_text (self, our_well_field_get_label (i), text,
                           our_plan_get_well_author (self->plan, i), &well_accent);
    }
  if (n_contacts == 0)
    return;

  add_space (self, self->body_size * 1.4);
  add_label (self, _("Who to contact when things get hard"), 0, &well_accent);
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(OurCrisisContact) contact = g_list_model_get_item (contacts, i);
      const char *phone = our_crisis_contact_get_phone (contact);
      const char *when = our_crisis_contact_get_when (contact);
      g_autofree char *name = g_markup_escape_text (our_plan_get_crisis_contact_name (self->plan, contact), -1);
      GString *markup = g_string_new (NULL);

      g_string_append_printf (markup, "<b>%s</b>", name);
      if (has_text (phone))
        {
          g_autofree char *escaped = g_markup_escape_text (phone, -1);

          g_string_append_printf (markup, "   <b>%s</b>", escaped);
        }
      if (has_text (when))
        {
          g_autofree char *escaped = g_markup_escape_text (when, -1);

          g_string_append_printf (markup, "\n<span foreground=\"#5e5c64\">%s</span>", escaped);
        }
      add_bullet (self, markup->str, &well_accent);
      g_string_free (markup, TRUE);
    }
}

static void
add_safety_notes (OurCopy *self)
{
  GListModel *notes = our_plan_get_safety_notes (self->plan);
  guint n = g_list_model_get_n_items (notes);
  guint n_team_only = our_plan_count_team_only_notes (self->plan);
  guint n_shown = 0;
  gboolean heading = FALSE;

  if (!prints_section (self, OUR_SECTION_SAFETY_NOTES))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OurSafetyNote) note = g_list_model_get_item (notes, i);
      gboolean team_only = our_safety_note_get_team_only (note);
      g_autofree char *talked = format_date (our_safety_note_get_talked_on (note));
      g_autofree char *written = format_date (our_safety_note_get_written_on (note));
      g_autoptr(GString) facts = g_string_new (NULL);
      double saved_left;
      Page *page = NULL;
      double top = 0;
      Item *item;

      if (team_only && self->kind != OUR_COPY_TEAM)
        continue;
      if (!heading)
        {
          if (self->page->items->len > 0 && room_left (self) < (self->bottom - self->top) * 0.3)
            start_page (self);
          add_heading (self, our_section_get_label (OUR_SECTION_SAFETY_NOTES), &well_accent);
          heading = TRUE;
        }

      add_space (self, self->body_size * (n_shown > 0 ? 1.0 : 0.4));
      keep_together (self, 4 * line_height (self, STYLE_BODY));
      saved_left = self->left;
      self->left += self->body_size * 0.9;
      {
        g_autoptr(PangoLayout) kind = styled_layout (self, STYLE_LABEL, content_width (self),
                                                     our_safety_note_kind_get_label (our_safety_note_get_kind (note)));

        add_text (self, kind, 0, &well_accent, &page, &top);
      }
      if (team_only)
        add_paragraph (self, STYLE_LABEL, 0, &ink,
                       _("Team only: this note is not in the person’s copy or any carer’s copy."));
      add_paragraph (self, STYLE_BODY, 0, &ink, our_safety_note_get_text (note));
      if (our_safety_note_get_talked_together (note))
        {
          if (talked != NULL)
            g_string_append_printf (facts, _("Talked about together on %s"), talked);
          else
            g_string_append (facts, _("Talked about together"));
        }
      else
        g_string_append (facts, _("Not yet talked about together"));
      if (written != NULL)
        {
          g_string_append (facts, "   ·   ");
          g_string_append_printf (facts, _("Written on %s"), written);
        }
      add_paragraph (self, STYLE_SMALL, 0, &dim_ink, facts->str);
      self->left = saved_left;

      /* A bar down the left of the note, on the page where it starts. */
      if (page != NULL)
        {
          item = add_item (self, page, self->left, top, 3,
                           page == self->page ? self->y - top : self->bottom - top);
          item->draw = draw_rule;
          item->data = (gpointer) (team_only ? &ink : &well_accent);
        }
      n_shown++;
    }

  /* The person's copy says that held-back notes exist, never what they say. */
  if (self->kind == OUR_COPY_PERSON && n_team_only > 0)
    {
      g_autofree char *line = NULL;

      if (!heading)
        {
          add_heading (self, our_section_get_label (OUR_SECTION_SAFETY_NOTES), &well_accent);
          heading = TRUE;
        }
      if (n_shown > 0)
        line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "There is %u more note that the team keeps private.",
                                             "There are %u more notes that the team keeps private.",
                                             n_team_only), n_team_only);
      else
        line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "There is %u note that the team keeps private.",
                                             "There are %u notes that the team keeps private.",
                                             n_team_only), n_team_only);
      {
        g_autofree char *markup = g_markup_printf_escaped ("%s\n<span size=\"%d\">%s</span>", line,
                                                          (int) (style_size (self, STYLE_SMALL) * PANGO_SCALE),
                                                          _("You can ask your care coordinator about it."));

        add_space (self, self->body_size * 0.9);
        add_markup (self, 0, &dim_ink, markup, NULL, NULL);
      }
    }
}

/* ------------------------------------------------------------ object */

static void
our_copy_finalize (GObject *object)
{
  OurCopy *self = OUR_COPY (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_free (self->carer_id);
  g_free (self->owner_label);
  g_free (self->made_on_text);
  G_OBJECT_CLASS (our_copy_parent_class)->finalize (object);
}

static void
our_copy_class_init (OurCopyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = our_copy_finalize;
}

static void
our_copy_init (OurCopy *self)
{
  self->pages = g_ptr_array_new_with_free_func (page_free);
}

/* A pango context measuring in points, with unhinted metrics, so that a
 * copy lays out the same on a PDF, a printer and the preview. */
static PangoContext *
new_print_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY " 11");

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_font_description (context, font);
  pango_font_description_free (font);
  return context;
}

static char *
make_owner_label (OurPlan           *plan,
                  OurCopyKind        kind,
                  const char        *carer_id)
{
  const char *name = our_plan_get_me_text (plan, OUR_ME_FIELD_PREFERRED_NAME);
  OurMember *carer;

  switch (kind)
    {
    case OUR_COPY_PERSON:
      /* TRANSLATORS: whose copy a printed page is, e.g. "Gwen’s copy" */
      return has_text (name) ? g_strdup_printf (_("%s’s copy"), name) : g_strdup (_("My copy"));
    case OUR_COPY_CARER:
      carer = carer_id != NULL ? our_plan_find_member (plan, carer_id, NULL) : NULL;
      /* TRANSLATORS: a carer's printed copy, e.g. "Copy for Sam" */
      return carer != NULL && has_text (our_member_get_name (carer))
             ? g_strdup_printf (_("Copy for %s"), our_member_get_name (carer))
             : g_strdup (_("Copy for a carer"));
    case OUR_COPY_TEAM:
    default:
      return g_strdup (_("Team copy"));
    }
}

OurCopy *
our_copy_new (OurPlan              *plan,
              const OurCopyOptions *options,
              double                page_width,
              double                page_height)
{
  OurCopy *self;
  g_autoptr(GDateTime) now = NULL;
  double margin;

  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (OUR_TYPE_COPY, NULL);
  self->plan = g_object_ref (plan);
  self->kind = (guint) options->kind < OUR_N_COPY_KINDS ? options->kind : OUR_COPY_PERSON;
  self->carer_id = g_strdup (options->carer_id);
  self->large_print = options->large_print;
  self->owner_label = make_owner_label (plan, self->kind, self->carer_id);
  now = options->made_on != NULL ? g_date_time_ref (options->made_on) : g_date_time_new_now_local ();
  self->made_on_text = g_date_time_format (now, C_("copy date", "%-d %B %Y"));

  /* Any page a printer offers; nonsense sizes fall back to A4. */
  if (!(page_width >= 144 && page_width <= 14400 && page_height >= 144 && page_height <= 14400))
    {
      page_width = OUR_COPY_A4_WIDTH;
      page_height = OUR_COPY_A4_HEIGHT;
    }
  self->page_width = page_width;
  self->page_height = page_height;
  self->body_size = self->large_print ? OUR_COPY_LARGE_PRINT_SIZE : 11.5;
  margin = MIN (60.0, page_width * 0.1);
  self->left = margin;
  self->right = page_width - margin;
  self->top = MIN (56.0, page_height * 0.08);
  /* Room for the footer under the content. */
  self->bottom = page_height - MIN (56.0, page_height * 0.08) - (self->large_print ? 34 : 26);
  self->context = new_print_context ();

  start_page (self);
  add_cover (self);
  add_me (self);
  add_goals (self);
  add_people (self);
  add_board (self);
  add_staying_well (self);
  add_safety_notes (self);

  /* Nothing may point at the plan's changing parts after layout but the
   * board (drawn from the plan): keep the plan for it. */
  return self;
}

guint
our_copy_get_n_pages (OurCopy *self)
{
  g_return_val_if_fail (OUR_IS_COPY (self), 0);

  return self->pages->len;
}

void
our_copy_get_page_size (OurCopy *self,
                        double  *width,
                        double  *height)
{
  g_return_if_fail (OUR_IS_COPY (self));

  if (width)
    *width = self->page_width;
  if (height)
    *height = self->page_height;
}

const char *
our_copy_get_owner_label (OurCopy *self)
{
  g_return_val_if_fail (OUR_IS_COPY (self), NULL);

  return self->owner_label;
}

static void
draw_footer (OurCopy *self,
             cairo_t *cr,
             guint    page)
{
  double size = self->large_print ? 12 : 8.5;
  double y = self->bottom + (self->large_print ? 14 : 12);
  double widths[3] = { content_width (self) * 0.3, content_width (self) * 0.4,
                       content_width (self) * 0.3 };
  double x = self->left;
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autofree char *made = g_strdup_printf (_("Made on %s"), self->made_on_text);
  const char *texts[3] = { self->owner_label, made, number };
  PangoAlignment alignments[3] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT };

  set_source (cr, &rule);
  cairo_rectangle (cr, self->left, y - 6, content_width (self), 0.6);
  cairo_fill (cr);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (self, size, i == 0 ? PANGO_WEIGHT_BOLD
                                                                     : PANGO_WEIGHT_NORMAL, widths[i]);

      pango_layout_set_text (layout, texts[i], -1);
      pango_layout_set_alignment (layout, alignments[i]);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      set_source (cr, &dim_ink);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      x += widths[i];
    }
}

void
our_copy_render_page (OurCopy *self,
                      cairo_t *cr,
                      guint    page)
{
  Page *p;

  g_return_if_fail (OUR_IS_COPY (self));
  g_return_if_fail (cr != NULL);

  if (page >= self->pages->len)
    return;
  p = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  for (guint i = 0; i < p->items->len; i++)
    {
      Item *item = g_ptr_array_index (p->items, i);

      cairo_save (cr);
      cairo_new_path (cr);
      if (item->layout != NULL)
        draw_text_item (self, cr, item);
      else if (item->draw != NULL && item->height > 0)
        item->draw (self, cr, item->x, item->y, item->width, item->height, item->data);
      cairo_restore (cr);
    }
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

OurCopyRecord *
our_copy_new_log_record (OurPlan              *plan,
                         const OurCopyOptions *options,
                         OurCopyMedium         medium)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *made_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *id = our_new_id ();
  OurMember *carer = NULL;

  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->kind == OUR_COPY_CARER && options->carer_id != NULL)
    carer = our_plan_find_member (plan, options->carer_id, NULL);
  return our_copy_record_new (id, options->kind, medium,
                              carer != NULL ? our_member_get_id (carer) : "",
                              carer != NULL ? our_member_get_name (carer) : "",
                              made_at, options->large_print);
}

/* ------------------------------------------------------------ PDF */

typedef struct
{
  int  fd;
  int  error;               /* errno of the first failed write, or 0 */
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->error = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError    **error,
                 int         code,
                 const char *folder)
{
  g_autofree char *display = g_filename_display_name (folder);

  switch (code)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_NO_FOLDER,
                   _("The folder “%s” does not exist. Choose another folder."), display);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_READ_ONLY,
                   _("Our Plan may not save in the folder “%s”. Choose another folder."), display);
      break;
    case ENOSPC:
    case EFBIG:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_NO_SPACE,
                   _("The disk is full, so the copy was not saved. Free some space and try again."));
      break;
    case EISDIR:
      g_set_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_FAILED,
                   _("There is a folder with that name. Choose another name for the copy."));
      break;
    default:
      g_set_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_FAILED,
                   _("The copy could not be saved in “%s” (%s)."), display, g_strerror (code));
      break;
    }
}

gboolean
our_copy_check_folder (const char  *path,
                       GError     **error)
{
  g_autofree char *folder = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_path_get_dirname (path);
  /* A folder inside one we may not look into cannot be seen either: that
   * is "may not", never "does not exist". */
  if (g_stat (folder, &st) != 0)
    {
      set_write_error (error, errno, folder);
      return FALSE;
    }
  if (!S_ISDIR (st.st_mode))
    {
      set_write_error (error, ENOTDIR, folder);
      return FALSE;
    }
  if (access (folder, W_OK | X_OK) != 0)
    {
      set_write_error (error, errno, folder);
      return FALSE;
    }
  return TRUE;
}

/* A PDF on its way to disk: a temporary file in the target folder until
 * every page is written and synced, then renamed into place. */
typedef struct
{
  OurCopy         *copy;
  char            *path;
  char            *folder;
  char            *temp_path;
  Sink             sink;
  cairo_surface_t *surface;
  guint            next_page;
} Writer;

static void
writer_free (Writer *writer)
{
  if (writer->surface != NULL)
    {
      cairo_surface_finish (writer->surface);
      cairo_surface_destroy (writer->surface);
    }
  if (writer->sink.fd >= 0)
    close (writer->sink.fd);
  if (writer->temp_path != NULL)
    g_unlink (writer->temp_path);
  g_clear_object (&writer->copy);
  g_free (writer->path);
  g_free (writer->folder);
  g_free (writer->temp_path);
  g_free (writer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Writer, writer_free)

static Writer *
writer_new (OurCopy     *self,
            const char  *path,
            GError     **error)
{
  g_autoptr(Writer) writer = g_new0 (Writer, 1);

  writer->copy = g_object_ref (self);
  writer->path = g_strdup (path);
  writer->sink.fd = -1;
  writer->folder = g_path_get_dirname (path);
  if (!our_copy_check_folder (path, error))
    return NULL;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, EISDIR, writer->folder);
      return NULL;
    }

  writer->temp_path = g_build_filename (writer->folder, ".ourplan-copy-XXXXXX", NULL);
  writer->sink.fd = g_mkstemp_full (writer->temp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (writer->sink.fd < 0)
    {
      set_write_error (error, errno, writer->folder);
      g_clear_pointer (&writer->temp_path, g_free);
      return NULL;
    }

  writer->surface = cairo_pdf_surface_create_for_stream (write_cb, &writer->sink,
                                                         self->page_width, self->page_height);
  /* Titles end up in print spools and viewers' recent lists: never the name. */
  cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_TITLE, _("Care plan"));
  cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_CREATOR, "Our Plan");
  return g_steal_pointer (&writer);
}

/* Writes the next page; FALSE once every page is written or a write failed. */
static gboolean
writer_write_page (Writer *writer)
{
  cairo_t *cr;

  if (writer->next_page >= writer->copy->pages->len || writer->sink.error != 0)
    return FALSE;
  cr = cairo_create (writer->surface);
  our_copy_render_page (writer->copy, cr, writer->next_page++);
  cairo_show_page (cr);
  cairo_destroy (cr);
  return writer->sink.error == 0 && writer->next_page < writer->copy->pages->len;
}

/* Finishes the PDF, syncs it and renames it into place; on any failure
 * removes the temporary file. */
static gboolean
writer_finish (Writer  *writer,
               GError **error)
{
  cairo_status_t status;
  int dir_fd;

  cairo_surface_finish (writer->surface);
  status = cairo_surface_status (writer->surface);
  g_clear_pointer (&writer->surface, cairo_surface_destroy);

  if (writer->sink.error == 0 && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, OUR_COPY_ERROR, OUR_COPY_ERROR_FAILED,
                   _("The copy could not be drawn (%s)."), cairo_status_to_string (status));
      return FALSE;     /* writer_free() removes the temporary file */
    }
  if (writer->sink.error == 0 && fsync (writer->sink.fd) != 0)
    writer->sink.error = errno;
  if (close (writer->sink.fd) != 0 && writer->sink.error == 0)
    writer->sink.error = errno;
  writer->sink.fd = -1;
  if (writer->sink.error == 0 && g_rename (writer->temp_path, writer->path) != 0)
    writer->sink.error = errno;
  if (writer->sink.error != 0)
    {
      set_write_error (error, writer->sink.error, writer->folder);
      return FALSE;
    }
  g_clear_pointer (&writer->temp_path, g_free);

  /* The rename itself survives a power cut once the folder is synced. */
  dir_fd = open (writer->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

gboolean
our_copy_write_pdf (OurCopy     *self,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(Writer) writer = NULL;

  g_return_val_if_fail (OUR_IS_COPY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = writer_new (self, path, error);
  if (writer == NULL)
    return FALSE;
  while (writer_write_page (writer))
    ;
  return writer_finish (writer, error);
}

/* One page per turn of the main loop: pango and the symbol cache stay on
 * the thread that made them, and the window keeps answering. */
static gboolean
write_next_page_cb (gpointer data)
{
  GTask *task = data;
  Writer *writer = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;
  if (writer_write_page (writer))
    return G_SOURCE_CONTINUE;
  if (writer_finish (writer, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  return G_SOURCE_REMOVE;
}

void
our_copy_write_pdf_async (OurCopy             *self,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Writer *writer;

  g_return_if_fail (OUR_IS_COPY (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, our_copy_write_pdf_async);
  writer = writer_new (self, path, &error);
  if (writer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, writer, (GDestroyNotify) writer_free);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_next_page_cb, g_object_ref (task),
                   g_object_unref);
}

gboolean
our_copy_write_pdf_finish (OurCopy       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
