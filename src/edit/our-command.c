/* our-command.c: one undoable change to a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "our-command.h"
#include "our-limits.h"
#include "our-plan-lists.h"

typedef enum
{
  KIND_SET_ME_TEXT,
  KIND_SET_GOAL_TEXT,
  KIND_SET_LIFE_AREA,
  KIND_SET_SYMBOL,
  KIND_SET_PROGRESS,
  KIND_SET_STATUS,
  KIND_SET_STEP_TEXT,
  KIND_DELETE_MEMBER,
  KIND_SET_MEMBER_TEXT,
  KIND_SET_MEMBER_KIND,
  KIND_PLACE_MEMBER,
  KIND_SET_MEMBER_HELPS,
  KIND_SET_MEMBER_CONTACT,
  KIND_SET_MEMBER_WISHED_FOR,
  KIND_SET_MEMBER_CARER,
  KIND_SET_STEP_HELPER,
  KIND_SET_MEMBER_SYMBOL,
  /* Any list of the registry (our-plan-lists.h): whole items added,
   * deleted, updated (the new state is carried, the old one kept) or moved. */
  KIND_ADD_ITEM,
  KIND_DELETE_ITEM,
  KIND_UPDATE_ITEM,
  KIND_RESTACK_ITEM,
  KIND_SET_WELL_TEXT,
  KIND_SET_CONSENT,
  /* Several commands done, undone and saved as one step. */
  KIND_GROUP,
} CommandKind;

/* A step that named a deleted member, as it was before. */
typedef struct
{
  char      *step_id;
  char      *who;
  OurAuthor  who_author;
} StepLink;

static void
step_link_free (gpointer data)
{
  StepLink *link = data;

  g_free (link->step_id);
  g_free (link->who);
  g_free (link);
}

struct _OurCommand
{
  GObject      parent_instance;

  CommandKind  kind;
  /* The goal or step this command is about. */
  char        *target_id;
  /* Which text field, for the set-text kinds. */
  int          field;

  /* New and previous values; which ones are used depends on the kind. The
   * previous ones are taken from the plan each time the command is done. */
  char        *new_text;
  char        *old_text;
  OurAuthor    new_author;
  OurAuthor    old_author;
  int          new_value;
  int          old_value;

  int          position;       /* where to insert; -1 at the end */

  /* My people. */
  double       new_angle;
  double       old_angle;
  OurDeleteMemberSteps step_policy;
  GPtrArray   *step_links;     /* StepLink, for delete */

  /* Any list of the registry, and the parent item of a child list (found
   * when first done if the command was made without it). */
  OurListId    list;
  char        *parent_id;
  /* Added or deleted: the very object, so that undo puts back what views
   * were showing. The new state for updates. */
  GObject     *item;
  GObject     *old_state;      /* updates: the item as it was */

  /* A group: its commands, in the order they were done. */
  GPtrArray   *children;

  /* Why the last do or undo failed, or DONE. */
  OurCommandOutcome outcome;
};

G_DEFINE_FINAL_TYPE (OurCommand, our_command, G_TYPE_OBJECT)

static void
our_command_finalize (GObject *object)
{
  OurCommand *self = OUR_COMMAND (object);

  g_free (self->target_id);
  g_free (self->new_text);
  g_free (self->old_text);
  g_free (self->parent_id);
  g_clear_pointer (&self->step_links, g_ptr_array_unref);
  g_clear_object (&self->item);
  g_clear_object (&self->old_state);
  g_clear_pointer (&self->children, g_ptr_array_unref);

  G_OBJECT_CLASS (our_command_parent_class)->finalize (object);
}

static void
our_command_class_init (OurCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = our_command_finalize;
}

static void
our_command_init (OurCommand *self)
{
  self->position = -1;
}

static OurCommand *
command_new (CommandKind  kind,
             const char  *target_id)
{
  OurCommand *self = g_object_new (OUR_TYPE_COMMAND, NULL);

  self->kind = kind;
  self->target_id = g_strdup (target_id);
  return self;
}

OurCommand *
our_command_new_set_me_text (OurMeField  field,
                             const char *text,
                             OurAuthor   author)
{
  OurCommand *self;

  g_return_val_if_fail ((guint) field < OUR_N_ME_FIELDS, NULL);

  self = command_new (KIND_SET_ME_TEXT, NULL);
  self->field = field;
  self->new_text = g_strdup (text ? text : "");
  self->new_author = author;
  return self;
}

OurCommand *
our_command_new_add_goal (OurGoal *goal,
                          int      position)
{
  return our_command_new_add_item (OUR_LIST_GOALS, NULL, goal, position);
}

OurCommand *
our_command_new_delete_goal (const char *goal_id)
{
  return our_command_new_delete_item (OUR_LIST_GOALS, NULL, goal_id);
}

OurCommand *
our_command_new_move_goal (const char *goal_id,
                           guint       new_position)
{
  return our_command_new_move_item (OUR_LIST_GOALS, NULL, goal_id, new_position);
}

OurCommand *
our_command_new_set_goal_text (const char  *goal_id,
                               OurGoalText  field,
                               const char  *text,
                               OurAuthor    author)
{
  OurCommand *self;

  g_return_val_if_fail (goal_id != NULL, NULL);
  g_return_val_if_fail (field == OUR_GOAL_TEXT_TITLE || field == OUR_GOAL_TEXT_WHY, NULL);

  self = command_new (KIND_SET_GOAL_TEXT, goal_id);
  self->field = field;
  self->new_text = g_strdup (text ? text : "");
  self->new_author = author;
  return self;
}

static OurCommand *
command_new_goal_value (CommandKind  kind,
                        const char  *goal_id,
                        int          value)
{
  OurCommand *self;

  g_return_val_if_fail (goal_id != NULL, NULL);

  self = command_new (kind, goal_id);
  self->new_value = value;
  return self;
}

