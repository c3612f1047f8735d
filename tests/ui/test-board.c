/* test-board.c: the "Notes board" tab: add, write, move and resize by keyboard, delete and undo, names for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-support.h"

#include <adwaita.h>
#include <math.h>

#include "our-board-canvas.h"
#include "our-board-item-widget.h"
#include "our-board-view.h"
#include "our-command.h"
#include "our-history.h"
#include "our-text-field.h"
#include "our-symbols.h"
#include "test-session.h"

static void
wait_frames (void)
{
  for (int i = 0; i < 5; i++)
    {
      test_drain_events ();
      g_usleep (10000);
    }
  test_drain_events ();
}

typedef struct
{
  OurPlan        *plan;
  GtkWidget      *window;
  OurBoardView   *view;
  OurBoardCanvas *canvas;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->plan = our_plan_new ();
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 900);
  fixture->view = OUR_BOARD_VIEW (our_board_view_new ());
  fixture->canvas = our_board_view_get_canvas (fixture->view);
  /* The coordinator is writing (a plan opens with the person writing). */
  our_session_set_author (test_session_for (fixture->plan), OUR_AUTHOR_COORDINATOR);
  our_board_view_set_session (fixture->view, test_session_for (fixture->plan));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  test_wait_mapped (fixture->window);
  wait_frames ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_drain_events ();
  g_clear_object (&fixture->plan);
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (our_history_undo (test_history_for (fixture->plan), &error));
  g_assert_no_error (error);
}

static OurBoardItem *
add_item (Fixture          *fixture,
          OurBoardItemKind  kind,
          const char       *text_or_symbol,
          double            x,
          double            y)
{
  g_autoptr(OurBoardItem) item = our_board_item_new (NULL, kind);
  g_autoptr(GError) error = NULL;
  OurHistory *history = test_history_for (fixture->plan);

  our_board_item_set_box (item, x, y, 160, 140);
  if (kind == OUR_BOARD_ITEM_NOTE)
    our_board_item_set_text (item, text_or_symbol, OUR_AUTHOR_PERSON);
  else if (kind == OUR_BOARD_ITEM_SYMBOL)
    our_board_item_set_symbol (item, text_or_symbol);
  g_assert_true (our_history_run (history, our_command_new_add_board_item (item, -1), &error));
  g_assert_no_error (error);
  our_history_end_edit (history);
  return our_plan_find_board_item (fixture->plan, our_board_item_get_id (item), NULL);
}

static GtkWidget *
widget_for (Fixture      *fixture,
            OurBoardItem *item)
{
  GtkWidget *widget = our_board_canvas_get_item_widget (fixture->canvas, item);

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_parent (widget) == GTK_WIDGET (fixture->canvas));
  return widget;
}

static guint
n_item_widgets (Fixture *fixture)
{
  return test_count_descendants (GTK_WIDGET (fixture->canvas), OUR_TYPE_BOARD_ITEM_WIDGET);
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  if (message != NULL)
    g_error ("%s", message);
}

static void
assert_description (GtkWidget  *widget,
                    const char *expected)
{
  char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                      expected);
  if (message != NULL)
    g_error ("%s", message);
}

static double
item_x (OurBoardItem *item)
{
  double x;

  our_board_item_get_box (item, &x, NULL, NULL, NULL);
  return x;
}

static double
item_width (OurBoardItem *item)
{
  double w;

  our_board_item_get_box (item, NULL, NULL, &w, NULL);
  return w;
}

/* Tests */

/* "Add a Note" puts a note in the middle of what is shown and opens its
 * editor; what is typed there is the note's text, in one undo step. */
