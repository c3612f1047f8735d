/* our-plan.c: the plan document, the single source of truth the views observe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "our-plan.h"

struct _OurPlan
{
  GObject      parent_instance;

  char        *me_text[OUR_N_ME_FIELDS];
  OurAuthor    me_author[OUR_N_ME_FIELDS];
  GListStore  *goals;
  GListStore  *members;

  GListStore  *board_items;
  GListStore  *board_zones;
  GHashTable  *pictures;        /* id → OurPicture */

  char        *well_text[OUR_N_WELL_FIELDS];
  OurAuthor    well_author[OUR_N_WELL_FIELDS];
  GListStore  *crisis_contacts;
  GListStore  *safety_notes;
  GPtrArray   *consents;        /* OurConsent, in the order given */
  GHashTable  *consent_index;   /* the same OurConsent, by section and member id */
  GHashTable  *member_index;    /* member id → OurMember in members */
  GListStore  *copy_log;
  GListStore  *meetings;
  GListStore  *agreements;
  GListStore  *comments;
  /* A carer's copy: whose it is ("" otherwise). */
  char        *carer_id;
  char        *carer_name;

  /* Names the person's plan across all its files and copies; NULL until
   * the plan was read from or written to a file. */
  char        *plan_id;
};

G_DEFINE_FINAL_TYPE (OurPlan, our_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_GOALS,
  N_PROPS
};

enum {
  ME_CHANGED,
  WELL_CHANGED,
  CONSENT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
our_plan_dispose (GObject *object)
{
  OurPlan *self = OUR_PLAN (object);

  g_clear_object (&self->goals);
  g_clear_pointer (&self->member_index, g_hash_table_unref);
  g_clear_object (&self->members);
  g_clear_object (&self->board_items);
  g_clear_object (&self->board_zones);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  g_clear_object (&self->crisis_contacts);
  g_clear_object (&self->safety_notes);
  g_clear_object (&self->copy_log);
  g_clear_object (&self->meetings);
  g_clear_object (&self->agreements);
  g_clear_object (&self->comments);
  g_free (self->carer_id);
  g_free (self->carer_name);

  G_OBJECT_CLASS (our_plan_parent_class)->dispose (object);
}

static void
our_plan_finalize (GObject *object)
{
  OurPlan *self = OUR_PLAN (object);

  for (guint i = 0; i < OUR_N_ME_FIELDS; i++)
    g_free (self->me_text[i]);
  for (guint i = 0; i < OUR_N_WELL_FIELDS; i++)
    g_free (self->well_text[i]);
  g_hash_table_unref (self->consent_index);
  g_ptr_array_unref (self->consents);
  g_free (self->plan_id);

  G_OBJECT_CLASS (our_plan_parent_class)->finalize (object);
}

static void
our_plan_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  OurPlan *self = OUR_PLAN (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, our_plan_get_name (self)); break;
    case PROP_GOALS: g_value_set_object (value, self->goals); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
our_plan_class_init (OurPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = our_plan_dispose;
  object_class->finalize = our_plan_finalize;
  object_class->get_property = our_plan_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GOALS] =
    g_param_spec_object ("goals", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OurPlan::me-changed:
   * @field: the OurMeField that changed
   */
  signals[ME_CHANGED] =
    g_signal_new ("me-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * OurPlan::well-changed:
   * @field: the OurWellField that changed
   */
  signals[WELL_CHANGED] =
    g_signal_new ("well-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * OurPlan::consent-changed:
   * @section: the OurSection whose sharing changed
   */
  signals[CONSENT_CHANGED] =
    g_signal_new ("consent-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
consent_free (gpointer data)
{
  OurConsent *consent = data;

  g_free (consent->member_id);
  g_free (consent->since);
  g_free (consent);
}

/* A file may hold a great many consent rows: each is found by hash, so that
 * loading them stays linear. */
static guint
consent_hash (gconstpointer key)
{
  const OurConsent *consent = key;

  return g_str_hash (consent->member_id) * 31 + (guint) consent->section;
}

static gboolean
consent_equal (gconstpointer a,
               gconstpointer b)
{
  const OurConsent *x = a, *y = b;

  return x->section == y->section && g_str_equal (x->member_id, y->member_id);
}

static void
our_plan_init (OurPlan *self)
{
  for (guint i = 0; i < OUR_N_ME_FIELDS; i++)
    self->me_text[i] = g_strdup ("");
  self->goals = g_list_store_new (OUR_TYPE_GOAL);
  self->members = g_list_store_new (OUR_TYPE_MEMBER);
  self->member_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->board_items = g_list_store_new (OUR_TYPE_BOARD_ITEM);
  self->board_zones = g_list_store_new (OUR_TYPE_BOARD_ZONE);
  self->pictures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < OUR_N_WELL_FIELDS; i++)
    self->well_text[i] = g_strdup ("");
  self->crisis_contacts = g_list_store_new (OUR_TYPE_CRISIS_CONTACT);
  self->safety_notes = g_list_store_new (OUR_TYPE_SAFETY_NOTE);
  self->consents = g_ptr_array_new_with_free_func (consent_free);
  self->consent_index = g_hash_table_new (consent_hash, consent_equal);
  self->copy_log = g_list_store_new (OUR_TYPE_COPY_RECORD);
  self->meetings = g_list_store_new (OUR_TYPE_MEETING);
  self->agreements = g_list_store_new (OUR_TYPE_AGREEMENT);
  self->comments = g_list_store_new (OUR_TYPE_COMMENT);
  self->carer_id = g_strdup ("");
  self->carer_name = g_strdup ("");
}

OurPlan *
our_plan_new (void)
{
  return g_object_new (OUR_TYPE_PLAN, NULL);
}

const char *
our_plan_get_me_text (OurPlan    *self,
                      OurMeField  field)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail ((guint) field < OUR_N_ME_FIELDS, NULL);
  return self->me_text[field];
}

OurAuthor
our_plan_get_me_author (OurPlan    *self,
                        OurMeField  field)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), OUR_AUTHOR_PERSON);
  g_return_val_if_fail ((guint) field < OUR_N_ME_FIELDS, OUR_AUTHOR_PERSON);
  return self->me_author[field];
}