OurCommand *
our_command_new_set_life_area (const char  *goal_id,
                               OurLifeArea  area)
{
  return command_new_goal_value (KIND_SET_LIFE_AREA, goal_id, area);
}

OurCommand *
our_command_new_set_symbol (const char *goal_id,
                            const char *symbol)
{
  OurCommand *self = command_new_goal_value (KIND_SET_SYMBOL, goal_id, 0);

  if (self != NULL)
    self->new_text = g_strdup (symbol ? symbol : "");
  return self;
}

OurCommand *
our_command_new_set_progress (const char *goal_id,
                              guint       progress)
{
  return command_new_goal_value (KIND_SET_PROGRESS, goal_id, MIN (progress, OUR_PROGRESS_MAX));
}

OurCommand *
our_command_new_set_status (const char    *goal_id,
                            OurGoalStatus  status)
{
  return command_new_goal_value (KIND_SET_STATUS, goal_id, status);
}

OurCommand *
our_command_new_add_step (const char *goal_id,
                          OurStep    *step,
                          int         position)
{
  g_return_val_if_fail (goal_id != NULL, NULL);
  return our_command_new_add_item (OUR_LIST_STEPS, goal_id, step, position);
}

OurCommand *
our_command_new_delete_step (const char *step_id)
{
  return our_command_new_delete_item (OUR_LIST_STEPS, NULL, step_id);
}

OurCommand *
our_command_new_move_step (const char *step_id,
                           guint       new_position)
{
  return our_command_new_move_item (OUR_LIST_STEPS, NULL, step_id, new_position);
}

OurCommand *
our_command_new_set_step_text (const char  *step_id,
                               OurStepText  field,
                               const char  *text,
                               OurAuthor    author)
{
  OurCommand *self;

  g_return_val_if_fail (step_id != NULL, NULL);
  g_return_val_if_fail (field >= OUR_STEP_TEXT_WHAT && field <= OUR_STEP_TEXT_BY_WHEN, NULL);

  self = command_new (KIND_SET_STEP_TEXT, step_id);
  self->field = field;
  self->new_text = g_strdup (text ? text : "");
  self->new_author = author;
  return self;
}

OurCommand *
our_command_new_add_member (OurMember *member,
                            int        position)
{
  return our_command_new_add_item (OUR_LIST_MEMBERS, NULL, member, position);
}

OurCommand *
our_command_new_delete_member (const char           *member_id,
                               OurDeleteMemberSteps  steps)
{
  OurCommand *self;

  g_return_val_if_fail (member_id != NULL, NULL);

  self = command_new (KIND_DELETE_MEMBER, member_id);
  self->list = OUR_LIST_MEMBERS;
  self->step_policy = steps;
  self->step_links = g_ptr_array_new_with_free_func (step_link_free);
  return self;
}

OurCommand *
our_command_new_set_member_text (const char    *member_id,
                                 OurMemberText  field,
                                 const char    *text,
                                 OurAuthor      author)
{
  OurCommand *self;

  g_return_val_if_fail (member_id != NULL, NULL);
  g_return_val_if_fail ((guint) field < OUR_N_MEMBER_TEXTS, NULL);

  self = command_new (KIND_SET_MEMBER_TEXT, member_id);
  self->field = field;
  self->new_text = g_strdup (text ? text : "");
  self->new_author = author;
  return self;
}

static OurCommand *
command_new_member_value (CommandKind  kind,
                          const char  *member_id,
                          int          value)
{
  OurCommand *self;

  g_return_val_if_fail (member_id != NULL, NULL);

  self = command_new (kind, member_id);
  self->new_value = value;
  return self;
}

OurCommand *
our_command_new_set_member_kind (const char    *member_id,
                                 OurMemberKind  kind)
{
  return command_new_member_value (KIND_SET_MEMBER_KIND, member_id, kind);
}

OurCommand *
our_command_new_place_member (const char *member_id,
                              int         ring,
                              double      angle)
{
  OurCommand *self = command_new_member_value (KIND_PLACE_MEMBER, member_id, ring);

  if (self != NULL)
    self->new_angle = angle;
  return self;
}

OurCommand *
our_command_new_set_member_helps (const char *member_id,
                                  guint       helps)
{
  return command_new_member_value (KIND_SET_MEMBER_HELPS, member_id, helps & OUR_HELPS_ALL);
}

OurCommand *
our_command_new_set_member_contact (const char *member_id,
                                    OurContact  contact)
{
  return command_new_member_value (KIND_SET_MEMBER_CONTACT, member_id, contact);
}

OurCommand *
our_command_new_set_member_wished_for (const char *member_id,
                                       gboolean    wished_for)
{
  return command_new_member_value (KIND_SET_MEMBER_WISHED_FOR, member_id, !!wished_for);
}

OurCommand *
our_command_new_set_member_carer (const char *member_id,
                                  gboolean    is_carer)
{
  return command_new_member_value (KIND_SET_MEMBER_CARER, member_id, !!is_carer);
}

OurCommand *
our_command_new_set_step_helper (const char *step_id,
                                 const char *member_id)
{
  OurCommand *self;

  g_return_val_if_fail (step_id != NULL, NULL);

  self = command_new (KIND_SET_STEP_HELPER, step_id);
  self->new_text = g_strdup (member_id ? member_id : "");
  return self;
}


static OurCommand *
command_new_item (CommandKind  kind,
                  OurListId    list,
                  const char  *parent_id,
                  const char  *id,
                  GObject     *item)
{
  const OurPlanList *info = our_plan_lists_get (list);
  OurCommand *self = command_new (kind, id);

  self->list = list;
  self->parent_id = g_strdup (parent_id);
  if (item != NULL)
    self->item = info->copy ? info->copy (item) : g_object_ref (item);
  return self;
}

