/* our-command.c: one undoable change to a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "our-command.h"
#include "our-limits.h"

typedef enum
{
  KIND_SET_ME_TEXT,
  KIND_ADD_GOAL,
  KIND_DELETE_GOAL,
  KIND_MOVE_GOAL,
  KIND_SET_GOAL_TEXT,
  KIND_SET_LIFE_AREA,
  KIND_SET_SYMBOL,
  KIND_SET_PROGRESS,
  KIND_SET_STATUS,
  KIND_ADD_STEP,
  KIND_DELETE_STEP,
  KIND_MOVE_STEP,
  KIND_SET_STEP_TEXT,
  KIND_ADD_MEMBER,
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
  /* The lists of the later tabs share one implementation: see Family. */
  KIND_ADD_ITEM,
  KIND_DELETE_ITEM,
  KIND_UPDATE_ITEM,
  KIND_RESTACK_ITEM,
  KIND_SET_WELL_TEXT,
  KIND_SET_CONSENT,
  /* Several commands done, undone and saved as one step. */
  KIND_GROUP,
} CommandKind;

/* The lists whose items are added, deleted and updated as whole objects:
 * an update carries the item's new state and keeps its old one. */
typedef enum
{
  FAMILY_BOARD_ITEM,
  FAMILY_BOARD_ZONE,
  FAMILY_CRISIS_CONTACT,
  FAMILY_SAFETY_NOTE,
  FAMILY_COPY_RECORD,
  N_FAMILIES,
} Family;

typedef struct
{
  gpointer  (*find)    (OurPlan *plan, const char *id, guint *position);
  void      (*insert)  (OurPlan *plan, guint position, gpointer item);
  void      (*remove)  (OurPlan *plan, guint position);
  GListModel *(*list)  (OurPlan *plan);
  const char *(*get_id) (gpointer item);
  gpointer  (*copy)    (gpointer item);     /* NULL: immutable, shared */
  void      (*assign)  (gpointer item, gpointer from);
  gsize       ids_offset;                   /* of the GPtrArray * in OurChanges */
  gsize       order_offset;                 /* of the gboolean, or 0 */
  const char *add_label;
  const char *delete_label;
  const char *update_label;
} FamilyInfo;

#define FIND(f)   ((gpointer (*) (OurPlan *, const char *, guint *)) (f))
#define INSERT(f) ((void (*) (OurPlan *, guint, gpointer)) (f))
#define GET_ID(f) ((const char *(*) (gpointer)) (f))
#define COPY(f)   ((gpointer (*) (gpointer)) (f))
#define ASSIGN(f) ((void (*) (gpointer, gpointer)) (f))

static const FamilyInfo families[] = {
  [FAMILY_BOARD_ITEM] = {
    FIND (our_plan_find_board_item), INSERT (our_plan_insert_board_item),
    our_plan_remove_board_item, our_plan_get_board_items,
    GET_ID (our_board_item_get_id), COPY (our_board_item_copy),
    ASSIGN (our_board_item_assign),
    G_STRUCT_OFFSET (OurChanges, board_item_ids), G_STRUCT_OFFSET (OurChanges, board_order),
    N_("Add to the board"), N_("Remove from the board"), N_("Change the board"),
  },
  [FAMILY_BOARD_ZONE] = {
    FIND (our_plan_find_board_zone), INSERT (our_plan_insert_board_zone),
    our_plan_remove_board_zone, our_plan_get_board_zones,
    GET_ID (our_board_zone_get_id), COPY (our_board_zone_copy),
    ASSIGN (our_board_zone_assign),
    G_STRUCT_OFFSET (OurChanges, zone_ids), G_STRUCT_OFFSET (OurChanges, zone_order),
    N_("Add an area to the board"), N_("Remove an area of the board"), N_("Change an area of the board"),
  },
  [FAMILY_CRISIS_CONTACT] = {
    FIND (our_plan_find_crisis_contact), INSERT (our_plan_insert_crisis_contact),
    our_plan_remove_crisis_contact, our_plan_get_crisis_contacts,
    GET_ID (our_crisis_contact_get_id), COPY (our_crisis_contact_copy),
    ASSIGN (our_crisis_contact_assign),
    G_STRUCT_OFFSET (OurChanges, crisis_contact_ids), G_STRUCT_OFFSET (OurChanges, crisis_contact_order),
    N_("Add a crisis contact"), N_("Remove a crisis contact"), N_("Change a crisis contact"),
  },
  [FAMILY_SAFETY_NOTE] = {
    FIND (our_plan_find_safety_note), INSERT (our_plan_insert_safety_note),
    our_plan_remove_safety_note, our_plan_get_safety_notes,
    GET_ID (our_safety_note_get_id), COPY (our_safety_note_copy),
    ASSIGN (our_safety_note_assign),
    G_STRUCT_OFFSET (OurChanges, safety_note_ids), G_STRUCT_OFFSET (OurChanges, safety_note_order),
    N_("Add a safety note"), N_("Delete a safety note"), N_("Change a safety note"),
  },
  [FAMILY_COPY_RECORD] = {
    FIND (our_plan_find_copy_record), INSERT (our_plan_insert_copy_record),
    our_plan_remove_copy_record, our_plan_get_copy_log,
    GET_ID (our_copy_record_get_id), NULL, NULL,
    G_STRUCT_OFFSET (OurChanges, copy_record_ids), 0,
    N_("Note a copy given"), N_("Remove a copy from the list"), NULL,
  },
};

