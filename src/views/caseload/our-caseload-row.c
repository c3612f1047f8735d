/* our-caseload-row.c: one plan on the start screen: who, when the review is, and a mark when it is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "our-caseload-row.h"
#include "our-date-button.h"

struct _OurCaseloadRow
{
  GtkWidget         parent_instance;

  OurCaseloadEntry *entry;

  GtkWidget        *box;
  AdwAvatar        *avatar;
  GtkWidget        *file_icon;
  GtkLabel         *name_label;
  GtkImage         *review_icon;
  GtkLabel         *review_label;
  GtkWidget        *folder_line;
  GtkLabel         *folder_label;
  GtkWidget        *mark_box;
  GtkImage         *mark_icon;
  GtkLabel         *mark_label;
};

G_DEFINE_FINAL_TYPE (OurCaseloadRow, our_caseload_row, GTK_TYPE_WIDGET)

/* What one plan shows, in words. */
typedef struct
{
  char       *detail;        /* the review line */
  const char *detail_icon;
  const char *detail_class;  /* NULL: dim */
  const char *mark;          /* NULL: no mark */
  const char *mark_icon;
  const char *mark_class;
  char       *label;         /* for a screen reader */
  char       *where;         /* "In ~/Elsewhere", for recent plans */
} RowWords;

static void
row_words_clear (RowWords *words)
{
  g_free (words->detail);
  g_free (words->label);
  g_free (words->where);
}

char *
our_display_folder (const char *folder)
{
  const char *home = g_get_home_dir ();
  gsize home_length = strlen (home);

  if (home_length > 1 && g_str_has_prefix (folder, home)
      && (folder[home_length] == '/' || folder[home_length] == '\0'))
    {
      g_autofree char *rest = g_filename_display_name (folder + home_length);
      return g_strconcat ("~", rest, NULL);
    }
  return g_filename_display_name (folder);
}

static char *
review_in_words (OurCaseloadEntry *entry)
{
  const GDate *review = our_caseload_entry_get_review (entry);
  char iso[16];

  if (review == NULL || !g_date_valid (review))
    return g_strdup ("");
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", review);
  return our_format_date_for_people (iso);
}

static void
words_for (OurCaseloadEntry *entry,
           RowWords         *words)
{
  const char *name = our_caseload_entry_get_name (entry);
  g_autofree char *date = review_in_words (entry);

  memset (words, 0, sizeof *words);
  words->detail_icon = "x-office-calendar-symbolic";
  switch (our_caseload_entry_get_status (entry))
    {
    case OUR_REVIEW_OVERDUE:
      words->detail = g_strdup_printf (_("Review was due on %s"), date);
      words->mark = _("Review overdue");
      words->mark_icon = "alarm-symbolic";
      words->mark_class = "error";
      /* TRANSLATORS: what a screen reader says for a plan: a name, then a date */
      words->label = g_strdup_printf (_("%s, review overdue since %s"), name, date);
      break;
    case OUR_REVIEW_DUE_SOON:
      words->detail = g_strdup_printf (_("Review on %s"), date);
      words->mark = _("Review due soon");
      words->mark_icon = "x-office-calendar-symbolic";
      words->mark_class = "warning";
      words->label = g_strdup_printf (_("%s, review due soon, on %s"), name, date);
      break;
    case OUR_REVIEW_SCHEDULED:
      words->detail = g_strdup_printf (_("Review on %s"), date);
      words->label = g_strdup_printf (_("%s, review on %s"), name, date);
      break;
    case OUR_REVIEW_NO_DATE:
      words->detail = g_strdup (_("No review date agreed"));
      words->label = g_strdup_printf (_("%s, no review date agreed"), name);
      break;
    case OUR_REVIEW_UNREADABLE:
    default:
      words->detail = g_strdup_printf (_("This file could not be read: %s"),
                                       our_caseload_entry_get_problem (entry));
      words->detail_icon = "dialog-warning-symbolic";
      words->detail_class = "warning";
      words->label = g_strdup_printf (_("%s, this file could not be read"), name);
      break;
    }

  if (our_caseload_entry_get_recent (entry))
    {
      g_autofree char *parent = g_path_get_dirname (our_caseload_entry_get_path (entry));
      g_autofree char *shown = our_display_folder (parent);

      /* TRANSLATORS: the folder a recently opened plan is in */
      words->where = g_strdup_printf (_("In %s"), shown);
    }
}

