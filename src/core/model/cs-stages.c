/* cs-stages.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stages of a contest, read from dated events (data/README.md,
 * "Stages"). Every event's stage word is a stage except "other" (a
 * happening: a mark) and the words starting failed_ or not_ (a cut, which
 * the stages tell anyway). An event with a count or planned speaks of the
 * stage as a whole; any other puts its node in the running at that stage.
 *
 * Stages are ordered by their earliest date; an undated event sorts right
 * after the dated event before it in its node's list (so "applied", first
 * and undated, comes first, and a planned stage listed after "selected"
 * comes after it), ties in the order the file first names them.
 */

#include "config.h"

#include "cs-stages.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  CsStageInfo  info;
  /* the sort key: the last date at or before the event, and how many
   * undated events follow that date */
  const char  *key_date;
  guint        key_step;
  guint        first_seen;
  GArray      *named;   /* guint */
  GArray      *running; /* guint */
  GArray      *cut;     /* guint */
  gboolean     has_actual;
  GPtrArray   *counts;  /* the events with a count, for problems */
} Stage;

struct _CsStages
{
  GPtrArray *stages; /* Stage, in order */
  GArray    *marks;  /* CsStageMark, by date */
  guint      n_nodes;
};

static GMutex stages_lock;

/**
 * cs_stage_word_is_stage:
 * @word: an event's stage word
 *
 * Returns: whether events with @word make a stage: all words but "other"
 *   and those that start failed_ or not_
 */
gboolean
cs_stage_word_is_stage (const char *word)
{
  g_return_val_if_fail (word != NULL, FALSE);

  return !g_str_equal (word, "other") && !g_str_has_prefix (word, "failed_") &&
         !g_str_has_prefix (word, "not_");
}

static void
stage_free (Stage *stage)
{
  g_array_unref (stage->named);
  g_array_unref (stage->running);
  g_array_unref (stage->cut);
  g_ptr_array_unref (stage->counts);
  g_free (stage);
}

static void
stages_free (CsStages *self)
{
  g_ptr_array_unref (self->stages);
  g_array_unref (self->marks);
  g_free (self);
}

static int
compare_key (const char *date_a,
             guint       step_a,
             const char *date_b,
             guint       step_b)
{
  /* YYYY < YYYY-MM < YYYY-MM-DD of the same time, as strings */
  int by_date = strcmp (date_a, date_b);

  if (by_date != 0)
    return by_date;
  return (step_a > step_b) - (step_a < step_b);
}

static int
compare_stages (gconstpointer a,
                gconstpointer b)
{
  const Stage *x = *(Stage *const *)a;
  const Stage *y = *(Stage *const *)b;
  int by_key = compare_key (x->key_date, x->key_step, y->key_date, y->key_step);

  if (by_key != 0)
    return by_key;
  return (x->first_seen > y->first_seen) - (x->first_seen < y->first_seen);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return (x > y) - (x < y);
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const CsStageMark *x = a, *y = b;
  int by_date = strcmp (x->event->date, y->event->date);

  if (by_date != 0)
    return by_date;
  return (x->node > y->node) - (x->node < y->node);
}

/* sorted, without repeats */
static void
sort_unique (GArray *nodes)
{
  guint kept = 0;

  g_array_sort (nodes, compare_uint);
  for (guint i = 0; i < nodes->len; i++)
    if (kept == 0 || g_array_index (nodes, guint, i) != g_array_index (nodes, guint, kept - 1))
      g_array_index (nodes, guint, kept++) = g_array_index (nodes, guint, i);
  g_array_set_size (nodes, kept);
}

static gboolean
contains (const guint *sorted,
          guint        n,
          guint        node)
{
  /* an empty array's data may be NULL, which bsearch may not be given */
  if (n == 0)
    return FALSE;
  return bsearch (&node, sorted, n, sizeof (guint), compare_uint) != NULL;
}