void
our_plan_set_me_text (OurPlan    *self,
                      OurMeField  field,
                      const char *text,
                      OurAuthor   author)
{
  gboolean changed;

  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail ((guint) field < OUR_N_ME_FIELDS);

  author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;
  changed = our_set_text (&self->me_text[field], text ? text : "");
  if (self->me_author[field] != author)
    {
      self->me_author[field] = author;
      changed = TRUE;
    }
  if (!changed)
    return;

  g_signal_emit (self, signals[ME_CHANGED], 0, (int) field);
  if (field == OUR_ME_FIELD_PREFERRED_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
our_plan_get_name (OurPlan *self)
{
  return our_plan_get_me_text (self, OUR_ME_FIELD_PREFERRED_NAME);
}

GListModel *
our_plan_get_goals (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->goals);
}

guint
our_plan_get_n_goals (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->goals));
}

/* Returns: (transfer none) (nullable) */
OurGoal *
our_plan_get_goal (OurPlan *self,
                   guint    position)
{
  g_autoptr(OurGoal) goal = NULL;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);

  goal = g_list_model_get_item (G_LIST_MODEL (self->goals), position);
  return goal; /* the list store keeps it alive */
}

/* Returns: (transfer none) (nullable) */
OurGoal *
our_plan_find_goal (OurPlan    *self,
                    const char *goal_id,
                    guint      *position)
{
  guint n;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail (goal_id != NULL, NULL);

  n = our_plan_get_n_goals (self);
  for (guint i = 0; i < n; i++)
    {
      OurGoal *goal = our_plan_get_goal (self, i);

      if (g_str_equal (our_goal_get_id (goal), goal_id))
        {
          if (position)
            *position = i;
          return goal;
        }
    }
  return NULL;
}

