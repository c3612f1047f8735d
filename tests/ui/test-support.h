/* test-support.h: helpers the widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until nothing is pending. */
void        test_drain_events       (void);
/* Runs the main loop for @ms milliseconds. */
void        test_spin               (guint      ms);
/* Waits, frame by frame, until @done holds (or a generous bound passes,
 * when the assertion after it fails). */
#define WAIT_UNTIL(done) \
  G_STMT_START { \
    for (guint _i = 0; _i < 2000 && !(done); _i++) \
      test_spin (5); \
  } G_STMT_END
/* Runs the main loop until @widget is mapped (its window shown by the X
 * server), for at most five seconds: on a busy machine that takes longer
 * than the events already pending. */
void        test_wait_mapped        (GtkWidget *widget);
/* The @index-th widget of @type inside @widget, in tree order, or NULL. */
GtkWidget  *test_find_nth           (GtkWidget *widget,
                                     GType      type,
                                     guint      index);
guint       test_count_descendants  (GtkWidget *widget,
                                     GType      type);
/* When OURPLAN_TEST_PICTURES names a folder, saves @window as it is drawn
 * now to @name.png there: pictures of windows a test opened, for the docs. */
void        test_save_picture       (GtkWidget  *window,
                                     const char *name);

G_END_DECLS
