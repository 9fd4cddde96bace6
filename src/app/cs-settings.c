/* cs-settings.c
 *
 * SPDX-FileCopyrightText: 2025 Consortia contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-install.h"
#include "cs-settings-private.h"

/* TRUE when @schema has every key of @wanted, each with the same type and
 * range: a schema installed by an older build may lack keys, and reading
 * a key a schema does not have aborts. */
static gboolean
has_keys_of (GSettingsSchema *schema,
             GSettingsSchema *wanted)
{
  g_auto(GStrv) keys = g_settings_schema_list_keys (wanted);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GSettingsSchemaKey) key = NULL;
      g_autoptr(GSettingsSchemaKey) wanted_key = NULL;
      g_autoptr(GVariant) range = NULL;
      g_autoptr(GVariant) wanted_range = NULL;

      if (!g_settings_schema_has_key (schema, keys[i]))
        return FALSE;
      key = g_settings_schema_get_key (schema, keys[i]);
      wanted_key = g_settings_schema_get_key (wanted, keys[i]);
      range = g_settings_schema_key_get_range (key);
      wanted_range = g_settings_schema_key_get_range (wanted_key);
      if (!g_variant_type_equal (g_settings_schema_key_get_value_type (key),
                                 g_settings_schema_key_get_value_type (wanted_key)) ||
          !g_variant_equal (range, wanted_range))
        return FALSE;
    }
  return TRUE;
}

/**
 * _cs_settings_new_from:
 * @installed: (nullable): where installed schemas are looked up
 * @build_dir: a folder that may hold the schema: the one installed with
 *   the program
 *
 * The app's settings from @installed, or from @build_dir when @installed
 * lacks the schema or has an older one than @build_dir's.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL, with a
 *   warning, when neither place has the schema
 */
GSettings *
_cs_settings_new_from (GSettingsSchemaSource *installed,
                       const char            *build_dir)
{
  g_autoptr(GSettingsSchemaSource) built_source = NULL;
  g_autoptr(GSettingsSchema) installed_schema = NULL;
  g_autoptr(GSettingsSchema) built_schema = NULL;
  GSettingsSchema *schema;

  g_return_val_if_fail (build_dir != NULL, NULL);

  if (installed != NULL)
    installed_schema = g_settings_schema_source_lookup (installed, SCHEMA_ID, TRUE);
  /* missing when the program is not installed, or its schemas were never
   * compiled */
  if (g_file_test (build_dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GError) error = NULL;

      built_source = g_settings_schema_source_new_from_directory (build_dir, installed, FALSE,
                                                                  &error);
      if (built_source != NULL)
        built_schema = g_settings_schema_source_lookup (built_source, SCHEMA_ID, FALSE);
      else
        g_debug ("no schemas in %s: %s", build_dir, error->message);
    }

  if (installed_schema != NULL &&
      (built_schema == NULL || has_keys_of (installed_schema, built_schema)))
    schema = installed_schema;
  else
    schema = built_schema;
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed: nothing will be remembered",
                 SCHEMA_ID);
      return NULL;
    }
  g_debug ("settings schema from %s", schema == installed_schema ? "the system" : build_dir);
  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * cs_settings_new:
 *
 * The app's settings: from the schemas of the environment and the
 * system's data folders (GSETTINGS_SCHEMA_DIR points at the build's for
 * the tests and `meson devenv`), or from those installed with the running
 * program (an install into a prefix the session does not search). Never
 * aborts for a missing schema.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL when the
 *   schema is nowhere to be found
 */
GSettings *
cs_settings_new (void)
{
  g_autofree char *datadir = cs_install_get_datadir ();
  g_autofree char *own = g_build_filename (datadir, "glib-2.0", "schemas", NULL);

  return _cs_settings_new_from (g_settings_schema_source_get_default (), own);
}
