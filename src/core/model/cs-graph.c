/* cs-graph.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-graph-builder.h"

#include <glib/gi18n-lib.h>

/* A vocabulary: the known names first, at their enum's ids, then the
 * graph's own names in the order they appear. */
typedef struct
{
  GPtrArray  *names;    /* borrowed static names, then owned ones */
  GHashTable *index;    /* name → id + 1 */
  guint       n_known;
} Vocabulary;

struct _CsGraph
{
  GObject     parent_instance;

  /* owned */
  GPtrArray  *nodes;      /* CsNode */
  GPtrArray  *edges;      /* CsEdge */
  GPtrArray  *articles;   /* CsArticle */
  GHashTable *id_index;   /* borrowed node id → index + 1 */
  Vocabulary  types;
  Vocabulary  relations;
  char       *title;
  char       *title_en;
  char       *description;
  char       *date;
  char       *layout_algorithm;
  CsSavedView *saved_view;  /* nullable */
  char       *source_format; /* the importer's name; nullable */
  guint       n_file_graphs;  /* the graphs its file holds: 0 when it says none apart */
  guint       file_graph;     /* which of them this is, from 0 */
  GBytes     *source_text;   /* the file as read, for a writer that keeps it; nullable */

  /* built by cs_graph_builder_end() */
  guint      *incident_offsets; /* n_nodes + 1, incidence lists in CSR form */
  guint      *incident;         /* 2 * n_edges */
  guint      *type_counts;      /* per type id */
  guint      *relation_counts;  /* per relation id */

  guint32     layout_seed;
  guint       has_layout_seed : 1;
  guint       sealed : 1;
};

struct _CsGraphBuilder
{
  CsGraph    *graph;
  GHashTable *articles; /* borrowed file names of the articles taken */
};

G_DEFINE_FINAL_TYPE (CsGraph, cs_graph, G_TYPE_OBJECT)

static const char *node_type_names[CS_N_NODE_TYPES] = {
  "company", "university", "research_institute", "government", "public_agency",
  "consortium", "model", "product", "chip", "person", "programme", "other",
};

/* shown through g_dpgettext2() with the context "node type" */
static const char *node_type_display[CS_N_NODE_TYPES] = {
  NC_("node type", "Company"), NC_("node type", "University"),
  NC_("node type", "Research institute"), NC_("node type", "Government"),
  NC_("node type", "Public agency"), NC_("node type", "Consortium"),
  NC_("node type", "Model"), NC_("node type", "Product"),
  /* TRANSLATORS: a semiconductor chip (an AI accelerator), as a kind of node */
  NC_("node type", "Chip"), NC_("node type", "Person"),
  /* TRANSLATORS: a government programme, such as the sovereign AI contest */
  NC_("node type", "Programme"), NC_("node type", "Other"),
};

static const char *relation_names[CS_N_RELATIONS] = {
  "member_of", "leads", "develops", "supplies", "partner_of", "funds",
  "advises", "works_at", "affiliate_of", "runs", "applied_to", "uses",
  "version_of", "other",
};

/* shown through g_dpgettext2() with the context "relation": a legend
 * entry, a filter, and the start of an inspector row ("Member of: team") */
static const char *relation_display[CS_N_RELATIONS] = {
  /* TRANSLATORS: the kinds of link between two nodes, as the legend, the
   * filters and the inspector name them; "A member of B", "A leads B"… */
  NC_("relation", "Member of"), NC_("relation", "Leads"), NC_("relation", "Develops"),
  NC_("relation", "Supplies"), NC_("relation", "Partner of"), NC_("relation", "Funds"),
  NC_("relation", "Advises"), NC_("relation", "Works at"), NC_("relation", "Affiliate of"),
  NC_("relation", "Runs"), NC_("relation", "Applied to"), NC_("relation", "Uses"),
  NC_("relation", "Version of"), NC_("relation", "Other relation"),
};

