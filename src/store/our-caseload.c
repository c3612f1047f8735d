/* our-caseload.c: the coordinator's plans for the start screen, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With a thousand plans in the folder, opening every whole plan to show a
 * name and a date took seconds: each plan is read only for those two
 * (our_store_read_summary()), in a worker thread, and handed to the main
 * thread in batches, so the list fills as it is read.
 */
#include "config.h"

#include <string.h>

#include "our-caseload.h"
#include "our-store.h"

/* Entries handed over at once: often enough that the first screenful shows
 * quickly, seldom enough that the list is not re-sorted a thousand times. */
#define BATCH_SIZE 64
#define BATCH_MAX_US (50 * 1000)

struct _OurCaseload
{
  GObject       parent_instance;

  GPtrArray    *entries;        /* sorted */
  GHashTable   *seen;           /* paths read by the current scan */
  GCancellable *cancellable;
  guint         scan_serial;
  gboolean      scanning;
  gboolean      loaded;
};

static void our_caseload_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OurCaseload, our_caseload, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      our_caseload_list_model_init))

enum { PROP_0, PROP_SCANNING, PROP_LOADED, N_PROPS };
static GParamSpec *properties[N_PROPS];

typedef struct
{
  OurCaseload  *caseload;       /* owned */
  guint         serial;
  char         *folder;
  char        **recent;
  GCancellable *cancellable;    /* owned */
  GMainContext *context;        /* owned: where the batches go */
} Scan;

typedef struct
{
  OurCaseload *caseload;        /* owned */
  guint        serial;
  GPtrArray   *entries;         /* NULL: the scan is done */
} Batch;

static GType
our_caseload_get_item_type (GListModel *model)
{
  return OUR_TYPE_CASELOAD_ENTRY;
}

static guint
our_caseload_get_n_items (GListModel *model)
{
  return OUR_CASELOAD (model)->entries->len;
}

