/* our-copy-flow.c: the page flow of the printed copies and the blocks they are made of: text, drawings, headings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
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
#include "our-copy-private.h"
#include "our-network-layout.h"
#include "our-network-render.h"
#include "our-network-summary.h"
#include "our-progress-render.h"
#include "our-symbols.h"

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

void
our_copy_page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

void
our_copy_start_page (OurCopy *self)
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
void
our_copy_break_page (OurCopy *self)
{
  if (!page_is_empty (self))
    our_copy_start_page (self);
}

double
our_copy_content_width (OurCopy *self)
{
  return self->right - self->left;
}

double
our_copy_room_left (OurCopy *self)
{
  return self->bottom - self->y;
}

/* Space between blocks; swallowed at the top of a page. */
void
our_copy_add_space (OurCopy *self,
                    double   points)
{
  if (!page_is_empty (self))
    self->y = MIN (self->y + points, self->bottom);
}

/* Moves to a new page when less than @height is left, so that a heading
 * never ends a page and a small block is not split. */
void
our_copy_keep_together (OurCopy *self,
                        double   height)
{
  if (our_copy_room_left (self) < height && !page_is_empty (self))
    our_copy_start_page (self);
}

Item *
our_copy_add_item (OurCopy *self,
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
Item *
our_copy_add_drawing (OurCopy        *self,
                      double          x,
                      double          width,
                      double          height,
                      DrawFunc        draw,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  Item *item;

  our_copy_keep_together (self, height);
  item = our_copy_add_item (self, self->page, x, self->y, width, height);
  item->draw = draw;
  item->data = data;
  item->destroy = destroy;
  self->y += height;
  return item;
}

/* Pours a paragraph into the pages line by line. Returns the page and the
 * top of its first line (for a bullet or a symbol beside it). */
void
our_copy_add_text (OurCopy       *self,
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
              our_copy_start_page (self);
              continue;
            }
        }

      item = our_copy_add_item (self, self->page, self->left + indent, self->y,
                                our_copy_content_width (self) - indent, tops[last] - tops[line]);
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
        our_copy_start_page (self);
    }
}

