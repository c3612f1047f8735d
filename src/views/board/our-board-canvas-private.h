/* our-board-canvas-private.h: what the files of the notes board share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board is one type split by concern, as GNOME Text Editor splits its
 * big types: the widget (our-board-canvas.c), its input
 * (our-board-canvas-input.c), its actions (our-board-canvas-actions.c) and
 * the note and area editors (our-board-canvas-editors.c).
 */
#pragma once

#include "our-board-canvas.h"
#include "our-board-item-widget.h"
#include "our-command.h"

G_BEGIN_DECLS

#define ZOOM_MIN 0.1
#define ZOOM_MAX 4.0
#define FIT_ZOOM_MAX 1.5
/* Board units per arrow key press, and with Shift. */
#define KEY_STEP 10.0
#define KEY_BIG_STEP 50.0
/* Key presses closer than this (key repeat) make one undo step. */
#define KEY_MERGE_USEC (700 * G_TIME_SPAN_MILLISECOND)
/* Handles of the selected item, in pixels. */
#define HANDLE_RADIUS 9.0
#define ROTATE_HANDLE_GAP 30.0
/* The strip at the top of a zone that holds its name (board units). */
#define ZONE_HEADER 48.0
#define ZONE_CORNER 28.0

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_RESIZE,
  DRAG_ROTATE,
  DRAG_ZONE_MOVE,
  DRAG_ZONE_RESIZE,
} DragKind;

struct _OurBoardCanvas
{
  GtkWidget           parent_instance;

  OurSession         *session;
  OurPlan            *plan;         /* the session's */
  gboolean            read_only;

  GPtrArray          *children;       /* OurBoardItemWidget, stacking order */
  OurBoardItemWidget *selected;
  gboolean            resizing;
  char               *refocus_id;     /* an item whose widget had focus when restacked */
  int                 lost_focus_at;

  double              zoom;
  double              view_x, view_y; /* the board point at the top-left corner */
  gboolean            placed;         /* the view was fitted once */
  double              pointer_x, pointer_y;

  /* Dragging */
  DragKind            drag;
  OurBoardItemWidget *dragged;
  OurBoardItem       *preview;
  OurBoardZone       *zone_preview;
  OurBoardZone       *dragged_zone;
  double              start_x, start_y, start_w, start_h, start_rotation;
  double              start_view_x, start_view_y;
  double              drag_x, drag_y;  /* where the drag started, widget space */
  double              zoom_start;
  gint64              last_key;

  GtkPopover         *editor;
  GtkTextView        *editor_text;
  GtkLabel           *editor_error;
  OurBoardItem       *editing;
  guint               note_save_id;   /* saves what is typed after a pause */
  guint               zone_save_id;
  GtkPopover         *zone_editor;
  GtkEntry           *zone_entry;
  GtkSpinButton      *zone_box[4];    /* left, top, width, height */
  gboolean            zone_syncing;   /* setting the editor from the zone */
  OurBoardZone       *zone_editing;
  OurBoardZone       *menu_zone;
  GtkPopover         *menu;
};

/* our-board-canvas.c: the widget, its layout and drawing */
gboolean            our_board_canvas_is_writable (OurBoardCanvas *self);
OurBoardItemWidget *our_board_canvas_find_child (OurBoardCanvas *self,
                                                 OurBoardItem   *item,
                                                 guint          *index);
void                our_board_canvas_to_widget (OurBoardCanvas *self,
                                                double          board_x,
                                                double          board_y,
                                                double         *x,
                                                double         *y);
void                our_board_canvas_zoom_around (OurBoardCanvas *self,
                                                  double          zoom,
                                                  double          x,
                                                  double          y);

/* our-board-canvas-actions.c: running commands, the item and area actions and their keys */
void                our_board_canvas_show_menu (OurBoardCanvas *self,
                                                OurBoardItem   *item,
                                                OurBoardZone   *zone,
                                                double          x,
                                                double          y);
gboolean            our_board_canvas_run (OurBoardCanvas *self,
                                          OurCommand     *command);
gboolean            our_board_canvas_run_alone (OurBoardCanvas *self,
                                                OurCommand     *command);
gboolean            our_board_canvas_update_item (OurBoardCanvas *self,
                                                  OurBoardItem   *new_state);
OurBoardItem *      our_board_canvas_get_current_item (OurBoardCanvas *self);
void                our_board_canvas_update_actions (OurBoardCanvas *self);
void                our_board_canvas_install_actions (GtkWidgetClass *widget_class);

/* our-board-canvas-editors.c: the note and area editors */
gboolean            our_board_canvas_note_too_long (OurBoardCanvas *self);
void                our_board_canvas_point_popover_at (OurBoardCanvas *self,
                                                       GtkPopover     *popover,
                                                       OurBoardItem   *item);
void                our_board_canvas_rename_zone (OurBoardCanvas *self,
                                                  OurBoardZone   *zone);

/* our-board-canvas-input.c: pointer, touch, scroll and zoom */
void                our_board_canvas_end_drag (OurBoardCanvas *self,
                                               gboolean        keep);
void                our_board_canvas_init_input (OurBoardCanvas *self);

G_END_DECLS
