/* our-board-view.c: the "Notes board" tab: a collage of notes, pictures and symbols, with its toolbar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "our-board-canvas.h"
#include "our-board-view.h"
#include "our-command.h"
#include "our-picture-import.h"
#include "our-private-mode.h"
#include "our-symbol-picker.h"
#include "our-toast.h"
#include "our-limits.h"

/* The long side of a picture newly put on the board, in board units. */
#define PICTURE_SIZE 260.0
#define NOTE_SIZE 180.0
#define SYMBOL_SIZE 120.0

struct _OurBoardView
{
  GtkWidget        parent_instance;

  OurSession      *session;
  OurPlan         *plan;         /* the session's */
  gboolean         read_only;
  guint            importing;
  GCancellable    *cancellable;
  GtkFileChooserNative *chooser;
  guint            n_added;        /* to step new items apart */

  GtkSpinner      *spinner;
  GtkMenuButton   *symbol_button;
  GtkMenuButton   *empty_symbol_button;
  GtkMenuButton   *zones_button;
  OurBoardCanvas  *canvas;
  AdwStatusPage   *empty_page;
};

G_DEFINE_FINAL_TYPE (OurBoardView, our_board_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_READ_ONLY,
  PROP_IMPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (OurBoardView *self)
{
  gboolean writable = self->plan != NULL && !self->read_only;
  gboolean empty = self->plan == NULL ||
                   (our_plan_get_n_board_items (self->plan) == 0 &&
                    g_list_model_get_n_items (our_plan_get_board_zones (self->plan)) == 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.add-note", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.add-picture", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.add-zone", writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->symbol_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->empty_symbol_button), writable);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), empty && writable);
  gtk_widget_set_visible (GTK_WIDGET (self->zones_button),
                          self->plan != NULL &&
                          g_list_model_get_n_items (our_plan_get_board_zones (self->plan)) > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->zones_button), writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.item-menu",
                                 writable && our_board_canvas_get_selected (self->canvas) != NULL);
  gtk_spinner_set_spinning (self->spinner, self->importing > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->importing > 0);
}

/* Where a new item goes: the middle of what is shown, each next one a
 * little down and to the right, so that several added in a row can all be
 * seen. */
static void
new_item_place (OurBoardView *self,
                double        width,
                double        height,
                double       *x,
                double       *y)
{
  double cx, cy;
  double step = 28.0 * (self->n_added++ % 6);

  our_board_canvas_get_visible_centre (self->canvas, &cx, &cy);
  *x = round (cx - width / 2 + step);
  *y = round (cy - height / 2 + step);
}

static void
add_note_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OurBoardView *self = OUR_BOARD_VIEW (widget);
  g_autoptr(OurBoardItem) note = our_board_item_new (NULL, OUR_BOARD_ITEM_NOTE);
  double x, y;

  if (self->plan == NULL || self->read_only)
    return;
  new_item_place (self, NOTE_SIZE, NOTE_SIZE, &x, &y);
  our_board_item_set_box (note, x, y, NOTE_SIZE, NOTE_SIZE);
  our_board_item_set_colour (note, (OurNoteColour) (our_plan_get_n_board_items (self->plan) %
                                                    OUR_N_NOTE_COLOURS));
  our_board_item_set_text (note, "", our_session_get_author (self->session));
  if (our_board_canvas_add_item (self->canvas, note))
    {
      OurBoardItem *added = our_plan_find_board_item (self->plan, our_board_item_get_id (note),
                                                      NULL);
      if (added != NULL)
        our_board_canvas_edit_note (self->canvas, added);
    }
}

gboolean
our_board_view_add_symbol (OurBoardView *self,
                           const char   *key)
{
  g_autoptr(OurBoardItem) symbol = our_board_item_new (NULL, OUR_BOARD_ITEM_SYMBOL);
  double x, y;

  g_return_val_if_fail (OUR_IS_BOARD_VIEW (self), FALSE);

  if (self->plan == NULL || self->read_only || key == NULL || *key == '\0')
    return FALSE;
  new_item_place (self, SYMBOL_SIZE, SYMBOL_SIZE * 1.15, &x, &y);
  our_board_item_set_box (symbol, x, y, SYMBOL_SIZE, SYMBOL_SIZE * 1.15);
  our_board_item_set_symbol (symbol, key);
  return our_board_canvas_add_item (self->canvas, symbol);
}

