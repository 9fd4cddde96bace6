/* cs-graph.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-graph-private.h"

struct _CsGraph
{
  GObject     parent_instance;

  /* owned */
  GPtrArray  *nodes;      /* CsNode */
  GPtrArray  *edges;      /* CsEdge */
  GPtrArray  *articles;   /* CsArticle */
  GHashTable *id_index;   /* borrowed node id → index + 1 */
  char       *title;
  char       *title_en;
  char       *description;
  char       *date;
  char       *layout_algorithm;

  /* incidence lists in CSR form, built by _cs_graph_seal() */
  guint      *incident_offsets; /* n_nodes + 1 */
  guint      *incident;         /* 2 * n_edges */

  guint32     layout_seed;
  guint       has_layout_seed : 1;
  guint       sealed : 1;
};

G_DEFINE_FINAL_TYPE (CsGraph, cs_graph, G_TYPE_OBJECT)

static const char *node_type_names[CS_N_NODE_TYPES] = {
  "company", "university", "research_institute", "government", "public_agency",
  "consortium", "model", "product", "chip", "person", "programme", "other",
};

static const char *node_type_display[CS_N_NODE_TYPES] = {
  "Company", "University", "Research institute", "Government", "Public agency",
  "Consortium", "Model", "Product", "Chip", "Person", "Programme", "Other",
};

static const char *relation_names[CS_N_RELATIONS] = {
  "member_of", "leads", "develops", "supplies", "partner_of", "funds",
  "advises", "works_at", "affiliate_of", "runs", "applied_to", "uses",
  "version_of", "other",
};

static const char *relation_display[CS_N_RELATIONS] = {
  "Member of", "Leads", "Develops", "Supplies", "Partner of", "Funds",
  "Advises", "Works at", "Affiliate of", "Runs", "Applied to", "Uses",
  "Version of", "Other relation",
};

static const char *stage_names[CS_N_STAGES] = {
  "applied", "passed_document_review", "failed_document_review", "selected",
  "not_selected", "evaluation", "other",
};

static void
replace_str (char       **dest,
             const char  *src)
{
  char *copy = g_strdup (src);

  g_free (*dest);
  *dest = copy;
}

static void
cs_graph_finalize (GObject *object)
{
  CsGraph *self = (CsGraph *)object;

  g_clear_pointer (&self->id_index, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->edges, g_ptr_array_unref);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->layout_algorithm, g_free);
  g_clear_pointer (&self->incident_offsets, g_free);
  g_clear_pointer (&self->incident, g_free);

  G_OBJECT_CLASS (cs_graph_parent_class)->finalize (object);
}

static void
cs_graph_class_init (CsGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_graph_finalize;
}

static void
cs_graph_init (CsGraph *self)
{
  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_node_free);
  self->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_edge_free);
  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_article_free);
  self->id_index = g_hash_table_new (g_str_hash, g_str_equal);
}

CsGraph *
_cs_graph_new (void)
{
  return g_object_new (CS_TYPE_GRAPH, NULL);
}

void
_cs_graph_set_metadata (CsGraph    *self,
                        const char *title,
                        const char *title_en,
                        const char *description,
                        const char *date)
{
  g_assert (CS_IS_GRAPH (self) && !self->sealed);

  replace_str (&self->title, title);
  replace_str (&self->title_en, title_en);
  replace_str (&self->description, description);
  replace_str (&self->date, date);
}

void
_cs_graph_set_layout (CsGraph    *self,
                      const char *algorithm,
                      gboolean    has_seed,
                      guint32     seed)
{
  g_assert (CS_IS_GRAPH (self) && !self->sealed);

  replace_str (&self->layout_algorithm, algorithm);
  self->has_layout_seed = !!has_seed;
  self->layout_seed = seed;
}

void
_cs_graph_take_article (CsGraph   *self,
                        CsArticle *article)
{
  g_assert (CS_IS_GRAPH (self) && !self->sealed);

  g_ptr_array_add (self->articles, article);
}

