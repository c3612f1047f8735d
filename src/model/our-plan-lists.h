/* our-plan-lists.h: the registry, where each list a plan is made of is described once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Commands (src/edit/our-command.c), the store's writing and loading
 * (src/store/our-store-rows.c), the changes a command reports and the
 * comparison of two plans all walk this table instead of naming each list.
 * Adding a list to the plan is one descriptor here, one bind/load pair in
 * the store and one migration.
 *
 * Pictures are not a list: the plan keeps them by id for as long as it is
 * open (see our_plan_add_picture()), and the store writes those the board
 * items show, with the board items.
 */
#pragma once

#include "our-plan.h"

G_BEGIN_DECLS

typedef enum
{
  /* The list keeps the order the person gave (moves are commands). */
  OUR_PLAN_LIST_ORDERED   = 1 << 0,
  /* Items are changed by updates that carry a new state (copy + assign). */
  OUR_PLAN_LIST_EDITABLE  = 1 << 1,
  /* The list is the plan's history (agreed versions), not part of the plan
   * an agreed version freezes. */
  OUR_PLAN_LIST_HISTORY   = 1 << 2,
} OurPlanListFlags;

/* A list lives in a container: the plan, or for a list inside another
 * list's items (steps in a goal) an item of the parent list. */
typedef struct
{
  OurListId         id;
  const char       *key;           /* the table's name in plan files */
  GType           (*get_item_type) (void);
  OurPlanListFlags  flags;
  /* OUR_N_LISTS for lists of the plan itself. */
  OurListId         parent;
  guint             max_items;     /* our-limits.h */

  GListModel     *(*get_list)   (gpointer container);
  gpointer        (*find)       (gpointer container, const char *id, guint *position);
  void            (*insert)     (gpointer container, guint position, gpointer item);
  void            (*remove)     (gpointer container, guint position);
  const char     *(*get_item_id) (gpointer item);
  /* NULL: items never change once made, and are shared. */
  gpointer        (*copy)       (gpointer item);
  void            (*assign)     (gpointer item, gpointer from);

  /* The labels of the generic commands (marked with N_, translated when
   * shown); NULL where the command does not exist for this list. */
  const char       *add_label;
  const char       *delete_label;
  const char       *update_label;
  const char       *move_label;
} OurPlanList;

const OurPlanList *our_plan_lists_get         (OurListId          id);

/* The container of @list's items in @plan: the plan, or the parent item
 * whose id is @parent_id (NULL when there is none). */
gpointer           our_plan_list_get_container (const OurPlanList *list,
                                               OurPlan           *plan,
                                               const char        *parent_id);

/* Whether @a and @b hold the same values in every readable property of
 * their type (the id included) and, through the registry, the same child
 * lists. */
gboolean           our_plan_list_items_equal  (const OurPlanList *list,
                                               gpointer           a,
                                               gpointer           b);

/* NULL when @a and @b hold the same plan: every list of the registry item
 * by item and in order, the Me and staying-well fields, consent and the
 * pictures the board shows. Otherwise a short description of the first
 * difference found, in English for developers ("goals[2].title"). */
char              *our_plan_find_difference   (OurPlan           *a,
                                               OurPlan           *b);

G_END_DECLS