/* Returns: (transfer none) (nullable) */
OurStep *
our_plan_find_step (OurPlan     *self,
                    const char  *step_id,
                    OurGoal    **goal_out,
                    guint       *position)
{
  guint n;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  n = our_plan_get_n_goals (self);
  for (guint i = 0; i < n; i++)
    {
      OurGoal *goal = our_plan_get_goal (self, i);
      OurStep *step = our_goal_find_step (goal, step_id, position);

      if (step != NULL)
        {
          if (goal_out)
            *goal_out = goal;
          return step;
        }
    }
  return NULL;
}

void
our_plan_insert_goal (OurPlan *self,
                      guint    position,
                      OurGoal *goal)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_GOAL (goal));

  position = MIN (position, our_plan_get_n_goals (self));
  g_list_store_insert (self->goals, position, goal);
}

void
our_plan_remove_goal (OurPlan *self,
                      guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (position < our_plan_get_n_goals (self));

  g_list_store_remove (self->goals, position);
}

void
our_plan_move_goal (OurPlan *self,
                    guint    from,
                    guint    to)
{
  g_autoptr(OurGoal) goal = NULL;
  guint n;

  g_return_if_fail (OUR_IS_PLAN (self));

  n = our_plan_get_n_goals (self);
  g_return_if_fail (from < n);
  to = MIN (to, n - 1);
  if (from == to)
    return;

  goal = g_list_model_get_item (G_LIST_MODEL (self->goals), from);
  g_list_store_remove (self->goals, from);
  g_list_store_insert (self->goals, to, goal);
}

GListModel *
our_plan_get_members (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->members);
}

guint
our_plan_get_n_members (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->members));
}

/* Returns: (transfer none) (nullable) */
OurMember *
our_plan_get_member (OurPlan *self,
                     guint    position)
{
  g_autoptr(OurMember) member = NULL;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);

  member = g_list_model_get_item (G_LIST_MODEL (self->members), position);
  return member; /* the list store keeps it alive */
}

/* Returns: (transfer none) (nullable) */
OurMember *
our_plan_find_member (OurPlan    *self,
                      const char *member_id,
                      guint      *position)
{
  OurMember *member;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);

  if (member_id == NULL || member_id[0] == '\0')
    return NULL;
  /* Found by hash: steps and contacts name members, and copies look each up. */
  member = g_hash_table_lookup (self->member_index, member_id);
  if (member != NULL && position != NULL
      && !g_list_store_find (self->members, member, position))
    g_assert_not_reached ();
  return member;
}

void
our_plan_insert_member (OurPlan   *self,
                        guint      position,
                        OurMember *member)
{
  const char *id;

  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_MEMBER (member));

  /* The first member with an id is the one found, as before the index. */
  id = our_member_get_id (member);
  if (!g_hash_table_contains (self->member_index, id))
    g_hash_table_insert (self->member_index, (gpointer) id, member);
  position = MIN (position, our_plan_get_n_members (self));
  g_list_store_insert (self->members, position, member);
}

void
our_plan_remove_member (OurPlan *self,
                        guint    position)
{
  g_autoptr(OurMember) member = NULL;
  const char *id;

  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (position < our_plan_get_n_members (self));

  member = g_list_model_get_item (G_LIST_MODEL (self->members), position);
  g_list_store_remove (self->members, position);
  id = our_member_get_id (member);
  if (g_hash_table_lookup (self->member_index, id) != member)
    return;
  g_hash_table_remove (self->member_index, id);
  /* Another member with the same id (only a hand-built plan has one) takes its place. */
  for (guint i = 0; i < our_plan_get_n_members (self); i++)
    {
      OurMember *other = our_plan_get_member (self, i);

      if (g_str_equal (our_member_get_id (other), id))
        {
          g_hash_table_insert (self->member_index, (gpointer) our_member_get_id (other), other);
          break;
        }
    }
}

const char *
our_plan_get_step_helper_name (OurPlan *self,
                               OurStep *step)
{
  OurMember *member;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail (OUR_IS_STEP (step), NULL);

  member = our_plan_find_member (self, our_step_get_helper_id (step), NULL);
  if (member != NULL)
    return our_member_get_name (member);
  return our_step_get_text (step, OUR_STEP_TEXT_WHO);
}

/* The lists of the later tabs are all found by id the same way. */
typedef const char *(*GetIdFunc) (gpointer item);