static void
symbol_chosen_cb (OurBoardView *self,
                  const char   *key)
{
  our_board_view_add_symbol (self, key);
}

static void
add_zone_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OurBoardView *self = OUR_BOARD_VIEW (widget);
  g_autoptr(OurBoardZone) zone = our_board_zone_new (NULL);
  guint n;
  double x, y;
  const char *names[] = { N_("How I feel now"), N_("Where I want to be"), N_("What helps") };

  if (self->plan == NULL || self->read_only)
    return;
  n = g_list_model_get_n_items (our_plan_get_board_zones (self->plan));
  if (our_toast_if_full (widget, n, OUR_MAX_BOARD_ZONES,
                         _("The notes board already has as many areas as Our Plan can keep.")))
    return;
  new_item_place (self, 520, 380, &x, &y);
  our_board_zone_set_box (zone, x, y, 520, 380);
  our_board_zone_set_name (zone, n < G_N_ELEMENTS (names) ? _(names[n]) : _("New zone"),
                           our_session_get_author (self->session));
  if (!our_session_run_alone (self->session, our_command_new_add_board_zone (zone, -1), NULL))
    return;
  /* Ready to be named in the person's own words. */
  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "zone.rename-id", "s",
                              our_board_zone_get_id (zone));
}

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OurBoardView *self = OUR_BOARD_VIEW (widget);
  double zoom = our_board_canvas_get_zoom (self->canvas);

  if (g_str_equal (action_name, "board.zoom-in"))
    our_board_canvas_set_zoom (self->canvas, zoom * 1.25);
  else if (g_str_equal (action_name, "board.zoom-out"))
    our_board_canvas_set_zoom (self->canvas, zoom / 1.25);
  else
    our_board_canvas_fit (self->canvas);
}

static void
item_menu_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  our_board_canvas_show_item_menu (OUR_BOARD_VIEW (widget)->canvas);
}

/* The zones' menu forwards to the board, which holds the zone actions. */
static void
zone_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OurBoardView *self = OUR_BOARD_VIEW (widget);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->canvas),
                                      g_str_equal (action_name, "board.rename-zone")
                                        ? "zone.rename-id" : "zone.remove-id",
                                      parameter);
}

/* Built each time it opens, so that it shows the zones' names as they are. */
static void
create_zones_menu_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  OurBoardView *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  GListModel *zones;

  if (self->plan == NULL)
    return;
  zones = our_plan_get_board_zones (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(OurBoardZone) zone = g_list_model_get_item (zones, i);
      g_autoptr(GMenu) section = g_menu_new ();
      g_autoptr(GMenuItem) rename = NULL;
      g_autoptr(GMenuItem) remove = NULL;
      const char *name = our_board_zone_get_name (zone);

      rename = g_menu_item_new (_("Name, Place and Size…"), NULL);
      g_menu_item_set_action_and_target_value (rename, "board.rename-zone",
                                               g_variant_new_string (our_board_zone_get_id (zone)));
      remove = g_menu_item_new (_("Remove"), NULL);
      g_menu_item_set_action_and_target_value (remove, "board.remove-zone",
                                               g_variant_new_string (our_board_zone_get_id (zone)));
      g_menu_append_item (section, rename);
      g_menu_append_item (section, remove);
      g_menu_append_section (menu, *name ? name : _("Zone without a name"),
                             G_MENU_MODEL (section));
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* Pictures */

typedef struct
{
  OurBoardView *self;   /* a reference */
  OurPlan      *plan;   /* the plan it was asked for (a reference) */
  double        x, y;   /* the middle of where it goes */
} ImportData;

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportData *data = user_data;
  OurBoardView *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(OurPicture) picture = our_picture_import_file_finish (result, &error);

  self->importing--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
  update_state (self);

  if (picture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        our_board_canvas_show_toast (self->canvas, error->message, FALSE);
    }
  else if (self->plan != NULL && self->plan == data->plan && !self->read_only)
    {
      g_autoptr(OurBoardItem) item = our_board_item_new (NULL, OUR_BOARD_ITEM_PICTURE);
      double pw = MAX (1, our_picture_get_width (picture));
      double ph = MAX (1, our_picture_get_height (picture));
      double scale = PICTURE_SIZE / MAX (pw, ph);

      our_plan_add_picture (self->plan, picture);
      our_board_item_set_picture_id (item, our_picture_get_id (picture));
      our_board_item_set_box (item, round (data->x - pw * scale / 2),
                              round (data->y - ph * scale / 2), round (pw * scale),
                              round (ph * scale));
      our_board_canvas_add_item (self->canvas, item);
    }

  g_object_unref (data->self);
  g_object_unref (data->plan);
  g_free (data);
}

