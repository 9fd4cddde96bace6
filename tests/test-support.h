/* test-support.h
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "cs-graph.h"
#include "cs-positions.h"
#include "cs-render-style.h"

G_BEGIN_DECLS

CsGraph  *cs_test_load_graph    (const char            *kind,
                                 const char            *name);
void      cs_test_read_pixel    (cairo_surface_t       *surface,
                                 int                    x,
                                 int                    y,
                                 CsColor               *color);
void      cs_test_assert_color  (cairo_surface_t       *surface,
                                 double                 x,
                                 double                 y,
                                 const CsColor         *expected,
                                 double                 tolerance);
char     *cs_test_find_program  (const char            *env_name,
                                 const char            *fallback);
cairo_surface_t *cs_test_load_png (const char          *path);
gboolean  cs_test_run_tool      (const char *const     *argv,
                                 char                 **out);
char     *cs_test_one_line_graph (guint                 n);
gboolean  cs_test_bounded       (void);
CsPositions *cs_test_default_layout (CsGraph            *graph,
                                 const char            *name);
void      cs_test_use_own_state_dir (void);
CsGraph  *cs_test_rebuild_graph (CsGraph              *graph);
GPid      cs_test_start_app     (const char *const     *argv,
                                 char                 **envp,
                                 char                 **out_window);
void      cs_test_assert_same_graph (CsGraph           *a,
                                     CsGraph           *b,
                                     gboolean           layout);

G_END_DECLS