static gpointer
find_in_store (GListStore *store,
               GetIdFunc   get_id,
               const char *id,
               guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_str_equal (get_id (item), id))
        {
          if (position)
            *position = i;
          return item; /* the store keeps it alive */
        }
    }
  return NULL;
}

static void
insert_in_store (GListStore *store,
                 guint       position,
                 gpointer    item)
{
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_list_store_insert (store, position, item);
}

static void
remove_from_store (GListStore *store,
                   guint       position)
{
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_list_store_remove (store, position);
}

/* Notes board */

GListModel *
our_plan_get_board_items (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->board_items);
}

guint
our_plan_get_n_board_items (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->board_items));
}

OurBoardItem *
our_plan_find_board_item (OurPlan    *self,
                          const char *item_id,
                          guint      *position)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return find_in_store (self->board_items, (GetIdFunc) our_board_item_get_id, item_id, position);
}

void
our_plan_insert_board_item (OurPlan      *self,
                            guint         position,
                            OurBoardItem *item)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_BOARD_ITEM (item));
  insert_in_store (self->board_items, position, item);
}

void
our_plan_remove_board_item (OurPlan *self,
                            guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  remove_from_store (self->board_items, position);
}

void
our_plan_move_board_item (OurPlan *self,
                          guint    from,
                          guint    to)
{
  g_autoptr(OurBoardItem) item = NULL;
  guint n;

  g_return_if_fail (OUR_IS_PLAN (self));

  n = our_plan_get_n_board_items (self);
  g_return_if_fail (from < n);
  to = MIN (to, n - 1);
  if (from == to)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->board_items), from);
  g_list_store_remove (self->board_items, from);
  g_list_store_insert (self->board_items, to, item);
}

GListModel *
our_plan_get_board_zones (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->board_zones);
}

OurBoardZone *
our_plan_find_board_zone (OurPlan    *self,
                          const char *zone_id,
                          guint      *position)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return find_in_store (self->board_zones, (GetIdFunc) our_board_zone_get_id, zone_id, position);
}

void
our_plan_insert_board_zone (OurPlan      *self,
                            guint         position,
                            OurBoardZone *zone)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_BOARD_ZONE (zone));
  insert_in_store (self->board_zones, position, zone);
}

void
our_plan_remove_board_zone (OurPlan *self,
                            guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  remove_from_store (self->board_zones, position);
}

void
our_plan_add_picture (OurPlan    *self,
                      OurPicture *picture)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_PICTURE (picture));

  if (!g_hash_table_contains (self->pictures, our_picture_get_id (picture)))
    g_hash_table_insert (self->pictures, g_strdup (our_picture_get_id (picture)),
                         g_object_ref (picture));
}

/* Returns: (transfer none) (nullable) */
OurPicture *
our_plan_get_picture (OurPlan    *self,
                      const char *picture_id)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return picture_id ? g_hash_table_lookup (self->pictures, picture_id) : NULL;
}

/* Staying well & safety */

const char *
our_plan_get_well_text (OurPlan      *self,
                        OurWellField  field)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail ((guint) field < OUR_N_WELL_FIELDS, NULL);
  return self->well_text[field];
}

OurAuthor
our_plan_get_well_author (OurPlan      *self,
                          OurWellField  field)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), OUR_AUTHOR_PERSON);
  g_return_val_if_fail ((guint) field < OUR_N_WELL_FIELDS, OUR_AUTHOR_PERSON);
  return self->well_author[field];
}

void
our_plan_set_well_text (OurPlan      *self,
                        OurWellField  field,
                        const char   *text,
                        OurAuthor     author)
{
  gboolean changed;

  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail ((guint) field < OUR_N_WELL_FIELDS);

  author = author == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR : OUR_AUTHOR_PERSON;
  changed = our_set_text (&self->well_text[field], text ? text : "");
  if (self->well_author[field] != author)
    {
      self->well_author[field] = author;
      changed = TRUE;
    }
  if (changed)
    g_signal_emit (self, signals[WELL_CHANGED], 0, (int) field);
}

GListModel *
our_plan_get_crisis_contacts (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->crisis_contacts);
}