/* How many each list can hold (our-limits.h): adding beyond is refused. */
static const guint family_max[N_FAMILIES] = {
  [FAMILY_BOARD_ITEM] = OUR_MAX_BOARD_ITEMS,
  [FAMILY_BOARD_ZONE] = OUR_MAX_BOARD_ZONES,
  [FAMILY_CRISIS_CONTACT] = OUR_MAX_CRISIS_CONTACTS,
  [FAMILY_SAFETY_NOTE] = OUR_MAX_SAFETY_NOTES,
  [FAMILY_COPY_RECORD] = OUR_MAX_COPY_RECORDS,
};

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

  /* The goal or step added or deleted: the very object, so that undo puts
   * back what views were showing. */
  OurGoal     *goal;
  OurStep     *step;
  char        *goal_id;        /* the goal that owns a step */
  int          position;       /* where to insert; -1 at the end */

  /* My people. */
  OurMember   *member;         /* added or deleted */
  double       new_angle;
  double       old_angle;
  OurDeleteMemberSteps step_policy;
  GPtrArray   *step_links;     /* StepLink, for delete */

  /* The lists of the later tabs. */
  Family       family;
  GObject     *item;           /* added or deleted; the new state for updates */
  GObject     *old_state;      /* updates: the item as it was */

  /* A group: its commands, in the order they were done. */
  GPtrArray   *children;
};

G_DEFINE_FINAL_TYPE (OurCommand, our_command, G_TYPE_OBJECT)