/* the stage words the format names, and how the app says them */
static const char *stage_names[][2] = {
  /* TRANSLATORS: what happened to a team at a stage of the contest, shown
   * in the stage history ("applied → passed the document review
   * 2025-07-25") and, with a capital, as the heading of a stage */
  { "applied", NC_("stage", "applied") },
  { "passed_document_review", NC_("stage", "passed the document review") },
  { "failed_document_review", NC_("stage", "failed the document review") },
  { "selected", NC_("stage", "selected") },
  { "not_selected", NC_("stage", "not selected") },
  { "evaluation", NC_("stage", "evaluation") },
  /* the programme's planned six-monthly evaluations and its last choice */
  { "stage_evaluation_1", NC_("stage", "stage evaluation 1") },
  { "stage_evaluation_2", NC_("stage", "stage evaluation 2") },
  { "stage_evaluation_3", NC_("stage", "stage evaluation 3") },
  { "final_selection", NC_("stage", "final selection") },
  { "other", NC_("stage", "event") },
};

static void
vocabulary_init (Vocabulary         *vocabulary,
                 const char *const  *known,
                 guint               n_known)
{
  vocabulary->names = g_ptr_array_new ();
  vocabulary->index = g_hash_table_new (g_str_hash, g_str_equal);
  vocabulary->n_known = n_known;
  for (guint i = 0; i < n_known; i++)
    {
      g_ptr_array_add (vocabulary->names, (gpointer)known[i]);
      g_hash_table_insert (vocabulary->index, (gpointer)known[i], GUINT_TO_POINTER (i + 1));
    }
}

static void
vocabulary_clear (Vocabulary *vocabulary)
{
  for (guint i = vocabulary->n_known; vocabulary->names != NULL && i < vocabulary->names->len; i++)
    g_free (g_ptr_array_index (vocabulary->names, i));
  g_clear_pointer (&vocabulary->names, g_ptr_array_unref);
  g_clear_pointer (&vocabulary->index, g_hash_table_unref);
}

static guint
vocabulary_intern (Vocabulary *vocabulary,
                   const char *name)
{
  gpointer value = g_hash_table_lookup (vocabulary->index, name);
  char *copy;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;
  copy = g_strdup (name);
  g_ptr_array_add (vocabulary->names, copy);
  g_hash_table_insert (vocabulary->index, copy, GUINT_TO_POINTER (vocabulary->names->len));
  return vocabulary->names->len - 1;
}

static gboolean
vocabulary_lookup (const Vocabulary *vocabulary,
                   const char       *name,
                   guint            *id)
{
  gpointer value = g_hash_table_lookup (vocabulary->index, name);

  if (value == NULL)
    return FALSE;
  if (id != NULL)
    *id = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

static void
replace_str (char       **dest,
             const char  *src)
{
  char *copy = g_strdup (src);

  g_free (*dest);
  *dest = copy;
}

/* Most nodes have no attributes, events or sources: they share this one
 * empty list until something is added. */
static GPtrArray *
empty_array (void)
{
  static gsize empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, (gsize)g_ptr_array_new ());
  return g_ptr_array_ref ((GPtrArray *)empty);
}

static void
array_take (GPtrArray      **array,
            gpointer         item,
            GDestroyNotify   free_func)
{
  GPtrArray *empty = empty_array ();

  if (*array == empty)
    {
      g_ptr_array_unref (*array);
      *array = g_ptr_array_new_with_free_func (free_func);
    }
  g_ptr_array_unref (empty);
  g_ptr_array_add (*array, item);
}

static const char *const empty_strv[] = { NULL };