static void
test_add_note (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *text_view;
  GtkWidget *popover;
  OurBoardItem *note;
  GtkWidget *widget;
  double x, y, w, h, cx, cy;

  g_assert_cmpuint (n_item_widgets (fixture), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.add-note", NULL));
  wait_frames ();
  g_assert_cmpuint (our_plan_get_n_board_items (fixture->plan), ==, 1);
  g_assert_cmpuint (n_item_widgets (fixture), ==, 1);

  note = g_list_model_get_item (our_plan_get_board_items (fixture->plan), 0);
  g_object_unref (note);  /* the plan holds it */
  g_assert_cmpint (our_board_item_get_kind (note), ==, OUR_BOARD_ITEM_NOTE);
  /* Outside a plan view, the coordinator is writing. */
  g_assert_cmpint (our_board_item_get_added_by (note), ==, OUR_AUTHOR_COORDINATOR);

  /* In the visible middle of the board. */
  our_board_item_get_box (note, &x, &y, &w, &h);
  our_board_canvas_get_visible_centre (fixture->canvas, &cx, &cy);
  g_assert_cmpfloat (fabs (x + w / 2 - cx), <, 2);
  g_assert_cmpfloat (fabs (y + h / 2 - cy), <, 2);

  widget = widget_for (fixture, note);
  popover = test_find_nth (GTK_WIDGET (fixture->canvas), GTK_TYPE_POPOVER, 0);
  g_assert_nonnull (popover);
  test_wait_mapped (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  text_view = test_find_nth (popover, GTK_TYPE_TEXT_VIEW, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "I want to go back", -1);
  /* Saved after a pause, with the editor still open... */
  test_spin (OUR_TEXT_FIELD_SAVE_DELAY_MS + 300);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpstr (our_board_item_get_text (note), ==, "I want to go back");
  /* ...and what follows joins the same undo step. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "I want to go back to swimming", -1);
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_frames ();

  g_assert_cmpstr (our_board_item_get_text (note), ==, "I want to go back to swimming");
  assert_label (widget, "Note: I want to go back to swimming");
  /* The empty board's invitation has gone. */
  g_assert_false (gtk_widget_get_visible (test_find_nth (GTK_WIDGET (fixture->view),
                                                         ADW_TYPE_STATUS_PAGE, 0)));

  /* Undo takes the words back, then the note. */
  undo (fixture);
  g_assert_cmpstr (our_board_item_get_text (note), ==, "");
  undo (fixture);
  g_assert_cmpuint (n_item_widgets (fixture), ==, 0);
  g_assert_true (gtk_widget_get_visible (test_find_nth (GTK_WIDGET (fixture->view),
                                                        ADW_TYPE_STATUS_PAGE, 0)));
}

/* A note longer than a note may be is refused with a sentence, and the
 * note keeps its words. */
static void
test_note_too_long (Fixture       *fixture,
                    gconstpointer  data)
{
  OurBoardItem *note = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Short", 0, 0);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *popover, *text_view, *error_label = NULL;

  our_board_canvas_edit_note (fixture->canvas, note);
  popover = test_find_nth (GTK_WIDGET (fixture->canvas), GTK_TYPE_POPOVER, 0);
  text_view = test_find_nth (popover, GTK_TYPE_TEXT_VIEW, 0);
  for (int i = 0; i <= OUR_NOTE_TEXT_MAX; i++)
    g_string_append_c (text, 'a');
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text->str, -1);

  for (guint i = 0; (error_label = test_find_nth (popover, GTK_TYPE_LABEL, i)) != NULL; i++)
    if (gtk_widget_has_css_class (error_label, "error"))
      break;
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "10000"));

  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_frames ();
  g_assert_cmpstr (our_board_item_get_text (note), ==, "Short");
}

/* Arrow keys move the item with the keyboard; a run of presses is one
 * undo step. */