static void
our_command_finalize (GObject *object)
{
  OurCommand *self = OUR_COMMAND (object);

  g_free (self->target_id);
  g_free (self->new_text);
  g_free (self->old_text);
  g_free (self->goal_id);
  g_clear_object (&self->goal);
  g_clear_object (&self->step);
  g_clear_object (&self->member);
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
  OurCommand *self;

  g_return_val_if_fail (OUR_IS_GOAL (goal), NULL);

  self = command_new (KIND_ADD_GOAL, our_goal_get_id (goal));
  self->goal = our_goal_copy (goal);
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_goal (const char *goal_id)
{
  g_return_val_if_fail (goal_id != NULL, NULL);
  return command_new (KIND_DELETE_GOAL, goal_id);
}

OurCommand *
our_command_new_move_goal (const char *goal_id,
                           guint       new_position)
{
  OurCommand *self;

  g_return_val_if_fail (goal_id != NULL, NULL);

  self = command_new (KIND_MOVE_GOAL, goal_id);
  self->new_value = new_position;
  return self;
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
  OurCommand *self;

  g_return_val_if_fail (goal_id != NULL, NULL);
  g_return_val_if_fail (OUR_IS_STEP (step), NULL);

  self = command_new (KIND_ADD_STEP, our_step_get_id (step));
  self->goal_id = g_strdup (goal_id);
  self->step = our_step_copy (step, NULL);
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_step (const char *step_id)
{
  g_return_val_if_fail (step_id != NULL, NULL);
  return command_new (KIND_DELETE_STEP, step_id);
}

OurCommand *
our_command_new_move_step (const char *step_id,
                           guint       new_position)
{
  OurCommand *self;

  g_return_val_if_fail (step_id != NULL, NULL);

  self = command_new (KIND_MOVE_STEP, step_id);
  self->new_value = new_position;
  return self;
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
  OurCommand *self;

  g_return_val_if_fail (OUR_IS_MEMBER (member), NULL);

  self = command_new (KIND_ADD_MEMBER, our_member_get_id (member));
  self->member = our_member_copy (member);
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_member (const char           *member_id,
                               OurDeleteMemberSteps  steps)
{
  OurCommand *self;

  g_return_val_if_fail (member_id != NULL, NULL);

  self = command_new (KIND_DELETE_MEMBER, member_id);
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
                  Family       family,
                  const char  *id,
                  GObject     *item)
{
  OurCommand *self = command_new (kind, id);

  self->family = family;
  if (item != NULL)
    self->item = families[family].copy ? families[family].copy (item) : g_object_ref (item);
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

  self = command_new_item (KIND_ADD_ITEM, FAMILY_BOARD_ITEM, our_board_item_get_id (item),
                           G_OBJECT (item));
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_board_item (const char *item_id)
{
  g_return_val_if_fail (item_id != NULL, NULL);
  return command_new_item (KIND_DELETE_ITEM, FAMILY_BOARD_ITEM, item_id, NULL);
}

OurCommand *
our_command_new_update_board_item (OurBoardItem *new_state)
{
  g_return_val_if_fail (OUR_IS_BOARD_ITEM (new_state), NULL);
  return command_new_item (KIND_UPDATE_ITEM, FAMILY_BOARD_ITEM,
                           our_board_item_get_id (new_state), G_OBJECT (new_state));
}

OurCommand *
our_command_new_restack_board_item (const char *item_id,
                                    guint       new_position)
{
  OurCommand *self;

  g_return_val_if_fail (item_id != NULL, NULL);

  self = command_new_item (KIND_RESTACK_ITEM, FAMILY_BOARD_ITEM, item_id, NULL);
  self->new_value = new_position;
  return self;
}

OurCommand *
our_command_new_add_board_zone (OurBoardZone *zone,
                                int           position)
{
  OurCommand *self;

  g_return_val_if_fail (OUR_IS_BOARD_ZONE (zone), NULL);

  self = command_new_item (KIND_ADD_ITEM, FAMILY_BOARD_ZONE, our_board_zone_get_id (zone),
                           G_OBJECT (zone));
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_board_zone (const char *zone_id)
{
  g_return_val_if_fail (zone_id != NULL, NULL);
  return command_new_item (KIND_DELETE_ITEM, FAMILY_BOARD_ZONE, zone_id, NULL);
}

OurCommand *
our_command_new_update_board_zone (OurBoardZone *new_state)
{
  g_return_val_if_fail (OUR_IS_BOARD_ZONE (new_state), NULL);
  return command_new_item (KIND_UPDATE_ITEM, FAMILY_BOARD_ZONE,
                           our_board_zone_get_id (new_state), G_OBJECT (new_state));
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

  self = command_new_item (KIND_ADD_ITEM, FAMILY_CRISIS_CONTACT,
                           our_crisis_contact_get_id (contact), G_OBJECT (contact));
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_crisis_contact (const char *contact_id)
{
  g_return_val_if_fail (contact_id != NULL, NULL);
  return command_new_item (KIND_DELETE_ITEM, FAMILY_CRISIS_CONTACT, contact_id, NULL);
}

OurCommand *
our_command_new_update_crisis_contact (OurCrisisContact *new_state)
{
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (new_state), NULL);
  return command_new_item (KIND_UPDATE_ITEM, FAMILY_CRISIS_CONTACT,
                           our_crisis_contact_get_id (new_state), G_OBJECT (new_state));
}

OurCommand *
our_command_new_add_safety_note (OurSafetyNote *note,
                                 int            position)
{
  OurCommand *self;

  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (note), NULL);

  self = command_new_item (KIND_ADD_ITEM, FAMILY_SAFETY_NOTE, our_safety_note_get_id (note),
                           G_OBJECT (note));
  self->position = position;
  return self;
}

OurCommand *
our_command_new_delete_safety_note (const char *note_id)
{
  g_return_val_if_fail (note_id != NULL, NULL);
  return command_new_item (KIND_DELETE_ITEM, FAMILY_SAFETY_NOTE, note_id, NULL);
}

OurCommand *
our_command_new_update_safety_note (OurSafetyNote *new_state)
{
  g_return_val_if_fail (OUR_IS_SAFETY_NOTE (new_state), NULL);
  return command_new_item (KIND_UPDATE_ITEM, FAMILY_SAFETY_NOTE,
                           our_safety_note_get_id (new_state), G_OBJECT (new_state));
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

  self = command_new_item (KIND_ADD_ITEM, FAMILY_COPY_RECORD, our_copy_record_get_id (record),
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
    case KIND_ADD_GOAL: return _("Add goal");
    case KIND_DELETE_GOAL: return _("Delete goal");
    case KIND_MOVE_GOAL: return _("Move goal");
    case KIND_SET_GOAL_TEXT: return _("Change goal");
    case KIND_SET_LIFE_AREA: return _("Change life area");
    case KIND_SET_SYMBOL: return _("Change picture");
    case KIND_SET_PROGRESS: return _("Change progress");
    case KIND_SET_STATUS: return _("Change how it’s going");
    case KIND_ADD_STEP: return _("Add step");
    case KIND_DELETE_STEP: return _("Delete step");
    case KIND_MOVE_STEP: return _("Move step");
    case KIND_SET_STEP_TEXT: return _("Change step");
    case KIND_ADD_MEMBER: return _("Add to my people");
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
    case KIND_ADD_ITEM: return _(families[self->family].add_label);
    case KIND_DELETE_ITEM: return _(families[self->family].delete_label);
    case KIND_UPDATE_ITEM: return _(families[self->family].update_label);
    case KIND_RESTACK_ITEM: return _("Change what is on top");
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
      our_changes_add_goal (changes, self->target_id);
      return TRUE;

    case KIND_SET_STEP_TEXT:
      if (!(step = our_plan_find_step (plan, self->target_id, &goal, NULL)))
        return FALSE;
      g_free (*old_text);
      *old_text = g_strdup (our_step_get_text (step, self->field));
      *old_author = our_step_get_author (step, self->field);
      our_step_set_text (step, self->field, text, author);
      our_changes_add_goal (changes, our_goal_get_id (goal));
      return TRUE;

    case KIND_SET_STEP_HELPER:
      if (!(step = our_plan_find_step (plan, self->target_id, &goal, NULL)))
        return FALSE;
      g_free (*old_text);
      *old_text = g_strdup (our_step_get_helper_id (step));
      our_step_set_helper_id (step, text);
      our_changes_add_goal (changes, our_goal_get_id (goal));
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
        our_changes_add_member (changes, self->target_id);
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
        our_changes_add_member (changes, self->target_id);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
insert_goal (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  guint n = our_plan_get_n_goals (plan);
  guint position = self->position < 0 ? n : MIN ((guint) self->position, n);

  if (n >= OUR_MAX_GOALS || our_plan_find_goal (plan, self->target_id, NULL))
    return FALSE;
  our_plan_insert_goal (plan, position, self->goal);
  self->position = position;
  our_changes_add_goal (changes, self->target_id);
  changes->goal_order = TRUE;
  return TRUE;
}

static gboolean
remove_goal (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  guint position;
  OurGoal *goal = our_plan_find_goal (plan, self->target_id, &position);

  if (goal == NULL)
    return FALSE;
  g_set_object (&self->goal, goal);
  self->position = position;
  our_plan_remove_goal (plan, position);
  our_changes_add_goal (changes, self->target_id);
  changes->goal_order = TRUE;
  return TRUE;
}

static gboolean
insert_step (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  OurGoal *goal = our_plan_find_goal (plan, self->goal_id, NULL);
  guint n, position;

  if (goal == NULL || our_plan_find_step (plan, self->target_id, NULL, NULL))
    return FALSE;
  n = our_goal_get_n_steps (goal);
  if (n >= OUR_MAX_STEPS_PER_GOAL)
    return FALSE;
  position = self->position < 0 ? n : MIN ((guint) self->position, n);
  our_goal_insert_step (goal, position, self->step);
  self->position = position;
  our_changes_add_goal (changes, self->goal_id);
  return TRUE;
}

static gboolean
remove_step (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  OurGoal *goal = NULL;
  guint position;
  OurStep *step = our_plan_find_step (plan, self->target_id, &goal, &position);

  if (step == NULL)
    return FALSE;
  g_set_object (&self->step, step);
  g_free (self->goal_id);
  self->goal_id = g_strdup (our_goal_get_id (goal));
  self->position = position;
  our_goal_remove_step (goal, position);
  our_changes_add_goal (changes, self->goal_id);
  return TRUE;
}

/* Moves the goal or step to @to, remembering where it was in old_value. */
static gboolean
move_to (OurCommand *self,
         OurPlan    *plan,
         guint       to,
         OurChanges *changes)
{
  guint from;

  if (self->kind == KIND_MOVE_GOAL)
    {
      if (!our_plan_find_goal (plan, self->target_id, &from))
        return FALSE;
      to = MIN (to, our_plan_get_n_goals (plan) - 1);
      our_plan_move_goal (plan, from, to);
      changes->goal_order = TRUE;
    }
  else
    {
      OurGoal *goal = NULL;
      g_autoptr(OurStep) step = NULL;

      if (!our_plan_find_step (plan, self->target_id, &goal, &from))
        return FALSE;
      step = g_object_ref (our_goal_get_step (goal, from));
      to = MIN (to, our_goal_get_n_steps (goal) - 1);
      our_goal_remove_step (goal, from);
      our_goal_insert_step (goal, to, step);
      our_changes_add_goal (changes, our_goal_get_id (goal));
    }
  self->old_value = from;
  return TRUE;
}

static gboolean
insert_member (OurCommand *self,
               OurPlan    *plan,
               OurChanges *changes)
{
  guint n = our_plan_get_n_members (plan);
  guint position = self->position < 0 ? n : MIN ((guint) self->position, n);

  if (n >= OUR_MAX_MEMBERS || our_plan_find_member (plan, self->target_id, NULL))
    return FALSE;
  our_plan_insert_member (plan, position, self->member);
  self->position = position;
  our_changes_add_member (changes, self->target_id);
  changes->member_order = TRUE;
  return TRUE;
}

static gboolean
remove_member (OurCommand *self,
               OurPlan    *plan,
               OurChanges *changes)
{
  guint position;
  OurMember *member = our_plan_find_member (plan, self->target_id, &position);

  if (member == NULL)
    return FALSE;
  g_set_object (&self->member, member);
  self->position = position;
  our_plan_remove_member (plan, position);
  our_changes_add_member (changes, self->target_id);
  changes->member_order = TRUE;
  return TRUE;
}

/* Steps that named the member being deleted keep its name as text, or say
 * nobody; what they were is kept so that undo gives the link back. */
static void
unlink_steps (OurCommand *self,
              OurPlan    *plan,
              OurChanges *changes)
{
  const char *name = our_member_get_name (self->member);

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
          our_changes_add_goal (changes, our_goal_get_id (goal));
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
      our_changes_add_goal (changes, our_goal_get_id (goal));
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
  our_changes_add_member (changes, self->target_id);
  return TRUE;
}

static void
note_item_changed (OurCommand *self,
                   OurChanges *changes,
                   gboolean    order)
{
  const FamilyInfo *info = &families[self->family];

  our_changes_add_id ((GPtrArray **) G_STRUCT_MEMBER_P (changes, info->ids_offset), self->target_id);
  if (order && info->order_offset != 0)
    G_STRUCT_MEMBER (gboolean, changes, info->order_offset) = TRUE;
}

static gboolean
insert_item (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  const FamilyInfo *info = &families[self->family];
  guint n = g_list_model_get_n_items (info->list (plan));
  guint position = self->position < 0 ? n : MIN ((guint) self->position, n);

  if (n >= family_max[self->family] || info->find (plan, self->target_id, NULL) != NULL)
    return FALSE;
  info->insert (plan, position, self->item);
  self->position = position;
  note_item_changed (self, changes, TRUE);
  return TRUE;
}

static gboolean
remove_item (OurCommand *self,
             OurPlan    *plan,
             OurChanges *changes)
{
  const FamilyInfo *info = &families[self->family];
  guint position;
  gpointer item = info->find (plan, self->target_id, &position);

  if (item == NULL)
    return FALSE;
  g_set_object (&self->item, item);
  self->position = position;
  info->remove (plan, position);
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
  const FamilyInfo *info = &families[self->family];
  gpointer item = info->find (plan, self->target_id, NULL);

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

static gboolean
restack_item (OurCommand *self,
              OurPlan    *plan,
              guint       to,
              OurChanges *changes)
{
  guint from;
  guint n = our_plan_get_n_board_items (plan);

  if (our_plan_find_board_item (plan, self->target_id, &from) == NULL)
    return FALSE;
  to = MIN (to, n - 1);
  our_plan_move_board_item (plan, from, to);
  self->old_value = from;
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

gboolean
our_command_do (OurCommand *self,
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
    case KIND_RESTACK_ITEM: return restack_item (self, plan, self->new_value, changes);
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
        our_changes_add_member (changes, self->target_id);
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

    case KIND_ADD_MEMBER: return insert_member (self, plan, changes);
    case KIND_DELETE_MEMBER:
      if (!remove_member (self, plan, changes))
        return FALSE;
      unlink_steps (self, plan, changes);
      return TRUE;

    case KIND_SET_LIFE_AREA:
    case KIND_SET_PROGRESS:
    case KIND_SET_STATUS:
      if (!(goal = our_plan_find_goal (plan, self->target_id, NULL)))
        return FALSE;
      self->old_value = swap_goal_value (self, goal, self->new_value);
      our_changes_add_goal (changes, self->target_id);
      return TRUE;

    case KIND_ADD_GOAL: return insert_goal (self, plan, changes);
    case KIND_DELETE_GOAL: return remove_goal (self, plan, changes);
    case KIND_ADD_STEP: return insert_step (self, plan, changes);
    case KIND_DELETE_STEP: return remove_step (self, plan, changes);
    case KIND_MOVE_GOAL:
    case KIND_MOVE_STEP:
      return move_to (self, plan, self->new_value, changes);

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
our_command_undo (OurCommand *self,
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
      if (!restack_item (self, plan, moved_from, changes))
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
        our_changes_add_member (changes, self->target_id);
        return TRUE;
      }

    case KIND_PLACE_MEMBER:
      return place_member (self, plan, self->old_value, self->old_angle, changes);

    case KIND_ADD_MEMBER: return remove_member (self, plan, changes);
    case KIND_DELETE_MEMBER:
      if (!insert_member (self, plan, changes))
        return FALSE;
      relink_steps (self, plan, changes);
      return TRUE;

    case KIND_SET_LIFE_AREA:
    case KIND_SET_PROGRESS:
    case KIND_SET_STATUS:
      if (!(goal = our_plan_find_goal (plan, self->target_id, NULL)))
        return FALSE;
      swap_goal_value (self, goal, self->old_value);
      our_changes_add_goal (changes, self->target_id);
      return TRUE;

    case KIND_ADD_GOAL: return remove_goal (self, plan, changes);
    case KIND_DELETE_GOAL: return insert_goal (self, plan, changes);
    case KIND_ADD_STEP: return remove_step (self, plan, changes);
    case KIND_DELETE_STEP: return insert_step (self, plan, changes);
    case KIND_MOVE_GOAL:
    case KIND_MOVE_STEP:
      /* Moving back must not forget where it came from the first time. */
      moved_from = self->old_value;
      if (!move_to (self, plan, moved_from, changes))
        return FALSE;
      self->old_value = moved_from;
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
      if (self->family != next->family)
        return FALSE;
      g_set_object (&self->item, next->item);
      return TRUE;

    default:
      return FALSE;
    }
}
