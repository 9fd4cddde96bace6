/* cs-window-style.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-window-private.h"

/* The window's "Style by Attribute" menu: for colour, size, shape and
 * outlines, a choice of what drives it: chosen for the graph (the
 * default, naming what it chose), the node types (links for size,
 * consortia for outlines), or one of the graph's attributes that can
 * (cs_attribute_info_can_drive()). The choices are the view state's
 * color-by, size-by, shape-by and group-by; each is an action of the
 * "view" group, view.color-by and so on, whose state is "auto", "types"
 * or "a:" and the attribute's key. The menu is made again for each graph.
 * Outlines by an attribute are also the groups the consortia layout
 * gathers: choosing them lays the graph out again. */

#define MAX_MENU_KEYS 30 /* attributes offered per channel */

static const char *const properties[] = { "color-by", "size-by", "shape-by", "group-by" };

static char *
state_of_key (const char *key)
{
  if (key == NULL)
    return g_strdup ("auto");
  if (key[0] == '\0')
    return g_strdup ("types");
  return g_strconcat ("a:", key, NULL);
}

static void
sync_action (CsWindow       *self,
             CsStyleChannel  channel)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->view_actions),
                                                properties[channel]);
  g_autofree char *state = state_of_key (cs_view_state_get_style_key (self->view, channel));

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (state));
}

static void
style_change_state_cb (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  CsWindow *self = user_data;
  const char *state = g_variant_get_string (value, NULL);
  const char *name = g_action_get_name (G_ACTION (action));

  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    if (g_str_equal (name, properties[c]))
      cs_view_state_set_style_key (self->view, c,
                                   g_str_equal (state, "auto")    ? NULL
                                   : g_str_equal (state, "types") ? ""
                                   : g_str_has_prefix (state, "a:") ? state + 2
                                                                    : NULL);
}

/* the document's layout gathers the groups the view outlines */
static void
apply_groups (CsWindow *self)
{
  CsGraph *graph = cs_document_get_graph (self->document);
  const char *key;
  g_autofree guint *groups = NULL;

  if (graph == NULL || cs_view_state_get_graph (self->view) != graph)
    return;
  key = cs_view_state_get_style_attribute (self->view, CS_STYLE_GROUP);
  if (key[0] != '\0')
    groups = cs_attribute_groups (graph, key);
  cs_document_set_layout_groups (self->document, groups);
}

static void
style_key_notify_cb (CsWindow    *self,
                     GParamSpec  *pspec,
                     CsViewState *view)
{
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    if (g_str_equal (pspec->name, properties[c]))
      sync_action (self, c);
  if (!g_str_equal (pspec->name, properties[CS_STYLE_GROUP]))
    return;
  apply_groups (self);
  /* the user chose other outlines: the consortia layout gathers them (a
   * file's view, restored, keeps the file's positions) */
  if (self->view_quiet == 0 && cs_document_get_graph (self->document) != NULL &&
      (cs_view_state_get_style_attribute (self->view, CS_STYLE_GROUP)[0] != '\0' ||
       cs_document_get_algorithm (self->document) == CS_LAYOUT_CONSORTIA))
    _cs_window_relayout (self, CS_LAYOUT_CONSORTIA, cs_document_get_seed (self->document));
}

/* a key's own underscores are no mnemonics */
static char *
escape_mnemonics (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
append_choice (GMenu      *section,
               const char *label,
               const char *action,
               const char *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", target);
  g_menu_append_item (section, item);
}

static char *
describe (const CsAttributeInfo *info,
          CsStyleChannel         channel)
{
  char min[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];

  if (channel == CS_STYLE_COLOR && cs_attribute_info_is_colors (info))
    /* TRANSLATORS: the Style by Attribute menu: colour by the colours an
     * attribute holds; %s is the attribute's key */
    return g_strdup_printf (_("%s (its colours)"), info->key);
  if (cs_attribute_info_is_numeric (info) &&
      (channel == CS_STYLE_SIZE || !cs_attribute_info_is_categorical (info)))
    return g_strdup_printf ("%s (%s – %s)", info->key,
                            g_ascii_formatd (min, sizeof min, "%g", info->min),
                            g_ascii_formatd (max, sizeof max, "%g", info->max));
  /* TRANSLATORS: the Style by Attribute menu: %s is an attribute's key, %u
   * how many different values it has */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u value)", "%s (%u values)",
                                       info->n_values),
                          info->key, info->n_values);
}