static void
test_arrow_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  OurBoardItem *note = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Walk the dog", 100, 100);
  GtkWidget *widget;

  wait_frames ();
  widget = widget_for (fixture, note);
  g_assert_true (gtk_widget_grab_focus (widget));
  g_assert_true (our_board_canvas_get_selected (fixture->canvas) == note);
  g_assert_true (our_board_item_widget_get_selected (OUR_BOARD_ITEM_WIDGET (widget)));

  /* Right, Right (as a held key), Shift+Down. */
  g_assert_true (gtk_widget_activate_action (widget, "item.nudge", "(dd)", 10.0, 0.0));
  g_assert_cmpfloat (item_x (note), ==, 110);
  g_assert_true (gtk_widget_activate_action (widget, "item.nudge", "(dd)", 10.0, 0.0));
  g_assert_cmpfloat (item_x (note), ==, 120);
  undo (fixture);
  g_assert_cmpfloat (item_x (note), ==, 100);

  /* The widget moved with its item. */
  {
    graphene_rect_t before, after;

    wait_frames ();
    g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->canvas), &before));
    gtk_widget_activate_action (widget, "item.nudge", "(dd)", 50.0, 0.0);
    wait_frames ();
    g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (fixture->canvas), &after));
    g_assert_cmpfloat_with_epsilon (after.origin.x - before.origin.x,
                                    50 * our_board_canvas_get_zoom (fixture->canvas), 1.5);
  }
}

/* R enters resize mode: the arrows then change the size, Escape leaves. */
static void
test_resize_mode (Fixture       *fixture,
                  gconstpointer  data)
{
  OurBoardItem *symbol = add_item (fixture, OUR_BOARD_ITEM_SYMBOL, "home", 300, 100);
  GtkWidget *widget;

  wait_frames ();
  widget = widget_for (fixture, symbol);
  gtk_widget_grab_focus (widget);
  g_assert_false (our_board_canvas_get_resizing (fixture->canvas));

  g_assert_true (gtk_widget_activate_action (widget, "item.toggle-resizing", NULL));
  g_assert_true (our_board_canvas_get_resizing (fixture->canvas));
  /* A screen reader hears what the arrows do now. */
  assert_description (widget, "Resizing: the arrow keys change its size. "
                              "Press Enter or Escape when done.");
  gtk_widget_activate_action (widget, "item.nudge", "(dd)", 50.0, 0.0);
  g_assert_cmpfloat (item_width (symbol), ==, 210);
  g_assert_cmpfloat (item_x (symbol), ==, 300);
  /* Never smaller than the smallest size. */
  for (int i = 0; i < 40; i++)
    gtk_widget_activate_action (widget, "item.nudge", "(dd)", -50.0, 0.0);
  g_assert_cmpfloat (item_width (symbol), ==, OUR_BOARD_ITEM_MIN_SIZE);

  g_assert_true (gtk_widget_activate_action (widget, "item.stop-resizing", NULL));
  g_assert_false (our_board_canvas_get_resizing (fixture->canvas));
  assert_description (widget, "Arrow keys move it, R resizes it.");
  gtk_widget_activate_action (widget, "item.nudge", "(dd)", 10.0, 0.0);
  g_assert_cmpfloat (item_x (symbol), ==, 310);
  g_assert_cmpfloat (item_width (symbol), ==, OUR_BOARD_ITEM_MIN_SIZE);
}

/* Delete removes the item (with an undo toast); undo brings it back. */
static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  OurBoardItem *first = add_item (fixture, OUR_BOARD_ITEM_NOTE, "One", 0, 0);
  OurBoardItem *second = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Two", 300, 0);
  g_autofree char *first_id = g_strdup (our_board_item_get_id (first));
  GtkWidget *widget;

  wait_frames ();
  widget = widget_for (fixture, first);
  gtk_widget_grab_focus (widget);
  g_assert_true (gtk_widget_activate_action (widget, "item.delete", NULL));
  wait_frames ();
  g_assert_cmpuint (our_plan_get_n_board_items (fixture->plan), ==, 1);
  g_assert_cmpuint (n_item_widgets (fixture), ==, 1);
  /* The keyboard goes on to the next item. */
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, second)));

  undo (fixture);
  g_assert_cmpuint (n_item_widgets (fixture), ==, 2);
  first = our_plan_find_board_item (fixture->plan, first_id, NULL);
  g_assert_nonnull (first);
  assert_label (widget_for (fixture, first), "Note: One");
}

