/*
 * plugin/catalog.h - every plugin of a directory, loaded for the commands
 * that describe rather than check (`ppreg plugins`, `ppreg rules`).
 */
#ifndef PPREG_PLUGIN_CATALOG_H
#define PPREG_PLUGIN_CATALOG_H

#include "plugin/loader.h"

typedef struct {
	loaded_plugin *v;
	size_t n;
	char **errors;    /* one line per plugin that failed to load */
	size_t n_errors;
} plugin_catalog;

int plugin_catalog_load(plugin_catalog *cat, const char *dir);
void plugin_catalog_free(plugin_catalog *cat);

#endif
