/* cs-saved-view.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a Consortia file's "view" member says of how the graph was shown
 * when it was saved (data/README.md): the filter, the look and the camera.
 * The model keeps it as the file writes it, names and node ids, so it
 * needs no view code; cs-view-state turns it into a view and back. Every
 * member is optional: a has_* flag or NULL says it was not there. */
typedef struct
{
  /* filter */
  char     **hidden_types;     /* nullable */
  char     **hidden_relations; /* nullable */
  char      *consortium;       /* a node id */
  char      *stage;            /* a stage word of the graph's events: "applied", … */
  char      *around;           /* a node id, or "selection" */
  guint      depth;            /* 1 to 3, 0 when not said */
  gboolean   has_hide;
  gboolean   hide;
  char      *role;

  /* look */
  char      *sizing;           /* "degree" or "uniform" */
  char      *labels;           /* "original" or "english" */
  gboolean   has_label_density;
  double     label_density;    /* 0 to 1 */
  gboolean   has_layers;
  gboolean   show_labels;
  gboolean   show_legend;
  gboolean   show_hulls;
  gboolean   show_roles;
  gboolean   has_legend_collapsed;
  gboolean   legend_collapsed;
  /* the attributes that drive colour, size, shape and grouping, in
   * CsStyleChannel order: NULL not said (chosen for the graph), "" the
   * node types (null in the file), else an attribute's key */
  char      *style[4];

  /* camera and selection */
  gboolean   has_camera;
  double     zoom;             /* > 0 */
  double     center_x;         /* the world point at the middle of the view */
  double     center_y;
  char     **selection;        /* node ids; nullable */
} CsSavedView;

CsSavedView *cs_saved_view_new   (void);
CsSavedView *cs_saved_view_copy  (const CsSavedView *view);
void         cs_saved_view_free  (CsSavedView       *view);
gboolean     cs_saved_view_equal (const CsSavedView *a,
                                  const CsSavedView *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsSavedView, cs_saved_view_free)

G_END_DECLS