gboolean
_cs_graph_has_article (CsGraph    *self,
                       const char *file)
{
  g_assert (CS_IS_GRAPH (self));

  for (guint i = 0; i < self->articles->len; i++)
    {
      const CsArticle *article = g_ptr_array_index (self->articles, i);

      if (g_str_equal (article->file, file))
        return TRUE;
    }

  return FALSE;
}

/* Takes @node on success; on a duplicate id the caller keeps it. */
gboolean
_cs_graph_take_node (CsGraph *self,
                     CsNode  *node)
{
  g_assert (CS_IS_GRAPH (self) && !self->sealed);
  g_assert (node != NULL && node->id != NULL);

  if (g_hash_table_contains (self->id_index, node->id))
    return FALSE;

  g_ptr_array_add (self->nodes, node);
  g_hash_table_insert (self->id_index, node->id,
                       GUINT_TO_POINTER (self->nodes->len));
  return TRUE;
}

void
_cs_graph_take_edge (CsGraph *self,
                     CsEdge  *edge)
{
  g_assert (CS_IS_GRAPH (self) && !self->sealed);
  g_assert (edge->source < self->nodes->len);
  g_assert (edge->target < self->nodes->len);

  g_ptr_array_add (self->edges, edge);
}

void
_cs_graph_seal (CsGraph *self)
{
  guint n_nodes;
  guint n_edges;
  g_autofree guint *fill = NULL;

  g_assert (CS_IS_GRAPH (self) && !self->sealed);

  n_nodes = self->nodes->len;
  n_edges = self->edges->len;
  self->incident_offsets = g_new0 (guint, n_nodes + 1);
  self->incident = g_new (guint, MAX (1, 2 * n_edges));

  for (guint i = 0; i < n_edges; i++)
    {
      const CsEdge *edge = g_ptr_array_index (self->edges, i);

      self->incident_offsets[edge->source + 1]++;
      if (edge->target != edge->source)
        self->incident_offsets[edge->target + 1]++;
    }
  for (guint i = 0; i < n_nodes; i++)
    self->incident_offsets[i + 1] += self->incident_offsets[i];

  fill = g_new0 (guint, MAX (1, n_nodes));
  for (guint i = 0; i < n_edges; i++)
    {
      const CsEdge *edge = g_ptr_array_index (self->edges, i);

      self->incident[self->incident_offsets[edge->source] + fill[edge->source]++] = i;
      if (edge->target != edge->source)
        self->incident[self->incident_offsets[edge->target] + fill[edge->target]++] = i;
    }

  self->sealed = TRUE;
}

/**
 * cs_graph_get_n_nodes:
 * @self: a sealed #CsGraph
 *
 * Returns: the number of nodes
 */
guint
cs_graph_get_n_nodes (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), 0);

  return self->nodes->len;
}

guint
cs_graph_get_n_edges (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), 0);

  return self->edges->len;
}

/**
 * cs_graph_get_node:
 * @self: a #CsGraph
 * @index: a node index, less than cs_graph_get_n_nodes()
 *
 * Returns: (transfer none): the node, owned by the graph and valid as long as it
 */
const CsNode *
cs_graph_get_node (CsGraph *self,
                   guint    index)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);

  return g_ptr_array_index (self->nodes, index);
}

const CsEdge *
cs_graph_get_edge (CsGraph *self,
                   guint    index)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);

  return g_ptr_array_index (self->edges, index);
}

/**
 * cs_graph_lookup:
 * @self: a #CsGraph
 * @id: a node id
 * @index: (out) (optional): the node's index
 *
 * Returns: %TRUE when a node has that id
 */
