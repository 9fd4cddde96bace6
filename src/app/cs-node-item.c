/* cs-node-item.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-node-item.h"

/* One row of the organisation list: a node and what the list sorts by. */
struct _CsNodeItem
{
  GObject     parent_instance;

  char       *label;
  char       *label_en;
  char       *type_name;
  guint       node;
  guint       degree;
  guint       consortia;
};

G_DEFINE_FINAL_TYPE (CsNodeItem, cs_node_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NODE,
  PROP_LABEL,
  PROP_LABEL_EN,
  PROP_TYPE_NAME,
  PROP_DEGREE,
  PROP_CONSORTIA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_node_item_finalize (GObject *object)
{
  CsNodeItem *self = (CsNodeItem *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->label_en, g_free);
  g_clear_pointer (&self->type_name, g_free);

  G_OBJECT_CLASS (cs_node_item_parent_class)->finalize (object);
}

static void
cs_node_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CsNodeItem *self = CS_NODE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NODE:
      g_value_set_uint (value, self->node);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_LABEL_EN:
      g_value_set_string (value, self->label_en);
      break;

    case PROP_TYPE_NAME:
      g_value_set_string (value, self->type_name);
      break;

    case PROP_DEGREE:
      g_value_set_uint (value, self->degree);
      break;

    case PROP_CONSORTIA:
      g_value_set_uint (value, self->consortia);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_node_item_class_init (CsNodeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_node_item_finalize;
  object_class->get_property = cs_node_item_get_property;

  properties[PROP_NODE] = g_param_spec_uint ("node", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_EN] = g_param_spec_string ("label-en", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE_NAME] = g_param_spec_string ("type-name", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEGREE] = g_param_spec_uint ("degree", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSORTIA] = g_param_spec_uint ("consortia", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_node_item_init (CsNodeItem *self)
{
}

/**
 * cs_node_item_new:
 * @graph: a #CsGraph
 * @node: a node index
 *
 * Returns: (transfer full): the node's row
 */
CsNodeItem *
cs_node_item_new (CsGraph *graph,
                  guint    node)
{
  CsNodeItem *self;
  const CsNode *n;
  const guint *edges;
  guint n_edges;
  g_autoptr(GHashTable) teams = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (node < cs_graph_get_n_nodes (graph), NULL);

  n = cs_graph_get_node (graph, node);
  self = g_object_new (CS_TYPE_NODE_ITEM, NULL);
  self->node = node;
  self->label = g_strdup (n->label);
  self->label_en = g_strdup (n->label_en != NULL ? n->label_en : "");
  self->type_name = g_strdup (cs_graph_get_type_display_name (graph, n->type));
  self->degree = cs_graph_get_degree (graph, node);

  edges = cs_graph_get_incident_edges (graph, node, &n_edges);
  for (guint e = 0; e < n_edges; e++)
    {
      const CsEdge *edge = cs_graph_get_edge (graph, edges[e]);

      if (edge->source == node &&
          (edge->relation == CS_RELATION_MEMBER_OF || edge->relation == CS_RELATION_LEADS) &&
          cs_graph_get_node (graph, edge->target)->type == CS_NODE_TYPE_CONSORTIUM)
        g_hash_table_add (teams, GUINT_TO_POINTER (edge->target));
    }
  self->consortia = g_hash_table_size (teams);
  return self;
}

guint
cs_node_item_get_node (CsNodeItem *self)
{
  g_return_val_if_fail (CS_IS_NODE_ITEM (self), 0);

  return self->node;
}

const char *
cs_node_item_get_label (CsNodeItem *self)
{
  g_return_val_if_fail (CS_IS_NODE_ITEM (self), NULL);

  return self->label;
}

const char *
cs_node_item_get_label_en (CsNodeItem *self)
{
  g_return_val_if_fail (CS_IS_NODE_ITEM (self), NULL);

  return self->label_en;
}

const char *
cs_node_item_get_type_name (CsNodeItem *self)
{
  g_return_val_if_fail (CS_IS_NODE_ITEM (self), NULL);

  return self->type_name;
}

guint
cs_node_item_get_degree (CsNodeItem *self)
{
  g_return_val_if_fail (CS_IS_NODE_ITEM (self), 0);

  return self->degree;
}

guint
cs_node_item_get_consortia (CsNodeItem *self)
{
  g_return_val_if_fail (CS_IS_NODE_ITEM (self), 0);

  return self->consortia;
}
