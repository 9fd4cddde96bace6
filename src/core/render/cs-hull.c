/* cs-hull.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-hull.h"

/* The outlines' own geometry: a convex hull is a few lines of code, and
 * drawing never waits for a library another thread is using. */

typedef struct
{
  const double *xy;
} SortData;

static int
compare_points (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const double *xy = ((const SortData *)user_data)->xy;
  guint i = *(const guint *)a;
  guint j = *(const guint *)b;

  if (xy[2 * i] != xy[2 * j])
    return xy[2 * i] < xy[2 * j] ? -1 : 1;
  if (xy[2 * i + 1] != xy[2 * j + 1])
    return xy[2 * i + 1] < xy[2 * j + 1] ? -1 : 1;
  return (i > j) - (i < j);
}

/* > 0 when o → a → b turns counter-clockwise (y pointing down: clockwise
 * on screen) */
static double
cross (const double *xy,
       guint         o,
       guint         a,
       guint         b)
{
  return (xy[2 * a] - xy[2 * o]) * (xy[2 * b + 1] - xy[2 * o + 1]) -
         (xy[2 * a + 1] - xy[2 * o + 1]) * (xy[2 * b] - xy[2 * o]);
}

/**
 * cs_hull_compute:
 * @xy: (array): 2 × @n coordinates, x then y for each point
 * @n: the number of points
 * @hull: a #GArray of guint that receives the indices of the hull's corners,
 *   in order around it, without collinear points
 *
 * Andrew's monotone chain: O(n log n). One point gives one corner, two
 * distinct points two; repeated points count once. Thread safe.
 */
void
cs_hull_compute (const double *xy,
                 guint         n,
                 GArray       *hull)
{
  g_autofree guint *order = NULL;
  guint *h;
  guint k = 0;
  SortData data = { xy };

  g_return_if_fail (xy != NULL || n == 0);
  g_return_if_fail (hull != NULL);

  g_array_set_size (hull, 0);
  if (n == 0)
    return;

  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_points, &data);

  /* lower chain, then upper chain; each point is pushed at most twice */
  g_array_set_size (hull, 2 * n);
  h = (guint *)hull->data;
  for (guint i = 0; i < n; i++)
    {
      while (k >= 2 && cross (xy, h[k - 2], h[k - 1], order[i]) <= 0)
        k--;
      h[k++] = order[i];
    }
  for (guint i = n - 1, lower = k + 1; i-- > 0;)
    {
      while (k >= lower && cross (xy, h[k - 2], h[k - 1], order[i]) <= 0)
        k--;
      h[k++] = order[i];
    }
  /* the last point repeats the first */
  if (k > 1)
    k--;
  /* all points the same: one corner */
  if (k == 2 && xy[2 * h[0]] == xy[2 * h[1]] && xy[2 * h[0] + 1] == xy[2 * h[1] + 1])
    k = 1;
  g_array_set_size (hull, k);
}
