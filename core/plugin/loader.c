/*
 * plugin/loader.c - finding, opening and validating plugin shared objects.
 */
#include "plugin/loader.h"
#include "base/i18n.h"
#include "base/util.h"
#include "base/i18n.h"

#include <dirent.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MEMBER_END(type, m) (offsetof(type, m) + sizeof(((type *)0)->m))

const char *plugin_default_dir(void)
{
	static char dir[4096];
	return data_dir(dir, sizeof dir, "PPREG_PLUGIN_DIR", "plugins", PPREG_REL_PLUGIN_DIR);
}

static const char *builtin_dir(void)
{
	static char dir[4096];
	return data_dir(dir, sizeof dir, NULL, "plugins", PPREG_REL_PLUGIN_DIR);
}

char *plugin_dirs_expand(const char *dirs)
{
	ptrvec parts = {0};
	size_t len = 1;
	for (const char *p = dirs;; p++) {
		size_t n = strcspn(p, ":");
		char *d = n ? xstrndup(p, n) : xstrdup(builtin_dir());
		len += strlen(d) + 1;
		ptrvec_push(&parts, d);
		p += n;
		if (!*p)
			break;
	}
	char *out = xcalloc(1, len);
	for (size_t i = 0; i < parts.n; i++) {
		strcat(strcat(out, i ? ":" : ""), parts.v[i]);
		free(parts.v[i]);
	}
	free(parts.v);
	return out;
}

/* The path of <name>.so in the first directory of `dirs` holding an entry
 * of that name (whatever it is: plugin_load refuses what is not a regular
 * file), or NULL when none does. */
static char *find_plugin(const char *dirs, const char *name)
{
	char *list = plugin_dirs_expand(dirs), *save = NULL, *found = NULL;
	for (char *d = strtok_r(list, ":", &save); d && !found; d = strtok_r(NULL, ":", &save)) {
		char *path = xasprintf("%s/%s.so", d, name);
		struct stat st;
		if (lstat(path, &st) == 0)
			found = path;
		else
			free(path);
	}
	free(list);
	return found;
}

int plugin_name_ok(const char *name)
{
	size_t n = strlen(name);
	return n > 0 && n <= 64 && strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_-") == n;
}

/* The number of rules, schemas and fields a descriptor may declare: far
 * above what an obligation needs, low enough that a count that is really a
 * stray pointer or -1 is refused before the core walks its arrays. */
#define PLUGIN_MAX_RULES 1024
#define PLUGIN_MAX_SCHEMAS 64
#define PLUGIN_MAX_FIELDS 4096

/* A field the core can walk: a path, a known type, an enum's values, and a
 * missing-field rule that is the plugin's own (a finding under another
 * plugin's id, or core's, would misplace the blame). */
static int validate_field(const loaded_plugin *p, const ppreg_schema *s, size_t i)
{
	const ppreg_field *f = &s->fields[i];
	if (!f->path || !*f->path)
		return error_set(_("plugin %s (%s): field %zu of %s has no path"), p->name, p->path, i, s->file);
	if ((unsigned)f->type > PPREG_T_AMOUNT || (f->type == PPREG_T_ENUM && !f->values))
		return error_set(_("plugin %s (%s): field %.80s of %s has an unknown type or an enum without "
		                 "values"), p->name, p->path, f->path, s->file);
	if (f->rule && !plugin_rule(p, f->rule))
		return error_set(_("plugin %s (%s): field %.80s of %s reports under rule '%.80s', which is not "
		                 "one of the plugin's rules"), p->name, p->path, f->path, s->file, f->rule);
	return 0;
}

static const ppreg_schema *schema_of(const ppreg_plugin *d, const char *file)
{
	for (size_t i = 0; i < d->n_schemas; i++)
		if (d->schemas[i].file && !strcmp(d->schemas[i].file, file))
			return &d->schemas[i];
	return NULL;
}

static const char *const *optional_files(const ppreg_plugin *d)
{
	return d->size >= MEMBER_END(ppreg_plugin, optional_files) ? d->optional_files : NULL;
}