static void
cs_graph_finalize (GObject *object)
{
  CsGraph *self = (CsGraph *)object;

  g_clear_pointer (&self->id_index, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->edges, g_ptr_array_unref);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  vocabulary_clear (&self->types);
  vocabulary_clear (&self->relations);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->layout_algorithm, g_free);
  g_clear_pointer (&self->saved_view, cs_saved_view_free);
  g_clear_pointer (&self->source_format, g_free);
  g_clear_pointer (&self->source_text, g_bytes_unref);
  g_clear_pointer (&self->incident_offsets, g_free);
  g_clear_pointer (&self->incident, g_free);
  g_clear_pointer (&self->type_counts, g_free);
  g_clear_pointer (&self->relation_counts, g_free);

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
  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_node_free);
  self->edges = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_edge_free);
  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_article_free);
  self->id_index = g_hash_table_new (g_str_hash, g_str_equal);
  vocabulary_init (&self->types, node_type_names, CS_N_NODE_TYPES);
  vocabulary_init (&self->relations, relation_names, CS_N_RELATIONS);
}

/* Building */

/**
 * cs_graph_builder_new:
 *
 * Returns: (transfer full): a builder holding an empty graph
 */
CsGraphBuilder *
cs_graph_builder_new (void)
{
  CsGraphBuilder *self = g_new0 (CsGraphBuilder, 1);

  self->graph = g_object_new (CS_TYPE_GRAPH, NULL);
  self->articles = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
cs_graph_builder_free (CsGraphBuilder *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->articles, g_hash_table_unref);
  g_clear_object (&self->graph);
  g_free (self);
}

void
cs_graph_builder_set_metadata (CsGraphBuilder *self,
                               const char     *title,
                               const char     *title_en,
                               const char     *description,
                               const char     *date)
{
  g_return_if_fail (self != NULL);

  replace_str (&self->graph->title, title);
  replace_str (&self->graph->title_en, title_en);
  replace_str (&self->graph->description, description);
  replace_str (&self->graph->date, date);
}

void
cs_graph_builder_set_layout (CsGraphBuilder *self,
                             const char     *algorithm,
                             gboolean        has_seed,
                             guint32         seed)
{
  g_return_if_fail (self != NULL);

  replace_str (&self->graph->layout_algorithm, algorithm);
  self->graph->has_layout_seed = !!has_seed;
  self->graph->layout_seed = seed;
}

/**
 * cs_graph_builder_take_saved_view:
 * @self: a #CsGraphBuilder
 * @view: (transfer full) (nullable): how the file says the graph was shown
 */
void
cs_graph_builder_take_saved_view (CsGraphBuilder *self,
                                  CsSavedView    *view)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->graph->saved_view, cs_saved_view_free);
  self->graph->saved_view = view;
}

/**
 * cs_graph_builder_set_source:
 * @self: a #CsGraphBuilder
 * @format: the importer's name, such as "consortia"
 * @text: (nullable): the file's text, kept for a writer that writes back
 *   what it does not change (cs_consortia_writer_to_bytes())
 */
void
cs_graph_builder_set_source (CsGraphBuilder *self,
                             const char     *format,
                             GBytes         *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  replace_str (&self->graph->source_format, format);
  g_clear_pointer (&self->graph->source_text, g_bytes_unref);
  self->graph->source_text = text != NULL ? g_bytes_ref (text) : NULL;
}

/**
 * cs_graph_builder_set_file_graphs:
 * @self: a #CsGraphBuilder
 * @n_graphs: how many graphs the file holds
 * @index: which of them the graph is, from 0
 */
void
cs_graph_builder_set_file_graphs (CsGraphBuilder *self,
                                  guint           n_graphs,
                                  guint           index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < n_graphs);

  self->graph->n_file_graphs = n_graphs;
  self->graph->file_graph = index;
}

void
cs_graph_builder_take_article (CsGraphBuilder *self,
                               CsArticle      *article)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (article != NULL && article->file != NULL);

  g_ptr_array_add (self->graph->articles, article);
  g_hash_table_add (self->articles, article->file);
}

gboolean
cs_graph_builder_has_article (CsGraphBuilder *self,
                              const char     *file)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  return g_hash_table_contains (self->articles, file);
}