OurCrisisContact *
our_plan_find_crisis_contact (OurPlan    *self,
                              const char *contact_id,
                              guint      *position)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return find_in_store (self->crisis_contacts, (GetIdFunc) our_crisis_contact_get_id,
                        contact_id, position);
}

void
our_plan_insert_crisis_contact (OurPlan          *self,
                                guint             position,
                                OurCrisisContact *contact)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_CRISIS_CONTACT (contact));
  insert_in_store (self->crisis_contacts, position, contact);
}

void
our_plan_remove_crisis_contact (OurPlan *self,
                                guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  remove_from_store (self->crisis_contacts, position);
}

const char *
our_plan_get_crisis_contact_name (OurPlan          *self,
                                  OurCrisisContact *contact)
{
  const char *member_id;
  OurMember *member = NULL;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail (OUR_IS_CRISIS_CONTACT (contact), NULL);

  member_id = our_crisis_contact_get_member_id (contact);
  if (member_id != NULL && *member_id != '\0')
    member = our_plan_find_member (self, member_id, NULL);
  if (member != NULL && *our_member_get_name (member) != '\0')
    return our_member_get_name (member);
  return our_crisis_contact_get_name (contact);
}

GListModel *
our_plan_get_safety_notes (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->safety_notes);
}

OurSafetyNote *
our_plan_find_safety_note (OurPlan    *self,
                           const char *note_id,
                           guint      *position)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return find_in_store (self->safety_notes, (GetIdFunc) our_safety_note_get_id,
                        note_id, position);
}

void
our_plan_insert_safety_note (OurPlan       *self,
                             guint          position,
                             OurSafetyNote *note)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_SAFETY_NOTE (note));
  insert_in_store (self->safety_notes, position, note);
}

void
our_plan_remove_safety_note (OurPlan *self,
                             guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  remove_from_store (self->safety_notes, position);
}

guint
our_plan_count_team_only_notes (OurPlan *self)
{
  GListModel *notes = G_LIST_MODEL (self->safety_notes);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(OurSafetyNote) note = g_list_model_get_item (notes, i);

      count += our_safety_note_get_team_only (note) ? 1 : 0;
    }
  return count;
}

/* Consent */

static OurConsent *
find_consent (OurPlan    *self,
              OurSection  section,
              const char *member_id)
{
  OurConsent key = { section, (char *) member_id, NULL, 0 };

  return g_hash_table_lookup (self->consent_index, &key);
}

const OurConsent *
our_plan_get_consent (OurPlan    *self,
                      OurSection  section,
                      const char *member_id)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  g_return_val_if_fail (member_id != NULL, NULL);
  return find_consent (self, section, member_id);
}

GPtrArray *
our_plan_get_consents (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return self->consents;
}

void
our_plan_set_consent (OurPlan    *self,
                      OurSection  section,
                      const char *member_id,
                      const char *since,
                      OurAuthor   agreed_by)
{
  OurConsent *consent;

  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail ((guint) section < OUR_N_SECTIONS);
  g_return_if_fail (member_id != NULL && *member_id != '\0');

  consent = find_consent (self, section, member_id);
  if (since == NULL)
    {
      if (consent == NULL)
        return;
      g_hash_table_remove (self->consent_index, consent);
      g_ptr_array_remove (self->consents, consent);
    }
  else
    {
      if (consent == NULL)
        {
          consent = g_new0 (OurConsent, 1);
          consent->section = section;
          consent->member_id = g_strdup (member_id);
          g_ptr_array_add (self->consents, consent);
          g_hash_table_add (self->consent_index, consent);
        }
      else if (g_strcmp0 (consent->since, since) == 0 && consent->agreed_by == agreed_by)
        return;
      our_set_string (&consent->since, since);
      consent->agreed_by = agreed_by == OUR_AUTHOR_COORDINATOR ? OUR_AUTHOR_COORDINATOR
                                                               : OUR_AUTHOR_PERSON;
    }
  g_signal_emit (self, signals[CONSENT_CHANGED], 0, (int) section);
}