static Stage *
stage_for (GHashTable *by_name,
           GPtrArray  *stages,
           const char *word)
{
  Stage *stage = g_hash_table_lookup (by_name, word);

  if (stage == NULL)
    {
      stage = g_new0 (Stage, 1);
      stage->info.name = word;
      stage->info.stated = -1;
      stage->info.planned = TRUE;
      stage->first_seen = stages->len;
      stage->named = g_array_new (FALSE, FALSE, sizeof (guint));
      stage->running = g_array_new (FALSE, FALSE, sizeof (guint));
      stage->cut = g_array_new (FALSE, FALSE, sizeof (guint));
      stage->counts = g_ptr_array_new ();
      g_hash_table_insert (by_name, (gpointer)word, stage);
      g_ptr_array_add (stages, stage);
    }
  return stage;
}

static void
add_event (Stage         *stage,
           guint          node,
           const CsEvent *event,
           const char    *key_date,
           guint          key_step)
{
  if (stage->key_date == NULL ||
      compare_key (key_date, key_step, stage->key_date, stage->key_step) < 0)
    {
      stage->key_date = key_date;
      stage->key_step = key_step;
    }
  if (event->date != NULL &&
      (stage->info.date == NULL || strcmp (event->date, stage->info.date) < 0))
    stage->info.date = event->date;
  if (event->until != NULL &&
      (stage->info.until == NULL || strcmp (event->until, stage->info.until) > 0))
    stage->info.until = event->until;
  if (!event->planned)
    stage->has_actual = TRUE;
  if (event->count >= 0 || event->planned)
    {
      /* the stage as a whole: its wording and count come first from here */
      if (event->count >= 0)
        {
          if (stage->info.stated < 0)
            stage->info.stated = event->count;
          g_ptr_array_add (stage->counts, (gpointer)event);
        }
      if (event->label != NULL && (stage->info.label == NULL || stage->counts->len <= 1))
        stage->info.label = event->label;
      if (event->label_en != NULL && (stage->info.label_en == NULL || stage->counts->len <= 1))
        stage->info.label_en = event->label_en;
    }
  else
    {
      g_array_append_val (stage->named, node);
      if (stage->info.label == NULL)
        stage->info.label = event->label;
      if (stage->info.label_en == NULL)
        stage->info.label_en = event->label_en;
    }
}

static CsStages *
stages_new (CsGraph *graph)
{
  CsStages *self = g_new0 (CsStages, 1);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *previous = NULL;

  self->n_nodes = cs_graph_get_n_nodes (graph);
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify)stage_free);
  self->marks = g_array_new (FALSE, FALSE, sizeof (CsStageMark));

  for (guint n = 0; n < self->n_nodes; n++)
    {
      const CsNode *node = cs_graph_get_node (graph, n);
      const char *last_date = "";
      guint step = 0;

      for (guint e = 0; node->events != NULL && e < node->events->len; e++)
        {
          const CsEvent *event = g_ptr_array_index (node->events, e);

          if (event->date != NULL)
            {
              last_date = event->date;
              step = 0;
            }
          else
            step++;
          if (cs_stage_word_is_stage (event->stage))
            add_event (stage_for (by_name, self->stages, event->stage), n, event, last_date, step);
          else if (g_str_equal (event->stage, "other") && event->date != NULL)
            {
              CsStageMark mark = { n, event };

              g_array_append_val (self->marks, mark);
            }
        }
    }
  g_ptr_array_sort (self->stages, compare_stages);
  g_array_sort (self->marks, compare_marks);

  for (guint s = 0; s < self->stages->len; s++)
    {
      Stage *stage = g_ptr_array_index (self->stages, s);

      stage->info.planned = !stage->has_actual;
      sort_unique (stage->named);
      if (stage->named->len > 0 || previous == NULL)
        g_array_append_vals (stage->running, stage->named->data, stage->named->len);
      else
        g_array_append_vals (stage->running, previous->data, previous->len);
      if (stage->named->len > 0 && previous != NULL)
        for (guint i = 0; i < previous->len; i++)
          {
            guint node = g_array_index (previous, guint, i);

            if (!contains ((const guint *)stage->named->data, stage->named->len, node))
              g_array_append_val (stage->cut, node);
          }
      stage->info.n_named = stage->named->len;
      stage->info.named = (const guint *)stage->named->data;
      stage->info.n_running = stage->running->len;
      stage->info.running = (const guint *)stage->running->data;
      stage->info.n_cut = stage->cut->len;
      stage->info.cut = (const guint *)stage->cut->data;
      previous = stage->running;
    }
  return self;
}

