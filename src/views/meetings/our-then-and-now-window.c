/* our-then-and-now-window.c: the plan then and now, side by side
 *
 * Both sides are whole plans: an agreed version is decoded by the store from
 * its frozen image, and compared with the plan now (or another version) by
 * our_plan_compare(). Nothing here reads an edit history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "our-agreed-version.h"
#include "our-date-button.h"
#include "our-network-render.h"
#include "our-plan-comparison.h"
#include "our-then-and-now-window.h"

struct _OurThenAndNowWindow
{
  AdwWindow     parent_instance;

  OurPlan      *plan;          /* the plan now */
  GPtrArray    *versions;      /* OurAgreement, newest first */
  OurPlan      *then_plan;
  OurPlan      *now_plan;
  GPtrArray    *changes;       /* OurPlanChange */
  guint         rows[OUR_N_PART_KINDS];
  gboolean      filling;

  GtkDropDown  *then_choice;
  GtkDropDown  *now_choice;
  GtkLabel     *summary_label;
  GtkBox       *content_box;
};

G_DEFINE_FINAL_TYPE (OurThenAndNowWindow, our_then_and_now_window, ADW_TYPE_WINDOW)

static char *
version_label (OurAgreement *agreement)
{
  g_autofree char *day = our_format_date_for_people (our_agreement_get_agreed_on (agreement));

  /* TRANSLATORS: %s is a date in words */
  return day != NULL ? g_strdup_printf (_("Agreed on %s"), day) : g_strdup (_("Agreed, date not known"));
}

/* -- goals: progress then and now on one scale ----------------------------- */

typedef struct
{
  int then_value;
  int now_value;
} Marks;

