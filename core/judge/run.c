/*
 * judge/run.c - setting up a run: registry, registry.yaml, policy, plugins.
 *
 * Everything that can make a run impossible happens here, before any
 * platform is judged, so a run either reports every platform or exits 2
 * having judged none.
 */
#include "judge/run.h"
#include "base/i18n.h"
#include "judge/digest_memo.h"
#include "yaml/node.h"
#include "yaml/loader.h"
#include "judge/platform_check.h"
#include "judge/core_rules.h"
#include "judge/probe.h"
#include "judge/authority.h"
#include "registry/registry_worktree.h"
#include "base/i18n.h"
#include "base/suggest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *verdict_text(verdict v)
{
	return v == VERDICT_COMPLIANT ? _("compliant") : v == VERDICT_NON_COMPLIANT ? _("non-compliant") : _("invalid");
}

const char *verdict_name(verdict v)
{
	return v == VERDICT_COMPLIANT ? "compliant" : v == VERDICT_NON_COMPLIANT ? "non-compliant" : "invalid";
}

/* registry.yaml names the policy; it is read at the same revision. */
int run_policy_ref(registry *reg, const char *rev, char **ref)
{
	unsigned char *data = NULL;
	size_t len = 0;
	int rc = registry_read_root_file(reg, "registry.yaml", policy_default_limits.max_bytes, &data, &len);
	if (rc == PPREG_ABSENT && !*registry_commit(reg))
		return (error_set(_("%s: not a ppreg registry (no registry.yaml in %s, nor in a folder above)"),
		                  registry_path(reg), registry_outside_git(reg) ? _("the folder") : _("the work tree")),
		        PPREG_ABSENT);
	if (rc == PPREG_ABSENT)
		return (error_set(_("%s: not a ppreg registry (no registry.yaml at %s, nor in a folder above)"),
		                  registry_path(reg), rev ? rev : "HEAD"), PPREG_ABSENT);
	if (rc == ERR_FAIL)
		return rc; /* the registry's message names the file and its object */
	if (rc < 0)
		return error_set(_("%s/registry.yaml: cannot be read%s"), registry_path(reg),
		                 rc == ERR_TOO_LARGE ? " (too large)" : "");
	finding_list fl = {0};
	finding_sink sink = {.list = &fl};
	ydoc *doc = ydoc_parse("registry.yaml", data, len, &policy_default_limits, &sink);
	free(data);
	const char *s = NULL;
	if (!doc || fl.n) {
		findings_sort(&fl);
		rc = fl.n ? error_set(_("registry.yaml:%u:%u: %s: %s"), fl.v[0].line, fl.v[0].column,
		                      fl.v[0].rule, fl.v[0].message)
		          : error_set(_("registry.yaml: cannot be parsed"));
	} else if (node_str(node_get(ydoc_root(doc), "format"), &s) != PPREG_OK || strcmp(s, "ppreg/1")) {
		/* a registry of another format is not one this ppreg can judge */
		rc = (error_set(_("registry.yaml: expected 'format: ppreg/1'; a registry of another format cannot be judged")),
		      ERR_OTHER_FORMAT);
	} else if (node_str(node_get(ydoc_root(doc), "policy"), &s) != PPREG_OK) {
		rc = error_set(_("registry.yaml: 'policy: <id>/<version>' is missing"));
	} else {
		*ref = xstrdup(s);
		rc = 0;
	}
	findings_free(&fl);
	ydoc_free(doc);
	return rc;
}

static int open_policy(run *r)
{
	char *ref = NULL;
	int rc = run_policy_ref(r->reg, r->opts.rev, &ref);
	if (rc == ERR_OTHER_FORMAT || (rc < 0 && !r->opts.policy_file))
		return ERR_FAIL; /* --policy stands in for a missing reference, not for another format */
	if (r->opts.policy_file) {
		r->policy_path = xstrdup(r->opts.policy_file);
	} else if (policy_path_for_ref(&r->policy_path, policy_default_dir(), ref) < 0) {
		free(ref);
		return ERR_FAIL;
	}
	rc = policy_load(&r->pol, r->policy_path);
	if (rc == 0 && !r->opts.policy_file) {
		char *have = xasprintf("%s/%s", r->pol->id, r->pol->version);
		if (strcmp(have, ref))
			rc = error_set(_("%s: declares policy %s, registry.yaml names %s"), r->policy_path, have, ref);
		free(have);
	}
	free(ref);
	return rc;
}