/**
 * cs_stages_get:
 * @graph: a #CsGraph
 *
 * The graph's stages; made on the first call (linear in the events, and
 * n log n in the named teams) and kept with the graph. Any thread.
 *
 * Returns: (transfer none): the stages, alive as long as @graph
 */
const CsStages *
cs_stages_get (CsGraph *graph)
{
  CsStages *self;

  g_return_val_if_fail (CS_IS_GRAPH (graph), NULL);

  g_mutex_lock (&stages_lock);
  self = g_object_get_data (G_OBJECT (graph), "cs-stages");
  if (self == NULL)
    {
      self = stages_new (graph);
      g_object_set_data_full (G_OBJECT (graph), "cs-stages", self, (GDestroyNotify)stages_free);
    }
  g_mutex_unlock (&stages_lock);
  return self;
}

guint
cs_stages_get_n_stages (const CsStages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->stages->len;
}

const CsStageInfo *
cs_stages_get_stage (const CsStages *self,
                     guint           stage)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (stage < self->stages->len, NULL);

  return &((Stage *)g_ptr_array_index (self->stages, stage))->info;
}

/**
 * cs_stages_lookup:
 * @self: the stages
 * @name: a stage word
 *
 * Returns: the stage's index, or -1 when the graph has no such stage
 */
int
cs_stages_lookup (const CsStages *self,
                  const char     *name)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint s = 0; name != NULL && s < self->stages->len; s++)
    if (g_str_equal (cs_stages_get_stage (self, s)->name, name))
      return s;
  return -1;
}

/* whether @node is in the running at @stage: O(log teams) */
gboolean
cs_stages_is_running (const CsStages *self,
                      guint           stage,
                      guint           node)
{
  const CsStageInfo *info = cs_stages_get_stage (self, stage);

  g_return_val_if_fail (info != NULL, FALSE);

  return contains (info->running, info->n_running, node);
}

/* whether @node was cut at @stage: running at the one before, not at it */
gboolean
cs_stages_is_cut (const CsStages *self,
                  guint           stage,
                  guint           node)
{
  const CsStageInfo *info = cs_stages_get_stage (self, stage);

  g_return_val_if_fail (info != NULL, FALSE);

  return contains (info->cut, info->n_cut, node);
}

/**
 * cs_stages_get_marks:
 * @self: the stages
 * @n_marks: (out): how many
 *
 * Returns: (array length=n_marks) (transfer none): the dated "other"
 *   events of every node, by date
 */
const CsStageMark *
cs_stages_get_marks (const CsStages *self,
                     guint          *n_marks)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_marks != NULL, NULL);

  *n_marks = self->marks->len;
  return (const CsStageMark *)self->marks->data;
}

/**
 * cs_stages_describe:
 * @self: the stages
 * @stage: one of them
 *
 * Returns: (transfer full): "2025-07-25 · 10 stated, 10 named", or
 *   "2027 · planned · 2 stated"; the date is left out when the stage has
 *   none, the counts when it has neither
 */
