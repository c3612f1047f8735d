/* our-private-mode.c: the shared-PC privacy preference, read where files are picked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "our-private-mode.h"

gboolean
our_private_mode_is_on (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return FALSE;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_boolean (settings, "private-mode");
}

void
our_private_mode_forget_pick (GFile *file)
{
  g_autofree char *uri = NULL;

  if (file == NULL || !our_private_mode_is_on ())
    return;
  uri = g_file_get_uri (file);
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
}