/* Whether @item is of @list's type and, for a child list, has a parent. */
static gboolean
item_fits_list (OurListId   list,
                const char *parent_id,
                gpointer    item)
{
  const OurPlanList *info = our_plan_lists_get (list);

  return G_TYPE_CHECK_INSTANCE_TYPE (item, info->get_item_type ())
         && (info->parent != OUR_N_LISTS || parent_id == NULL);
}

OurCommand *
our_command_new_add_item (OurListId   list,
                          const char *parent_id,
                          gpointer    item,
                          int         position)
{
  OurCommand *self;

  g_return_val_if_fail ((guint) list < OUR_N_LISTS, NULL);
  g_return_val_if_fail (item_fits_list (list, parent_id, item), NULL);

  self = command_new_item (KIND_ADD_ITEM, list, parent_id,
                           our_plan_lists_get (list)->get_item_id (item), item);
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_item (OurListId   list,
                             const char *parent_id,
                             const char *item_id)
{
  g_return_val_if_fail ((guint) list < OUR_N_LISTS, NULL);
  g_return_val_if_fail (item_id != NULL, NULL);
  return command_new_item (KIND_DELETE_ITEM, list, parent_id, item_id, NULL);
}

OurCommand *
our_command_new_update_item (OurListId   list,
                             const char *parent_id,
                             gpointer    new_state)
{
  g_return_val_if_fail ((guint) list < OUR_N_LISTS, NULL);
  g_return_val_if_fail (item_fits_list (list, parent_id, new_state), NULL);
  g_return_val_if_fail ((our_plan_lists_get (list)->flags & OUR_PLAN_LIST_EDITABLE) != 0, NULL);

  return command_new_item (KIND_UPDATE_ITEM, list, parent_id,
                           our_plan_lists_get (list)->get_item_id (new_state), new_state);
}

OurCommand *
our_command_new_move_item (OurListId   list,
                           const char *parent_id,
                           const char *item_id,
                           guint       new_position)
{
  OurCommand *self;

  g_return_val_if_fail ((guint) list < OUR_N_LISTS, NULL);
  g_return_val_if_fail (item_id != NULL, NULL);
  g_return_val_if_fail ((our_plan_lists_get (list)->flags & OUR_PLAN_LIST_ORDERED) != 0, NULL);

  self = command_new_item (KIND_RESTACK_ITEM, list, parent_id, item_id, NULL);
  self->new_value = new_position;
  return self;
}

OurCommand *
our_command_new_set_member_symbol (const char *member_id,
                                   const char *symbol)
{
  OurCommand *self;

  g_return_val_if_fail (member_id != NULL, NULL);

  self = command_new (KIND_SET_MEMBER_SYMBOL, member_id);
  self->new_text = g_strdup (symbol ? symbol : "");
  return self;
}

OurCommand *
our_command_new_add_board_item (OurBoardItem *item,
                                int           position)
{
  OurCommand *self;

  g_return_val_if_fail (OUR_IS_BOARD_ITEM (item), NULL);

  self = command_new_item (KIND_ADD_ITEM, OUR_LIST_BOARD_ITEMS, NULL, our_board_item_get_id (item),
                           G_OBJECT (item));
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_board_item (const char *item_id)
{
  g_return_val_if_fail (item_id != NULL, NULL);
  return command_new_item (KIND_DELETE_ITEM, OUR_LIST_BOARD_ITEMS, NULL, item_id, NULL);
}

OurCommand *
our_command_new_update_board_item (OurBoardItem *new_state)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (new_state), NULL);
  return command_new_item (KIND_UPDATE_ITEM, OUR_LIST_BOARD_ITEMS, NULL, our_board_item_get_id (new_state), G_OBJECT (new_state));
}

OurCommand *
our_command_new_restack_board_item (const char *item_id,
                                    guint       new_position)
{
  OurCommand *self;

  g_return_val_if_fail (item_id != NULL, NULL);

  self = command_new_item (KIND_RESTACK_ITEM, OUR_LIST_BOARD_ITEMS, NULL, item_id, NULL);
  self->new_value = new_position;
  return self;
}

OurCommand *
our_command_new_add_board_zone (OurBoardZone *zone,
                                int           position)
{
  OurCommand *self;

  g_return_val_if_fail (OUR_IS_BOARD_ZONE (zone), NULL);

  self = command_new_item (KIND_ADD_ITEM, OUR_LIST_BOARD_ZONES, NULL, our_board_zone_get_id (zone),
                           G_OBJECT (zone));
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_board_zone (const char *zone_id)
{
  g_return_val_if_fail (zone_id != NULL, NULL);
  return command_new_item (KIND_DELETE_ITEM, OUR_LIST_BOARD_ZONES, NULL, zone_id, NULL);
}

OurCommand *
our_command_new_update_board_zone (OurBoardZone *new_state)
{
  g_return_val_if_fail (OUR_IS_BOARD_ZONE (new_state), NULL);
  return command_new_item (KIND_UPDATE_ITEM, OUR_LIST_BOARD_ZONES, NULL, our_board_zone_get_id (new_state), G_OBJECT (new_state));
}

OurCommand *
our_command_new_set_well_text (OurWellField  field,
                               const char   *text,
                               OurAuthor     author)
{
  OurCommand *self;

  g_return_val_if_fail ((guint) field < OUR_N_WELL_FIELDS, NULL);

  self = command_new (KIND_SET_WELL_TEXT, NULL);
  self->field = field;
  self->new_text = g_strdup (text ? text : "");
  self->new_author = author;
  return self;
}

OurCommand *
our_command_new_add_crisis_contact (OurCrisisContact *contact,
                                    int               position)
{
  OurCommand *self;

  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (contact), NULL);

  self = command_new_item (KIND_ADD_ITEM, OUR_LIST_CRISIS_CONTACTS, NULL, our_crisis_contact_get_id (contact), G_OBJECT (contact));
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_crisis_contact (const char *contact_id)
{
  g_return_val_if_fail (contact_id != NULL, NULL);
  return command_new_item (KIND_DELETE_ITEM, OUR_LIST_CRISIS_CONTACTS, NULL, contact_id, NULL);
}

OurCommand *
our_command_new_update_crisis_contact (OurCrisisContact *new_state)
{
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (new_state), NULL);
  return command_new_item (KIND_UPDATE_ITEM, OUR_LIST_CRISIS_CONTACTS, NULL, our_crisis_contact_get_id (new_state), G_OBJECT (new_state));
}