/* Bring to front and send to back keep the keyboard on the item. */
static void
test_restack (Fixture       *fixture,
              gconstpointer  data)
{
  OurBoardItem *bottom = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Bottom", 0, 0);
  guint position = 9;

  add_item (fixture, OUR_BOARD_ITEM_NOTE, "Top", 50, 50);
  wait_frames ();
  gtk_widget_grab_focus (widget_for (fixture, bottom));
  g_assert_true (gtk_widget_activate_action (widget_for (fixture, bottom), "item.front", NULL));
  wait_frames ();
  g_assert_nonnull (our_plan_find_board_item (fixture->plan, our_board_item_get_id (bottom),
                                              &position));
  g_assert_cmpuint (position, ==, 1);
  /* The widget on top is the last child: drawn last, picked first. */
  g_assert_true (gtk_widget_get_last_child (GTK_WIDGET (fixture->canvas)) ==
                 widget_for (fixture, bottom) ||
                 GTK_IS_POPOVER (gtk_widget_get_last_child (GTK_WIDGET (fixture->canvas))));
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, bottom)));
}

/* Screen readers hear what is on the board. */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  OurBoardItem *note = add_item (fixture, OUR_BOARD_ITEM_NOTE, "I miss singing", 0, 0);
  OurBoardItem *picture = add_item (fixture, OUR_BOARD_ITEM_PICTURE, NULL, 200, 0);
  const char *key = our_symbols_get_n () > 0 ? our_symbols_get_key (0) : "home";
  OurBoardItem *symbol = add_item (fixture, OUR_BOARD_ITEM_SYMBOL, key, 400, 0);
  g_autofree char *symbol_label = NULL;
  g_autoptr(OurBoardItem) state = NULL;

  wait_frames ();
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget_for (fixture, note)),
                                               GTK_ACCESSIBLE_ROLE_BUTTON));
  assert_label (widget_for (fixture, note), "Note: I miss singing");
  assert_label (widget_for (fixture, picture), "Picture");
  symbol_label = g_strdup_printf ("Symbol: %s", our_symbols_get_label (key));
  if (our_symbols_has (key))
    assert_label (widget_for (fixture, symbol), symbol_label);
  /* Whose words they are is said too. */
  assert_description (widget_for (fixture, note),
                      "In my words. Press Enter to write on it. Arrow keys move it, R resizes it.");

  /* The name follows the words. */
  state = our_board_item_copy (note);
  our_board_item_set_text (state, "I miss singing with the choir", OUR_AUTHOR_PERSON);
  g_assert_true (our_history_run (test_history_for (fixture->plan),
                                  our_command_new_update_board_item (state), NULL));
  assert_label (widget_for (fixture, note), "Note: I miss singing with the choir");

  /* Every item can take the keyboard. */
  g_assert_true (gtk_widget_get_focusable (widget_for (fixture, picture)));
}

/* Tab reads the board top to bottom, left to right, then leaves it. */
static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  OurBoardItem *lower = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Lower", 0, 400);
  OurBoardItem *right = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Right", 400, 0);
  OurBoardItem *left = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Left", 0, 10);
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);

  wait_frames ();
  g_assert_true (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, left)));
  g_assert_true (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, right)));
  g_assert_true (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (widget_for (fixture, lower)));
  g_assert_false (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));
}

/* Zoom in, out and fit keep everything reachable. */
static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  OurBoardItem *far = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Far away", 3000, 2000);
  graphene_rect_t bounds;
  double zoom;

  add_item (fixture, OUR_BOARD_ITEM_NOTE, "Near", 0, 0);
  wait_frames ();
  zoom = our_board_canvas_get_zoom (fixture->canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.zoom-in", NULL));
  g_assert_cmpfloat (our_board_canvas_get_zoom (fixture->canvas), >, zoom);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.fit", NULL));
  wait_frames ();
  g_assert_cmpfloat (our_board_canvas_get_zoom (fixture->canvas), <, 0.5);
  g_assert_true (gtk_widget_compute_bounds (widget_for (fixture, far), GTK_WIDGET (fixture->canvas),
                                            &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (fixture->canvas)));
}

