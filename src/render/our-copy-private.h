/* our-copy-private.h: what the files of the printed copies share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The copies are one type split by concern: the object and its pages
 * (our-copy.c), the page flow and the blocks a copy is made of
 * (our-copy-flow.c), the parts of each copy (our-copy-parts.c) and writing
 * a PDF (our-copy-pdf.c).
 */
#pragma once

#include <pango/pangocairo.h>

#include "our-copy.h"
#include "our-network-layout.h"
#include "our-network-render.h"
#include "our-progress-render.h"

G_BEGIN_DECLS

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static const OurRgba ink G_GNUC_UNUSED = RGB (0x1e1e24);
static const OurRgba dim_ink G_GNUC_UNUSED = RGB (0x5e5c64);
static const OurRgba accent G_GNUC_UNUSED = RGB (0x1a5fb4);
static const OurRgba pale_accent G_GNUC_UNUSED = RGB (0xe8f0fb);
/* Staying well and safety look different, as on screen. */
static const OurRgba well_accent G_GNUC_UNUSED = RGB (0x813d9c);
static const OurRgba rule G_GNUC_UNUSED = RGB (0xc0bfbc);

typedef enum
{
  STYLE_BODY,
  STYLE_LABEL,        /* bold, a little larger: "What matters to me" */
  STYLE_SMALL,        /* dim details under a line */
  STYLE_HEADING,      /* a section */
  STYLE_TITLE,        /* a goal's title */
} TextStyle;

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

/* The support network as drawn on a page. */
typedef struct
{
  OurNetworkLayout *layout;
  OurNetworkLine   *lines;
  guint             n_lines;
  char             *centre_name;
} Diagram;

/* our-copy-flow.c: the page flow and the blocks a copy is made of */
void            our_copy_page_free (gpointer data);
void            our_copy_start_page (OurCopy *self);
void            our_copy_break_page (OurCopy *self);
double          our_copy_content_width (OurCopy *self);
double          our_copy_room_left (OurCopy *self);
void            our_copy_add_space (OurCopy *self,
                                    double   points);
void            our_copy_keep_together (OurCopy *self,
                                        double   height);
Item *          our_copy_add_item (OurCopy *self,
                                   Page    *page,
                                   double   x,
                                   double   y,
                                   double   width,
                                   double   height);
Item *          our_copy_add_drawing (OurCopy        *self,
                                      double          x,
                                      double          width,
                                      double          height,
                                      DrawFunc        draw,
                                      gpointer        data,
                                      GDestroyNotify  destroy);
void            our_copy_add_text (OurCopy        *self,
                                   PangoLayout    *layout,
                                   double          indent,
                                   const OurRgba  *colour,
                                   Page          **first_page,
                                   double         *first_y);
void            our_copy_draw_text_item (OurCopy *self,
                                         cairo_t *cr,
                                         Item    *item);
double          our_copy_style_size (OurCopy   *self,
                                     TextStyle  style);
PangoLayout *   our_copy_new_layout (OurCopy     *self,
                                     double       size,
                                     PangoWeight  weight,
                                     double       width);
PangoLayout *   our_copy_styled_layout (OurCopy    *self,
                                        TextStyle   style,
                                        double      width,
                                        const char *text);
void            our_copy_add_paragraph (OurCopy       *self,
                                        TextStyle      style,
                                        double         indent,
                                        const OurRgba *colour,
                                        const char    *text);
void            our_copy_add_markup (OurCopy        *self,
                                     double          indent,
                                     const OurRgba  *colour,
                                     const char     *markup,
                                     Page          **first_page,
                                     double         *first_y);
double          our_copy_line_height (OurCopy   *self,
                                      TextStyle  style);
gboolean        our_copy_has_text (const char *text);
char *          our_copy_format_date (const char *iso);
void            our_copy_set_source (cairo_t       *cr,
                                     const OurRgba *rgba);
void            our_copy_draw_rule (OurCopy  *self,
                                    cairo_t  *cr,
                                    double    x,
                                    double    y,
                                    double    width,
                                    double    height,
                                    gpointer  data);
void            our_copy_draw_panel (OurCopy  *self,
                                     cairo_t  *cr,
                                     double    x,
                                     double    y,
                                     double    width,
                                     double    height,
                                     gpointer  data);
void            our_copy_draw_symbol (OurCopy  *self,
                                      cairo_t  *cr,
                                      double    x,
                                      double    y,
                                      double    width,
                                      double    height,
                                      gpointer  data);
void            our_copy_draw_progress (OurCopy  *self,
                                        cairo_t  *cr,
                                        double    x,
                                        double    y,
                                        double    width,
                                        double    height,
                                        gpointer  data);
void            our_copy_draw_layout (OurCopy  *self,
                                      cairo_t  *cr,
                                      double    x,
                                      double    y,
                                      double    width,
                                      double    height,
                                      gpointer  data);
void            our_copy_diagram_free (gpointer data);
void            our_copy_draw_diagram (OurCopy  *self,
                                       cairo_t  *cr,
                                       double    x,
                                       double    y,
                                       double    width,
                                       double    height,
                                       gpointer  data);
void            our_copy_draw_board (OurCopy  *self,
                                     cairo_t  *cr,
                                     double    x,
                                     double    y,
                                     double    width,
                                     double    height,
                                     gpointer  data);
void            our_copy_add_heading (OurCopy       *self,
                                      const char    *text,
                                      const OurRgba *colour);
void            our_copy_add_label (OurCopy       *self,
                                    const char    *text,
                                    double         indent,
                                    const OurRgba *colour);
void            our_copy_add_attribution (OurCopy   *self,
                                          double     indent,
                                          OurAuthor  author);
void            our_copy_add_labelled_text (OurCopy       *self,
                                            const char    *label,
                                            const char    *text,
                                            OurAuthor      author,
                                            const OurRgba *colour);
void            our_copy_add_bullet (OurCopy       *self,
                                     const char    *markup,
                                     const OurRgba *dot_colour);

/* our-copy-parts.c: the parts of each copy */
void            our_copy_add_cover (OurCopy *self);
void            our_copy_add_me (OurCopy *self);
void            our_copy_add_goals (OurCopy *self);
void            our_copy_add_people (OurCopy *self);
void            our_copy_add_board (OurCopy *self);
void            our_copy_add_staying_well (OurCopy *self);
void            our_copy_add_safety_notes (OurCopy *self);

G_END_DECLS