/**
 * cs_graph_builder_intern_type:
 * @self: a builder
 * @name: a type's name, as the data writes it
 *
 * Returns: the type's id: a known type's own, or a new id for a name the
 *   format does not know, the same for every use of that name
 */
CsNodeType
cs_graph_builder_intern_type (CsGraphBuilder *self,
                              const char     *name)
{
  g_return_val_if_fail (self != NULL, CS_NODE_TYPE_OTHER);
  g_return_val_if_fail (name != NULL, CS_NODE_TYPE_OTHER);

  return vocabulary_intern (&self->graph->types, name);
}

CsRelation
cs_graph_builder_intern_relation (CsGraphBuilder *self,
                                  const char     *name)
{
  g_return_val_if_fail (self != NULL, CS_RELATION_OTHER);
  g_return_val_if_fail (name != NULL, CS_RELATION_OTHER);

  return vocabulary_intern (&self->graph->relations, name);
}

/**
 * cs_graph_builder_take_node:
 * @self: a builder
 * @node: (transfer full): a node with an id and a type from this builder
 *
 * Returns: %TRUE when @node was taken; on a duplicate id the caller keeps it
 */
gboolean
cs_graph_builder_take_node (CsGraphBuilder *self,
                            CsNode         *node)
{
  CsGraph *graph;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node != NULL && node->id != NULL, FALSE);
  g_return_val_if_fail (node->type < self->graph->types.names->len, FALSE);

  graph = self->graph;
  if (g_hash_table_contains (graph->id_index, node->id))
    return FALSE;

  g_ptr_array_add (graph->nodes, node);
  g_hash_table_insert (graph->id_index, node->id, GUINT_TO_POINTER (graph->nodes->len));
  return TRUE;
}

gboolean
cs_graph_builder_lookup (CsGraphBuilder *self,
                         const char     *id,
                         guint          *index)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return cs_graph_lookup (self->graph, id, index);
}

guint
cs_graph_builder_get_n_nodes (CsGraphBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->graph->nodes->len;
}

const CsNode *
cs_graph_builder_get_node (CsGraphBuilder *self,
                           guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cs_graph_get_node (self->graph, index);
}

/**
 * cs_graph_builder_take_edge:
 * @self: a builder
 * @edge: (transfer full): an edge between nodes already taken, with a
 *   relation from this builder
 */
void
cs_graph_builder_take_edge (CsGraphBuilder *self,
                            CsEdge         *edge)
{
  CsGraph *graph;

  g_return_if_fail (self != NULL);
  g_return_if_fail (edge != NULL);

  graph = self->graph;
  g_return_if_fail (edge->source < graph->nodes->len);
  g_return_if_fail (edge->target < graph->nodes->len);
  g_return_if_fail (edge->relation < graph->relations.names->len);

  edge->relation_name = g_ptr_array_index (graph->relations.names, edge->relation);
  g_ptr_array_add (graph->edges, edge);
}

guint
cs_graph_builder_get_n_edges (CsGraphBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->graph->edges->len;
}

/**
 * cs_graph_builder_end:
 * @self: (transfer full): a builder, freed
 *
 * Seals the graph: its incidence lists are built and nothing changes it
 * any more.
 *
 * Returns: (transfer full): the graph
 */
