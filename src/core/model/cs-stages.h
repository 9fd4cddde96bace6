/* cs-stages.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-graph.h"

G_BEGIN_DECLS

/* One stage of a contest, made from the events of every node that carry
 * its word. */
typedef struct
{
  const char    *name;     /* the stage word: "applied", "selected", … */
  const char    *label;    /* nullable: the stage's own wording */
  const char    *label_en; /* nullable */
  const char    *date;     /* nullable: its earliest date */
  const char    *until;    /* nullable: the end of its span */
  gboolean       planned;  /* no event says it has happened */
  int            stated;   /* how many the sources say are in the running; -1 */
  guint          n_named;  /* the nodes whose own events put them in the running */
  const guint   *named;    /* sorted node indices */
  guint          n_running; /* named; a stage that names none (planned, or
                             * only stated) keeps the previous stage's */
  const guint   *running;  /* sorted node indices */
  guint          n_cut;    /* running at the previous stage, not at this one */
  const guint   *cut;      /* sorted node indices */
} CsStageInfo;

/* a dated happening that is no stage (an "other" event): a mark on the
 * timeline */
typedef struct
{
  guint          node;
  const CsEvent *event;
} CsStageMark;

typedef struct _CsStages CsStages;

const CsStages    *cs_stages_get            (CsGraph         *graph);
guint              cs_stages_get_n_stages   (const CsStages  *self);
const CsStageInfo *cs_stages_get_stage      (const CsStages  *self,
                                             guint            stage);
int                cs_stages_lookup         (const CsStages  *self,
                                             const char      *name);
gboolean           cs_stages_is_running     (const CsStages  *self,
                                             guint            stage,
                                             guint            node);
gboolean           cs_stages_is_cut         (const CsStages  *self,
                                             guint            stage,
                                             guint            node);
const CsStageMark *cs_stages_get_marks      (const CsStages  *self,
                                             guint           *n_marks);
char              *cs_stages_describe       (const CsStages  *self,
                                             guint            stage);
char              *cs_stages_summarise      (const CsStages  *self,
                                             guint            stage);
GPtrArray         *cs_stages_get_problems   (const CsStages  *self);
gboolean           cs_stage_word_is_stage   (const char      *word);

G_END_DECLS