GPtrArray *
our_plan_list_carers (OurPlan *self)
{
  GPtrArray *carers = g_ptr_array_new ();

  g_return_val_if_fail (OUR_IS_PLAN (self), carers);

  for (guint i = 0; i < our_plan_get_n_members (self); i++)
    {
      OurMember *member = our_plan_get_member (self, i);

      if (our_member_get_is_carer (member))
        g_ptr_array_add (carers, member);
    }
  return carers;
}

OurMember *
our_plan_find_carer_by_name (OurPlan    *self,
                             const char *name)
{
  g_autofree char *stripped = NULL;
  g_autofree char *wanted = NULL;
  g_autoptr(GPtrArray) carers = NULL;

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);

  if (name == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (name));
  wanted = g_utf8_casefold (stripped, -1);
  if (*wanted == '\0')
    return NULL;
  carers = our_plan_list_carers (self);
  for (guint i = 0; i < carers->len; i++)
    {
      OurMember *carer = g_ptr_array_index (carers, i);
      g_autofree char *have = g_utf8_casefold (our_member_get_name (carer), -1);

      if (g_str_equal (g_strstrip (have), wanted))
        return carer;
    }
  return NULL;
}

gboolean
our_plan_copy_shows (OurPlan     *self,
                     OurCopyKind  kind,
                     const char  *carer_id,
                     OurSection   section)
{
  OurMember *carer;

  g_return_val_if_fail (OUR_IS_PLAN (self), FALSE);

  switch (kind)
    {
    case OUR_COPY_PERSON:
    case OUR_COPY_TEAM:
      return TRUE;
    case OUR_COPY_CARER:
    default:
      if (carer_id == NULL || *carer_id == '\0')
        return FALSE;
      carer = our_plan_find_member (self, carer_id, NULL);
      if (carer == NULL || !our_member_get_is_carer (carer))
        return FALSE;
      return find_consent (self, section, carer_id) != NULL;
    }
}

static void
copy_list (GListStore *from,
           GListStore *to,
           gpointer  (*copy) (gpointer item),
           gboolean  (*keep) (gpointer item))
{
  GListModel *model = G_LIST_MODEL (from);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(GObject) item_copy = NULL;

      if (keep != NULL && !keep (item))
        continue;
      item_copy = copy (item);
      g_list_store_append (to, item_copy);
    }
}

static gboolean
note_is_shared (gpointer note)
{
  return !our_safety_note_get_team_only (note);
}

OurPlan *
our_plan_new_carer_copy (OurPlan    *self,
                         const char *carer_id)
{
  OurPlan *copy;
  static const OurMeField facts[] = {
    OUR_ME_FIELD_PREFERRED_NAME, OUR_ME_FIELD_COORDINATOR_NAME,
    OUR_ME_FIELD_COORDINATOR_CONTACT, OUR_ME_FIELD_MADE_ON, OUR_ME_FIELD_REVIEW_DATE,
  };

  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);

  copy = our_plan_new ();
  our_plan_set_plan_id (copy, self->plan_id);
  {
    OurMember *carer = carer_id != NULL ? our_plan_find_member (self, carer_id, NULL) : NULL;

    our_plan_set_carer (copy, carer_id, carer != NULL ? our_member_get_name (carer) : "");
  }
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    our_plan_set_me_text (copy, facts[i], self->me_text[facts[i]], self->me_author[facts[i]]);

