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
#include "our-copy-private.h"
#include "our-network-layout.h"
#include "our-network-render.h"
#include "our-network-summary.h"
#include "our-progress-render.h"
#include "our-symbols.h"

G_DEFINE_FINAL_TYPE (OurCopy, our_copy, G_TYPE_OBJECT)

G_DEFINE_QUARK (our-copy-error-quark, our_copy_error)

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
  self->pages = g_ptr_array_new_with_free_func (our_copy_page_free);
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
      return our_copy_has_text (name) ? g_strdup_printf (_("%s’s copy"), name) : g_strdup (_("My copy"));
    case OUR_COPY_CARER:
      carer = carer_id != NULL ? our_plan_find_member (plan, carer_id, NULL) : NULL;
      /* TRANSLATORS: a carer's printed copy, e.g. "Copy for Sam" */
      return carer != NULL && our_copy_has_text (our_member_get_name (carer))
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

  our_copy_start_page (self);
  our_copy_add_cover (self);
  our_copy_add_me (self);
  our_copy_add_goals (self);
  our_copy_add_people (self);
  our_copy_add_board (self);
  our_copy_add_staying_well (self);
  our_copy_add_safety_notes (self);

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
  double widths[3] = { our_copy_content_width (self) * 0.3, our_copy_content_width (self) * 0.4,
                       our_copy_content_width (self) * 0.3 };
  double x = self->left;
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autofree char *made = g_strdup_printf (_("Made on %s"), self->made_on_text);
  const char *texts[3] = { self->owner_label, made, number };
  PangoAlignment alignments[3] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT };

  our_copy_set_source (cr, &rule);
  cairo_rectangle (cr, self->left, y - 6, our_copy_content_width (self), 0.6);
  cairo_fill (cr);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PangoLayout) layout = our_copy_new_layout (self, size, i == 0 ? PANGO_WEIGHT_BOLD
                                                           : PANGO_WEIGHT_NORMAL, widths[i]);

      pango_layout_set_text (layout, texts[i], -1);
      pango_layout_set_alignment (layout, alignments[i]);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      our_copy_set_source (cr, &dim_ink);
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
        our_copy_draw_text_item (self, cr, item);
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