void
our_board_view_import_files (OurBoardView *self,
                             GList        *files,
                             double        x,
                             double        y)
{
  guint i = 0;

  g_return_if_fail (OUR_IS_BOARD_VIEW (self));

  if (self->plan == NULL || self->read_only)
    return;
  for (GList *l = files; l != NULL; l = l->next, i++)
    {
      ImportData *data = g_new0 (ImportData, 1);

      data->self = g_object_ref (self);
      data->plan = g_object_ref (self->plan);
      data->x = x + 36.0 * i;
      data->y = y + 36.0 * i;
      self->importing++;
      our_picture_import_file_async (G_FILE (l->data), self->cancellable, import_done_cb, data);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
  update_state (self);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     OurBoardView    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GList *list = NULL;
      double x, y;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        {
          GFile *file = g_list_model_get_item (files, i - 1);

          /* A shared PC's recent files must not list the person's photos. */
          our_private_mode_forget_pick (file);
          list = g_list_prepend (list, file);
        }
      our_board_canvas_get_visible_centre (self->canvas, &x, &y);
      x += 28.0 * (self->n_added % 6);
      y += 28.0 * (self->n_added++ % 6);
      our_board_view_import_files (self, list, x, y);
      g_list_free_full (list, g_object_unref);
    }
  g_clear_object (&self->chooser);
}

static void
add_picture_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OurBoardView *self = OUR_BOARD_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->plan == NULL || self->read_only || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Add a Picture"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/gif");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_filter_add_mime_type (filter, "image/bmp");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "gif");
  gtk_file_filter_add_suffix (filter, "webp");
  gtk_file_filter_add_suffix (filter, "bmp");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         OurBoardView  *self)
{
  GSList *files;
  GList *list = NULL;
  graphene_point_t point;
  double bx, by;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->plan == NULL || self->read_only)
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  for (GSList *l = files; l != NULL; l = l->next)
    list = g_list_append (list, l->data);

  if (gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->canvas),
                                &GRAPHENE_POINT_INIT (x, y), &point))
    our_board_canvas_to_board (self->canvas, point.x, point.y, &bx, &by);
  else
    our_board_canvas_get_visible_centre (self->canvas, &bx, &by);
  our_board_view_import_files (self, list, bx, by);
  g_list_free (list);
  return TRUE;
}

/* Model */

static void
board_changed_cb (OurBoardView *self)
{
  update_state (self);
}