#define SHOWS(section) our_plan_copy_shows (self, OUR_COPY_CARER, carer_id, section)
  if (SHOWS (OUR_SECTION_ME))
    for (guint f = 0; f < OUR_N_ME_FIELDS; f++)
      our_plan_set_me_text (copy, f, self->me_text[f], self->me_author[f]);

  if (SHOWS (OUR_SECTION_GOALS))
    {
      copy_list (self->goals, copy->goals, (gpointer (*) (gpointer)) our_goal_copy, NULL);
      /* Steps may name members the carer does not see: keep the name only. */
      if (!SHOWS (OUR_SECTION_PEOPLE))
        for (guint g = 0; g < our_plan_get_n_goals (copy); g++)
          {
            OurGoal *goal = our_plan_get_goal (copy, g);

            for (guint i = 0; i < our_goal_get_n_steps (goal); i++)
              {
                OurStep *step = our_goal_get_step (goal, i);
                const char *name = our_plan_get_step_helper_name (self, step);

                if (*our_step_get_helper_id (step) == '\0')
                  continue;
                our_step_set_text (step, OUR_STEP_TEXT_WHO, name,
                                   our_step_get_author (step, OUR_STEP_TEXT_WHO));
                our_step_set_helper_id (step, "");
              }
          }
    }

  if (SHOWS (OUR_SECTION_PEOPLE))
    for (guint i = 0; i < our_plan_get_n_members (self); i++)
      {
        g_autoptr(OurMember) member = our_member_copy (our_plan_get_member (self, i));

        our_plan_insert_member (copy, i, member);
      }
  else
    {
      /* The carer themselves, so that the copy knows whose it is. */
      OurMember *carer = our_plan_find_member (self, carer_id, NULL);

      if (carer != NULL)
        {
          g_autoptr(OurMember) only = our_member_new (our_member_get_id (carer));

          our_member_set_text (only, OUR_MEMBER_TEXT_NAME, our_member_get_name (carer),
                               our_member_get_author (carer, OUR_MEMBER_TEXT_NAME));
          our_member_set_is_carer (only, TRUE);
          our_member_set_kind (only, our_member_get_kind (carer));
          our_member_set_place (only, our_member_get_ring (carer), our_member_get_angle (carer));
          our_plan_insert_member (copy, 0, only);
        }
    }

  if (SHOWS (OUR_SECTION_BOARD))
    {
      GListModel *items = G_LIST_MODEL (self->board_items);

      copy_list (self->board_zones, copy->board_zones,
                 (gpointer (*) (gpointer)) our_board_zone_copy, NULL);
      copy_list (self->board_items, copy->board_items,
                 (gpointer (*) (gpointer)) our_board_item_copy, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(OurBoardItem) item = g_list_model_get_item (items, i);
          OurPicture *picture = our_plan_get_picture (self, our_board_item_get_picture_id (item));

          if (picture != NULL)
            our_plan_add_picture (copy, picture);
        }
    }

  if (SHOWS (OUR_SECTION_STAYING_WELL))
    {
      for (guint f = 0; f < OUR_N_WELL_FIELDS; f++)
        our_plan_set_well_text (copy, f, self->well_text[f], self->well_author[f]);
      copy_list (self->crisis_contacts, copy->crisis_contacts,
                 (gpointer (*) (gpointer)) our_crisis_contact_copy, NULL);
      /* A contact naming a member the carer cannot see keeps the name only. */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (copy->crisis_contacts)); i++)
        {
          g_autoptr(OurCrisisContact) contact =
            g_list_model_get_item (G_LIST_MODEL (copy->crisis_contacts), i);
          const char *member_id = our_crisis_contact_get_member_id (contact);

          if (*member_id != '\0' && our_plan_find_member (copy, member_id, NULL) == NULL)
            {
              our_crisis_contact_set_name (contact, our_plan_get_crisis_contact_name (self, contact));
              our_crisis_contact_set_member_id (contact, "");
            }
        }
    }

  if (SHOWS (OUR_SECTION_SAFETY_NOTES))
    copy_list (self->safety_notes, copy->safety_notes,
               (gpointer (*) (gpointer)) our_safety_note_copy, note_is_shared);

  /* The carer's own consents, so that their copy can say what it holds. */
  for (OurSection section = 0; section < OUR_N_SECTIONS; section++)
    {
      OurConsent *consent = carer_id ? find_consent (self, section, carer_id) : NULL;

      if (consent != NULL && our_plan_find_member (copy, carer_id, NULL) != NULL)
        our_plan_set_consent (copy, section, carer_id, consent->since, consent->agreed_by);
    }
#undef SHOWS

  return copy;
}

/* Copy log */

GListModel *
our_plan_get_copy_log (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->copy_log);
}

void
our_plan_insert_copy_record (OurPlan       *self,
                             guint          position,
                             OurCopyRecord *record)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_COPY_RECORD (record));
  insert_in_store (self->copy_log, position, record);
}