void
our_caseload_row_describe (OurCaseloadEntry  *entry,
                           char             **label,
                           char             **description)
{
  RowWords words;

  g_return_if_fail (OUR_IS_CASELOAD_ENTRY (entry));

  words_for (entry, &words);
  /* The label says who and when; the description repeats the mark in words,
   * so that "overdue" never rests on colour alone. */
  *label = g_strdup (words.label);
  *description = g_strjoin (". ", words.mark != NULL ? words.mark : words.detail,
                            words.mark != NULL ? words.detail : words.where,
                            words.mark != NULL ? words.where : NULL, NULL);
  row_words_clear (&words);
}

static void
set_class (GtkWidget  *widget,
           const char *style_class)
{
  static const char * const classes[] = { "error", "warning", "dim-label", NULL };

  for (guint i = 0; classes[i] != NULL; i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  if (style_class != NULL)
    gtk_widget_add_css_class (widget, style_class);
}

void
our_caseload_row_set_entry (OurCaseloadRow   *self,
                            OurCaseloadEntry *entry)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  RowWords words;
  gboolean unreadable;

  g_return_if_fail (OUR_IS_CASELOAD_ROW (self));
  g_return_if_fail (entry == NULL || OUR_IS_CASELOAD_ENTRY (entry));

  if (!g_set_object (&self->entry, entry) || entry == NULL)
    return;

  words_for (entry, &words);
  unreadable = our_caseload_entry_get_status (entry) == OUR_REVIEW_UNREADABLE;
  /* A plain sign rather than a coloured circle: this is a file, not a person. */
  gtk_widget_set_visible (GTK_WIDGET (self->avatar), !unreadable);
  gtk_widget_set_visible (self->file_icon, unreadable);
  adw_avatar_set_text (self->avatar, our_caseload_entry_get_name (entry));

  gtk_label_set_text (self->name_label, our_caseload_entry_get_name (entry));
  gtk_image_set_from_icon_name (self->review_icon, words.detail_icon);
  set_class (GTK_WIDGET (self->review_icon), words.detail_class ? words.detail_class : "dim-label");
  gtk_label_set_text (self->review_label, words.detail);
  set_class (GTK_WIDGET (self->review_label), words.detail_class);

  gtk_widget_set_visible (self->folder_line, words.where != NULL);
  gtk_label_set_text (self->folder_label, words.where ? words.where : "");

  gtk_widget_set_visible (self->mark_box, words.mark != NULL);
  if (words.mark != NULL)
    {
      gtk_image_set_from_icon_name (self->mark_icon, words.mark_icon);
      gtk_label_set_text (self->mark_label, words.mark);
      set_class (self->mark_box, words.mark_class);
    }

  our_caseload_row_describe (entry, &label, &description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  /* The lines are cut short rather than wrapped (wrapping labels made each
   * row several times slower to lay out, and GTK 4.8 keeps 200 rows made):
   * the whole of them is in the accessible name and description, and in the
   * plan once opened. (A tooltip would replace the description.) */
  row_words_clear (&words);
}

OurCaseloadEntry *
our_caseload_row_get_entry (OurCaseloadRow *self)
{
  g_return_val_if_fail (OUR_IS_CASELOAD_ROW (self), NULL);
  return self->entry;
}

static void
our_caseload_row_dispose (GObject *object)
{
  OurCaseloadRow *self = OUR_CASELOAD_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OUR_TYPE_CASELOAD_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (our_caseload_row_parent_class)->dispose (object);
}

static void
our_caseload_row_class_init (OurCaseloadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = our_caseload_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/ourplan/OurPlan/our-caseload-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, box);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, file_icon);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, review_icon);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, review_label);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, folder_line);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, folder_label);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, mark_box);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, mark_icon);
  gtk_widget_class_bind_template_child (widget_class, OurCaseloadRow, mark_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "caseloadrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
our_caseload_row_init (OurCaseloadRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
our_caseload_row_new (void)
{
  return g_object_new (OUR_TYPE_CASELOAD_ROW, NULL);
}