const ppreg_rule *run_find_rule(const run *r, const char *id)
{
	size_t n;
	const ppreg_rule *core = core_rules(&n), *rule = NULL;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(core[i].id, id))
			return &core[i];
	for (size_t i = 0; !rule && i < r->n_plugins; i++)
		rule = plugin_rule(&r->plugins[i], id);
	return rule;
}

/* Whether a rule is known to the run; if not, *near is the nearest id. */
static int rule_known(const run *r, const char *id, const char **near)
{
	size_t n;
	const ppreg_rule *core = core_rules(&n);
	suggestion sg;
	if (run_find_rule(r, id))
		return 1;
	suggest_init(&sg, id);
	for (size_t i = 0; i < n; i++)
		suggest_offer(&sg, core[i].id);
	for (size_t i = 0; i < r->n_plugins; i++)
		for (size_t j = 0; j < r->plugins[i].desc->n_rules; j++)
			suggest_offer(&sg, r->plugins[i].desc->rules[j].id);
	*near = suggest_best(&sg);
	return 0;
}

static void add_file(run *r, const char *file, int optional)
{
	for (size_t i = 0; i < r->n_files; i++)
		if (!strcmp(r->files[i], file))
			return;
	r->files = xrealloc(r->files, (r->n_files + 1) * sizeof *r->files);
	r->optional = xrealloc(r->optional, r->n_files + 1);
	r->files[r->n_files] = xstrdup(file);
	r->optional[r->n_files++] = (unsigned char)optional;
}

/* A plugin judges its files only if they are read: each loaded plugin's
 * schema file is a declaration file, required unless the plugin says a
 * platform may lack it, so that a plugin the policy names never judges
 * nothing while its run says "compliant". */
static void collect_files(run *r)
{
	for (size_t i = 0; i < r->pol->n_files; i++)
		add_file(r, r->pol->files[i], 0);
	for (size_t i = 0; i < r->n_plugins; i++) {
		const ppreg_plugin *d = r->plugins[i].desc;
		for (size_t j = 0; j < plugin_n_schemas(&r->plugins[i]); j++)
			add_file(r, d->schemas[j].file, plugin_file_optional(&r->plugins[i], d->schemas[j].file));
	}
}

size_t run_declaration_files(const run *r, const char ***out)
{
	*out = (const char **)r->files;
	return r->n_files;
}

int run_load_plugins(run *r)
{
	r->plugin_dir = r->opts.plugin_dir ? r->opts.plugin_dir : plugin_default_dir();
	r->plugins = xcalloc(r->pol->n_plugins, sizeof *r->plugins);
	for (size_t i = 0; i < r->pol->n_plugins; i++) {
		for (size_t j = 0; j < i; j++)
			if (!strcmp(r->pol->plugins[j].name, r->pol->plugins[i].name))
				return error_set(_("policy %s: plugin %s listed twice"), r->policy_path, r->pol->plugins[i].name);
		probe_step(r, 'L', i);
		if (plugin_load(&r->plugins[i], r->plugin_dir, r->pol->plugins[i].name) < 0)
			return ERR_FAIL;
		r->plugins[i].params = r->pol->plugins[i].params;
		r->n_plugins = i + 1;
	}
	for (size_t i = 0; i < r->pol->n_overrides; i++) {
		const char *near = NULL;
		if (!rule_known(r, r->pol->overrides[i].rule, &near))
			return error_set(_("policy %s: severity given for unknown rule '%s'%s%s%s"), r->policy_path,
			                 r->pol->overrides[i].rule, near ? _("; did you mean '") : "",
			                 near ? near : "", near ? "'?" : "");
	}
	r->overrides = r->pol->overrides;
	r->n_overrides = r->pol->n_overrides;
	collect_files(r);
	return 0;
}

field_set run_fields_for(const run *r, const char *file)
{
	field_set fs = {0};
	for (size_t i = 0; i < r->n_plugins; i++) {
		const ppreg_plugin *d = r->plugins[i].desc;
		for (size_t j = 0; j < plugin_n_schemas(&r->plugins[i]); j++)
			if (!strcmp(d->schemas[j].file, file))
				for (size_t k = 0; k < d->schemas[j].n_fields; k++)
					field_set_add(&fs, &d->schemas[j].fields[k]);
	}
	return fs;
}

/* Each declaration file's schema, compiled once for every platform. */
static int compile_schemas(run *r)
{
	r->schemas = xcalloc(r->n_files ? r->n_files : 1, sizeof *r->schemas);
	for (size_t i = 0; i < r->n_files; i++) {
		field_set fs = run_fields_for(r, r->files[i]);
		r->schemas[i] = schema_compile(&fs);
		field_set_free(&fs);
	}
	return 0;
}