void
our_plan_remove_copy_record (OurPlan *self,
                             guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  remove_from_store (self->copy_log, position);
}

OurCopyRecord *
our_plan_find_copy_record (OurPlan    *self,
                           const char *record_id,
                           guint      *position)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return find_in_store (self->copy_log, (GetIdFunc) our_copy_record_get_id, record_id, position);
}

/* Meetings */

GListModel *
our_plan_get_meetings (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->meetings);
}

void
our_plan_insert_meeting (OurPlan    *self,
                         guint       position,
                         OurMeeting *meeting)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_MEETING (meeting));
  insert_in_store (self->meetings, position, meeting);
}

void
our_plan_remove_meeting (OurPlan *self,
                         guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  remove_from_store (self->meetings, position);
}

OurMeeting *
our_plan_find_meeting (OurPlan    *self,
                       const char *meeting_id,
                       guint      *position)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return find_in_store (self->meetings, (GetIdFunc) our_meeting_get_id, meeting_id, position);
}

/* Agreed versions */

GListModel *
our_plan_get_agreements (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->agreements);
}

void
our_plan_insert_agreement (OurPlan      *self,
                           guint         position,
                           OurAgreement *agreement)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_AGREEMENT (agreement));
  insert_in_store (self->agreements, position, agreement);
}

void
our_plan_remove_agreement (OurPlan *self,
                           guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  remove_from_store (self->agreements, position);
}

OurAgreement *
our_plan_find_agreement (OurPlan    *self,
                         const char *agreement_id,
                         guint      *position)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return find_in_store (self->agreements, (GetIdFunc) our_agreement_get_id, agreement_id,
                        position);
}

/* Carers' comments */

GListModel *
our_plan_get_comments (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->comments);
}

void
our_plan_insert_comment (OurPlan    *self,
                         guint       position,
                         OurComment *comment)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  g_return_if_fail (OUR_IS_COMMENT (comment));
  insert_in_store (self->comments, position, comment);
}

void
our_plan_remove_comment (OurPlan *self,
                         guint    position)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  remove_from_store (self->comments, position);
}

OurComment *
our_plan_find_comment (OurPlan    *self,
                       const char *comment_id,
                       guint      *position)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return find_in_store (self->comments, (GetIdFunc) our_comment_get_id, comment_id, position);
}

const char *
our_plan_get_carer_id (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return self->carer_id;
}

const char *
our_plan_get_carer_name (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return self->carer_name;
}

void
our_plan_set_carer (OurPlan    *self,
                    const char *carer_id,
                    const char *carer_name)
{
  g_return_if_fail (OUR_IS_PLAN (self));
  our_set_text (&self->carer_id, carer_id != NULL ? carer_id : "");
  our_set_text (&self->carer_name, carer_name != NULL ? carer_name : "");
}

gboolean
our_plan_find_part (OurPlan     *self,
                    OurPartKind  kind,
                    const char  *part_id)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), FALSE);

  switch (kind)
    {
    case OUR_PART_GOAL: return part_id != NULL && our_plan_find_goal (self, part_id, NULL) != NULL;
    case OUR_PART_MEMBER:
      return part_id != NULL && our_plan_find_member (self, part_id, NULL) != NULL;
    case OUR_PART_BOARD_ITEM:
      return part_id != NULL && our_plan_find_board_item (self, part_id, NULL) != NULL;
    case OUR_PART_SAFETY_NOTE:
      return part_id != NULL && our_plan_find_safety_note (self, part_id, NULL) != NULL;
    case OUR_PART_PLAN:
    case OUR_PART_STAYING_WELL:
    default:
      return TRUE;
    }
}

const char *
our_plan_get_plan_id (OurPlan *self)
{
  g_return_val_if_fail (OUR_IS_PLAN (self), NULL);
  return self->plan_id;
}

void
our_plan_set_plan_id (OurPlan    *self,
                      const char *plan_id)
{
  g_return_if_fail (OUR_IS_PLAN (self));

  if (plan_id != self->plan_id)
    {
      g_free (self->plan_id);
      self->plan_id = g_strdup (plan_id);
    }
}
