/* our-symbols.h: drawing the built-in symbols (simple SVGs made for Our Plan), for screen and paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "our-symbol-catalog.h"

G_BEGIN_DECLS

/* The names and search words are in our-symbol-catalog.h (the model's
 * vocabulary); this is the drawing. */

/* Draws symbol @key to fit a @size × @size square whose top-left corner is
 * (@x, @y). Returns FALSE (and draws nothing) for an unknown key. Parsed
 * SVGs are cached, so drawing a symbol many times per frame is cheap. */
gboolean     our_symbols_render         (cairo_t     *cr,
                                         const char  *key,
                                         double       x,
                                         double       y,
                                         double       size);

G_END_DECLS
