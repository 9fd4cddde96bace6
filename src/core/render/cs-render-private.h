/* cs-render-private.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "cs-scene.h"
#include "cs-spatial-grid.h"

G_BEGIN_DECLS

/* Shared by the render piece's files: the scene's insides and the drawing
 * helpers the renderer, labels, overlays and focus have in common. */

#define CS_RENDER_LABEL_GAP 2.0 /* world units between a node and its label */

/* the ring round a team cut at the stage shown, on light and dark alike */
#define CS_RENDER_CUT_COLOR ((CsColor) { 0.86, 0.16, 0.16, 1.0 })

/* How an attribute's values drive one channel of the look
 * (cs-attribute-style.c) */
typedef enum
{
  CS_SCALE_CATEGORIES,  /* a colour, shape or group per value */
  CS_SCALE_FILE_COLORS, /* the values are colours */
  CS_SCALE_RAMP,        /* numbers, a colour ramp */
  CS_SCALE_SIZES,       /* numbers, a radius */
} CsScaleKind;

#define CS_STYLE_NO_VALUE    G_MAXUINT
#define CS_STYLE_OTHER_VALUE (G_MAXUINT - 1)

/* a row of the legend: a value (or a stop, for numbers) and its look */
typedef struct
{
  char    *text;
  guint    count;  /* nodes with it; 0 for the stops of numbers */
  CsColor  color;
  CsShape  shape;
  double   radius; /* sizes: world units */
} CsScaleEntry;

typedef struct
{
  CsStyleChannel  channel;
  char           *key;
  CsScaleKind     kind;
  GArray         *entries;      /* CsScaleEntry: the values kept, then other values and no
                                   value when there are such; or the stops */
  guint           n_categories; /* the values kept, at the start of entries */
  guint          *category;     /* nullable: per node, its entry, CS_STYLE_NO_VALUE or
                                   CS_STYLE_OTHER_VALUE */
  double          min;
  double          max;
  const double   *numbers;      /* per node, NAN for none: the summary's */
  const guint    *part_of;      /* file colours: per node, its value (the summary's) */
  CsColor        *part_colors;  /* file colours: per value, alpha 0 when it is none */
} CsStyleScale;

CsStyleScale *_cs_style_scale_new   (CsGraph             *graph,
                                     CsStyleChannel       channel,
                                     const char          *key,
                                     const CsRenderStyle *style);
void          _cs_style_scale_free  (CsStyleScale        *scale);
void          _cs_style_scale_apply (const CsStyleScale  *scale,
                                     CsGraph             *graph,
                                     guint                node,
                                     CsNodeStyle         *node_style,
                                     double              *radius);