/* Each optional file is the file of one of the plugin's schemas; the list
 * ends within as many entries as there are schemas. */
static int validate_optional(const loaded_plugin *p)
{
	const char *const *opt = optional_files(p->desc);
	for (size_t i = 0; opt && opt[i]; i++)
		if (i >= p->desc->n_schemas || !schema_of(p->desc, opt[i]))
			return error_set(_("plugin %s (%s): optional file '%.80s' is not the file of one of its schemas"),
			                 p->name, p->path, opt[i]);
	return 0;
}

int plugin_file_optional(const loaded_plugin *p, const char *file)
{
	const char *const *opt = optional_files(p->desc);
	for (size_t i = 0; opt && opt[i]; i++)
		if (!strcmp(opt[i], file))
			return 1;
	return 0;
}

/* Checks what the core relies on before it trusts the descriptor: every
 * pointer it follows and every count it walks. */
static int validate(const loaded_plugin *p)
{
	const ppreg_plugin *d = p->desc;
	if (d->abi_version < PPREG_ABI_MIN || d->abi_version > PPREG_ABI_VERSION)
		return error_set(_("plugin %s (%s): ABI version %u, this core supports %d to %d"),
		                 p->name, p->path, d->abi_version, PPREG_ABI_MIN, PPREG_ABI_VERSION);
	if (d->size < MEMBER_END(ppreg_plugin, check))
		return error_set(_("plugin %s (%s): descriptor of %zu bytes is too short for ABI %u"),
		                 p->name, p->path, d->size, d->abi_version);
	if (!d->name || strcmp(d->name, p->name))
		return error_set(_("plugin %s (%s): descriptor names itself '%.80s'"), p->name, p->path,
		                 d->name ? d->name : "(null)");
	if (!d->version || !d->check || (d->n_rules && !d->rules) || (d->n_schemas && !d->schemas))
		return error_set(_("plugin %s (%s): incomplete descriptor"), p->name, p->path);
	if (d->n_rules > PLUGIN_MAX_RULES || d->n_schemas > PLUGIN_MAX_SCHEMAS)
		return error_set(_("plugin %s (%s): %zu rules and %zu schemas; at most %d and %d"),
		                 p->name, p->path, d->n_rules, d->n_schemas, PLUGIN_MAX_RULES, PLUGIN_MAX_SCHEMAS);
	size_t nl = strlen(p->name);
	for (size_t i = 0; i < d->n_rules; i++) {
		const ppreg_rule *r = &d->rules[i];
		if (!r->id || strncmp(r->id, p->name, nl) || r->id[nl] != '.' || !r->summary ||
		    (r->severity != PPREG_SEV_ERROR && r->severity != PPREG_SEV_WARNING))
			return error_set(_("plugin %s (%s): rule %zu must be '%s.<check>' with a summary and "
			                 "severity error or warning"), p->name, p->path, i, p->name);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(d->rules[j].id, r->id))
				return error_set(_("plugin %s: rule %s declared twice"), p->name, r->id);
	}
	if (validate_optional(p) < 0)
		return ERR_FAIL;
	for (size_t i = 0; i < d->n_schemas; i++) {
		const ppreg_schema *s = &d->schemas[i];
		if (!s->file || (s->n_fields && !s->fields) || s->n_fields > PLUGIN_MAX_FIELDS)
			return error_set(_("plugin %s (%s): schema %zu is incomplete or has more than %d fields"),
			                 p->name, p->path, i, PLUGIN_MAX_FIELDS);
		for (size_t j = 0; j < s->n_fields; j++)
			if (validate_field(p, s, j) < 0)
				return ERR_FAIL;
	}
	return 0;
}