OurCommand *
our_command_new_add_safety_note (OurSafetyNote *note,
                                 int            position)
{
  OurCommand *self;

  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (note), NULL);

  self = command_new_item (KIND_ADD_ITEM, OUR_LIST_SAFETY_NOTES, NULL, our_safety_note_get_id (note),
                           G_OBJECT (note));
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_safety_note (const char *note_id)
{
  g_return_val_if_fail (note_id != NULL, NULL);
  return command_new_item (KIND_DELETE_ITEM, OUR_LIST_SAFETY_NOTES, NULL, note_id, NULL);
}

OurCommand *
our_command_new_update_safety_note (OurSafetyNote *new_state)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (new_state), NULL);
  return command_new_item (KIND_UPDATE_ITEM, OUR_LIST_SAFETY_NOTES, NULL, our_safety_note_get_id (new_state), G_OBJECT (new_state));
}

OurCommand *
our_command_new_set_consent (OurSection  section,
                             const char *member_id,
                             gboolean    shared,
                             const char *date,
                             OurAuthor   agreed_by)
{
  OurCommand *self;

  g_return_val_if_fail ((guint) section < OUR_N_SECTIONS, NULL);
  g_return_val_if_fail (member_id != NULL && *member_id != '\0', NULL);

  self = command_new (KIND_SET_CONSENT, member_id);
  self->field = section;
  if (shared)
    {
      if (date != NULL && our_iso_date_is_valid (date))
        self->new_text = g_strdup (date);
      else
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          self->new_text = g_date_time_format (now, "%Y-%m-%d");
        }
    }
  self->new_author = agreed_by;
  return self;
}

OurCommand *
our_command_new_log_copy (OurCopyRecord *record)
{
  OurCommand *self;

  g_return_val_if_fail (OUR_IS_COPY_RECORD (record), NULL);

  self = command_new_item (KIND_ADD_ITEM, OUR_LIST_COPY_LOG, NULL, our_copy_record_get_id (record),
                           G_OBJECT (record));
  return self;
}

const char *
our_command_get_label (OurCommand *self)
{
  g_return_val_if_fail (OUR_IS_COMMAND (self), NULL);

  switch (self->kind)
    {
    case KIND_GROUP:
      if (self->new_text != NULL)
        return self->new_text;
      return self->children->len > 0 ? our_command_get_label (self->children->pdata[0]) : "";
    case KIND_SET_ME_TEXT: return _("Change writing");
    case KIND_SET_GOAL_TEXT: return _("Change goal");
    case KIND_SET_LIFE_AREA: return _("Change life area");
    case KIND_SET_SYMBOL: return _("Change picture");
    case KIND_SET_PROGRESS: return _("Change progress");
    case KIND_SET_STATUS: return _("Change how it’s going");
    case KIND_SET_STEP_TEXT: return _("Change step");
    case KIND_DELETE_MEMBER: return _("Remove from my people");
    case KIND_SET_MEMBER_TEXT:
    case KIND_SET_MEMBER_KIND:
    case KIND_SET_MEMBER_HELPS:
    case KIND_SET_MEMBER_CONTACT:
    case KIND_SET_MEMBER_WISHED_FOR:
    case KIND_SET_MEMBER_CARER: return _("Change someone in my people");
    case KIND_PLACE_MEMBER: return _("Move someone in my people");
    case KIND_SET_STEP_HELPER: return _("Change who helps");
    case KIND_SET_MEMBER_SYMBOL: return _("Change someone in my people");
    case KIND_ADD_ITEM: return _(our_plan_lists_get (self->list)->add_label);
    case KIND_DELETE_ITEM: return _(our_plan_lists_get (self->list)->delete_label);
    case KIND_UPDATE_ITEM: return _(our_plan_lists_get (self->list)->update_label);
    case KIND_RESTACK_ITEM: return _(our_plan_lists_get (self->list)->move_label);
    case KIND_SET_WELL_TEXT: return _("Change staying well");
    case KIND_SET_CONSENT: return _("Change who can see the plan");
    default: g_return_val_if_reached (NULL);
    }
}

/* Sets a goal's value of this command's kind and returns the one it had. */
static int
swap_goal_value (OurCommand *self,
                 OurGoal    *goal,
                 int         value)
{
  int old;

  switch (self->kind)
    {
    case KIND_SET_LIFE_AREA:
      old = our_goal_get_life_area (goal);
      our_goal_set_life_area (goal, value);
      return old;
    case KIND_SET_PROGRESS:
      old = our_goal_get_progress (goal);
      our_goal_set_progress (goal, value);
      return old;
    case KIND_SET_STATUS:
      old = our_goal_get_status (goal);
      our_goal_set_status (goal, value);
      return old;
    default:
      g_assert_not_reached ();
    }
}

