/* our-print.c: "Print or save a copy": choose whose copy, then print it (with preview) or save it as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages come from render/our-copy.c, the same layout the headless
 * `ourplan export` writes, so what is previewed is what is printed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "our-command.h"
#include "our-history.h"
#include "our-print.h"
#include "our-private-mode.h"

struct _OurPrint
{
  AdwWindow        parent_instance;

  OurSession      *session;
  OurPlan         *plan;            /* the session's */
  GPtrArray       *carers;          /* OurMember, as in the drop-down */

  GtkCheckButton  *person_check;
  GtkCheckButton  *carer_check;
  GtkCheckButton  *team_check;
  GtkDropDown     *carer_choice;
  GtkSwitch       *large_print;
  GtkButton       *print_button;
  GtkButton       *pdf_button;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (OurPrint, our_print, ADW_TYPE_WINDOW)

enum {
  COPY_GIVEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the window's choices add up to. The carer id points into the plan. */
static void
get_options (OurPrint       *self,
             OurCopyOptions *options)
{
  guint selected = gtk_drop_down_get_selected (self->carer_choice);

  options->kind = OUR_COPY_PERSON;
  options->carer_id = NULL;
  options->large_print = gtk_switch_get_active (self->large_print);
  options->made_on = NULL;
  if (gtk_check_button_get_active (self->team_check))
    options->kind = OUR_COPY_TEAM;
  else if (gtk_check_button_get_active (self->carer_check) && selected < self->carers->len)
    {
      options->kind = OUR_COPY_CARER;
      options->carer_id = our_member_get_id (g_ptr_array_index (self->carers, selected));
    }
}

/* Adds the copy to the copy log and tells the window. */
static void
log_copy (OurPrint             *self,
          const OurCopyOptions *options,
          OurCopyMedium         medium)
{
  g_autoptr(OurCopyRecord) record = our_copy_new_log_record (self->plan, options, medium);
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = our_copy_record_describe (record, our_plan_get_name (self->plan));

  if (!our_session_get_read_only (self->session) &&
      !our_session_record (self->session, our_command_new_log_copy (record), &error))
    g_warning ("The copy log was not saved: %s", error->message);
  g_signal_emit (self, signals[COPY_GIVEN], 0, sentence);
}

static void
show_error (OurPrint   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------ printing */

typedef struct
{
  OurPrint       *self;
  OurCopyOptions  options;
  char           *carer_id;
  OurCopy        *copy;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->copy);
  g_clear_object (&job->self);
  g_free (job->carer_id);
  g_free (job);
}

/* The choices as they were when the person pressed the button. */
static PrintJob *
print_job_new (OurPrint *self)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->self = g_object_ref (self);
  get_options (self, &job->options);
  job->carer_id = g_strdup (job->options.carer_id);
  job->options.carer_id = job->carer_id;
  return job;
}

static void
print_job_closure_free (gpointer  data,
                        GClosure *closure)
{
  print_job_free (data);
}

/* Paginates for the paper the person chose in the print dialog. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_clear_object (&job->copy);
  job->copy = our_copy_new (job->self->plan, &job->options,
                            gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) our_copy_get_n_pages (job->copy));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  our_copy_render_page (job->copy, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      log_copy (job->self, &job->options, OUR_COPY_PRINTED);
      gtk_window_close (GTK_WINDOW (job->self));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (job->self, _("The Copy Was Not Printed"),
                  error != NULL ? error->message : _("The printer did not take the copy."));
    }
}

GtkPrintOperation *
our_print_start (OurPrint                *self,
                 GtkPrintOperationAction  action,
                 const char              *export_path)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;
  PrintJob *job;

  g_return_val_if_fail (OUR_IS_PRINT (self), NULL);

  operation = gtk_print_operation_new ();
  job = print_job_new (self);
  /* Print queues and job histories keep titles: never the person's name. */
  gtk_print_operation_set_job_name (operation, _("Care plan"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The copy keeps its own margins, the same on every paper. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, action != GTK_PRINT_OPERATION_ACTION_EXPORT);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect_data (operation, "done", G_CALLBACK (print_done_cb), job,
                         print_job_closure_free, 0);

  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error)
        == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (self, _("The Copy Was Not Printed"), error->message);
  return operation;
}

static void
print_clicked_cb (OurPrint *self)
{
  g_object_unref (our_print_start (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL));
}

/* ------------------------------------------------------------ PDF */

static void
pdf_written_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  PrintJob *job = data;
  OurPrint *self = job->self;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->pdf_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), TRUE);
  if (!our_copy_write_pdf_finish (OUR_COPY (source), result, &error))
    {
      show_error (self, _("The Copy Was Not Saved"), error->message);
      print_job_free (job);
      return;
    }
  log_copy (self, &job->options, OUR_COPY_PDF);
  gtk_window_close (GTK_WINDOW (self));
  print_job_free (job);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  OurPrint        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  PrintJob *job;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_clear_object (&self->chooser);
      return;
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      show_error (self, _("The Copy Was Not Saved"),
                  _("Choose a folder on this computer to save the copy in."));
      return;
    }
  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      char *with_suffix = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_suffix;
    }

  /* The file chooser adds what it picks to the recently used list. */
  our_private_mode_forget_pick (file);

  /* Laid out now, written a page at a time while the window stays awake. */
  job = print_job_new (self);
  job->copy = our_copy_new (self->plan, &job->options, OUR_COPY_A4_WIDTH, OUR_COPY_A4_HEIGHT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pdf_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), FALSE);
  our_copy_write_pdf_async (job->copy, path, NULL, pdf_written_cb, job);
}