/* What a scene draws, fixed when it is built and shared by its copies. */
typedef struct
{
  gatomicrefcount  ref_count;
  CsGraph         *graph;
  CsPositions     *positions;
  CsRenderStyle    style;
  CsNodeStyle     *type_styles;     /* per type id of the graph */
  CsEdgeStyle     *relation_styles; /* per relation id */
  double          *radius;          /* per node, world units */
  const char     **labels;          /* per node, in the view's language; owned by the graph */
  guint8          *node_shown;      /* nullable: per node, 0 when filtered out */
  guint8          *edge_shown;      /* nullable: per edge */
  gboolean         hide_filtered;   /* leave filtered-out parts out, instead of fading them */
  char            *stage_text;      /* nullable: the stage the filter shows, its date and counts */
  guint8          *cut;             /* nullable: per node, 1 when cut at the stage shown */
  guint            n_cut;
  gboolean        *pinned;          /* nullable: per node, drawn as a pin */
  CsRenderFlags    layer_flags;     /* from the view's layers */
  guint8          *selected;        /* nullable: per node, 1 when selected */
  guint8          *guaranteed;      /* per node: its name is always drawn (a consortium,
                                       a lead, the selection) */
  double           label_density;   /* 0…1: how many of the other names may be drawn */
  gboolean         legend_collapsed;
  gboolean         english;         /* roles in English where the data has them */
  CsHighlightKind  highlight_kind;
  guint            highlight_id;
  guint8          *node_lit;        /* nullable: per node, 0 when the highlight fades it */
  guint8          *edge_lit;        /* nullable: per edge */
  guint           *member_offsets;  /* n_nodes + 1, into member_places */
  guint           *member_places;   /* the consortia each node leads or belongs to, the
                                       one it leads first */
  guint8          *leads;           /* per node: it leads a consortium */
  CsColor         *consortium_colors; /* per consortium place */
  CsNodeStyle     *consortium_styles; /* per place: the consortium type's, in its colour */
  CsStyleScale    *scales[CS_N_STYLE_CHANNELS]; /* nullable: the attributes that drive the look */
  CsNodeStyle     *node_styles;     /* nullable: per node, when an attribute drives colour or
                                       shape */
  guint           *type_counts;     /* per type: the nodes shown, for the legend */
  guint           *relation_counts; /* per relation: the links shown */
  double           edge_alpha;      /* how opaque links are drawn: less when there are many */
  /* consortia in file order, each with the members its outline holds;
   * then, when an attribute groups the nodes, its groups (places from
   * n_consortia on, in the group scale's order), whose outlines replace
   * the consortia's */
  int             *consortium_place; /* per node: its place among the consortia, or -1 */
  guint            n_consortia;
  guint            n_hulls;          /* n_consortia + the attribute's groups */
  guint           *consortia;        /* node of each consortium place */
  guint           *hull_offsets;     /* n_hulls + 1, into hull_corners */
  guint           *hull_corners;     /* node indices round each outline */
  double          *hull_reach;       /* per place: the widest member, world units */
  CsColor         *hull_colors;      /* per place */
  /* parallel edges (several claims about one pair) fan out */
  guint           *fan_k;            /* per edge: its place in its pair's fan */
  guint           *fan_total;        /* per edge: the fan's size */
  /* the one thing a draw changes: the names it placed, in world units, so
   * the focus drawn over it brings those forward where they are instead of
   * writing them a second time elsewhere. A draw in a worker thread
   * publishes them whole at its end, under the lock; readers take a
   * reference under it (_cs_scene_get_drawn). */
  GMutex           drawn_lock;
  GArray          *drawn_labels;     /* of CsDrawnLabel */
  GArray          *drawn_roles;      /* of CsDrawnLabel, naming an edge */
  double           drawn_zoom;       /* the zoom they were placed at; 0 before a draw */
} CsSceneContent;

typedef struct
{
  guint  node;           /* or edge, for a role */
  double x0, y0, x1, y1; /* world units */
} CsDrawnLabel;

struct _CsScene
{
  gatomicrefcount  ref_count;
  CsSceneContent  *content;
  CsRenderFlags    flags;
  char            *title;    /* nullable: the graph's title */
  double           width;    /* device units */
  double           height;
  double           zoom;     /* device = world × zoom + offset */
  double           offset_x;
  double           offset_y;
  double           view_x;   /* where the visible area starts, in device */
  double           view_y;   /* units: the title and legend sit there */
  GArray          *placed_labels; /* nullable, borrowed: receives a CsPlacedLabel per label */
  GArray          *placed_roles;  /* nullable, borrowed: receives a CsPlacedRole per role */
};

typedef struct
{
  double x0, y0, x1, y1;
} CsBox;

