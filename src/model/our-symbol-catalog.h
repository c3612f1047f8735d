/* our-symbol-catalog.h: the built-in symbol library's keys, plain names and search words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Symbols are named by a short key ("home", "sleep", "worried"), which is
 * what plan files store. The SVGs are compiled into the core library as a
 * GResource under /org/ourplan/OurPlan/icons/scalable/actions/our-symbol-KEY.svg,
 * so GTK's icon theme finds them as "our-symbol-KEY" and the renderer draws
 * them without GTK. */

guint        our_symbols_get_n          (void);
/* The key of the symbol at @index (0 <= index < our_symbols_get_n()). */
const char  *our_symbols_get_key        (guint        index);
/* The plain, translated name ("Home", "Worried"), or NULL for an unknown key. */
const char  *our_symbols_get_label      (const char  *key);
/* Translated search words separated by spaces ("house flat room"), or NULL. */
const char  *our_symbols_get_keywords   (const char  *key);
gboolean     our_symbols_has            (const char  *key);
/* TRUE when @key's label or search words contain each word of @query (case-
 * and accent-insensitive, translated and untranslated). An empty query matches. */
gboolean     our_symbols_match          (const char  *key,
                                         const char  *query);
/* "our-symbol-KEY", for GtkImage / the icon theme. Free with g_free(). */
char        *our_symbols_get_icon_name  (const char  *key);

G_END_DECLS