int plugin_load(loaded_plugin *out, const char *dirs, const char *name)
{
	memset(out, 0, sizeof *out);
	if (!plugin_name_ok(name))
		return error_set(_("plugin name '%.80s' refused: only [a-z0-9_-], no slash or dot"), name);
	out->name = xstrdup(name);
	out->path = find_plugin(dirs, name);
	if (!out->path) {
		char *searched = plugin_dirs_expand(dirs);
		error_set(_("plugin %s is missing: no %s.so in the plugin directories (%s); see --plugin-dir"), name,
		          name, searched);
		free(searched);
		goto fail;
	}
	struct stat st;
	if (lstat(out->path, &st) < 0 || !S_ISREG(st.st_mode)) {
		error_set(_("plugin %s: %s is not a regular file in the plugin directory"), name, out->path);
		goto fail;
	}
	if (sha256_file_hex(out->path, out->sha256) < 0)
		goto fail;
	out->handle = dlopen(out->path, RTLD_NOW | RTLD_LOCAL);
	if (!out->handle) {
		const char *why = dlerror();
		error_set(_("plugin %s: cannot load %s: %s"), name, out->path, why ? why : "unknown error");
		goto fail;
	}
	ppreg_entry_fn entry;
	*(void **)&entry = dlsym(out->handle, PPREG_ENTRY_SYMBOL);
	if (!entry) {
		error_set(_("plugin %s (%s): no %s symbol"), name, out->path, PPREG_ENTRY_SYMBOL);
		goto fail;
	}
	out->desc = entry(PPREG_ABI_VERSION);
	if (!out->desc) {
		error_set(_("plugin %s (%s): refuses core ABI %d"), name, out->path, PPREG_ABI_VERSION);
		goto fail;
	}
	if (validate(out) < 0)
		goto fail;
	i18n_bind_plugin(name, out->path);
	return 0;
fail:
	plugin_unload(out);
	return ERR_FAIL;
}

void plugin_unload(loaded_plugin *p)
{
	if (p->state && p->desc->size >= MEMBER_END(ppreg_plugin, teardown) && p->desc->teardown)
		p->desc->teardown(p->state);
	if (p->handle)
		dlclose(p->handle);
	free(p->name);
	free(p->path);
	memset(p, 0, sizeof *p);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_one_dir(ptrvec *v, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return error_set(_("plugin directory %s cannot be read"), dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name), seen = 0;
		if (len <= 3 || strcmp(e->d_name + len - 3, ".so"))
			continue;
		char *name = xstrndup(e->d_name, len - 3);
		for (size_t i = 0; i < v->n && !seen; i++)
			seen = !strcmp(v->v[i], name);
		if (plugin_name_ok(name) && !seen)
			ptrvec_push(v, name);
		else
			free(name);
	}
	closedir(d);
	return 0;
}

int plugin_list_dir(char ***names, size_t *n, const char *dirs)
{
	char *list = plugin_dirs_expand(dirs), *save = NULL;
	ptrvec v = {0};
	int rc = 0;
	for (char *d = strtok_r(list, ":", &save); d && rc == 0; d = strtok_r(NULL, ":", &save))
		rc = list_one_dir(&v, d);
	free(list);
	if (rc < 0) {
		for (size_t i = 0; i < v.n; i++)
			free(v.v[i]);
		free(v.v);
		return rc;
	}
	if (v.n)
		qsort(v.v, v.n, sizeof *v.v, str_cmp);
	*names = (char **)v.v;
	*n = v.n;
	return 0;
}

const ppreg_rule *plugin_rule(const loaded_plugin *p, const char *id)
{
	for (size_t i = 0; i < p->desc->n_rules; i++)
		if (!strcmp(p->desc->rules[i].id, id))
			return &p->desc->rules[i];
	return NULL;
}

size_t plugin_n_schemas(const loaded_plugin *p)
{
	return p->desc->size >= MEMBER_END(ppreg_plugin, n_schemas) ? p->desc->n_schemas : 0;
}

int (*plugin_setup_fn(const loaded_plugin *p))(ppreg_check *, void **)
{
	return p->desc->size >= MEMBER_END(ppreg_plugin, setup) ? p->desc->setup : NULL;
}