/* Sets a member's value of this command's kind and returns the one it had. */
static int
swap_member_value (OurCommand *self,
                   OurMember  *member,
                   int         value)
{
  int old;

  switch (self->kind)
    {
    case KIND_SET_MEMBER_KIND:
      old = our_member_get_kind (member);
      our_member_set_kind (member, value);
      return old;
    case KIND_SET_MEMBER_HELPS:
      old = our_member_get_helps (member);
      our_member_set_helps (member, value);
      return old;
    case KIND_SET_MEMBER_CONTACT:
      old = our_member_get_contact (member);
      our_member_set_contact (member, value);
      return old;
    case KIND_SET_MEMBER_WISHED_FOR:
      old = our_member_get_wished_for (member);
      our_member_set_wished_for (member, value);
      return old;
    case KIND_SET_MEMBER_CARER:
      old = our_member_get_is_carer (member);
      our_member_set_is_carer (member, value);
      return old;
    default:
      g_assert_not_reached ();
    }
}

/* Puts the text of the field this command is about to @text by @author,
 * keeping what it was in @old_text and @old_author. */
static gboolean
swap_text (OurCommand  *self,
           OurPlan     *plan,
           const char  *text,
           OurAuthor    author,
           char       **old_text,
           OurAuthor   *old_author,
           OurChanges  *changes)
{
  OurGoal *goal = NULL;
  OurStep *step;

  switch (self->kind)
    {
    case KIND_SET_ME_TEXT:
      g_free (*old_text);
      *old_text = g_strdup (our_plan_get_me_text (plan, self->field));
      *old_author = our_plan_get_me_author (plan, self->field);
      our_plan_set_me_text (plan, self->field, text, author);
      our_changes_add_me_field (changes, self->field);
      return TRUE;

    case KIND_SET_GOAL_TEXT:
    case KIND_SET_SYMBOL:
      if (!(goal = our_plan_find_goal (plan, self->target_id, NULL)))
        return FALSE;
      g_free (*old_text);
      if (self->kind == KIND_SET_SYMBOL)
        {
          *old_text = g_strdup (our_goal_get_symbol (goal));
          our_goal_set_symbol (goal, text);
        }
      else
        {
          *old_text = g_strdup (our_goal_get_text (goal, self->field));
          *old_author = our_goal_get_author (goal, self->field);
          our_goal_set_text (goal, self->field, text, author);
        }
      our_changes_add_item (changes, OUR_LIST_GOALS, self->target_id);
      return TRUE;

    case KIND_SET_STEP_TEXT:
      if (!(step = our_plan_find_step (plan, self->target_id, &goal, NULL)))
        return FALSE;
      g_free (*old_text);
      *old_text = g_strdup (our_step_get_text (step, self->field));
      *old_author = our_step_get_author (step, self->field);
      our_step_set_text (step, self->field, text, author);
      our_changes_add_item (changes, OUR_LIST_GOALS, our_goal_get_id (goal));
      return TRUE;

    case KIND_SET_STEP_HELPER:
      if (!(step = our_plan_find_step (plan, self->target_id, &goal, NULL)))
        return FALSE;
      g_free (*old_text);
      *old_text = g_strdup (our_step_get_helper_id (step));
      our_step_set_helper_id (step, text);
      our_changes_add_item (changes, OUR_LIST_GOALS, our_goal_get_id (goal));
      return TRUE;

    case KIND_SET_WELL_TEXT:
      g_free (*old_text);
      *old_text = g_strdup (our_plan_get_well_text (plan, self->field));
      *old_author = our_plan_get_well_author (plan, self->field);
      our_plan_set_well_text (plan, self->field, text, author);
      changes->well_fields |= 1u << self->field;
      return TRUE;

    case KIND_SET_MEMBER_SYMBOL:
      {
        OurMember *member = our_plan_find_member (plan, self->target_id, NULL);

        if (member == NULL)
          return FALSE;
        g_free (*old_text);
        *old_text = g_strdup (our_member_get_symbol (member));
        our_member_set_symbol (member, text);
        our_changes_add_item (changes, OUR_LIST_MEMBERS, self->target_id);
        return TRUE;
      }

    case KIND_SET_MEMBER_TEXT:
      {
        OurMember *member = our_plan_find_member (plan, self->target_id, NULL);

        if (member == NULL)
          return FALSE;
        g_free (*old_text);
        *old_text = g_strdup (our_member_get_text (member, self->field));
        *old_author = our_member_get_author (member, self->field);
        our_member_set_text (member, self->field, text, author);
        our_changes_add_item (changes, OUR_LIST_MEMBERS, self->target_id);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* Steps that named the member being deleted keep its name as text, or say
 * nobody; what they were is kept so that undo gives the link back. */
static void
unlink_steps (OurCommand *self,
              OurPlan    *plan,
              OurChanges *changes)
{
  const char *name = our_member_get_name (OUR_MEMBER (self->item));

  g_ptr_array_set_size (self->step_links, 0);
  for (guint g = 0; g < our_plan_get_n_goals (plan); g++)
    {
      OurGoal *goal = our_plan_get_goal (plan, g);

      for (guint i = 0; i < our_goal_get_n_steps (goal); i++)
        {
          OurStep *step = our_goal_get_step (goal, i);
          StepLink *link;

          if (!g_str_equal (our_step_get_helper_id (step), self->target_id))
            continue;
          link = g_new0 (StepLink, 1);
          link->step_id = g_strdup (our_step_get_id (step));
          link->who = g_strdup (our_step_get_text (step, OUR_STEP_TEXT_WHO));
          link->who_author = our_step_get_author (step, OUR_STEP_TEXT_WHO);
          g_ptr_array_add (self->step_links, link);

          our_step_set_helper_id (step, "");
          our_step_set_text (step, OUR_STEP_TEXT_WHO,
                             self->step_policy == OUR_DELETE_MEMBER_KEEP_NAME ? name : "",
                             link->who_author);
          our_changes_add_item (changes, OUR_LIST_GOALS, our_goal_get_id (goal));
        }
    }
}

static void
relink_steps (OurCommand *self,
              OurPlan    *plan,
              OurChanges *changes)
{
  for (guint i = 0; i < self->step_links->len; i++)
    {
      StepLink *link = g_ptr_array_index (self->step_links, i);
      OurGoal *goal = NULL;
      OurStep *step = our_plan_find_step (plan, link->step_id, &goal, NULL);

      if (step == NULL)
        continue;
      our_step_set_text (step, OUR_STEP_TEXT_WHO, link->who, link->who_author);
      our_step_set_helper_id (step, self->target_id);
      our_changes_add_item (changes, OUR_LIST_GOALS, our_goal_get_id (goal));
    }
}

static gboolean
place_member (OurCommand *self,
              OurPlan    *plan,
              int         ring,
              double      angle,
              OurChanges *changes)
{
  OurMember *member = our_plan_find_member (plan, self->target_id, NULL);

  if (member == NULL)
    return FALSE;
  our_member_set_place (member, ring, angle);
  our_changes_add_item (changes, OUR_LIST_MEMBERS, self->target_id);
  return TRUE;
}

/* A change in a child list is written as a change of its parent item. */
static void
note_item_changed (OurCommand *self,
                   OurChanges *changes,
                   gboolean    order)
{
  const OurPlanList *info = our_plan_lists_get (self->list);

  if (info->parent != OUR_N_LISTS)
    {
      our_changes_add_item (changes, info->parent, self->parent_id);
      return;
    }
  our_changes_add_item (changes, self->list, self->target_id);
  if (order)
    our_changes_add_order (changes, self->list);
}

/* The parent item holding @item_id in a child list, or NULL. */
static gpointer
find_parent_of (const OurPlanList *list,
                OurPlan           *plan,
                const char        *item_id)
{
  GListModel *parents = our_plan_lists_get (list->parent)->get_list (plan);

  for (guint i = 0; i < g_list_model_get_n_items (parents); i++)
    {
      g_autoptr(GObject) parent = g_list_model_get_item (parents, i);

      if (list->find (parent, item_id, NULL) != NULL)
        return parent; /* the list keeps it */
    }
  return NULL;
}

/* Where this command's item lives; for a child list made without its
 * parent, the parent now holding the item, which is then kept. */
static gpointer
find_container (OurCommand *self,
                OurPlan    *plan)
{
  const OurPlanList *info = our_plan_lists_get (self->list);
  gpointer parent;

  if (info->parent == OUR_N_LISTS || self->parent_id != NULL)
    return our_plan_list_get_container (info, plan, self->parent_id);
  parent = find_parent_of (info, plan, self->target_id);
  if (parent != NULL)
    self->parent_id = g_strdup (our_plan_lists_get (info->parent)->get_item_id (parent));
  return parent;
}

static gboolean
insert_item (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  const OurPlanList *info = our_plan_lists_get (self->list);
  gpointer container = our_plan_list_get_container (info, plan, self->parent_id);
  guint n, position;

  if (container == NULL)
    return FALSE;
  n = g_list_model_get_n_items (info->get_list (container));
  position = self->position < 0 ? n : MIN ((guint) self->position, n);
  /* Ids are unique in the whole plan, child lists included. */
  if (info->find (container, self->target_id, NULL) != NULL
      || (info->parent != OUR_N_LISTS && find_parent_of (info, plan, self->target_id) != NULL))
    {
      self->outcome = OUR_COMMAND_DUPLICATE;
      return FALSE;
    }
  if (n >= info->max_items)
    {
      self->outcome = OUR_COMMAND_FULL;
      return FALSE;
    }
  info->insert (container, position, self->item);
  self->position = position;
  note_item_changed (self, changes, TRUE);
  return TRUE;
}

static gboolean
remove_item (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  const OurPlanList *info = our_plan_lists_get (self->list);
  gpointer container = find_container (self, plan);
  guint position;
  gpointer item = container ? info->find (container, self->target_id, &position) : NULL;

  if (item == NULL)
    return FALSE;
  g_set_object (&self->item, item);
  self->position = position;
  info->remove (container, position);
  note_item_changed (self, changes, TRUE);
  return TRUE;
}

/* Gives the item @state, keeping what it was in old_state when @keep_old. */
static gboolean
update_item (OurCommand *self,
             OurPlan    *plan,
             GObject    *state,
             gboolean    keep_old,
             OurChanges *changes)
{
  const OurPlanList *info = our_plan_lists_get (self->list);
  gpointer container = find_container (self, plan);
  gpointer item = container ? info->find (container, self->target_id, NULL) : NULL;

  if (item == NULL || info->assign == NULL)
    return FALSE;
  if (keep_old)
    {
      g_clear_object (&self->old_state);
      self->old_state = info->copy (item);
    }
  info->assign (item, state);
  note_item_changed (self, changes, FALSE);
  return TRUE;
}

/* Moves the item to @to (clamped to the list), keeping where it was. */
static gboolean
move_item (OurCommand *self,
           OurPlan    *plan,
           guint       to,
           OurChanges *changes)
{
  const OurPlanList *info = our_plan_lists_get (self->list);
  gpointer container = find_container (self, plan);
  g_autoptr(GObject) item = NULL;
  guint from, n;

  if (container == NULL || info->find (container, self->target_id, &from) == NULL)
    return FALSE;
  n = g_list_model_get_n_items (info->get_list (container));
  to = MIN (to, n - 1);
  self->old_value = from;
  if (from != to)
    {
      item = g_list_model_get_item (info->get_list (container), from);
      info->remove (container, from);
      info->insert (container, to, item);
    }
  note_item_changed (self, changes, TRUE);
  return TRUE;
}

/* Sets the consent this command is about; keeps what it was when @keep_old. */
static gboolean
swap_consent (OurCommand *self,
              OurPlan    *plan,
              const char *since,
              OurAuthor   agreed_by,
              gboolean    keep_old,
              OurChanges *changes)
{
  if (keep_old)
    {
      const OurConsent *old = our_plan_get_consent (plan, self->field, self->target_id);

      g_free (self->old_text);
      self->old_text = old ? g_strdup (old->since) : NULL;
      self->old_author = old ? old->agreed_by : OUR_AUTHOR_PERSON;
    }
  our_plan_set_consent (plan, self->field, self->target_id, since, agreed_by);
  changes->consent_sections |= 1u << self->field;
  return TRUE;
}

static gboolean command_do   (OurCommand *self, OurPlan *plan, OurChanges *changes);
static gboolean command_undo (OurCommand *self, OurPlan *plan, OurChanges *changes);

/* A command that fails without saying why names something no longer there. */
static gboolean
finish_outcome (OurCommand *self,
                gboolean    done)
{
  if (done)
    self->outcome = OUR_COMMAND_DONE;
  else if (self->outcome == OUR_COMMAND_DONE)
    self->outcome = OUR_COMMAND_GONE;
  return done;
}

gboolean
our_command_do (OurCommand *self,
                OurPlan    *plan,
                OurChanges *changes)
{
  g_return_val_if_fail (OUR_IS_COMMAND (self), FALSE);

  self->outcome = OUR_COMMAND_DONE;
  return finish_outcome (self, command_do (self, plan, changes));
}

gboolean
our_command_undo (OurCommand *self,
                  OurPlan    *plan,
                  OurChanges *changes)
{
  g_return_val_if_fail (OUR_IS_COMMAND (self), FALSE);

  self->outcome = OUR_COMMAND_DONE;
  return finish_outcome (self, command_undo (self, plan, changes));
}

OurCommandOutcome
our_command_get_outcome (OurCommand *self)
{
  g_return_val_if_fail (OUR_IS_COMMAND (self), OUR_COMMAND_GONE);
  return self->outcome;
}

/* Does (@forward) or undoes a group's commands, in order or backwards. If
 * one cannot be, those already done are taken back: all or nothing. */
static gboolean
do_group (OurCommand *self,
          OurPlan    *plan,
          OurChanges *changes,
          gboolean    forward)
{
  guint n = self->children->len;

  for (guint i = 0; i < n; i++)
    {
      OurCommand *child = self->children->pdata[forward ? i : n - 1 - i];
      gboolean done = forward ? our_command_do (child, plan, changes)
                              : our_command_undo (child, plan, changes);

      if (!done)
        {
          self->outcome = child->outcome;
          while (i-- > 0)
            {
              OurCommand *back = self->children->pdata[forward ? i : n - 1 - i];

              if (forward)
                our_command_undo (back, plan, changes);
              else
                our_command_do (back, plan, changes);
            }
          return FALSE;
        }
    }
  return TRUE;
}

OurCommand *
our_command_new_group (const char *label)
{
  OurCommand *self = g_object_new (OUR_TYPE_COMMAND, NULL);

  self->kind = KIND_GROUP;
  self->new_text = g_strdup (label);
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
  return self;
}

void
our_command_group_add (OurCommand *self,
                       OurCommand *command)
{
  OurCommand *last;

  g_return_if_fail (OUR_IS_COMMAND (self) && self->kind == KIND_GROUP);
  g_return_if_fail (OUR_IS_COMMAND (command));

  last = self->children->len > 0 ? self->children->pdata[self->children->len - 1] : NULL;
  if (last != NULL && our_command_merge (last, command))
    g_object_unref (command);
  else
    g_ptr_array_add (self->children, command);
}

guint
our_command_group_get_size (OurCommand *self)
{
  g_return_val_if_fail (OUR_IS_COMMAND (self) && self->kind == KIND_GROUP, 0);
  return self->children->len;
}

static gboolean
command_do (OurCommand *self,
            OurPlan    *plan,
            OurChanges *changes)
{
  OurGoal *goal;

  g_return_val_if_fail (OUR_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (OUR_IS_PLAN (plan), FALSE);

  if (self->kind == KIND_GROUP)
    return do_group (self, plan, changes, TRUE);

  switch (self->kind)
    {
    case KIND_SET_ME_TEXT:
    case KIND_SET_GOAL_TEXT:
    case KIND_SET_SYMBOL:
    case KIND_SET_STEP_TEXT:
    case KIND_SET_STEP_HELPER:
    case KIND_SET_MEMBER_TEXT:
    case KIND_SET_MEMBER_SYMBOL:
    case KIND_SET_WELL_TEXT:
      return swap_text (self, plan, self->new_text, self->new_author,
                        &self->old_text, &self->old_author, changes);

    case KIND_ADD_ITEM: return insert_item (self, plan, changes);
    case KIND_DELETE_ITEM: return remove_item (self, plan, changes);
    case KIND_UPDATE_ITEM: return update_item (self, plan, self->item, TRUE, changes);
    case KIND_RESTACK_ITEM: return move_item (self, plan, self->new_value, changes);
    case KIND_SET_CONSENT:
      return swap_consent (self, plan, self->new_text, self->new_author, TRUE, changes);

    case KIND_SET_MEMBER_KIND:
    case KIND_SET_MEMBER_HELPS:
    case KIND_SET_MEMBER_CONTACT:
    case KIND_SET_MEMBER_WISHED_FOR:
    case KIND_SET_MEMBER_CARER:
      {
        OurMember *member = our_plan_find_member (plan, self->target_id, NULL);

        if (member == NULL)
          return FALSE;
        self->old_value = swap_member_value (self, member, self->new_value);
        our_changes_add_item (changes, OUR_LIST_MEMBERS, self->target_id);
        return TRUE;
      }

    case KIND_PLACE_MEMBER:
      {
        OurMember *member = our_plan_find_member (plan, self->target_id, NULL);

        if (member == NULL)
          return FALSE;
        self->old_value = our_member_get_ring (member);
        self->old_angle = our_member_get_angle (member);
        return place_member (self, plan, self->new_value, self->new_angle, changes);
      }

    case KIND_DELETE_MEMBER:
      if (!remove_item (self, plan, changes))
        return FALSE;
      unlink_steps (self, plan, changes);
      return TRUE;

    case KIND_SET_LIFE_AREA:
    case KIND_SET_PROGRESS:
    case KIND_SET_STATUS:
      if (!(goal = our_plan_find_goal (plan, self->target_id, NULL)))
        return FALSE;
      self->old_value = swap_goal_value (self, goal, self->new_value);
      our_changes_add_item (changes, OUR_LIST_GOALS, self->target_id);
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
command_undo (OurCommand *self,
              OurPlan    *plan,
              OurChanges *changes)
{
  OurGoal *goal;
  g_autofree char *ignored_text = NULL;
  OurAuthor ignored_author;
  int moved_from;

  g_return_val_if_fail (OUR_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (OUR_IS_PLAN (plan), FALSE);

  if (self->kind == KIND_GROUP)
    return do_group (self, plan, changes, FALSE);

  switch (self->kind)
    {
    case KIND_SET_ME_TEXT:
    case KIND_SET_GOAL_TEXT:
    case KIND_SET_SYMBOL:
    case KIND_SET_STEP_TEXT:
    case KIND_SET_STEP_HELPER:
    case KIND_SET_MEMBER_TEXT:
    case KIND_SET_MEMBER_SYMBOL:
    case KIND_SET_WELL_TEXT:
      return swap_text (self, plan, self->old_text, self->old_author,
                        &ignored_text, &ignored_author, changes);

    case KIND_ADD_ITEM: return remove_item (self, plan, changes);
    case KIND_DELETE_ITEM: return insert_item (self, plan, changes);
    case KIND_UPDATE_ITEM: return update_item (self, plan, self->old_state, FALSE, changes);
    case KIND_RESTACK_ITEM:
      moved_from = self->old_value;
      if (!move_item (self, plan, moved_from, changes))
        return FALSE;
      self->old_value = moved_from;
      return TRUE;
    case KIND_SET_CONSENT:
      return swap_consent (self, plan, self->old_text, self->old_author, FALSE, changes);

    case KIND_SET_MEMBER_KIND:
    case KIND_SET_MEMBER_HELPS:
    case KIND_SET_MEMBER_CONTACT:
    case KIND_SET_MEMBER_WISHED_FOR:
    case KIND_SET_MEMBER_CARER:
      {
        OurMember *member = our_plan_find_member (plan, self->target_id, NULL);

        if (member == NULL)
          return FALSE;
        swap_member_value (self, member, self->old_value);
        our_changes_add_item (changes, OUR_LIST_MEMBERS, self->target_id);
        return TRUE;
      }

    case KIND_PLACE_MEMBER:
      return place_member (self, plan, self->old_value, self->old_angle, changes);

    case KIND_DELETE_MEMBER:
      if (!insert_item (self, plan, changes))
        return FALSE;
      relink_steps (self, plan, changes);
      return TRUE;

    case KIND_SET_LIFE_AREA:
    case KIND_SET_PROGRESS:
    case KIND_SET_STATUS:
      if (!(goal = our_plan_find_goal (plan, self->target_id, NULL)))
        return FALSE;
      swap_goal_value (self, goal, self->old_value);
      our_changes_add_item (changes, OUR_LIST_GOALS, self->target_id);
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
our_command_merge (OurCommand *self,
                   OurCommand *next)
{
  g_return_val_if_fail (OUR_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (OUR_IS_COMMAND (next), FALSE);

  if (self->kind != next->kind || self->field != next->field ||
      g_strcmp0 (self->target_id, next->target_id) != 0)
    return FALSE;

  switch (self->kind)
    {
    case KIND_SET_ME_TEXT:
    case KIND_SET_GOAL_TEXT:
    case KIND_SET_STEP_TEXT:
    case KIND_SET_MEMBER_TEXT:
    case KIND_SET_WELL_TEXT:
      g_free (self->new_text);
      self->new_text = g_strdup (next->new_text);
      self->new_author = next->new_author;
      return TRUE;

    case KIND_SET_PROGRESS:
      self->new_value = next->new_value;
      return TRUE;

    case KIND_GROUP:
      return FALSE;

    case KIND_PLACE_MEMBER:
      self->new_value = next->new_value;
      self->new_angle = next->new_angle;
      return TRUE;

    case KIND_UPDATE_ITEM:
      if (self->list != next->list || g_strcmp0 (self->parent_id, next->parent_id) != 0)
        return FALSE;
      g_set_object (&self->item, next->item);
      return TRUE;

    default:
      return FALSE;
    }
}

gboolean
our_command_changes_only_list (OurCommand *self,
                               OurListId   list)
{
  g_return_val_if_fail (OUR_IS_COMMAND (self), FALSE);

  if (self->kind == KIND_GROUP)
    {
      for (guint i = 0; self->children != NULL && i < self->children->len; i++)
        if (!our_command_changes_only_list (g_ptr_array_index (self->children, i), list))
          return FALSE;
      return TRUE;
    }
  return (self->kind == KIND_ADD_ITEM || self->kind == KIND_DELETE_ITEM
          || self->kind == KIND_UPDATE_ITEM || self->kind == KIND_RESTACK_ITEM)
         && self->list == list;
}