char *
cs_stages_describe (const CsStages *self,
                    guint           stage)
{
  const CsStageInfo *info = cs_stages_get_stage (self, stage);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (info != NULL, NULL);

  if (info->date != NULL && info->until != NULL && !g_str_equal (info->date, info->until))
    g_ptr_array_add (parts, g_strdup_printf ("%s – %s", info->date, info->until));
  else if (info->date != NULL)
    g_ptr_array_add (parts, g_strdup (info->date));
  if (info->planned)
    /* TRANSLATORS: a stage of the contest that is still to come, in a
     * line such as "2027 · planned · 2 stated" */
    g_ptr_array_add (parts, g_strdup (C_("stage", "planned")));
  if (info->stated >= 0 && info->n_named > 0)
    g_ptr_array_add (parts,
                     /* TRANSLATORS: how many teams the articles say are in
                      * the running at a stage, and how many of them they
                      * name */
                     g_strdup_printf (_("%d stated, %u named"), info->stated, info->n_named));
  else if (info->stated >= 0)
    /* TRANSLATORS: how many teams the articles say are in the running at
     * a stage */
    g_ptr_array_add (parts, g_strdup_printf (_("%d stated"), info->stated));
  else if (info->n_named > 0)
    /* TRANSLATORS: how many of the teams in the running at a stage the
     * articles name */
    g_ptr_array_add (parts, g_strdup_printf (_("%u named"), info->n_named));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

/**
 * cs_stages_summarise:
 * @self: the stages
 * @stage: one of them
 *
 * Returns: (transfer full): cs_stages_describe() and who was cut there:
 *   "2025-08 · 5 stated, 5 named · 5 cut"
 */
char *
cs_stages_summarise (const CsStages *self,
                     guint           stage)
{
  const CsStageInfo *info = cs_stages_get_stage (self, stage);
  g_autofree char *described = cs_stages_describe (self, stage);
  g_autofree char *cut = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  if (info->n_cut == 0)
    return g_steal_pointer (&described);
  /* TRANSLATORS: how many teams were cut at a stage of the contest, at the
   * end of a line such as "2025-08 · 5 stated, 5 named · 5 cut" */
  cut = g_strdup_printf (_("%u cut"), info->n_cut);
  if (described[0] == '\0')
    return g_steal_pointer (&cut);
  return g_strdup_printf ("%s · %s", described, cut);
}

/**
 * cs_stages_get_problems:
 * @self: the stages
 *
 * What does not add up: a stage naming more than its stated count, two
 * counts for one stage, a planned stage that names who is in the running.
 *
 * Returns: (transfer full) (element-type utf8): the problems, one sentence each
 */
GPtrArray *
cs_stages_get_problems (const CsStages *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL, problems);

  for (guint s = 0; s < self->stages->len; s++)
    {
      const Stage *stage = g_ptr_array_index (self->stages, s);
      const CsStageInfo *info = &stage->info;

      if (info->stated >= 0 && info->n_named > (guint)info->stated)
        g_ptr_array_add (problems,
                         /* TRANSLATORS: a stage word of the data ("selected"),
                          * how many teams its events name and how many it
                          * says there are */
                         g_strdup_printf (_("stage \"%s\" names %u in the running, but its "
                                            "count is %d"),
                                          info->name, info->n_named, info->stated));
      for (guint c = 1; c < stage->counts->len; c++)
        {
          const CsEvent *event = g_ptr_array_index (stage->counts, c);

          if (event->count != info->stated)
            g_ptr_array_add (problems,
                             /* TRANSLATORS: a stage word of the data
                              * ("selected") and the two numbers of teams
                              * in the running its events give */
                             g_strdup_printf (_("stage \"%s\" has two counts, %d and %d"),
                                              info->name, info->stated, event->count));
        }
      if (info->planned && info->n_named > 0)
        g_ptr_array_add (problems,
                         /* TRANSLATORS: a stage word of the data ("final")
                          * and how many teams its events name */
                         g_strdup_printf (_("stage \"%s\" is planned, yet names %u in the "
                                            "running"),
                                          info->name, info->n_named));
    }
  return problems;
}
