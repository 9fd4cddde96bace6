/* cs-viewport.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-viewport.h"

#include <math.h>

/* widget = world × zoom + offset */
struct _CsViewport
{
  GObject parent_instance;

  double  zoom;
  double  offset_x;
  double  offset_y;
  double  width;  /* the widget's size, 0 until known */
  double  height;
};

G_DEFINE_FINAL_TYPE (CsViewport, cs_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_OFFSET_X,
  PROP_OFFSET_Y,
  PROP_WIDTH,
  PROP_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_viewport_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CsViewport *self = CS_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_OFFSET_X:
      g_value_set_double (value, self->offset_x);
      break;

    case PROP_OFFSET_Y:
      g_value_set_double (value, self->offset_y);
      break;

    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;

    case PROP_HEIGHT:
      g_value_set_double (value, self->height);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_viewport_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CsViewport *self = CS_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      cs_viewport_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_OFFSET_X:
      cs_viewport_set_offset (self, g_value_get_double (value), self->offset_y);
      break;

    case PROP_OFFSET_Y:
      cs_viewport_set_offset (self, self->offset_x, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_viewport_class_init (CsViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cs_viewport_get_property;
  object_class->set_property = cs_viewport_set_property;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, CS_VIEWPORT_ZOOM_MIN, CS_VIEWPORT_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFSET_X] =
    g_param_spec_double ("offset-x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFSET_Y] =
    g_param_spec_double ("offset-y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL, 0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL, 0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_viewport_init (CsViewport *self)
{
  self->zoom = 1.0;
}

CsViewport *
cs_viewport_new (void)
{
  return g_object_new (CS_TYPE_VIEWPORT, NULL);
}

double
cs_viewport_get_zoom (CsViewport *self)
{
  g_return_val_if_fail (CS_IS_VIEWPORT (self), 1.0);

  return self->zoom;
}

/**
 * cs_viewport_set_zoom:
 * @self: a #CsViewport
 * @zoom: the new zoom, clamped to the limits
 *
 * Zooms around the widget origin; see cs_viewport_zoom_at() to zoom around
 * another point.
 */
void
cs_viewport_set_zoom (CsViewport *self,
                      double      zoom)
{
  g_return_if_fail (CS_IS_VIEWPORT (self));
  g_return_if_fail (isfinite (zoom));

  zoom = CLAMP (zoom, CS_VIEWPORT_ZOOM_MIN, CS_VIEWPORT_ZOOM_MAX);
  if (zoom == self->zoom)
    return;

  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
cs_viewport_get_offset_x (CsViewport *self)
{
  g_return_val_if_fail (CS_IS_VIEWPORT (self), 0);

  return self->offset_x;
}

double
cs_viewport_get_offset_y (CsViewport *self)
{
  g_return_val_if_fail (CS_IS_VIEWPORT (self), 0);

  return self->offset_y;
}

void
cs_viewport_set_offset (CsViewport *self,
                        double      offset_x,
                        double      offset_y)
{
  g_return_if_fail (CS_IS_VIEWPORT (self));
  g_return_if_fail (isfinite (offset_x) && isfinite (offset_y));

  g_object_freeze_notify (G_OBJECT (self));
  if (offset_x != self->offset_x)
    {
      self->offset_x = offset_x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET_X]);
    }
  if (offset_y != self->offset_y)
    {
      self->offset_y = offset_y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET_Y]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cs_viewport_zoom_at:
 * @self: a #CsViewport
 * @zoom: the new zoom, clamped to the limits
 * @widget_x: the anchor, in widget coordinates
 * @widget_y: the anchor, in widget coordinates
 *
 * Zooms so that the world point under the anchor stays under it.
 */
void
cs_viewport_zoom_at (CsViewport *self,
                     double      zoom,
                     double      widget_x,
                     double      widget_y)
{
  double world_x, world_y;

  g_return_if_fail (CS_IS_VIEWPORT (self));
  g_return_if_fail (isfinite (zoom) && isfinite (widget_x) && isfinite (widget_y));

  cs_viewport_widget_to_world (self, widget_x, widget_y, &world_x, &world_y);
  g_object_freeze_notify (G_OBJECT (self));
  cs_viewport_set_zoom (self, zoom);
  cs_viewport_set_offset (self,
                          widget_x - world_x * self->zoom,
                          widget_y - world_y * self->zoom);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cs_viewport_pan (CsViewport *self,
                 double      dx,
                 double      dy)
{
  g_return_if_fail (CS_IS_VIEWPORT (self));

  cs_viewport_set_offset (self, self->offset_x + dx, self->offset_y + dy);
}

/**
 * cs_viewport_fit:
 * @self: a #CsViewport
 * @world: the world box to show
 * @width: the widget's width
 * @height: the widget's height
 * @margin: space to leave on every side, in widget units
 *
 * Centres @world in the widget at the largest zoom that shows all of it,
 * but no larger than %CS_VIEWPORT_FIT_ZOOM_MAX.
 */
void
cs_viewport_fit (CsViewport     *self,
                 const CsBounds *world,
                 double          width,
                 double          height,
                 double          margin)
{
  CsBounds area = { margin, margin, width - margin, height - margin };

  g_return_if_fail (CS_IS_VIEWPORT (self));
  g_return_if_fail (world != NULL);

  cs_viewport_fit_area (self, world, &area);
}

/**
 * cs_viewport_fit_area:
 * @self: a #CsViewport
 * @world: the world box to show
 * @area: the part of the widget to show it in, in widget units
 *
 * Like cs_viewport_fit(), into @area: the rest of the widget stays free for
 * a legend or a title.
 */
static void
fit_area (CsViewport     *self,
          const CsBounds *world,
          const CsBounds *area,
          double          zoom_max)
{
  double w, h, zoom;

  w = MAX (world->x1 - world->x0, 1.0);
  h = MAX (world->y1 - world->y0, 1.0);
  zoom = MIN ((area->x1 - area->x0) / w, (area->y1 - area->y0) / h);
  if (!isfinite (zoom) || zoom <= 0)
    zoom = CS_VIEWPORT_ZOOM_MIN;
  zoom = CLAMP (zoom, CS_VIEWPORT_ZOOM_MIN, zoom_max);

  g_object_freeze_notify (G_OBJECT (self));
  cs_viewport_set_zoom (self, zoom);
  cs_viewport_set_offset (self,
                          (area->x0 + area->x1) / 2 - (world->x0 + world->x1) / 2 * self->zoom,
                          (area->y0 + area->y1) / 2 - (world->y0 + world->y1) / 2 * self->zoom);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cs_viewport_fit_area (CsViewport     *self,
                      const CsBounds *world,
                      const CsBounds *area)
{
  g_return_if_fail (CS_IS_VIEWPORT (self));
  g_return_if_fail (world != NULL);
  g_return_if_fail (area != NULL);

  /* a small graph is shown at a readable size, not blown up to fill */
  fit_area (self, world, area, CS_VIEWPORT_FIT_ZOOM_MAX);
}

/**
 * cs_viewport_show_area:
 * @self: a #CsViewport
 * @world: the world box to show
 * @area: the part of the widget to show it in, in widget units
 *
 * Like cs_viewport_fit_area(), but @world fills @area at any zoom the
 * viewport allows: a box someone zoomed into stays that box, however small.
 */
void
cs_viewport_show_area (CsViewport     *self,
                       const CsBounds *world,
                       const CsBounds *area)
{
  g_return_if_fail (CS_IS_VIEWPORT (self));
  g_return_if_fail (world != NULL);
  g_return_if_fail (area != NULL);

  fit_area (self, world, area, CS_VIEWPORT_ZOOM_MAX);
}

void
cs_viewport_world_to_widget (CsViewport *self,
                             double      world_x,
                             double      world_y,
                             double     *widget_x,
                             double     *widget_y)
{
  g_return_if_fail (CS_IS_VIEWPORT (self));

  if (widget_x != NULL)
    *widget_x = world_x * self->zoom + self->offset_x;
  if (widget_y != NULL)
    *widget_y = world_y * self->zoom + self->offset_y;
}

void
cs_viewport_widget_to_world (CsViewport *self,
                             double      widget_x,
                             double      widget_y,
                             double     *world_x,
                             double     *world_y)
{
  g_return_if_fail (CS_IS_VIEWPORT (self));

  if (world_x != NULL)
    *world_x = (widget_x - self->offset_x) / self->zoom;
  if (world_y != NULL)
    *world_y = (widget_y - self->offset_y) / self->zoom;
}

double
cs_viewport_get_width (CsViewport *self)
{
  g_return_val_if_fail (CS_IS_VIEWPORT (self), 0);

  return self->width;
}

double
cs_viewport_get_height (CsViewport *self)
{
  g_return_val_if_fail (CS_IS_VIEWPORT (self), 0);

  return self->height;
}

/**
 * cs_viewport_set_size:
 * @self: a #CsViewport
 * @width: the widget's width
 * @height: the widget's height
 *
 * The size of what the viewport maps the world onto, so the visible part
 * of the world can be told without the widget.
 */
void
cs_viewport_set_size (CsViewport *self,
                      double      width,
                      double      height)
{
  g_return_if_fail (CS_IS_VIEWPORT (self));
  g_return_if_fail (isfinite (width) && width >= 0 && isfinite (height) && height >= 0);

  g_object_freeze_notify (G_OBJECT (self));
  if (width != self->width)
    {
      self->width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
    }
  if (height != self->height)
    {
      self->height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cs_viewport_get_visible_bounds:
 * @self: a #CsViewport with a size
 * @world: (out): the part of the world the widget shows
 */
void
cs_viewport_get_visible_bounds (CsViewport *self,
                                CsBounds   *world)
{
  g_return_if_fail (CS_IS_VIEWPORT (self));
  g_return_if_fail (world != NULL);

  cs_viewport_widget_to_world (self, 0, 0, &world->x0, &world->y0);
  cs_viewport_widget_to_world (self, self->width, self->height, &world->x1, &world->y1);
}