void
our_copy_draw_text_item (OurCopy *self,
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

double
our_copy_style_size (OurCopy   *self,
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

PangoLayout *
our_copy_new_layout (OurCopy    *self,
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

PangoLayout *
our_copy_styled_layout (OurCopy    *self,
                        TextStyle   style,
                        double      width,
                        const char *text)
{
  PangoWeight weight = style == STYLE_BODY || style == STYLE_SMALL ? PANGO_WEIGHT_NORMAL
                                                                   : PANGO_WEIGHT_BOLD;
  PangoLayout *layout = our_copy_new_layout (self, our_copy_style_size (self, style), weight, width);

  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A paragraph in @style across the content width (less @indent). */
void
our_copy_add_paragraph (OurCopy       *self,
                        TextStyle      style,
                        double         indent,
                        const OurRgba *colour,
                        const char    *text)
{
  g_autoptr(PangoLayout) layout = our_copy_styled_layout (self, style, our_copy_content_width (self) - indent, text);

  our_copy_add_text (self, layout, indent, colour, NULL, NULL);
}

void
our_copy_add_markup (OurCopy       *self,
                     double         indent,
                     const OurRgba *colour,
                     const char    *markup,
                     Page         **first_page,
                     double        *first_y)
{
  g_autoptr(PangoLayout) layout = our_copy_new_layout (self, self->body_size, PANGO_WEIGHT_NORMAL,
                                                       our_copy_content_width (self) - indent);

  pango_layout_set_markup (layout, markup, -1);
  our_copy_add_text (self, layout, indent, colour, first_page, first_y);
}

double
our_copy_line_height (OurCopy   *self,
                      TextStyle  style)
{
  return our_copy_style_size (self, style) * 1.3 * 1.25;
}

gboolean
our_copy_has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

/* "12 March 2027" for an ISO date, or NULL. */
char *
our_copy_format_date (const char *iso)
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

void
our_copy_set_source (cairo_t       *cr,
                     const OurRgba *rgba)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha);
}

void
our_copy_draw_rule (OurCopy *self,
                    cairo_t *cr,
                    double   x,
                    double   y,
                    double   width,
                    double   height,
                    gpointer data)
{
  const OurRgba *colour = data;

  our_copy_set_source (cr, colour);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

void
our_copy_draw_panel (OurCopy *self,
                     cairo_t *cr,
                     double   x,
                     double   y,
                     double   width,
                     double   height,
                     gpointer data)
{
  const OurRgba *colour = data;

  our_copy_set_source (cr, colour);
  our_progress_render_rounded_rectangle (cr, x, y, width, height, 10);
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

  our_copy_set_source (cr, colour);
  cairo_arc (cr, x + width / 2, y + height / 2, MIN (width, height) / 2, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
our_copy_draw_symbol (OurCopy *self,
                      cairo_t *cr,
                      double   x,
                      double   y,
                      double   width,
                      double   height,
                      gpointer data)
{
  our_symbols_render (cr, data, x, y, MIN (width, height));
}

void
our_copy_draw_progress (OurCopy *self,
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
void
our_copy_draw_layout (OurCopy *self,
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
  our_copy_set_source (cr, &ink);
  cairo_move_to (cr, x, y + (height - (double) layout_height / PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
}

void
our_copy_diagram_free (gpointer data)
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

void
our_copy_draw_diagram (OurCopy *self,
                       cairo_t *cr,
                       double   x,
                       double   y,
                       double   width,
                       double   height,
                       gpointer data)
{
  Diagram *diagram = data;

  cairo_save (cr);
  our_progress_render_rounded_rectangle (cr, x, y, width, height, 14);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  our_network_render (cr, self->context, diagram->layout, diagram->lines,
                      diagram->centre_name, our_network_style_get (FALSE));
  cairo_restore (cr);
}

void
our_copy_draw_board (OurCopy *self,
                     cairo_t *cr,
                     double   x,
                     double   y,
                     double   width,
                     double   height,
                     gpointer data)
{
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.97, 0.97, 0.96, 1);
  our_progress_render_rounded_rectangle (cr, x, y, width, height, 14);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_translate (cr, x + 8, y + 8);
  our_board_render (cr, self->context, self->plan, width - 16, height - 16, FALSE);
  cairo_restore (cr);
}

/* ------------------------------------------------------------ blocks */

/* A section's heading with a coloured rule under it, kept with the first
 * lines after it. */
void
our_copy_add_heading (OurCopy       *self,
                      const char    *text,
                      const OurRgba *colour)
{
  g_autoptr(PangoLayout) layout = our_copy_styled_layout (self, STYLE_HEADING, our_copy_content_width (self), text);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  our_copy_add_space (self, self->body_size * 1.6);
  our_copy_keep_together (self, (double) height / PANGO_SCALE + 10 + 3 * our_copy_line_height (self, STYLE_BODY));
  our_copy_add_text (self, layout, 0, colour, NULL, NULL);
  our_copy_add_space (self, 4);
  our_copy_add_drawing (self, self->left, our_copy_content_width (self), 2.5, our_copy_draw_rule, (gpointer) colour, NULL);
  our_copy_add_space (self, self->body_size * 0.9);
}

/* A label ("What matters to me") kept with at least two lines of its text. */
void
our_copy_add_label (OurCopy       *self,
                    const char    *text,
                    double         indent,
                    const OurRgba *colour)
{
  g_autoptr(PangoLayout) layout = our_copy_styled_layout (self, STYLE_LABEL, our_copy_content_width (self) - indent, text);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  our_copy_keep_together (self, (double) height / PANGO_SCALE + 2 * our_copy_line_height (self, STYLE_BODY));
  our_copy_add_text (self, layout, indent, colour, NULL, NULL);
  our_copy_add_space (self, 2);
}

/* The person's voice stays visible: words the coordinator wrote in the
 * person's parts of the plan say so (the person's own words need no mark). */
void
our_copy_add_attribution (OurCopy   *self,
                          double     indent,
                          OurAuthor  author)
{
  if (author == OUR_AUTHOR_COORDINATOR)
    our_copy_add_paragraph (self, STYLE_SMALL, indent, &dim_ink, our_author_get_label (author));
}

void
our_copy_add_labelled_text (OurCopy       *self,
                            const char    *label,
                            const char    *text,
                            OurAuthor      author,
                            const OurRgba *colour)
{
  our_copy_add_space (self, self->body_size * 0.8);
  our_copy_add_label (self, label, 0, colour);
  our_copy_add_paragraph (self, STYLE_BODY, 0, &ink, text);
  our_copy_add_attribution (self, 0, author);
}

/* A bullet point: a small dot beside the first line of @markup. */
void
our_copy_add_bullet (OurCopy       *self,
                     const char    *markup,
                     const OurRgba *dot_colour)
{
  double indent = self->body_size * 1.4;
  double dot = self->body_size * 0.42;
  Page *page = NULL;
  double top = 0;
  Item *item;

  our_copy_add_space (self, self->body_size * 0.35);
  our_copy_add_markup (self, indent, &ink, markup, &page, &top);
  if (page == NULL)
    return;
  item = our_copy_add_item (self, page, self->left + self->body_size * 0.3,
                            top + (our_copy_line_height (self, STYLE_BODY) - dot) / 2 - self->body_size * 0.05,
                            dot, dot);
  item->draw = draw_dot;
  item->data = (gpointer) dot_colour;
}

