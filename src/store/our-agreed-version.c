/* our-agreed-version.c: freezing the whole plan into an agreed version, and opening one again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "our-agreed-version.h"
#include "our-file-format.h"
#include "our-store-error.h"
#include "our-store-rows.h"
#include "our-store-schema.h"
#include "our-store-sql.h"

/* A version larger than this once unpacked is taken as damaged: the plan
 * at our-limits.h's largest is far smaller. */
#define MAX_IMAGE_BYTES ((gsize) 512 * 1024 * 1024)
/* Small pages: a plan's rows are small, and most of a page left empty
 * would be packed away anyway. */
#define VERSION_PAGE_SIZE 1024

static const char sqlite_magic[16] = "SQLite format 3";

/* Runs @data through @converter whole; NULL (with @error) when it fails or
 * would give more than @max_out bytes. */
static GBytes *
convert_all (GConverter    *converter,
             const guint8  *data,
             gsize          size,
             gsize          max_out,
             GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize chunk = MAX (size / 2, 64 * 1024);
  GConverterResult result;

  do
    {
      gsize read = 0;
      gsize written = 0;
      gsize start = out->len;

      if (out->len > max_out)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "too large");
          return NULL;
        }
      g_byte_array_set_size (out, start + chunk);
      result = g_converter_convert (converter, data, size, out->data + start, chunk,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, error);
      g_byte_array_set_size (out, start + (result == G_CONVERTER_ERROR ? 0 : written));
      if (result == G_CONVERTER_ERROR)
        return NULL;
      data += read;
      size -= read;
    }
  while (result != G_CONVERTER_FINISHED);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* The pictures @plan's board shows, each once, space-separated. */
static char *
list_picture_ids (OurPlan *plan)
{
  GListModel *items = our_plan_get_board_items (plan);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *ids = g_string_new ("");

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
      const char *id = our_board_item_get_picture_id (item);

      if (*id != '\0' && our_plan_get_picture (plan, id) != NULL && g_hash_table_add (seen, (gpointer) id))
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "", id);
    }
  return g_string_free (ids, FALSE);
}

static gboolean
fail_no_memory (GError **error)
{
  g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_FAILED,
                       _("There is not enough memory to keep this agreed version of the plan."));
  return FALSE;
}

GBytes *
our_agreed_version_encode (OurPlan  *plan,
                           char    **picture_ids,
                           GError  **error)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autofree char *set_format = NULL;
  sqlite3 *db = NULL;
  sqlite3_int64 size = 0;
  unsigned char *image = NULL;
  GBytes *snapshot;
  guint n_migrations;
  const OurMigration *migrations = our_store_get_migrations (&n_migrations);
  int rc;

  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
                        | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    rc = our_store_sql_harden (db);
  set_format = g_strdup_printf ("PRAGMA page_size = %d; PRAGMA application_id = %d;",
                                VERSION_PAGE_SIZE, OUR_APPLICATION_ID);
  if (rc == SQLITE_OK)
    rc = our_store_sql_exec (db, set_format);
  if (rc != SQLITE_OK
      || !our_store_schema_migrate (db, "agreed version", 0, migrations, n_migrations, NULL))
    {
      sqlite3_close (db);
      fail_no_memory (error);
      return NULL;
    }
  /* The copy's own identity rows are of no use in a version. */
  rc = our_store_sql_exec (db, "BEGIN; DELETE FROM plan_info;");
  if (rc == SQLITE_OK)
    rc = our_store_rows_write_version (db, plan);
  if (rc == SQLITE_OK)
    rc = our_store_sql_exec (db, "COMMIT");
  if (rc == SQLITE_OK)
    image = sqlite3_serialize (db, "main", &size, 0);
  sqlite3_close (db);
  if (image == NULL)
    {
      fail_no_memory (error);
      return NULL;
    }

  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  snapshot = convert_all (G_CONVERTER (compressor), image, (gsize) size, MAX_IMAGE_BYTES, NULL);
  sqlite3_free (image);
  if (snapshot == NULL)
    {
      fail_no_memory (error);
      return NULL;
    }
  if (picture_ids != NULL)
    *picture_ids = list_picture_ids (plan);
  return snapshot;
}

static void
set_damaged (GError **error)
{
  g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_DAMAGED,
                       _("This agreed version of the plan is damaged, so it cannot be shown. The rest of the plan is not affected."));
}