CsGraph *
cs_graph_builder_end (CsGraphBuilder *self)
{
  CsGraph *graph;
  guint n_nodes;
  guint n_edges;
  g_autofree guint *fill = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  graph = g_steal_pointer (&self->graph);
  cs_graph_builder_free (self);

  n_nodes = graph->nodes->len;
  n_edges = graph->edges->len;
  graph->incident_offsets = g_new0 (guint, n_nodes + 1);
  graph->incident = g_new (guint, MAX (1, 2 * n_edges));

  for (guint i = 0; i < n_edges; i++)
    {
      const CsEdge *edge = g_ptr_array_index (graph->edges, i);

      graph->incident_offsets[edge->source + 1]++;
      if (edge->target != edge->source)
        graph->incident_offsets[edge->target + 1]++;
    }
  for (guint i = 0; i < n_nodes; i++)
    graph->incident_offsets[i + 1] += graph->incident_offsets[i];

  fill = g_new0 (guint, MAX (1, n_nodes));
  for (guint i = 0; i < n_edges; i++)
    {
      const CsEdge *edge = g_ptr_array_index (graph->edges, i);

      graph->incident[graph->incident_offsets[edge->source] + fill[edge->source]++] = i;
      if (edge->target != edge->source)
        graph->incident[graph->incident_offsets[edge->target] + fill[edge->target]++] = i;
    }

  graph->type_counts = g_new0 (guint, graph->types.names->len);
  for (guint i = 0; i < n_nodes; i++)
    graph->type_counts[((const CsNode *)g_ptr_array_index (graph->nodes, i))->type]++;
  graph->relation_counts = g_new0 (guint, graph->relations.names->len);
  for (guint i = 0; i < n_edges; i++)
    graph->relation_counts[((const CsEdge *)g_ptr_array_index (graph->edges, i))->relation]++;

  graph->sealed = TRUE;
  return graph;
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
 * cs_graph_get_saved_view:
 * @self: a #CsGraph
 *
 * Returns: (transfer none) (nullable): how the file says the graph was
 *   shown when it was saved
 */
const CsSavedView *
cs_graph_get_saved_view (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);

  return self->saved_view;
}

/**
 * cs_graph_get_n_file_graphs:
 * @self: a #CsGraph
 * @index: (out) (optional): which of them the graph is, from 0
 *
 * Returns: how many graphs the file it was read from holds (JGF, GraphML,
 *   GML and DOT can hold several; CsImportOptions.graph picks one), 1 for
 *   a file of one graph
 */
guint
cs_graph_get_n_file_graphs (CsGraph *self,
                            guint   *index)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), 1);

  if (index != NULL)
    *index = self->file_graph;
  return MAX (self->n_file_graphs, 1);
}

/**
 * cs_graph_get_source_format:
 * @self: a #CsGraph
 *
 * Returns: (nullable): the name of the importer that read the graph
 *   ("consortia" for our own format), %NULL for a graph built otherwise
 */
const char *
cs_graph_get_source_format (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);

  return self->source_format;
}

/**
 * cs_graph_get_source_text:
 * @self: a #CsGraph
 *
 * Returns: (transfer none) (nullable): the text the graph was read from,
 *   when its importer keeps it (our own format does)
 */
GBytes *
cs_graph_get_source_text (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);

  return self->source_text;
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

/**
 * cs_graph_count_type:
 * @self: a sealed #CsGraph
 * @type: a type id
 *
 * Returns: how many nodes have that type
 */
guint
cs_graph_count_type (CsGraph    *self,
                     CsNodeType  type)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), 0);
  g_return_val_if_fail (self->sealed, 0);

  return type < self->types.names->len ? self->type_counts[type] : 0;
}

guint
cs_graph_count_relation (CsGraph    *self,
                         CsRelation  relation)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), 0);
  g_return_val_if_fail (self->sealed, 0);

  return relation < self->relations.names->len ? self->relation_counts[relation] : 0;
}

/* Vocabularies */

/**
 * cs_graph_get_n_types:
 * @self: a #CsGraph
 *
 * Returns: how many type ids the graph knows: the format's own types and
 *   the names its data adds
 */
guint
cs_graph_get_n_types (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), 0);

  return self->types.names->len;
}

/**
 * cs_graph_get_type_name:
 * @self: a #CsGraph
 * @type: a type id, less than cs_graph_get_n_types()
 *
 * Returns: the type's name as the data writes it (`company`, `startup_hub`)
 */
