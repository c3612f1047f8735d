/* our-copy-pdf.c: writing a printed copy to a PDF file, safely and off the main thread
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

