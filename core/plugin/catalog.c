/*
 * plugin/catalog.c - loads every *.so of the plugin directory.
 */
#include "plugin/catalog.h"
#include "base/util.h"

#include <stdlib.h>

int plugin_catalog_load(plugin_catalog *cat, const char *dir)
{
	char **names;
	size_t n;
	cat->v = NULL, cat->n = 0, cat->errors = NULL, cat->n_errors = 0;
	if (plugin_list_dir(&names, &n, dir) < 0)
		return ERR_FAIL;
	cat->v = xcalloc(n, sizeof *cat->v);
	cat->errors = xcalloc(n, sizeof *cat->errors);
	for (size_t i = 0; i < n; i++) {
		if (plugin_load(&cat->v[cat->n], dir, names[i]) == 0)
			cat->n++;
		else
			cat->errors[cat->n_errors++] = xstrdup(error_last());
		free(names[i]);
	}
	free(names);
	return 0;
}

void plugin_catalog_free(plugin_catalog *cat)
{
	for (size_t i = 0; i < cat->n; i++)
		plugin_unload(&cat->v[i]);
	for (size_t i = 0; i < cat->n_errors; i++)
		free(cat->errors[i]);
	free(cat->v);
	free(cat->errors);
}