static inline gboolean
_cs_box_overlaps (const CsBox *a,
                  const CsBox *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* an edge's course on the device */
typedef struct
{
  double   x0, y0, ex, ey;         /* where it leaves and reaches its ends' outlines */
  double   c1x, c1y, c2x, c2y;     /* control points when it is bent */
  double   ux, uy;                 /* its direction on arrival */
  double   mid_x, mid_y;
  double   length;                 /* from end to end, straight */
  gboolean curved;
} CsEdgeGeometry;

static inline gboolean
_cs_scene_edge_shown (const CsScene *scene,
                      guint          edge)
{
  return scene->content->edge_shown == NULL || scene->content->edge_shown[edge];
}

void          _cs_scene_publish_drawn   (CsSceneContent      *content,
                                         GArray              *labels,
                                         GArray              *roles,
                                         double               zoom);
double        _cs_scene_get_drawn       (CsSceneContent      *content,
                                         GArray             **labels,
                                         GArray             **roles);
void          _cs_render_set_color      (cairo_t             *cr,
                                         const CsColor       *color);
guint         _cs_render_dash_pattern   (CsDash               dash,
                                         double               width,
                                         double              *pattern);
void          _cs_render_set_dash       (cairo_t             *cr,
                                         CsDash               dash,
                                         double               width);
void          _cs_render_draw_shape     (cairo_t             *cr,
                                         const CsRenderStyle *style,
                                         const CsNodeStyle   *node_style,
                                         double               x,
                                         double               y,
                                         double               r,
                                         double               outline);
double        _cs_render_shape_extent   (CsShape              shape);
double        _cs_render_node_reach     (const CsScene       *scene,
                                         guint                node);
gboolean      _cs_render_edge_geometry  (const CsScene       *scene,
                                         guint                edge,
                                         CsEdgeGeometry      *geometry);
double        _cs_render_ring_extra     (const CsScene       *scene,
                                         guint                node);
gboolean      _cs_render_draw_edge      (cairo_t             *cr,
                                         const CsScene       *scene,
                                         guint                edge,
                                         double               width_scale,
                                         double              *mid_x,
                                         double              *mid_y);
void          _cs_render_draw_node      (cairo_t             *cr,
                                         const CsScene       *scene,
                                         guint                node,
                                         double               extra);
PangoLayout  *_cs_render_create_layout  (cairo_t             *cr,
                                         const CsRenderStyle *style,
                                         double               size);
void          _cs_render_show_text      (cairo_t             *cr,
                                         const CsRenderStyle *style,
                                         PangoLayout         *layout,
                                         double               x,
                                         double               y,
                                         double               size,
                                         const CsColor       *color);
guint         _cs_render_overlays       (cairo_t             *cr,
                                         cairo_t             *measure,
                                         const CsScene       *scene,
                                         CsBox               *boxes);
double        _cs_render_caption        (cairo_t             *cr,
                                         cairo_t             *measure,
                                         const CsScene       *scene);
void          _cs_render_labels         (cairo_t             *cr,
                                         const CsScene       *scene,
                                         const CsBox         *reserved,
                                         guint                n_reserved);
PangoLayout  *_cs_render_create_bold_layout (cairo_t           *cr,
                                         const CsRenderStyle *style,
                                         double               size);
void          _cs_render_draw_name      (cairo_t             *cr,
                                         const CsScene       *scene,
                                         PangoLayout         *regular,
                                         PangoLayout         *bold,
                                         guint                node,
                                         const CsBox         *box,
                                         double               alpha);
void          _cs_render_node_label     (cairo_t             *cr,
                                         const CsScene       *scene,
                                         PangoLayout         *layout,
                                         PangoLayout         *bold,
                                         guint                node,
                                         CsSpatialGrid       *placed);

/* What a drawing in this thread reports and obeys: an export's worker
 * sets it around its drawing (cs-export.c), the window never does. The
 * drawing loops tick once an item; past @n_items ticks the fraction is
 * 1. When @cancellable is cancelled every tick returns FALSE and the loops
 * stop, so a cancel stops the drawing itself. */
typedef struct
{
  GCancellable *cancellable; /* nullable */
  gint         *permille;    /* nullable: written atomically, 0–1000 */
  void        (*func) (int permille, gpointer data); /* nullable: told each figure */
  gpointer      data;
  double        from, to;    /* the drawing's share of the whole job */
  guint64       n_items;     /* ticks the whole drawing makes */
  guint64       done;
  gboolean      cancelled;
} CsRenderProgress;

void     _cs_render_progress_begin (CsRenderProgress *progress);
void     _cs_render_progress_end   (void);
gboolean _cs_render_progress_tick_slow (void);
guint64  _cs_render_progress_items (const CsScene *scene);

extern _Thread_local CsRenderProgress *_cs_render_progress;

/* FALSE: cancelled, stop drawing */
static inline gboolean
_cs_render_progress_tick (void)
{
  CsRenderProgress *progress = _cs_render_progress;

  if (G_LIKELY (progress == NULL))
    return TRUE;
  if (G_UNLIKELY ((++progress->done & 1023) == 0))
    return _cs_render_progress_tick_slow ();
  return !progress->cancelled;
}

G_END_DECLS