gboolean
cs_graph_lookup (CsGraph    *self,
                 const char *id,
                 guint      *index)
{
  gpointer value;

  g_return_val_if_fail (CS_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  value = g_hash_table_lookup (self->id_index, id);
  if (value == NULL)
    return FALSE;
  if (index != NULL)
    *index = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

/**
 * cs_graph_get_incident_edges:
 * @self: a sealed #CsGraph
 * @node: a node index
 * @n_edges: (out): the number of edges returned
 *
 * Returns: (transfer none) (array length=n_edges): indices of the edges that
 *   touch @node, in file order
 */
const guint *
cs_graph_get_incident_edges (CsGraph *self,
                             guint    node,
                             guint   *n_edges)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);
  g_return_val_if_fail (self->sealed, NULL);
  g_return_val_if_fail (node < self->nodes->len, NULL);
  g_return_val_if_fail (n_edges != NULL, NULL);

  *n_edges = self->incident_offsets[node + 1] - self->incident_offsets[node];
  return self->incident + self->incident_offsets[node];
}

guint
cs_graph_get_degree (CsGraph *self,
                     guint    node)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), 0);
  g_return_val_if_fail (self->sealed, 0);
  g_return_val_if_fail (node < self->nodes->len, 0);

  return self->incident_offsets[node + 1] - self->incident_offsets[node];
}

const char *
cs_graph_get_title (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);

  return self->title;
}

const char *
cs_graph_get_title_en (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);

  return self->title_en;
}

const char *
cs_graph_get_description (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);

  return self->description;
}

const char *
cs_graph_get_date (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);

  return self->date;
}

guint
cs_graph_get_n_articles (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), 0);

  return self->articles->len;
}

const CsArticle *
cs_graph_get_article (CsGraph *self,
                      guint    index)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);
  g_return_val_if_fail (index < self->articles->len, NULL);

  return g_ptr_array_index (self->articles, index);
}

const char *
cs_graph_get_layout_algorithm (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);

  return self->layout_algorithm;
}

/**
 * cs_graph_get_layout_seed:
 * @self: a #CsGraph
 * @seed: (out) (optional): the seed saved in the file
 *
 * Returns: %TRUE when the file gives a seed
 */
gboolean
cs_graph_get_layout_seed (CsGraph *self,
                          guint32 *seed)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), FALSE);

  if (seed != NULL)
    *seed = self->layout_seed;
  return self->has_layout_seed;
}

guint
cs_graph_count_type (CsGraph    *self,
                     CsNodeType  type)
{
  guint count = 0;

  g_return_val_if_fail (CS_IS_GRAPH (self), 0);

  for (guint i = 0; i < self->nodes->len; i++)
    count += ((const CsNode *)g_ptr_array_index (self->nodes, i))->type == type;
  return count;
}

guint
cs_graph_count_relation (CsGraph    *self,
                         CsRelation  relation)
{
  guint count = 0;

  g_return_val_if_fail (CS_IS_GRAPH (self), 0);

  for (guint i = 0; i < self->edges->len; i++)
    count += ((const CsEdge *)g_ptr_array_index (self->edges, i))->relation == relation;
  return count;
}

const char *
cs_node_type_to_string (CsNodeType type)
{
  g_return_val_if_fail (type < CS_N_NODE_TYPES, NULL);

  return node_type_names[type];
}

gboolean
cs_node_type_from_string (const char *str,
                          CsNodeType *type)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < CS_N_NODE_TYPES; i++)
    {
      if (g_str_equal (str, node_type_names[i]))
        {
          if (type != NULL)
            *type = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
cs_node_type_get_display_name (CsNodeType type)
{
  g_return_val_if_fail (type < CS_N_NODE_TYPES, NULL);

  return node_type_display[type];
}

const char *
cs_relation_to_string (CsRelation relation)
{
  g_return_val_if_fail (relation < CS_N_RELATIONS, NULL);

  return relation_names[relation];
}

/* Unknown words map to CS_RELATION_OTHER: the format allows any relation. */
CsRelation
cs_relation_from_string (const char *str)
{
  g_return_val_if_fail (str != NULL, CS_RELATION_OTHER);

  for (guint i = 0; i < CS_RELATION_OTHER; i++)
    {
      if (g_str_equal (str, relation_names[i]))
        return i;
    }
  return CS_RELATION_OTHER;
}

gboolean
cs_relation_is_directed (CsRelation relation)
{
  return relation != CS_RELATION_PARTNER_OF && relation != CS_RELATION_OTHER;
}

const char *
cs_relation_get_display_name (CsRelation relation)
{
  g_return_val_if_fail (relation < CS_N_RELATIONS, NULL);

  return relation_display[relation];
}

const char *
cs_stage_to_string (CsStage stage)
{
  g_return_val_if_fail (stage < CS_N_STAGES, NULL);

  return stage_names[stage];
}

gboolean
cs_stage_from_string (const char *str,
                      CsStage    *stage)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < CS_N_STAGES; i++)
    {
      if (g_str_equal (str, stage_names[i]))
        {
          if (stage != NULL)
            *stage = i;
          return TRUE;
        }
    }
  return FALSE;
}

