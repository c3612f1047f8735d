/* our-symbol-picker.h: a popover to find a symbol of the library by name or search word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OUR_TYPE_SYMBOL_PICKER (our_symbol_picker_get_type ())
G_DECLARE_FINAL_TYPE (OurSymbolPicker, our_symbol_picker, OUR, SYMBOL_PICKER, GtkPopover)

/* A search box (focused when the popover opens) above a grid of large
 * previews with their names, filtered as the person types. Arrow keys move in
 * the grid, Enter or a click chooses, Escape closes; Enter in the search box
 * chooses the first match.
 *
 * Properties: "symbol" (the current key, shown selected; "" for none),
 * "show-none" (gboolean: offer a "none" button), "none-label" (its words,
 * with a mnemonic).
 *
 * Signal "symbol-chosen" (const char *key): the person chose @key, or "" for
 * none. The popover has closed by then; the picker does not change "symbol"
 * itself (the owner runs a command, and sets it from the model). */
GtkWidget   *our_symbol_picker_new             (void);
const char  *our_symbol_picker_get_symbol      (OurSymbolPicker *self);
void         our_symbol_picker_set_symbol      (OurSymbolPicker *self,
                                                const char      *key);
gboolean     our_symbol_picker_get_show_none   (OurSymbolPicker *self);
void         our_symbol_picker_set_show_none   (OurSymbolPicker *self,
                                                gboolean         show_none);
void         our_symbol_picker_set_none_label  (OurSymbolPicker *self,
                                                const char      *label);

G_END_DECLS