const char *
cs_graph_get_type_name (CsGraph    *self,
                        CsNodeType  type)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);
  g_return_val_if_fail (type < self->types.names->len, NULL);

  return g_ptr_array_index (self->types.names, type);
}

/**
 * cs_graph_get_type_display_name:
 * @self: a #CsGraph
 * @type: a type id
 *
 * Returns: the name to show: "Research institute" for a known type, the
 *   data's own name for any other
 */
const char *
cs_graph_get_type_display_name (CsGraph    *self,
                                CsNodeType  type)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);
  g_return_val_if_fail (type < self->types.names->len, NULL);

  if (type < CS_N_NODE_TYPES)
    return cs_node_type_get_display_name (type);
  return g_ptr_array_index (self->types.names, type);
}

gboolean
cs_graph_lookup_type (CsGraph    *self,
                      const char *name,
                      CsNodeType *type)
{
  guint id;

  g_return_val_if_fail (CS_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!vocabulary_lookup (&self->types, name, &id))
    return FALSE;
  if (type != NULL)
    *type = id;
  return TRUE;
}

guint
cs_graph_get_n_relations (CsGraph *self)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), 0);

  return self->relations.names->len;
}

const char *
cs_graph_get_relation_name (CsGraph    *self,
                            CsRelation  relation)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);
  g_return_val_if_fail (relation < self->relations.names->len, NULL);

  return g_ptr_array_index (self->relations.names, relation);
}

const char *
cs_graph_get_relation_display_name (CsGraph    *self,
                                    CsRelation  relation)
{
  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);
  g_return_val_if_fail (relation < self->relations.names->len, NULL);

  if (relation < CS_N_RELATIONS)
    return cs_relation_get_display_name (relation);
  return g_ptr_array_index (self->relations.names, relation);
}

gboolean
cs_graph_lookup_relation (CsGraph    *self,
                          const char *name,
                          CsRelation *relation)
{
  guint id;

  g_return_val_if_fail (CS_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!vocabulary_lookup (&self->relations, name, &id))
    return FALSE;
  if (relation != NULL)
    *relation = id;
  return TRUE;
}

/* The format's known names */

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

  return g_dpgettext2 (GETTEXT_PACKAGE, "node type", node_type_display[type]);
}

const char *
cs_relation_to_string (CsRelation relation)
{
  g_return_val_if_fail (relation < CS_N_RELATIONS, NULL);

  return relation_names[relation];
}

/**
 * cs_relation_from_string:
 * @str: a relation's name
 * @relation: (out) (optional): the known relation
 *
 * Returns: %TRUE when @str names a relation the format knows
 */
gboolean
cs_relation_from_string (const char *str,
                         CsRelation *relation)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < CS_N_RELATIONS; i++)
    {
      if (g_str_equal (str, relation_names[i]))
        {
          if (relation != NULL)
            *relation = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* A relation the format does not know has no direction we could draw. */
gboolean
cs_relation_is_directed (CsRelation relation)
{
  return relation < CS_N_RELATIONS && relation != CS_RELATION_PARTNER_OF &&
         relation != CS_RELATION_OTHER;
}

const char *
cs_relation_get_display_name (CsRelation relation)
{
  g_return_val_if_fail (relation < CS_N_RELATIONS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "relation", relation_display[relation]);
}

/**
 * cs_stage_is_known:
 * @stage: a stage word
 *
 * Returns: whether @stage is one of the words the format names
 */
gboolean
cs_stage_is_known (const char *stage)
{
  g_return_val_if_fail (stage != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (stage_names); i++)
    if (g_str_equal (stage, stage_names[i][0]))
      return TRUE;
  return FALSE;
}

/**
 * cs_stage_get_display_name:
 * @stage: a stage word
 *
 * Returns: (transfer full): how the app says a known word ("passed the
 *   document review"); a word of the data's own with spaces for its
 *   underscores ("stage evaluation 1")
 */
char *
cs_stage_get_display_name (const char *stage)
{
  g_return_val_if_fail (stage != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (stage_names); i++)
    if (g_str_equal (stage, stage_names[i][0]))
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "stage", stage_names[i][1]));
  return g_strdelimit (g_strdup (stage), "_", ' ');
}