/* A plan that cannot change: nothing moves, the keys do nothing. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  OurBoardItem *note = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Mine", 0, 0);
  GtkWidget *widget;

  wait_frames ();
  g_object_set (fixture->view, "read-only", TRUE, NULL);
  widget = widget_for (fixture, note);
  gtk_widget_grab_focus (widget);
  gtk_widget_activate_action (widget, "item.nudge", "(dd)", 10.0, 0.0);
  gtk_widget_activate_action (widget, "item.delete", NULL);
  g_assert_cmpfloat (item_x (note), ==, 0);
  g_assert_cmpuint (our_plan_get_n_board_items (fixture->plan), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.add-note", NULL);
  g_assert_cmpuint (our_plan_get_n_board_items (fixture->plan), ==, 1);
}

static graphene_point_t
point_on_item (Fixture      *fixture,
               OurBoardItem *item,
               double        fx,
               double        fy_or_offset,
               gboolean      above)
{
  GtkWidget *widget = widget_for (fixture, item);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  graphene_point_t local = GRAPHENE_POINT_INIT (w * fx, above ? fy_or_offset : h * fy_or_offset);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (fixture->canvas), &local, &point));
  return point;
}

/* Dragging moves, the corner handle resizes and the round handle above
 * turns: the plan changes once, at the end, and one undo takes it back. */
static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  OurBoardItem *note = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Drag me", 100, 100);
  graphene_point_t p;
  double zoom, x, y, w, h;

  wait_frames ();
  zoom = our_board_canvas_get_zoom (fixture->canvas);

  /* Move */
  p = point_on_item (fixture, note, 0.5, 0.5, FALSE);
  g_assert_true (our_board_canvas_drag_begin (fixture->canvas, p.x, p.y));
  for (int i = 1; i <= 10; i++)
    {
      our_board_canvas_drag_update (fixture->canvas, 8.0 * i, 4.0 * i, FALSE);
      g_assert_cmpfloat (item_x (note), ==, 100);
    }
  our_board_canvas_drag_end (fixture->canvas, TRUE);
  our_board_item_get_box (note, &x, &y, NULL, NULL);
  g_assert_cmpfloat_with_epsilon (x, 100 + 80 / zoom, 0.01);
  g_assert_cmpfloat_with_epsilon (y, 100 + 40 / zoom, 0.01);
  undo (fixture);
  g_assert_cmpfloat (item_x (note), ==, 100);
  wait_frames ();

  /* Resize by the corner handle of the selected item. */
  our_board_canvas_select (fixture->canvas, note, TRUE);
  wait_frames ();
  p = point_on_item (fixture, note, 1, 1, FALSE);
  g_assert_true (our_board_canvas_drag_begin (fixture->canvas, p.x, p.y));
  our_board_canvas_drag_update (fixture->canvas, 40, 20, FALSE);
  our_board_canvas_drag_end (fixture->canvas, TRUE);
  our_board_item_get_box (note, &x, &y, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 160 + 40 / zoom, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 140 + 20 / zoom, 0.01);
  g_assert_cmpfloat_with_epsilon (x, 100, 0.01);
  g_assert_cmpfloat_with_epsilon (y, 100, 0.01);
  undo (fixture);
  our_board_item_get_box (note, NULL, NULL, &w, NULL);
  g_assert_cmpfloat (w, ==, 160);
  wait_frames ();

  /* Turn by the handle above: pulled out to the right is a quarter turn. */
  p = point_on_item (fixture, note, 0.5, -30, TRUE);
  {
    graphene_point_t centre = point_on_item (fixture, note, 0.5, 0.5, FALSE);

    g_assert_true (our_board_canvas_drag_begin (fixture->canvas, p.x, p.y));
    our_board_canvas_drag_update (fixture->canvas, centre.x + 120 - p.x, centre.y - p.y, FALSE);
    our_board_canvas_drag_end (fixture->canvas, TRUE);
  }
  g_assert_cmpfloat_with_epsilon (our_board_item_get_rotation (note), 90, 0.5);
  undo (fixture);
  g_assert_cmpfloat (our_board_item_get_rotation (note), ==, 0);

  /* A cancelled drag changes nothing. */
  p = point_on_item (fixture, note, 0.5, 0.5, FALSE);
  g_assert_true (our_board_canvas_drag_begin (fixture->canvas, p.x, p.y));
  our_board_canvas_drag_update (fixture->canvas, 100, 100, FALSE);
  our_board_canvas_drag_end (fixture->canvas, FALSE);
  g_assert_cmpfloat (item_x (note), ==, 100);
}

