/*
 * plugin/loader.h - the only code that calls dlopen.
 *
 * A plugin is loaded by name from one directory: "<dir>/<name>.so", where the
 * name has no slash or dot, so no policy or registry can make ppreg load code
 * from elsewhere. The descriptor it returns is checked (ABI version, size,
 * name, rule ids) before anything else of it is used.
 */
#ifndef PPREG_PLUGIN_LOADER_H
#define PPREG_PLUGIN_LOADER_H

#include "ppreg/plugin.h"

/* Oldest plugin ABI this core still loads. */
#define PPREG_ABI_MIN 1

typedef struct {
	char *name;
	char *path;
	void *handle;
	const ppreg_plugin *desc;
	char sha256[65];       /* of the shared object, for attestations */
	const ppreg_node *params;
	void *state;           /* what setup() returned, freed by teardown() at unload */
} loaded_plugin;

/* The plugin directories: --plugin-dir, else $PPREG_PLUGIN_DIR, else next
 * to the executable (build tree), else the installed lib/ppreg/plugins.
 * --plugin-dir and $PPREG_PLUGIN_DIR are lists separated by ':', searched
 * in order; an empty element stands for the built-in directory, so that
 * `--plugin-dir mine:` adds one plugin before the built-in ones. Plugins
 * still come only from the directories listed. */
const char *plugin_default_dir(void);
int plugin_name_ok(const char *name);

/* The list `dirs` with each empty element replaced by the built-in
 * directory: what a run searches, for messages. Free it. */
char *plugin_dirs_expand(const char *dirs);

/* Loads one plugin, from the first directory of `dirs` that holds
 * <name>.so; ERR_FAIL with an error_last() message naming it. */
int plugin_load(loaded_plugin *out, const char *dirs, const char *name);
void plugin_unload(loaded_plugin *p);

/* Names of the *.so files of the directories `dirs`, sorted, each once
 * (the first directory holding a name is the one plugin_load takes). */
int plugin_list_dir(char ***names, size_t *n, const char *dirs);

const ppreg_rule *plugin_rule(const loaded_plugin *p, const char *id);
/* The descriptor's schemas/check, or empty when the plugin's struct is too
 * short to have them (an older ABI that did not). */
size_t plugin_n_schemas(const loaded_plugin *p);
/* Whether a platform may lack `file`, one of the plugin's schema files
 * (ppreg_plugin.optional_files). */
int plugin_file_optional(const loaded_plugin *p, const char *file);
/* The descriptor's setup(), or NULL when it has none (or is too old to). */
int (*plugin_setup_fn(const loaded_plugin *p))(ppreg_check *, void **);

#endif