/**
 * cs_graph_describe_article:
 * @self: a #CsGraph
 * @file: a source's file, as cited
 * @title_chars: the most characters of the title to keep (an ellipsis
 *   ends a longer one), -1 for all of it, or 0 for the short form: the
 *   publisher and date, or the title's start when there is no publisher
 *
 * Returns: (transfer full): the article as a reader looks for it: "title
 *   (publisher, date)", as much of it as graph.sources gives, or @file
 *   when the graph lists no such article or nothing about it
 */
char *
cs_graph_describe_article (CsGraph    *self,
                           const char *file,
                           int         title_chars)
{
  const CsArticle *article = NULL;
  GString *str;

  g_return_val_if_fail (CS_IS_GRAPH (self), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  for (guint i = 0; i < cs_graph_get_n_articles (self) && article == NULL; i++)
    if (g_str_equal (cs_graph_get_article (self, i)->file, file))
      article = cs_graph_get_article (self, i);
  if (article == NULL || (article->title == NULL && article->publisher == NULL))
    return g_strdup (file);
  str = g_string_new (NULL);
  if (title_chars == 0 && article->publisher != NULL)
    {
      /* the short form: who published it, and when */
      g_string_append (str, article->publisher);
      if (article->date != NULL)
        g_string_append_printf (str, ", %s", article->date);
      return g_string_free (str, FALSE);
    }
  if (title_chars == 0)
    title_chars = 24;
  if (article->title != NULL && title_chars >= 0 &&
      g_utf8_strlen (article->title, -1) > title_chars)
    {
      g_autofree char *start = g_utf8_substring (article->title, 0, MAX (title_chars - 1, 1));

      g_string_append_printf (str, "%s…", g_strchomp (start));
    }
  else if (article->title != NULL)
    g_string_append (str, article->title);
  if (article->publisher != NULL || article->date != NULL)
    g_string_append_printf (str, "%s%s%s%s%s", str->len > 0 ? " (" : "",
                            article->publisher != NULL ? article->publisher : "",
                            article->publisher != NULL && article->date != NULL ? ", " : "",
                            article->date != NULL ? article->date : "", str->len > 0 ? ")" : "");
  return g_string_free (str, FALSE);
}

/**
 * cs_stage_get_title:
 * @stage: a stage word
 *
 * Returns: (transfer full): its display name as a heading starts:
 *   "Passed the document review"
 */
char *
cs_stage_get_title (const char *stage)
{
  char *title = cs_stage_get_display_name (stage);

  title[0] = g_ascii_toupper (title[0]);
  return title;
}

/* Parts */

CsNode *
cs_node_new (void)
{
  CsNode *node = g_new0 (CsNode, 1);

  node->aliases = (char **)empty_strv;
  node->attributes = empty_array ();
  node->events = empty_array ();
  node->sources = empty_array ();
  node->type = CS_NODE_TYPE_OTHER;
  return node;
}

void
cs_node_free (CsNode *node)
{
  if (node == NULL)
    return;

  g_free (node->id);
  g_free (node->label);
  g_free (node->label_en);
  if (node->aliases != (char **)empty_strv)
    g_strfreev (node->aliases);
  g_free (node->description);
  g_ptr_array_unref (node->attributes);
  g_ptr_array_unref (node->events);
  g_ptr_array_unref (node->sources);
  g_free (node);
}

void
cs_node_take_attribute (CsNode      *node,
                        CsAttribute *attribute)
{
  g_return_if_fail (node != NULL);

  array_take (&node->attributes, attribute, (GDestroyNotify)cs_attribute_free);
}

void
cs_node_take_event (CsNode  *node,
                    CsEvent *event)
{
  g_return_if_fail (node != NULL);

  array_take (&node->events, event, (GDestroyNotify)cs_event_free);
}

void
cs_node_take_source (CsNode   *node,
                     CsSource *source)
{
  g_return_if_fail (node != NULL);

  array_take (&node->sources, source, (GDestroyNotify)cs_source_free);
}

CsEdge *
cs_edge_new (void)
{
  CsEdge *edge = g_new0 (CsEdge, 1);

  edge->attributes = empty_array ();
  edge->sources = empty_array ();
  edge->relation = CS_RELATION_OTHER;
  return edge;
}

void
cs_edge_free (CsEdge *edge)
{
  if (edge == NULL)
    return;

  g_free (edge->id);
  g_free (edge->role);
  g_free (edge->role_en);
  g_free (edge->note);
  g_ptr_array_unref (edge->attributes);
  g_ptr_array_unref (edge->sources);
  g_free (edge);
}

void
cs_edge_take_attribute (CsEdge      *edge,
                        CsAttribute *attribute)
{
  g_return_if_fail (edge != NULL);

  array_take (&edge->attributes, attribute, (GDestroyNotify)cs_attribute_free);
}

void
cs_edge_take_source (CsEdge   *edge,
                     CsSource *source)
{
  g_return_if_fail (edge != NULL);

  array_take (&edge->sources, source, (GDestroyNotify)cs_source_free);
}

CsSource *
cs_source_new (const char *file,
               const char *quote)
{
  CsSource *source = g_new0 (CsSource, 1);

  source->file = g_strdup (file);
  source->quote = g_strdup (quote);
  return source;
}

void
cs_source_free (CsSource *source)
{
  if (source == NULL)
    return;

  g_free (source->file);
  g_free (source->quote);
  g_free (source);
}

CsClaim *
cs_claim_new (void)
{
  CsClaim *claim = g_new0 (CsClaim, 1);

  claim->sources = empty_array ();
  return claim;
}

void
cs_claim_free (CsClaim *claim)
{
  if (claim == NULL)
    return;

  g_free (claim->value);
  g_free (claim->note);
  g_ptr_array_unref (claim->sources);
  g_free (claim);
}

void
cs_claim_take_source (CsClaim  *claim,
                      CsSource *source)
{
  g_return_if_fail (claim != NULL);

  array_take (&claim->sources, source, (GDestroyNotify)cs_source_free);
}

CsAttribute *
cs_attribute_new (const char *key)
{
  CsAttribute *attribute = g_new0 (CsAttribute, 1);

  attribute->key = g_strdup (key);
  attribute->claims = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_claim_free);
  return attribute;
}