/* Dragging empty space looks around the board; the plan does not change. */
static void
test_pan (Fixture       *fixture,
          gconstpointer  data)
{
  OurBoardItem *note = add_item (fixture, OUR_BOARD_ITEM_NOTE, "Still here", 100, 100);
  graphene_point_t before, after;

  wait_frames ();
  before = point_on_item (fixture, note, 0, 0, FALSE);
  g_assert_true (our_board_canvas_drag_begin (fixture->canvas, 5, 5));
  our_board_canvas_drag_update (fixture->canvas, 100, 50, FALSE);
  our_board_canvas_drag_end (fixture->canvas, TRUE);
  wait_frames ();
  after = point_on_item (fixture, note, 0, 0, FALSE);
  g_assert_cmpfloat_with_epsilon (after.x - before.x, 100, 1.5);
  g_assert_cmpfloat_with_epsilon (after.y - before.y, 50, 1.5);
  g_assert_cmpfloat (item_x (note), ==, 100);
}

/* Zones: added with a name, renamed and removed from the zones' menu. */
static void
test_zones (Fixture       *fixture,
            gconstpointer  data)
{
  GListModel *zones = our_plan_get_board_zones (fixture->plan);
  g_autoptr(OurBoardZone) zone = NULL;
  g_autofree char *id = NULL;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.add-zone", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (zones), ==, 1);
  zone = g_list_model_get_item (zones, 0);
  g_assert_cmpstr (our_board_zone_get_name (zone), ==, "How I feel now");
  id = g_strdup (our_board_zone_get_id (zone));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.rename-zone",
                                             "s", id));
  entry = test_find_nth (GTK_WIDGET (fixture->canvas), GTK_TYPE_ENTRY, 0);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "How I feel now");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Today");
  /* From the keyboard, a zone is moved and resized in the same editor. */
  {
    GtkWidget *left = test_find_nth (GTK_WIDGET (fixture->canvas), GTK_TYPE_SPIN_BUTTON, 0);
    GtkWidget *width = test_find_nth (GTK_WIDGET (fixture->canvas), GTK_TYPE_SPIN_BUTTON, 2);
    double x0, w0, x, w;

    our_board_zone_get_box (zone, &x0, NULL, &w0, NULL);
    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (left)), ==, round (x0));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (left), round (x0) + 40);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (width), 500);
    our_board_zone_get_box (zone, &x, NULL, &w, NULL);
    g_assert_cmpfloat (x, ==, round (x0) + 40);
    g_assert_cmpfloat (w, ==, 500);
  }
  g_signal_emit_by_name (entry, "activate");
  wait_frames ();
  g_assert_cmpstr (our_board_zone_get_name (zone), ==, "Today");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "board.remove-zone",
                                             "s", id));
  g_assert_cmpuint (g_list_model_get_n_items (zones), ==, 0);
  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (zones), ==, 1);
  /* Name, place and size of one visit to the editor: one undo step. */
  undo (fixture);
  g_clear_object (&zone);
  zone = g_list_model_get_item (zones, 0);
  g_assert_cmpstr (our_board_zone_get_name (zone), ==, "How I feel now");
  {
    double w;

    our_board_zone_get_box (zone, NULL, NULL, &w, NULL);
    g_assert_cmpfloat (w, !=, 500);
  }
}

static void
wait_for_imports (Fixture *fixture)
{
  gboolean importing = TRUE;

  for (int i = 0; i < 1000 && importing; i++)
    {
      test_spin (10);
      g_object_get (fixture->view, "importing", &importing, NULL);
    }
  g_assert_false (importing);
  wait_frames ();
}