/* The database image of @agreement, unpacked; NULL when it is damaged. */
static GBytes *
unpack_image (OurAgreement *agreement)
{
  GBytes *snapshot = our_agreement_get_snapshot (agreement);
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GBytes) image = NULL;
  gsize size;

  if (snapshot == NULL || g_bytes_get_size (snapshot) == 0)
    return NULL;
  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  image = convert_all (G_CONVERTER (decompressor), g_bytes_get_data (snapshot, NULL),
                       g_bytes_get_size (snapshot), MAX_IMAGE_BYTES, NULL);
  if (image == NULL)
    return NULL;
  size = g_bytes_get_size (image);
  if (size < 512 || memcmp (g_bytes_get_data (image, NULL), sqlite_magic, sizeof sqlite_magic) != 0)
    return NULL;
  return g_steal_pointer (&image);
}

/* Gives @version the pictures its board shows, from @live. */
static void
take_pictures (OurPlan *version,
               OurPlan *live)
{
  GListModel *items = our_plan_get_board_items (version);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
      OurPicture *picture = our_plan_get_picture (live, our_board_item_get_picture_id (item));

      if (picture != NULL)
        our_plan_add_picture (version, picture);
    }
}

OurPlan *
our_agreed_version_decode (OurAgreement  *agreement,
                           OurPlan       *live,
                           GError       **error)
{
  g_autoptr(GBytes) image = NULL;
  g_autoptr(OurPlan) version = NULL;
  g_autofree char *check = NULL;
  sqlite3 *db = NULL;
  unsigned char *copy;
  gsize size;
  gint64 app_id = 0;
  gint64 schema = 0;
  guint n_migrations;
  const OurMigration *migrations = our_store_get_migrations (&n_migrations);
  int rc;

  g_return_val_if_fail (OUR_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (OUR_IS_PLAN (live), NULL);

  image = unpack_image (agreement);
  if (image == NULL)
    {
      set_damaged (error);
      return NULL;
    }
  size = g_bytes_get_size (image);
  copy = sqlite3_malloc64 (size);
  if (copy == NULL)
    {
      fail_no_memory (error);
      return NULL;
    }
  memcpy (copy, g_bytes_get_data (image, NULL), size);
  g_clear_pointer (&image, g_bytes_unref);

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
                        | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    sqlite3_free (copy);
  else
    rc = sqlite3_deserialize (db, "main", copy, size, size,
                              SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc == SQLITE_OK)
    rc = our_store_sql_harden (db);
  if (rc == SQLITE_OK)
    rc = our_store_sql_query_text (db, "PRAGMA quick_check(1)", &check);
  if (rc == SQLITE_OK && g_strcmp0 (check, "ok") != 0)
    rc = SQLITE_CORRUPT;
  if (rc == SQLITE_OK)
    rc = our_store_sql_query_int (db, "PRAGMA application_id", &app_id);
  if (rc == SQLITE_OK)
    rc = our_store_sql_query_int (db, "PRAGMA user_version", &schema);
  if (rc == SQLITE_OK && (app_id != OUR_APPLICATION_ID || schema < 1))
    rc = SQLITE_CORRUPT;
  if (rc != SQLITE_OK)
    {
      sqlite3_close (db);
      set_damaged (error);
      return NULL;
    }
  if (schema > OUR_SCHEMA_VERSION)
    {
      sqlite3_close (db);
      g_set_error_literal (error, OUR_STORE_ERROR, OUR_STORE_ERROR_TOO_NEW,
                           _("This agreed version was made by a newer version of Our Plan, so it cannot be shown here."));
      return NULL;
    }
  /* A version agreed with an older Our Plan is taken forward, in memory. */
  if (schema < OUR_SCHEMA_VERSION
      && !our_store_schema_migrate (db, "agreed version", (int) schema, migrations, n_migrations,
                                    NULL))
    {
      sqlite3_close (db);
      set_damaged (error);
      return NULL;
    }

  version = our_plan_new ();
  rc = our_store_rows_load (db, version, NULL, NULL);
  sqlite3_close (db);
  if (rc != SQLITE_OK)
    {
      set_damaged (error);
      return NULL;
    }
  our_plan_set_plan_id (version, our_plan_get_plan_id (live));
  take_pictures (version, live);
  return g_steal_pointer (&version);
}