/* The plugins loaded in this process, after the probe: what a plugin's
 * constructors or entry point print goes to stderr, not into the report
 * this process writes on stdout. */
static int load_plugins_quietly(run *r)
{
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	if (saved < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
		if (saved >= 0)
			close(saved);
		return error_set(_("cannot set stdout aside: %s"), strerror(errno));
	}
	int rc = run_load_plugins(r);
	fflush(stdout);
	if (dup2(saved, STDOUT_FILENO) < 0)
		rc = error_set(_("cannot restore stdout: %s"), strerror(errno));
	close(saved);
	return rc;
}

int run_open(run **out, const run_options *opts)
{
	run *r = xcalloc(1, sizeof *r);
	r->result_fd = -1;
	r->probe_fd = -1;
	r->opts = *opts;
	if (registry_open(&r->reg, opts->registry_path, opts->rev, opts->worktree) < 0 ||
	    open_policy(r) < 0 || authority_load(r) < 0 || probe_plugins(r) < 0 || load_plugins_quietly(r) < 0 ||
	    compile_schemas(r) < 0) {
		run_free(r);
		return ERR_FAIL;
	}
	*out = r;
	return 0;
}

void run_free(run *r)
{
	if (!r)
		return;
	for (size_t i = 0; r->schemas && i < r->n_files; i++)
		schema_free(r->schemas[i]);
	free(r->schemas);
	for (size_t i = 0; i < r->n_files; i++)
		free(r->files[i]);
	free(r->files);
	free(r->optional);
	for (size_t i = 0; i < r->n_plugins; i++)
		plugin_unload(&r->plugins[i]);
	free(r->plugins);
	policy_free(r->pol);
	free(r->policy_path);
	registry_free(r->reg);
	digest_memo_free(r->digests);
	authority_free(r);
	free(r);
}

static int listed_in(char **ids, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(ids[i], id))
			return 1;
	return 0;
}

int run_no_platform(run *r, const char *id)
{
	char **ids = NULL, **loose = NULL;
	size_t n = 0, n_loose = 0;
	const char *at = r->opts.worktree == REGISTRY_INDEX ? _("the staged content") :
	                 r->opts.worktree ? _("the work tree") : r->opts.rev ? r->opts.rev : "HEAD";
	if (registry_uncommitted_platforms(r->reg, &loose, &n_loose) == 0 && listed_in(loose, n_loose, id)) {
		registry_free_ids(loose, n_loose);
		return error_set(_("no platform '%s' at %s: platforms/%s is in the work tree but not committed; "
		                   "commit it, or judge the work tree with --worktree"), id, at, id);
	}
	registry_free_ids(loose, n_loose);
	suggestion sg;
	suggest_init(&sg, id);
	if (registry_platform_ids(r->reg, &ids, &n) == 0)
		for (size_t i = 0; i < n; i++)
			suggest_offer(&sg, ids[i]);
	int rc = suggest_best(&sg)
	         ? error_set(_("no platform '%s' in %s at %s; did you mean '%s'?"), id, r->opts.registry_path, at,
	                     suggest_best(&sg))
	         : error_set(_("no platform '%s' in %s at %s"), id, r->opts.registry_path, at);
	registry_free_ids(ids, n);
	return rc;
}

int run_platform_ids(run *r, char ***ids, size_t *n)
{
	return registry_platform_ids(r->reg, ids, n);
}

int run_named_ids(run *r, char *const *named, size_t n_named, char ***ids, size_t *n)
{
	if (!n_named)
		return run_platform_ids(r, ids, n);
	*ids = xcalloc(n_named, sizeof **ids);
	for (*n = 0; *n < n_named; (*n)++)
		(*ids)[*n] = xstrdup(named[*n]);
	return 0;
}

size_t run_rules(const run *r, rule_ref **out)
{
	size_t n_core;
	const ppreg_rule *core = core_rules(&n_core);
	size_t n = n_core;
	for (size_t i = 0; i < r->n_plugins; i++)
		n += r->plugins[i].desc->n_rules;
	rule_ref *v = xcalloc(n, sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < n_core; i++)
		v[k++] = (rule_ref){&core[i], "core"};
	for (size_t i = 0; i < r->n_plugins; i++)
		for (size_t j = 0; j < r->plugins[i].desc->n_rules; j++)
			v[k++] = (rule_ref){&r->plugins[i].desc->rules[j], r->plugins[i].name};
	*out = v;
	return n;
}