/* the choices for each channel, for the view's graph */
static void
rebuild_menu (CsWindow *self)
{
  /* the headings of the Style by Attribute menu: what of the nodes an
   * attribute drives (outlines: the shapes drawn round groups) */
  static const char *const headings[] = {
    NC_("style menu heading", "Colour"),
    NC_("style menu heading", "Size"),
    NC_("style menu heading", "Shape"),
    /* TRANSLATORS: the shapes drawn round the members of each group */
    NC_("style menu heading", "Outlines"),
  };
  /* the second choice under each heading: colour by node types, size by
   * the number of links, shape by node types, outlines round the consortia */
  static const char *const by_types[] = {
    /* TRANSLATORS: colour by node types */
    NC_("style menu choice", "Node _Types"),
    /* TRANSLATORS: size by the number of links */
    NC_("style menu choice", "_Links"),
    /* TRANSLATORS: shape by node types (another mnemonic than colour's) */
    NC_("style menu choice", "Node T_ypes"),
    /* TRANSLATORS: outlines round the consortia and their members */
    NC_("style menu choice", "_Consortia"),
  };
  /* what "_Automatic (%s)" names when no attribute drives the style */
  static const char *const plain[] = {
    /* TRANSLATORS: in "_Automatic (%s)": colour or shape by node types */
    NC_("style menu automatic", "node types"),
    /* TRANSLATORS: in "_Automatic (%s)": size by the number of links */
    NC_("style menu automatic", "links"),
    NC_("style menu automatic", "node types"),
    /* TRANSLATORS: in "_Automatic (%s)": outlines round the consortia */
    NC_("style menu automatic", "consortia"),
  };
  CsGraph *graph = cs_view_state_get_graph (self->view);
  const CsAttributeSummary *summary = graph != NULL ? cs_attribute_summary_get (graph) : NULL;

  g_menu_remove_all (self->style_menu);
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    {
      g_autoptr(GMenu) section = g_menu_new ();
      g_autofree char *automatic = NULL;
      g_autofree char *chosen = NULL;
      g_autofree char *action = g_strconcat ("view.", properties[c], NULL);
      const char *picked = summary != NULL ? cs_attribute_summary_pick (summary, graph, c) : "";
      guint n_offered = 0;

      /* "Automatic (club)": what the default chose */
      chosen = escape_mnemonics (
          picked[0] != '\0' ? picked
                             : g_dpgettext2 (GETTEXT_PACKAGE, "style menu automatic", plain[c]));
      /* TRANSLATORS: the first choice of each heading of the Style by
       * Attribute menu: what the graph's default chose, an attribute's key
       * or one of "node types", "links", "consortia" */
      automatic = g_strdup_printf (_("_Automatic (%s)"), chosen);
      append_choice (section, automatic, action, "auto");
      append_choice (section, g_dpgettext2 (GETTEXT_PACKAGE, "style menu choice", by_types[c]),
                     action, "types");
      for (guint k = 0; summary != NULL && k < cs_attribute_summary_get_n_keys (summary); k++)
        {
          const CsAttributeInfo *info = cs_attribute_summary_get_info (summary, k);
          g_autofree char *label = NULL;
          g_autofree char *escaped = NULL;
          g_autofree char *target = NULL;

          if (!cs_attribute_info_can_drive (info, c) || n_offered >= MAX_MENU_KEYS)
            continue;
          label = describe (info, c);
          escaped = escape_mnemonics (label);
          target = g_strconcat ("a:", info->key, NULL);
          append_choice (section, escaped, action, target);
          n_offered++;
        }
      g_menu_append_section (self->style_menu,
                             g_dpgettext2 (GETTEXT_PACKAGE, "style menu heading", headings[c]),
                             G_MENU_MODEL (section));
    }
}

static void
style_graph_notify_cb (CsWindow    *self,
                       GParamSpec  *pspec,
                       CsViewState *view)
{
  rebuild_menu (self);
  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    sync_action (self, c);
  apply_groups (self);
}

/**
 * _cs_window_style_init:
 * @self: a window whose view state and "view" action group are made
 *
 * Adds view.color-by, view.size-by, view.shape-by and view.group-by and
 * keeps the Style by Attribute menu in step with the view's graph.
 */
void
_cs_window_style_init (CsWindow *self)
{
  g_return_if_fail (G_IS_ACTION_MAP (self->view_actions));

  for (guint c = 0; c < CS_N_STYLE_CHANNELS; c++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (
          properties[c], G_VARIANT_TYPE_STRING, g_variant_new_string ("auto"));
      g_autofree char *signal = g_strconcat ("notify::", properties[c], NULL);

      g_signal_connect (action, "change-state", G_CALLBACK (style_change_state_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->view_actions), G_ACTION (action));
      g_signal_connect_object (self->view, signal, G_CALLBACK (style_key_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->view, "notify::graph", G_CALLBACK (style_graph_notify_cb), self,
                           G_CONNECT_SWAPPED);
  style_graph_notify_cb (self, NULL, self->view);
}
