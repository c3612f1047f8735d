/* fuzz-common.c: the scratch folder and the plan-with-side-files format of the fuzz targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "fuzz-common.h"

static char *scratch;
static GBytes *victim;

static const char *const suffixes[FUZZ_N_FILES] = {
  [FUZZ_FILE_PLAN] = "",
  [FUZZ_FILE_JOURNAL] = "-journal",
  [FUZZ_FILE_WAL] = "-wal",
  [FUZZ_FILE_SHM] = "-shm",
};

static void
ignore_log (const char     *domain,
            GLogLevelFlags  level,
            const char     *message,
            gpointer        user_data)
{
}

void
fuzz_init (void)
{
  static gsize done;

  if (!g_once_init_enter (&done))
    return;
  setlocale (LC_ALL, "C");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* A hostile file may make GLib, pango or gdk-pixbuf warn: that is not a
   * finding. A crash, a leak or an error a sanitizer sees is. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_default_handler (ignore_log, NULL);
  g_log_set_writer_func (g_log_writer_default, NULL, NULL);
  g_log_writer_default_set_use_stderr (FALSE);
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
  g_once_init_leave (&done, 1);
}

void
fuzz_clear_scratch (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (scratch == NULL)
    return;
  dir = g_dir_open (scratch, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch, name, NULL);

      g_unlink (path);
    }
}

static void
write_file (const char    *path,
            const uint8_t *data,
            size_t         size)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, &error))
    g_error ("Cannot write the fuzz scratch file %s: %s", path, error->message);
}

static guint32
read_le32 (const uint8_t *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

const char *
fuzz_write_plan (const uint8_t *data,
                 size_t         size)
{
  static char *plan_path;
  gboolean plan_written = FALSE;

  if (scratch == NULL)
    {
      const char *shm = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : NULL;
      g_autofree char *template = g_build_filename (shm ? shm : g_get_tmp_dir (),
                                                    "ourplan-fuzz-XXXXXX", NULL);

      scratch = g_mkdtemp (g_steal_pointer (&template));
      if (scratch == NULL)
        g_error ("Cannot make the fuzz scratch folder");
      plan_path = g_build_filename (scratch, "plan.ourplan", NULL);
    }
  fuzz_clear_scratch ();
  g_clear_pointer (&victim, g_bytes_unref);

  if (size < 4 || memcmp (data, FUZZ_CONTAINER_MAGIC, 4) != 0)
    {
      write_file (plan_path, data, size);
      return plan_path;
    }

  for (size_t at = 4; at + 5 <= size;)
    {
      guint kind = data[at];
      size_t length = MIN ((size_t) read_le32 (data + at + 1), size - at - 5);
      const uint8_t *body = data + at + 5;

      at += 5 + length;
      if (kind >= FUZZ_N_FILES)
        continue;
      if (kind == FUZZ_FILE_VICTIM)
        {
          g_autofree char *victim_path = g_build_filename (scratch, "victim.txt", NULL);

          write_file (victim_path, body, length);
          g_clear_pointer (&victim, g_bytes_unref);
          victim = g_bytes_new (body, length);
        }
      else
        {
          g_autofree char *path = g_strconcat (plan_path, suffixes[kind], NULL);

          write_file (path, body, length);
          plan_written |= kind == FUZZ_FILE_PLAN;
        }
    }
  if (!plan_written)
    write_file (plan_path, (const uint8_t *) "", 0);
  return plan_path;
}

gboolean
fuzz_victim_intact (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (victim == NULL)
    return TRUE;
  path = g_build_filename (scratch, "victim.txt", NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length == g_bytes_get_size (victim) &&
         (length == 0 || memcmp (contents, g_bytes_get_data (victim, NULL), length) == 0);
}
