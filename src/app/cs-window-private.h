/* cs-window-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-filter-panel.h"
#include "cs-recovery.h"
#include "cs-timeline.h"
#include "cs-window.h"

G_BEGIN_DECLS

/* What waits on a question about unsaved changes (cs-window-file.c) */
typedef struct _CsPending CsPending;

struct _CsWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  CsCanvas             *canvas;
  CsTimeline           *timeline;
  AdwFlap              *flap;
  CsInspector          *inspector;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkWidget            *search_scroller;
  GtkListBox           *search_results;
  GtkMenuButton        *filter_button;
  GtkMenuButton        *layout_button;
  GtkToggleButton      *list_button;
  gboolean              focus_list; /* F8 opened the list: focus it once shown */
  CsNodeList           *node_list;
  CsFilterPanel        *filter_panel;
  GtkInfoBar           *changed_bar;
  GtkLabel             *changed_label;
  GtkProgressBar       *save_progress;
  GMenu                *recent_menu;
  GMenu                *style_menu;

  /* state */
  gboolean              inspector_wanted; /* the user leaves it open on selection */
  gboolean              fit_after_layout; /* the layout running is another one */

  /* owned */
  CsDocument           *document;
  CsViewState          *view;
  GSimpleActionGroup   *view_actions; /* the "view" group: the view state's options */
  GCancellable         *load_cancellable;
  GtkFileChooserNative *chooser;
  GSettings            *settings; /* NULL when the schema is missing */
  GtkFileChooserNative *save_chooser;
  GtkFileChooserNative *nodes_chooser; /* picking a CSV edge list's node table */
  GCancellable         *save_cancellable;
  CsRecovery           *recovery;      /* nullable: no folder for copies */
  GCancellable         *recovery_cancellable;
  GFileMonitor         *monitor;       /* of the document's file */
  CsPending            *pending;       /* what to do once changes are saved or given up */
  AdwToast             *problems_toast; /* "Opened with N problems", while it shows */

  /* state */
  guint                 recovery_timeout;
  guint                 recovery_serial; /* changes since the copy was written */
  gboolean              recovery_writing;
  gboolean              keep_mine;      /* the user kept this version over the one on disk */
  gboolean              closing;        /* the user agreed: close without asking again */
  gboolean              restored;       /* holds a restored recovery copy */
  guint                 view_quiet;     /* view changes that are no change of the document */
};

/* cs-window.c */
void     _cs_window_load              (CsWindow       *self,
                                       GFile          *file,
                                       CsRecoveryEntry *entry);
void     _cs_window_load_full         (CsWindow       *self,
                                       GFile          *file,
                                       GFile          *nodes,
                                       guint           graph,
                                       CsRecoveryEntry *entry);
void     _cs_window_reload            (CsWindow       *self,
                                       GFile          *file);
void     _cs_window_show_error        (CsWindow       *self,
                                       const char     *heading,
                                       const GError   *error);
void     _cs_window_update_title      (CsWindow       *self);
GListModel *_cs_window_new_open_filters (void);
GtkFileChooserNative *_cs_window_new_open_chooser (CsWindow *self);
AdwToast *_cs_window_get_problems_toast (CsWindow     *self);
void     _cs_window_relayout          (CsWindow       *self,
                                       CsLayoutAlgorithm algorithm,
                                       guint32        seed);

/* cs-window-file.c: save, save as, questions before losing changes,
 * recovery copies, the file changed on disk, recent files */
void     _cs_window_file_class_init   (GtkWidgetClass *widget_class);
void     _cs_window_file_init         (CsWindow       *self);
void     _cs_window_file_dispose      (CsWindow       *self);
void     _cs_window_file_loaded       (CsWindow       *self,
                                       GFile          *file,
                                       CsRecoveryEntry *entry);
gboolean _cs_window_file_close_request (CsWindow      *self);
void     _cs_window_offer_recovery    (CsWindow       *self,
                                       GPtrArray      *entries);

void     _cs_window_open_graph        (CsWindow       *self,
                                       GFile          *file,
                                       GFile          *nodes,
                                       guint           graph);

/* cs-window-import.c: what opening a file asks (a CSV edge list's node
 * table), and which graph of several to read */
gboolean _cs_window_import_asks       (GFile          *file);
void     _cs_window_import_ask        (CsWindow       *self,
                                       GFile          *file);
void     _cs_window_import_class_init (GtkWidgetClass *widget_class);
void     _cs_window_import_loaded     (CsWindow       *self);

/* cs-window-style.c: the Style by Attribute menu */
void     _cs_window_style_init        (CsWindow       *self);

G_END_DECLS