static void
pdf_clicked_cb (OurPrint *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Copy as a PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* A file name lives on in folders and recent lists: not the person's name. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("Care plan.pdf"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------ the window */

static void
choice_changed_cb (OurPrint *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->carer_choice),
                            gtk_check_button_get_active (self->carer_check));
}

static GtkWidget *
new_choice_row (const char      *title,
                const char      *subtitle,
                GtkCheckButton **check,
                GtkCheckButton  *group)
{
  GtkWidget *row = adw_action_row_new ();

  *check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (*check), GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (*check, group);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (*check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*check));
  return row;
}

static void
build (OurPrint *self,
       gboolean  pdf_first)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *which = adw_preferences_group_new ();
  GtkWidget *how = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *carer_row, *large_row;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *person = our_plan_get_name (self->plan);
  g_autofree char *person_subtitle = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Print or Save a Copy"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);
  gtk_widget_set_vexpand (page, TRUE);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (which), _("Whose copy"));
  person_subtitle = person != NULL && *person
                    ? g_strdup_printf (_("For %s: everything but notes the team keeps private"), person)
                    : g_strdup (_("For the person: everything but notes the team keeps private"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (which),
                             new_choice_row (_("My copy"), person_subtitle, &self->person_check, NULL));

  for (guint i = 0; i < self->carers->len; i++)
    gtk_string_list_append (names, our_member_get_name (g_ptr_array_index (self->carers, i)));
  carer_row = new_choice_row (_("Copy for a carer"),
                              self->carers->len > 0
                              ? _("Only the parts shared with them")
                              : _("No one in My people is marked as a carer yet"),
                              &self->carer_check, self->person_check);
  self->carer_choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->carer_choice), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->carer_choice),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Which carer"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (carer_row), GTK_WIDGET (self->carer_choice));
  gtk_widget_set_sensitive (carer_row, self->carers->len > 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (which), carer_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (which),
                             new_choice_row (_("Team copy"),
                                             _("Everything, with the notes the team keeps private"),
                                             &self->team_check, self->person_check));
  gtk_check_button_set_active (self->person_check, TRUE);
  g_signal_connect_object (self->carer_check, "toggled", G_CALLBACK (choice_changed_cb), self,
                           G_CONNECT_SWAPPED);
  choice_changed_cb (self);

  large_row = adw_action_row_new ();
  self->large_print = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->large_print), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (large_row), _("Large print"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (large_row), _("Bigger text, on more pages"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (large_row), GTK_WIDGET (self->large_print));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (large_row), GTK_WIDGET (self->large_print));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (how), large_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (which));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (how));

  self->pdf_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Save as _PDF…")));
  self->print_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Print…")));
  gtk_widget_add_css_class (GTK_WIDGET (pdf_first ? self->pdf_button : self->print_button),
                            "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->pdf_button), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (self->print_button), "pill");
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_bottom (buttons, 24);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->pdf_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->print_button));
  gtk_box_append (GTK_BOX (box), buttons);
  g_signal_connect_object (self->print_button, "clicked", G_CALLBACK (print_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_button, "clicked", G_CALLBACK (pdf_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 GTK_WIDGET (pdf_first ? self->pdf_button : self->print_button));
}

static void
our_print_dispose (GObject *object)
{
  OurPrint *self = OUR_PRINT (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (our_print_parent_class)->dispose (object);
}

static void
our_print_finalize (GObject *object)
{
  OurPrint *self = OUR_PRINT (object);

  g_clear_pointer (&self->carers, g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (our_print_parent_class)->finalize (object);
}

static void
our_print_class_init (OurPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = our_print_dispose;
  object_class->finalize = our_print_finalize;

  signals[COPY_GIVEN] = g_signal_new ("copy-given", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
our_print_init (OurPrint *self)
{
}

GtkWidget *
our_print_new (GtkWindow  *parent,
               OurSession *session,
               gboolean    pdf_first)
{
  OurPlan *plan;
  OurPrint *self;

  g_return_val_if_fail (OUR_IS_SESSION (session), NULL);

  plan = our_session_get_plan (session);
  self = g_object_new (OUR_TYPE_PRINT,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->session = g_object_ref (session);
  self->plan = g_object_ref (plan);
  self->carers = g_ptr_array_new_with_free_func (g_object_unref);
  {
    g_autoptr(GPtrArray) carers = our_plan_list_carers (plan);

    for (guint i = 0; carers != NULL && i < carers->len; i++)
      g_ptr_array_add (self->carers, g_object_ref (g_ptr_array_index (carers, i)));
  }
  build (self, pdf_first);
  return GTK_WIDGET (self);
}