static void
draw_marks (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  Marks *marks = data;
  GdkRGBA fg;
  double left = 8, right = width - 8, middle = height / 2.0;
  double step = (right - left) / OUR_PROGRESS_MAX;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
  cairo_move_to (cr, left, middle);
  cairo_line_to (cr, right, middle);
  cairo_stroke (cr);
  for (int i = 0; i <= OUR_PROGRESS_MAX; i++)
    {
      cairo_move_to (cr, left + i * step, middle - 4);
      cairo_line_to (cr, left + i * step, middle + 4);
    }
  cairo_stroke (cr);
  /* Then: a hollow ring; now: a filled dot in the accent colour. */
  if (marks->then_value >= 0)
    {
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
      cairo_arc (cr, left + marks->then_value * step, middle, 6.5, 0, 2 * G_PI);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
  if (marks->now_value >= 0)
    {
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_arc (cr, left + marks->now_value * step, middle, 5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static GtkWidget *
marks_new (const OurPlanChange *change)
{
  GtkWidget *area = gtk_drawing_area_new ();
  Marks *marks = g_new (Marks, 1);
  g_autofree char *words = NULL;

  marks->then_value = change->then_value;
  marks->now_value = change->now_value;
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 220);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 28);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_marks, marks, g_free);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  if (change->then_value >= 0 && change->now_value >= 0)
    /* TRANSLATORS: progress on a scale of 0 to 10 */
    words = g_strdup_printf (_("Progress then %d of %d, now %d of %d"), change->then_value,
                             OUR_PROGRESS_MAX, change->now_value, OUR_PROGRESS_MAX);
  else if (change->now_value >= 0)
    words = g_strdup_printf (_("Progress now %d of %d"), change->now_value, OUR_PROGRESS_MAX);
  else
    words = g_strdup_printf (_("Progress then %d of %d"), change->then_value, OUR_PROGRESS_MAX);
  gtk_widget_set_tooltip_text (area, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
  return area;
}

/* -- rows ------------------------------------------------------------------ */

/* What happened to one part, in a sentence. */
static char *
describe_change (const OurPlanChange *change)
{
  g_autoptr(GString) text = g_string_new ("");

  if (change->flags & OUR_CHANGE_ADDED)
    g_string_append (text, _("New since then."));
  else if (change->flags & OUR_CHANGE_REMOVED)
    g_string_append (text, _("No longer in the plan."));
  if (change->flags & OUR_CHANGE_REWORDED)
    /* TRANSLATORS: %s is what a goal, name or note said before */
    g_string_append_printf (text, _("Was: “%s”."), change->then_text);
  if (change->flags & OUR_CHANGE_MOVED)
    {
      g_string_append (text, text->len > 0 ? " " : "");
      /* TRANSLATORS: the rings of My people, e.g. from “Further out” to “Closest to me” */
      g_string_append_printf (text, _("Moved from “%s” to “%s”."),
                              our_ring_get_label (change->then_value),
                              our_ring_get_label (change->now_value));
    }
  if (change->flags & OUR_CHANGE_PROGRESS)
    {
      g_string_append (text, text->len > 0 ? " " : "");
      g_string_append (text, change->now_value > change->then_value ? _("More progress.")
                                                                   : _("Less progress."));
    }
  if (change->flags == 0)
    g_string_append (text, _("The same as then."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
change_row_new (const OurPlanChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe_change (change);
  const char *title = (change->flags & OUR_CHANGE_REMOVED) ? change->then_text : change->now_text;

  if (change->part == OUR_PART_STAYING_WELL)
    {
      g_autofree char *full = g_strdup_printf ("%s: %s", our_well_field_get_label (change->field),
                                               title[0] != '\0' ? title : change->then_text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), full);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (change->part == OUR_PART_GOAL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), marks_new (change));
  if (change->flags & (OUR_CHANGE_ADDED | OUR_CHANGE_REMOVED))
    gtk_widget_add_css_class (row, (change->flags & OUR_CHANGE_ADDED) ? "added" : "removed");
  return row;
}

static GtkWidget *
section_new (OurThenAndNowWindow *self,
             const char          *heading,
             OurPartKind          part,
             const char          *nothing)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", heading, "xalign", 0.0f,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (label, "title-3");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  for (guint i = 0; i < self->changes->len; i++)
    {
      const OurPlanChange *change = g_ptr_array_index (self->changes, i);

      if (change->part == part)
        {
          gtk_list_box_append (GTK_LIST_BOX (list), change_row_new (change));
          self->rows[part]++;
        }
    }
  if (self->rows[part] == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nothing);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

/* -- people: two diagrams -------------------------------------------------- */

static void
draw_network (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  OurPlan *plan = data;
  const char *name = our_plan_get_name (plan);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  our_network_render_plan (cr, gtk_widget_get_pango_context (GTK_WIDGET (area)), plan, width, height,
                           name[0] != '\0' ? name : _("Me"), our_network_style_get (dark));
}

static GtkWidget *
diagram_new (OurPlan    *plan,
             const char *heading)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_IMG, NULL);
  g_autoptr(GString) names = g_string_new (heading);

  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 400);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_network, g_object_ref (plan),
                                  g_object_unref);
  /* The picture in words, ring by ring. */
  for (OurRing ring = 0; ring < OUR_N_RINGS; ring++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < our_plan_get_n_members (plan); i++)
        {
          OurMember *member = our_plan_get_member (plan, i);

          if (our_member_get_ring (member) != ring)
            continue;
          if (!any)
            g_string_append_printf (names, ". %s: ", our_ring_get_label (ring));
          else
            g_string_append (names, ", ");
          g_string_append (names, our_member_get_name (member));
          any = TRUE;
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, names->str, -1);
  gtk_box_append (GTK_BOX (box), area);
  return box;
}

/* -- filling --------------------------------------------------------------- */

static char *
summarize (OurThenAndNowWindow *self,
           OurAgreement        *then)
{
  g_autofree char *day = our_format_date_for_people (our_agreement_get_agreed_on (then));
  guint goals = our_plan_changes_count (self->changes, OUR_PART_GOAL);
  guint people = our_plan_changes_count (self->changes, OUR_PART_MEMBER);
  guint notes = our_plan_changes_count (self->changes, OUR_PART_SAFETY_NOTE);
  guint well = our_plan_changes_count (self->changes, OUR_PART_STAYING_WELL);
  g_autoptr(GString) text = g_string_new ("");

  if (day == NULL)
    day = g_strdup (_("a day not known"));
  if (goals + people + notes + well == 0)
    /* TRANSLATORS: %s is a date in words */
    return g_strdup_printf (_("Nothing has changed since the version agreed on %s."), day);
  /* TRANSLATORS: %s is a date in words; a list of what changed follows */
  g_string_append_printf (text, _("Changed since the version agreed on %s:"), day);
  g_string_append (text, " ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals", goals), goals);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u in my people", "%u in my people",
                                             people), people);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u safety note", "%u safety notes",
                                             notes), notes);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u part of staying well",
                                             "%u parts of staying well", well), well);
  g_string_append (text, ".");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