CsNode *
_cs_node_new (void)
{
  CsNode *node = g_new0 (CsNode, 1);

  node->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_attribute_free);
  node->events = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_event_free);
  node->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_source_free);
  node->type = CS_NODE_TYPE_OTHER;
  return node;
}

void
_cs_node_free (CsNode *node)
{
  if (node == NULL)
    return;

  g_free (node->id);
  g_free (node->label);
  g_free (node->label_en);
  g_strfreev (node->aliases);
  g_free (node->description);
  g_ptr_array_unref (node->attributes);
  g_ptr_array_unref (node->events);
  g_ptr_array_unref (node->sources);
  g_free (node);
}

CsEdge *
_cs_edge_new (void)
{
  CsEdge *edge = g_new0 (CsEdge, 1);

  edge->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_attribute_free);
  edge->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_source_free);
  edge->relation = CS_RELATION_OTHER;
  return edge;
}

void
_cs_edge_free (CsEdge *edge)
{
  if (edge == NULL)
    return;

  g_free (edge->id);
  g_free (edge->relation_name);
  g_free (edge->role);
  g_free (edge->role_en);
  g_free (edge->note);
  g_ptr_array_unref (edge->attributes);
  g_ptr_array_unref (edge->sources);
  g_free (edge);
}

CsSource *
_cs_source_new (const char *file,
                const char *quote)
{
  CsSource *source = g_new0 (CsSource, 1);

  source->file = g_strdup (file);
  source->quote = g_strdup (quote);
  return source;
}

void
_cs_source_free (CsSource *source)
{
  if (source == NULL)
    return;

  g_free (source->file);
  g_free (source->quote);
  g_free (source);
}

CsClaim *
_cs_claim_new (void)
{
  CsClaim *claim = g_new0 (CsClaim, 1);

  claim->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_source_free);
  return claim;
}

void
_cs_claim_free (CsClaim *claim)
{
  if (claim == NULL)
    return;

  g_free (claim->value);
  g_free (claim->note);
  g_ptr_array_unref (claim->sources);
  g_free (claim);
}

CsAttribute *
_cs_attribute_new (const char *key)
{
  CsAttribute *attribute = g_new0 (CsAttribute, 1);

  attribute->key = g_strdup (key);
  attribute->claims = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_claim_free);
  return attribute;
}

void
_cs_attribute_free (CsAttribute *attribute)
{
  if (attribute == NULL)
    return;

  g_free (attribute->key);
  g_ptr_array_unref (attribute->claims);
  g_free (attribute);
}

CsEvent *
_cs_event_new (void)
{
  CsEvent *event = g_new0 (CsEvent, 1);

  event->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)_cs_source_free);
  event->stage = CS_STAGE_OTHER;
  return event;
}

void
_cs_event_free (CsEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->date);
  g_free (event->label);
  g_free (event->label_en);
  g_ptr_array_unref (event->sources);
  g_free (event);
}

CsArticle *
_cs_article_new (const char *file)
{
  CsArticle *article = g_new0 (CsArticle, 1);

  article->file = g_strdup (file);
  return article;
}

void
_cs_article_free (CsArticle *article)
{
  if (article == NULL)
    return;

  g_free (article->file);
  g_free (article->title);
  g_free (article->publisher);
  g_free (article->date);
  g_free (article->language);
  g_free (article);
}
