/* cs-saved-view.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-saved-view.h"

CsSavedView *
cs_saved_view_new (void)
{
  return g_new0 (CsSavedView, 1);
}

/**
 * cs_saved_view_copy:
 * @view: (nullable): a #CsSavedView
 *
 * Returns: (transfer full) (nullable): a deep copy of @view
 */
CsSavedView *
cs_saved_view_copy (const CsSavedView *view)
{
  CsSavedView *copy;

  if (view == NULL)
    return NULL;
  copy = g_memdup2 (view, sizeof *view);
  copy->hidden_types = g_strdupv (view->hidden_types);
  copy->hidden_relations = g_strdupv (view->hidden_relations);
  copy->consortium = g_strdup (view->consortium);
  copy->stage = g_strdup (view->stage);
  copy->around = g_strdup (view->around);
  copy->role = g_strdup (view->role);
  copy->sizing = g_strdup (view->sizing);
  copy->labels = g_strdup (view->labels);
  for (guint c = 0; c < G_N_ELEMENTS (view->style); c++)
    copy->style[c] = g_strdup (view->style[c]);
  copy->selection = g_strdupv (view->selection);
  return copy;
}

void
cs_saved_view_free (CsSavedView *view)
{
  if (view == NULL)
    return;
  g_strfreev (view->hidden_types);
  g_strfreev (view->hidden_relations);
  g_free (view->consortium);
  g_free (view->stage);
  g_free (view->around);
  g_free (view->role);
  g_free (view->sizing);
  g_free (view->labels);
  for (guint c = 0; c < G_N_ELEMENTS (view->style); c++)
    g_free (view->style[c]);
  g_strfreev (view->selection);
  g_free (view);
}

static gboolean
strv_equal (char **a,
            char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char *const *)a, (const char *const *)b);
}

/**
 * cs_saved_view_equal:
 * @a: (nullable): a #CsSavedView
 * @b: (nullable): another
 *
 * Returns: %TRUE when both say the same (an empty list and no list are
 *   the same); %NULL equals only %NULL
 */
gboolean
cs_saved_view_equal (const CsSavedView *a,
                     const CsSavedView *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return strv_equal (a->hidden_types, b->hidden_types) &&
         strv_equal (a->hidden_relations, b->hidden_relations) &&
         g_strcmp0 (a->consortium, b->consortium) == 0 && g_strcmp0 (a->stage, b->stage) == 0 &&
         g_strcmp0 (a->around, b->around) == 0 && a->depth == b->depth &&
         a->has_hide == b->has_hide && (!a->has_hide || a->hide == b->hide) &&
         g_strcmp0 (a->role, b->role) == 0 && g_strcmp0 (a->sizing, b->sizing) == 0 &&
         g_strcmp0 (a->labels, b->labels) == 0 &&
         a->has_label_density == b->has_label_density &&
         (!a->has_label_density || a->label_density == b->label_density) &&
         a->has_layers == b->has_layers &&
         (!a->has_layers ||
          (a->show_labels == b->show_labels && a->show_legend == b->show_legend &&
           a->show_hulls == b->show_hulls && a->show_roles == b->show_roles)) &&
         a->has_legend_collapsed == b->has_legend_collapsed &&
         (!a->has_legend_collapsed || a->legend_collapsed == b->legend_collapsed) &&
         a->has_camera == b->has_camera &&
         (!a->has_camera ||
          (a->zoom == b->zoom && a->center_x == b->center_x && a->center_y == b->center_y)) &&
         g_strcmp0 (a->style[0], b->style[0]) == 0 && g_strcmp0 (a->style[1], b->style[1]) == 0 &&
         g_strcmp0 (a->style[2], b->style[2]) == 0 && g_strcmp0 (a->style[3], b->style[3]) == 0 &&
         strv_equal (a->selection, b->selection);
}