clear_content (OurThenAndNowWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
  memset (self->rows, 0, sizeof self->rows);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_object (&self->then_plan);
  g_clear_object (&self->now_plan);
}

static void
fill (OurThenAndNowWindow *self)
{
  guint then_index = gtk_drop_down_get_selected (self->then_choice);
  guint now_index = gtk_drop_down_get_selected (self->now_choice);
  g_autoptr(GError) error = NULL;
  g_autofree char *then_label = NULL;
  g_autofree char *now_label = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *diagrams;

  clear_content (self);
  if (then_index >= self->versions->len)
    {
      gtk_label_set_text (self->summary_label, _("There is no agreed version to compare with yet."));
      return;
    }
  self->then_plan = our_agreed_version_decode (g_ptr_array_index (self->versions, then_index),
                                               self->plan, &error);
  if (self->then_plan != NULL && now_index > 0 && now_index <= self->versions->len)
    self->now_plan = our_agreed_version_decode (g_ptr_array_index (self->versions, now_index - 1),
                                                self->plan, &error);
  else if (self->then_plan != NULL)
    self->now_plan = g_object_ref (self->plan);
  if (self->then_plan == NULL || self->now_plan == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }

  then_label = version_label (g_ptr_array_index (self->versions, then_index));
  now_label = now_index == 0 ? g_strdup (_("Now"))
                             : version_label (g_ptr_array_index (self->versions, now_index - 1));
  self->changes = our_plan_compare (self->then_plan, self->now_plan);
  summary = summarize (self, g_ptr_array_index (self->versions, then_index));
  gtk_label_set_text (self->summary_label, summary);

  gtk_box_append (self->content_box,
                  section_new (self, _("My Goals"), OUR_PART_GOAL, _("There were no goals then or now.")));
  {
    GtkWidget *legend = gtk_label_new (_("On each scale from 0 to 10, the ring is then and the dot is now."));

    gtk_label_set_xalign (GTK_LABEL (legend), 0);
    gtk_label_set_wrap (GTK_LABEL (legend), TRUE);
    gtk_widget_add_css_class (legend, "dim-label");
    gtk_box_append (GTK_BOX (gtk_widget_get_last_child (GTK_WIDGET (self->content_box))), legend);
  }

  diagrams = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_set_homogeneous (GTK_BOX (diagrams), TRUE);
  /* TRANSLATORS: above a diagram; %s is e.g. "Agreed on 12 November 2026" */
  {
    g_autofree char *then_heading = g_strdup_printf (_("Then: %s"), then_label);
    g_autofree char *now_heading = now_index == 0 ? g_strdup (_("Now"))
                                                  : g_strdup_printf (_("Now: %s"), now_label);

    gtk_box_append (GTK_BOX (diagrams), diagram_new (self->then_plan, then_heading));
    gtk_box_append (GTK_BOX (diagrams), diagram_new (self->now_plan, now_heading));
  }
  gtk_box_append (self->content_box,
                  section_new (self, _("My People"), OUR_PART_MEMBER, _("Nobody was added, left or moved.")));
  gtk_box_insert_child_after (self->content_box, diagrams,
                              gtk_widget_get_prev_sibling (gtk_widget_get_last_child (GTK_WIDGET (self->content_box))));
  gtk_box_append (self->content_box,
                  section_new (self, _("Safety Notes"), OUR_PART_SAFETY_NOTE,
                               _("The safety notes are the same.")));
  gtk_box_append (self->content_box,
                  section_new (self, _("Staying Well"), OUR_PART_STAYING_WELL,
                               _("The staying-well plan is the same.")));
}