static void
import_fixture (Fixture    *fixture,
                const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "pictures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GList files = { file, NULL, NULL };

  our_board_view_import_files (fixture->view, &files, 400, 300);
  wait_for_imports (fixture);
}

/* A file that cannot be used ends in a sentence and leaves the plan as it
 * was: nothing added, nothing to undo. A good picture lands on the board. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const bad[] = {
    "not-a-picture.png", "truncated.jpg", "bomb-20000.png", "svg-remote.svg",
    "svg-local-file.svg",
  };
  OurHistory *history = test_history_for (fixture->plan);
  g_autoptr(OurBoardItem) item = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      import_fixture (fixture, bad[i]);
      g_assert_cmpuint (our_plan_get_n_board_items (fixture->plan), ==, 0);
      g_assert_false (our_history_get_can_undo (history));
    }

  import_fixture (fixture, "gps-photo.jpg");
  g_assert_cmpuint (our_plan_get_n_board_items (fixture->plan), ==, 1);
  g_assert_cmpuint (n_item_widgets (fixture), ==, 1);
  item = g_list_model_get_item (our_plan_get_board_items (fixture->plan), 0);
  g_assert_cmpint (our_board_item_get_kind (item), ==, OUR_BOARD_ITEM_PICTURE);
  g_assert_nonnull (our_plan_get_picture (fixture->plan, our_board_item_get_picture_id (item)));
  assert_label (widget_for (fixture, item), "Picture");
  undo (fixture);
  g_assert_cmpuint (our_plan_get_n_board_items (fixture->plan), ==, 0);
}

/* A picture the plan file holds damaged (its bytes no longer match its id)
 * is drawn crossed out, and a screen reader hears why. */
static void
test_damaged_picture (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "pictures", "gps-photo.jpg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *wrong_id = g_strnfill (64, 'a');
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(OurPicture) picture = NULL;
  g_autoptr(OurBoardItem) item = our_board_item_new (NULL, OUR_BOARD_ITEM_PICTURE);
  g_autoptr(GError) error = NULL;
  const char *expected = "This picture cannot be shown: the plan file holds it damaged. "
                         "Arrow keys move it, R resizes it.";
  GtkWidget *widget;
  gsize length;
  char *message;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (contents, length);
  picture = our_picture_new (wrong_id, bytes, "image/jpeg", 640, 480);
  our_plan_add_picture (fixture->plan, picture);
  our_board_item_set_box (item, 100, 100, 200, 150);
  our_board_item_set_picture_id (item, wrong_id);
  g_assert_true (our_history_run (test_history_for (fixture->plan),
                                  our_command_new_add_board_item (item, -1), &error));
  g_assert_no_error (error);
  widget = widget_for (fixture, our_plan_find_board_item (fixture->plan,
                                                          our_board_item_get_id (item), NULL));
  assert_description (widget, "Arrow keys move it, R resizes it.");

  /* The decode runs in a worker thread; its answer comes to the main loop. */
  while ((message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                        expected)) != NULL)
    {
      g_free (message);
      g_main_context_iteration (NULL, TRUE);
    }
  assert_label (widget, "Picture");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/board/add-note", test_add_note);
  ADD ("/board/damaged-picture", test_damaged_picture);
  ADD ("/board/note-too-long", test_note_too_long);
  ADD ("/board/arrow-keys", test_arrow_keys);
  ADD ("/board/resize-mode", test_resize_mode);
  ADD ("/board/delete-and-undo", test_delete_and_undo);
  ADD ("/board/restack", test_restack);
  ADD ("/board/accessible-names", test_accessible_names);
  ADD ("/board/tab-order", test_tab_order);
  ADD ("/board/zoom", test_zoom);
  ADD ("/board/read-only", test_read_only);
  ADD ("/board/drag", test_drag);
  ADD ("/board/pan", test_pan);
  ADD ("/board/zones", test_zones);
  ADD ("/board/import", test_import);
#undef ADD

  return g_test_run ();
}