static void
our_board_view_dispose (GObject *object)
{
  OurBoardView *self = OUR_BOARD_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (our_plan_get_board_items (self->plan), self);
      g_signal_handlers_disconnect_by_data (our_plan_get_board_zones (self->plan), self);
    }
  g_clear_object (&self->plan);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_BOARD_VIEW);
  /* The template's outer box has no id, so unparent whatever is left. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (our_board_view_parent_class)->dispose (object);
}

static void
our_board_view_finalize (GObject *object)
{
  OurBoardView *self = OUR_BOARD_VIEW (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (our_board_view_parent_class)->finalize (object);
}

static void
our_board_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OurBoardView *self = OUR_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    case PROP_IMPORTING: g_value_set_boolean (value, self->importing > 0); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_board_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OurBoardView *self = OUR_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION: our_board_view_set_session (self, g_value_get_object (value)); break;
    case PROP_READ_ONLY:
      {
        gboolean read_only = g_value_get_boolean (value);

        if (self->read_only == read_only)
          break;
        self->read_only = read_only;
        our_board_canvas_set_read_only (self->canvas, read_only);
        update_state (self);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_board_view_class_init (OurBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_board_view_dispose;
  object_class->finalize = our_board_view_finalize;
  object_class->get_property = our_board_view_get_property;
  object_class->set_property = our_board_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, OUR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OUR_TYPE_BOARD_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OurBoardView, spinner);
  gtk_widget_class_bind_template_child (widget_class, OurBoardView, symbol_button);
  gtk_widget_class_bind_template_child (widget_class, OurBoardView, empty_symbol_button);
  gtk_widget_class_bind_template_child (widget_class, OurBoardView, zones_button);
  gtk_widget_class_bind_template_child (widget_class, OurBoardView, canvas);
  gtk_widget_class_bind_template_child (widget_class, OurBoardView, empty_page);

  gtk_widget_class_install_action (widget_class, "board.add-note", NULL, add_note_action_cb);
  gtk_widget_class_install_action (widget_class, "board.add-picture", NULL,
                                   add_picture_action_cb);
  gtk_widget_class_install_action (widget_class, "board.add-zone", NULL, add_zone_action_cb);
  gtk_widget_class_install_action (widget_class, "board.zoom-in", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "board.zoom-out", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "board.fit", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "board.item-menu", NULL, item_menu_action_cb);
  gtk_widget_class_install_action (widget_class, "board.rename-zone", "s", zone_action_cb);
  gtk_widget_class_install_action (widget_class, "board.remove-zone", "s", zone_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "board.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "board.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "board.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "board.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "board.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "board.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "board.fit", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardview");
}

static void
our_board_view_init (OurBoardView *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (int i = 0; i < 2; i++)
    {
      GtkWidget *picker = our_symbol_picker_new ();

      g_signal_connect_object (picker, "symbol-chosen", G_CALLBACK (symbol_chosen_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_menu_button_set_popover (i == 0 ? self->symbol_button : self->empty_symbol_button,
                                   picker);
    }

  gtk_menu_button_set_create_popup_func (self->zones_button, create_zones_menu_cb, self, NULL);
  g_signal_connect_object (self->canvas, "notify::selected", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_state (self);
}

GtkWidget *
our_board_view_new (void)
{
  return g_object_new (OUR_TYPE_BOARD_VIEW, NULL);
}

OurPlan *
our_board_view_get_plan (OurBoardView *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_VIEW (self), NULL);
  return self->plan;
}

void
our_board_view_set_session (OurBoardView *self,
                            OurSession   *session)
{
  OurPlan *plan = session != NULL ? our_session_get_plan (session) : NULL;
  g_return_if_fail (OUR_IS_BOARD_VIEW (self));
  g_return_if_fail (session == NULL || OUR_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Pictures still being read belong to the plan that was shown. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (our_plan_get_board_items (self->plan), self);
      g_signal_handlers_disconnect_by_data (our_plan_get_board_zones (self->plan), self);
    }
  g_set_object (&self->plan, plan);
  g_set_object (&self->session, session);
  g_object_set (self, "read-only", session != NULL && our_session_get_read_only (session), NULL);
  our_board_canvas_set_session (self->canvas, session);
  if (plan != NULL)
    {
      g_signal_connect_object (our_plan_get_board_items (plan), "items-changed",
                               G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (our_plan_get_board_zones (plan), "items-changed",
                               G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->n_added = 0;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

OurBoardCanvas *
our_board_view_get_canvas (OurBoardView *self)
{
  g_return_val_if_fail (OUR_IS_BOARD_VIEW (self), NULL);
  return self->canvas;
}