static void
choice_changed_cb (OurThenAndNowWindow *self)
{
  if (!self->filling)
    fill (self);
}

static void
our_then_and_now_window_dispose (GObject *object)
{
  OurThenAndNowWindow *self = OUR_THEN_AND_NOW_WINDOW (object);

  clear_content (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_THEN_AND_NOW_WINDOW);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (our_then_and_now_window_parent_class)->dispose (object);
}

static void
our_then_and_now_window_class_init (OurThenAndNowWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_then_and_now_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-then-and-now-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OurThenAndNowWindow, then_choice);
  gtk_widget_class_bind_template_child (widget_class, OurThenAndNowWindow, now_choice);
  gtk_widget_class_bind_template_child (widget_class, OurThenAndNowWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OurThenAndNowWindow, content_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
our_then_and_now_window_init (OurThenAndNowWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->versions = g_ptr_array_new_with_free_func (g_object_unref);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  return -g_strcmp0 (our_agreement_get_agreed_on (*(OurAgreement **) a),
                     our_agreement_get_agreed_on (*(OurAgreement **) b));
}

GtkWidget *
our_then_and_now_window_new (GtkWindow  *parent,
                             OurPlan    *plan,
                             const char *then_id)
{
  OurThenAndNowWindow *self;
  GListModel *agreements;
  g_autoptr(GtkStringList) then_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) now_names = gtk_string_list_new (NULL);
  guint then_index = 0;

  g_return_val_if_fail (OUR_IS_PLAN (plan), NULL);

  self = g_object_new (OUR_TYPE_THEN_AND_NOW_WINDOW, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  agreements = our_plan_get_agreements (plan);
  /* The newest of one day is the one added last (the sort is stable). */
  for (guint i = g_list_model_get_n_items (agreements); i > 0; i--)
    g_ptr_array_add (self->versions, g_list_model_get_item (agreements, i - 1));
  g_ptr_array_sort (self->versions, newest_first);

  gtk_string_list_append (now_names, _("The plan now"));
  for (guint i = 0; i < self->versions->len; i++)
    {
      OurAgreement *agreement = g_ptr_array_index (self->versions, i);
      g_autofree char *label = version_label (agreement);

      gtk_string_list_append (then_names, label);
      gtk_string_list_append (now_names, label);
      if (then_id != NULL && g_str_equal (our_agreement_get_id (agreement), then_id))
        then_index = i;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->then_choice, G_LIST_MODEL (then_names));
  gtk_drop_down_set_model (self->now_choice, G_LIST_MODEL (now_names));
  gtk_drop_down_set_selected (self->then_choice, then_index);
  gtk_drop_down_set_selected (self->now_choice, 0);
  self->filling = FALSE;
  g_signal_connect_object (self->then_choice, "notify::selected", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->now_choice, "notify::selected", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  fill (self);
  return GTK_WIDGET (self);
}

const char *
our_then_and_now_window_get_summary (OurThenAndNowWindow *self)
{
  g_return_val_if_fail (OUR_IS_THEN_AND_NOW_WINDOW (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

guint
our_then_and_now_window_count_rows (OurThenAndNowWindow *self,
                                    OurPartKind          part)
{
  g_return_val_if_fail (OUR_IS_THEN_AND_NOW_WINDOW (self), 0);
  g_return_val_if_fail ((guint) part < OUR_N_PART_KINDS, 0);
  return self->rows[part];
}

void
our_then_and_now_window_compare (OurThenAndNowWindow *self,
                                 const char          *then_id,
                                 const char          *now_id)
{
  guint then_index = 0;
  guint now_index = 0;

  g_return_if_fail (OUR_IS_THEN_AND_NOW_WINDOW (self));

  for (guint i = 0; i < self->versions->len; i++)
    {
      const char *id = our_agreement_get_id (g_ptr_array_index (self->versions, i));

      if (g_strcmp0 (id, then_id) == 0)
        then_index = i;
      if (g_strcmp0 (id, now_id) == 0)
        now_index = i + 1;
    }
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->then_choice, then_index);
  gtk_drop_down_set_selected (self->now_choice, now_index);
  self->filling = FALSE;
  fill (self);
}