void
cs_attribute_free (CsAttribute *attribute)
{
  if (attribute == NULL)
    return;

  g_free (attribute->key);
  g_ptr_array_unref (attribute->claims);
  g_free (attribute);
}

void
cs_attribute_take_claim (CsAttribute *attribute,
                         CsClaim     *claim)
{
  g_return_if_fail (attribute != NULL);

  g_ptr_array_add (attribute->claims, claim);
}

CsEvent *
cs_event_new (void)
{
  CsEvent *event = g_new0 (CsEvent, 1);

  event->sources = empty_array ();
  event->stage = g_strdup ("other");
  event->count = -1;
  return event;
}

void
cs_event_free (CsEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->date);
  g_free (event->until);
  g_free (event->stage);
  g_free (event->label);
  g_free (event->label_en);
  g_ptr_array_unref (event->sources);
  g_free (event);
}

void
cs_event_take_source (CsEvent  *event,
                      CsSource *source)
{
  g_return_if_fail (event != NULL);

  array_take (&event->sources, source, (GDestroyNotify)cs_source_free);
}

CsArticle *
cs_article_new (const char *file)
{
  CsArticle *article = g_new0 (CsArticle, 1);

  article->file = g_strdup (file);
  return article;
}

void
cs_article_free (CsArticle *article)
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