static gpointer
our_caseload_get_item (GListModel *model,
                       guint       position)
{
  OurCaseload *self = OUR_CASELOAD (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
our_caseload_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = our_caseload_get_item_type;
  iface->get_n_items = our_caseload_get_n_items;
  iface->get_item = our_caseload_get_item;
}

static void
our_caseload_dispose (GObject *object)
{
  OurCaseload *self = OUR_CASELOAD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (our_caseload_parent_class)->dispose (object);
}

static void
our_caseload_finalize (GObject *object)
{
  OurCaseload *self = OUR_CASELOAD (object);

  g_ptr_array_unref (self->entries);
  g_hash_table_unref (self->seen);

  G_OBJECT_CLASS (our_caseload_parent_class)->finalize (object);
}

static void
our_caseload_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OurCaseload *self = OUR_CASELOAD (object);

  switch (prop_id)
    {
    case PROP_SCANNING: g_value_set_boolean (value, self->scanning); break;
    case PROP_LOADED: g_value_set_boolean (value, self->loaded); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_caseload_class_init (OurCaseloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = our_caseload_dispose;
  object_class->finalize = our_caseload_finalize;
  object_class->get_property = our_caseload_get_property;

  properties[PROP_SCANNING] =
    g_param_spec_boolean ("scanning", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
our_caseload_init (OurCaseload *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

OurCaseload *
our_caseload_new (void)
{
  return g_object_new (OUR_TYPE_CASELOAD, NULL);
}

gboolean
our_caseload_get_scanning (OurCaseload *self)
{
  g_return_val_if_fail (OUR_IS_CASELOAD (self), FALSE);
  return self->scanning;
}

gboolean
our_caseload_get_loaded (OurCaseload *self)
{
  g_return_val_if_fail (OUR_IS_CASELOAD (self), FALSE);
  return self->loaded;
}

static void
set_scanning (OurCaseload *self,
              gboolean     scanning)
{
  if (self->scanning == scanning)
    return;
  self->scanning = scanning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCANNING]);
}

/* Where @entry goes in the sorted list (binary search). */
static guint
sorted_position (OurCaseload      *self,
                 OurCaseloadEntry *entry)
{
  guint low = 0, high = self->entries->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (our_caseload_entry_compare (g_ptr_array_index (self->entries, middle), entry) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static gboolean
find_path (OurCaseload *self,
           const char  *path,
           guint       *position)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (our_caseload_entry_get_path (g_ptr_array_index (self->entries, i)), path))
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  return our_caseload_entry_compare (*(OurCaseloadEntry **) a, *(OurCaseloadEntry **) b);
}

/* A batch of one scan into the list. The first scan adds and sorts each
 * batch in one go; later ones replace entry by entry, so that rows not
 * changed keep their place and their focus. */
static void
take_batch (OurCaseload *self,
            GPtrArray   *batch)
{
  /* Until the first scan is done no row has been chosen or focused: each
   * batch goes in with one change of the whole list, not one per plan. */
  if (!self->loaded)
    {
      guint before = self->entries->len;

      for (guint i = 0; i < batch->len; i++)
        {
          OurCaseloadEntry *entry = g_ptr_array_index (batch, i);

          const char *path = our_caseload_entry_get_path (entry);
          guint old;

          if (!g_hash_table_add (self->seen, g_strdup (path)))
            continue;
          /* A scan begun before the first one ended finds its files again. */
          if (before > 0 && find_path (self, path, &old))
            g_ptr_array_remove_index (self->entries, old);
          g_ptr_array_add (self->entries, g_object_ref (entry));
        }
      g_ptr_array_sort (self->entries, compare_pointers);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->entries->len);
      return;
    }

  for (guint i = 0; i < batch->len; i++)
    {
      OurCaseloadEntry *entry = g_ptr_array_index (batch, i);
      const char *path = our_caseload_entry_get_path (entry);
      guint old, position;

      /* The folder and the recent plans may name one file twice. */
      if (!g_hash_table_add (self->seen, g_strdup (path)))
        continue;
      if (find_path (self, path, &old))
        {
          /* Unchanged, its row stays as it is (and keeps the focus). */
          if (our_caseload_entry_equal (g_ptr_array_index (self->entries, old), entry))
            continue;
          g_ptr_array_remove_index (self->entries, old);
          g_list_model_items_changed (G_LIST_MODEL (self), old, 1, 0);
        }
      position = sorted_position (self, entry);
      g_ptr_array_insert (self->entries, position, g_object_ref (entry));
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
}

/* The scan is done: files not seen this time are gone. */
static void
finish_scan (OurCaseload *self)
{
  for (guint i = self->entries->len; i > 0; i--)
    {
      OurCaseloadEntry *entry = g_ptr_array_index (self->entries, i - 1);

      if (!g_hash_table_contains (self->seen, our_caseload_entry_get_path (entry)))
        {
          g_ptr_array_remove_index (self->entries, i - 1);
          g_list_model_items_changed (G_LIST_MODEL (self), i - 1, 1, 0);
        }
    }
  set_scanning (self, FALSE);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

static gboolean
batch_cb (gpointer data)
{
  Batch *batch = data;
  OurCaseload *self = batch->caseload;

  /* A newer scan has begun: this one's findings are stale. */
  if (batch->serial != self->scan_serial)
    return G_SOURCE_REMOVE;
  if (batch->entries != NULL)
    take_batch (self, batch->entries);
  else
    finish_scan (self);
  return G_SOURCE_REMOVE;
}

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_object_unref (batch->caseload);
  g_clear_pointer (&batch->entries, g_ptr_array_unref);
  g_free (batch);
}

static void
send_batch (Scan      *scan,
            GPtrArray *entries)
{
  Batch *batch = g_new0 (Batch, 1);
  GSource *source = g_idle_source_new ();

  batch->caseload = g_object_ref (scan->caseload);
  batch->serial = scan->serial;
  batch->entries = entries;
  /* Always through a source of the list's own context, never called here:
   * g_main_context_invoke() would run the batch on this thread whenever the
   * main thread happened not to be iterating, and the list's handlers (the
   * start screen's widgets) must only ever run on the main thread. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, batch_cb, batch, batch_free);
  g_source_set_static_name (source, "[ourplan] caseload batch");
  g_source_attach (source, scan->context);
  g_source_unref (source);
}

static void
scan_free (Scan *scan)
{
  g_object_unref (scan->caseload);
  g_object_unref (scan->cancellable);
  g_main_context_unref (scan->context);
  g_free (scan->folder);
  g_strfreev (scan->recent);
  g_free (scan);
}

gboolean
our_caseload_is_plan_file_name (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  /* Hidden files include the store's temporary files; its backups end in
   * ".bak" and so are left out too. */
  return name[0] != '.'
         && g_str_has_suffix (name, OUR_PLAN_FILE_EXTENSION)
         && strlen (name) > strlen (OUR_PLAN_FILE_EXTENSION);
}

/* The paths to read: the plans in the folder, then the recent plans outside it. */
static GPtrArray *
list_paths (Scan *scan)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (scan->folder, 0, &error);
  if (dir == NULL)
    g_debug ("Could not list the plans folder: %s", error->message);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      char *path;

      if (!our_caseload_is_plan_file_name (name))
        continue;
      path = g_build_filename (scan->folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_free (path);
          continue;
        }
      g_ptr_array_add (paths, path);
      g_hash_table_add (listed, path);
    }
  /* A NULL marks where the recent plans begin. */
  g_ptr_array_add (paths, NULL);

  for (guint i = 0; scan->recent != NULL && scan->recent[i] != NULL; i++)
    {
      g_autofree char *parent = NULL;
      char *path;

      if (!g_path_is_absolute (scan->recent[i]))
        continue;
      path = g_canonicalize_filename (scan->recent[i], NULL);
      parent = g_path_get_dirname (path);
      /* A plan moved or deleted since is simply no longer recent. */
      if (g_strcmp0 (parent, scan->folder) == 0 || g_hash_table_contains (listed, path)
          || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_free (path);
          continue;
        }
      g_ptr_array_add (paths, path);
      g_hash_table_add (listed, path);
    }
  return paths;
}

static gpointer
scan_thread (gpointer data)
{
  Scan *scan = data;
  g_autoptr(GPtrArray) paths = list_paths (scan);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GPtrArray *batch = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 batch_started = g_get_monotonic_time ();
  guint batch_size = BATCH_SIZE;
  gint64 batch_max_us = BATCH_MAX_US;
  gboolean recent = FALSE;
  GDate today;
  int year, month, day;

  g_date_time_get_ymd (now, &year, &month, &day);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);

  for (guint i = 0; i < paths->len && !g_cancellable_is_cancelled (scan->cancellable); i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (path == NULL)
        {
          recent = TRUE;
          continue;
        }
      g_ptr_array_add (batch, our_caseload_entry_new_for_file (path, recent, &today));
      if (batch->len >= batch_size || g_get_monotonic_time () - batch_started > batch_max_us)
        {
          send_batch (scan, batch);
          /* The first batch fills the screen at once; later ones are larger,
           * so that a long list is put in place a few times, not dozens. */
          batch_size *= 2;
          batch_max_us *= 2;
          batch = g_ptr_array_new_with_free_func (g_object_unref);
          batch_started = g_get_monotonic_time ();
        }
    }
  if (batch->len > 0)
    send_batch (scan, batch);
  else
    g_ptr_array_unref (batch);
  if (!g_cancellable_is_cancelled (scan->cancellable))
    send_batch (scan, NULL);
  scan_free (scan);
  return NULL;
}

void
our_caseload_scan (OurCaseload        *self,
                   const char         *folder,
                   const char * const *recent)
{
  Scan *scan;

  g_return_if_fail (OUR_IS_CASELOAD (self));
  g_return_if_fail (folder != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->scan_serial++;
  g_hash_table_remove_all (self->seen);
  set_scanning (self, TRUE);

  scan = g_new0 (Scan, 1);
  scan->caseload = g_object_ref (self);
  scan->serial = self->scan_serial;
  scan->folder = g_strdup (folder);
  scan->recent = g_strdupv ((char **) recent);
  scan->cancellable = g_object_ref (self->cancellable);
  scan->context = g_main_context_ref_thread_default ();
  g_thread_unref (g_thread_new ("ourplan-caseload", scan_thread, scan));
}
