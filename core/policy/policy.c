/*
 * policy/policy.c - loading and validating a policy file.
 *
 * A policy problem is an environment failure (exit 2), never a finding: no
 * verdict may rest on a policy we could not read completely.
 */
#include "policy/policy.h"
#include "base/i18n.h"
#include "yaml/scalar.h"
#include "yaml/loader.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const yaml_limits policy_default_limits = {1048576, 32, 64, 100000};

static int is_safe_name(const char *s, const char *extra)
{
	if (!*s || *s == '.' || *s == '-')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || strchr(extra, *s)))
			return 0;
	return 1;
}

int policy_path_for_ref(char **out, const char *dir, const char *ref)
{
	const char *slash = strchr(ref, '/');
	if (!slash || strchr(slash + 1, '/'))
		return error_set(_("policy reference '%.80s' is not <id>/<version>"), ref);
	char *id = xstrndup(ref, (size_t)(slash - ref));
	int ok = is_safe_name(id, "") && is_safe_name(slash + 1, ".") && !strstr(slash + 1, "..");
	if (ok)
		*out = xasprintf("%s/%s-%s.yaml", dir, id, slash + 1);
	free(id);
	return ok ? 0 : error_set(_("policy reference '%.80s' has characters outside [a-z0-9.-]"), ref);
}

const char *policy_default_dir(void)
{
	static char dir[4096];
	return data_dir(dir, sizeof dir, "PPREG_POLICY_DIR", "policies", PPREG_REL_POLICY_DIR);
}

static int policy_error(const policy *p, const ppreg_node *n, const char *what)
{
	return error_set(_("policy %s:%u: %s"), p->path, n ? n->line : 1, what);
}

static int read_string(const policy *p, const ppreg_node *root, const char *key, char **out)
{
	const char *s;
	if (node_str(node_get(root, key), &s) != PPREG_OK)
		return error_set(_("policy %s: '%s' must be a string"), p->path, key);
	*out = xstrdup(s);
	return 0;
}

static int read_limits(policy *p, const ppreg_node *n)
{
	/* The ceilings keep a policy from disarming the limits: libyaml's time
	 * grows with the square of the flow nesting (docs/hostile-input.md),
	 * and the loader's memory with the nodes and bytes. */
	static const char *keys[] = {"max_file_bytes", "max_depth", "max_aliases", "max_nodes"};
	static const long long ceiling[] = {1LL << 30, 10000, 1000000, 10000000};
	size_t *dst[] = {&p->limits.max_bytes, &p->limits.max_depth, &p->limits.max_aliases, &p->limits.max_nodes};
	p->limits = policy_default_limits;
	p->plugin_seconds = 30;
	p->plugin_memory_mb = 2048;
	p->plugin_timeouts_in_a_row = 3;
	if (!n)
		return 0;
	long long v;
	int src = node_int(node_get(n, "plugin_seconds"), &v);
	if (src == PPREG_OK && v >= 1 && v <= 3600)
		p->plugin_seconds = (unsigned)v;
	else if (src != PPREG_ABSENT)
		return policy_error(p, n, _("limits.plugin_seconds must be an integer from 1 to 3600"));
	src = node_int(node_get(n, "plugin_memory_mb"), &v);
	if (src == PPREG_OK && v >= 16 && v <= 1048576)
		p->plugin_memory_mb = (unsigned)v;
	else if (src != PPREG_ABSENT)
		return policy_error(p, n, _("limits.plugin_memory_mb must be an integer from 16 to 1048576"));
	src = node_int(node_get(n, "plugin_timeouts_in_a_row"), &v);
	if (src == PPREG_OK && v >= 1 && v <= 1000000)
		p->plugin_timeouts_in_a_row = (unsigned)v;
	else if (src != PPREG_ABSENT)
		return policy_error(p, n, _("limits.plugin_timeouts_in_a_row must be an integer from 1 to 1000000"));
	for (size_t i = 0; i < 4; i++) {
		int rc = node_int(node_get(n, keys[i]), &v);
		if (rc == PPREG_ABSENT)
			continue;
		if (rc || v < 1 || v > ceiling[i])
			return policy_error(p, n, _("limits must be positive integers: max_file_bytes at most 1 GiB, "
			                    "max_depth 10000, max_aliases 1000000, max_nodes 10000000"));
		*dst[i] = (size_t)v;
	}
	return 0;
}

static int read_files(policy *p, const ppreg_node *n)
{
	if (node_kind(n) != PPREG_NODE_LIST || !node_count(n))
		return policy_error(p, n, _("'declaration_files' must be a non-empty list"));
	p->n_files = node_count(n);
	p->files = xcalloc(p->n_files, sizeof *p->files);
	for (size_t i = 0; i < p->n_files; i++) {
		const char *s;
		if (node_str(node_item(n, i), &s) || !is_safe_name(s, "._") )
			return policy_error(p, node_item(n, i), _("a declaration file name must be a plain file name"));
		p->files[i] = xstrdup(s);
	}
	return 0;
}

static int read_severity(policy *p, const ppreg_node *n)
{
	if (!n)
		return 0;
	if (node_kind(n) != PPREG_NODE_MAP && node_kind(n) != PPREG_NODE_NULL)
		return policy_error(p, n, _("'severity' must map rule ids to error, warning or off"));
	p->n_overrides = node_count(n);
	p->overrides = xcalloc(p->n_overrides, sizeof *p->overrides);
	for (size_t i = 0; i < p->n_overrides; i++) {
		const char *s;
		if (node_str(node_item(n, i), &s))
			return policy_error(p, node_item(n, i), _("severity must be error, warning or off"));
		int sev = !strcmp(s, "error") ? PPREG_SEV_ERROR : !strcmp(s, "warning") ? PPREG_SEV_WARNING :
		          !strcmp(s, "off") ? PPREG_SEV_OFF : -1;
		if (sev < 0)
			return policy_error(p, node_item(n, i), _("severity must be error, warning or off"));
		p->overrides[i].rule = node_key(n, i);
		p->overrides[i].severity = sev;
	}
	return 0;
}

static int read_plugins(policy *p, const ppreg_node *n)
{
	if (node_kind(n) != PPREG_NODE_LIST || !node_count(n))
		return policy_error(p, n, _("'plugins' must be a non-empty list"));
	if (node_count(n) > POLICY_MAX_PLUGINS)
		return policy_error(p, n, _("'plugins' lists more plugins than the 64 a policy may list"));
	p->n_plugins = node_count(n);
	p->plugins = xcalloc(p->n_plugins, sizeof *p->plugins);
	for (size_t i = 0; i < p->n_plugins; i++) {
		const ppreg_node *item = node_item(n, i), *params = node_get(item, "params");
		const char *name;
		if (node_str(node_get(item, "name"), &name))
			return policy_error(p, item, _("each plugin needs a 'name'"));
		if (params && node_kind(params) != PPREG_NODE_MAP && node_kind(params) != PPREG_NODE_NULL)
			return policy_error(p, params, _("a plugin's 'params' must be a mapping"));
		p->plugins[i].name = xstrdup(name);
		p->plugins[i].params = node_kind(params) == PPREG_NODE_MAP ? params : NULL;
	}
	return 0;
}

/* One duration of the attestation block: absent keeps *text as it is. */
static int read_bound(policy *p, const ppreg_node *n, const char *key, const char **text, ppreg_duration *d)
{
	const ppreg_node *v = node_get(n, key);
	if (!v)
		return 0;
	if (node_str(v, text) != PPREG_OK || node_duration(v, d) != PPREG_OK)
		return error_set(_("policy %s:%u: attestation.%s must be an ISO-8601 duration"), p->path, v->line, key);
	return 0;
}

/* A malformed bound must stop the run, never lift the bound: so every key
 * is known (a misspelt max_valid_for would remove the maximum) and every
 * value has its type. */
static int read_attestation(policy *p, const ppreg_node *n)
{
	static const char known[] = "default_valid_for|max_valid_for|verified_level";
	policy_attestation *a = &p->attestation;
	const ppreg_node *level = node_get(n, "verified_level");
	a->default_valid_for = "P1Y";
	a->default_duration = (ppreg_duration){.years = 1};
	if (n && node_kind(n) != PPREG_NODE_MAP && node_kind(n) != PPREG_NODE_NULL)
		return policy_error(p, n, _("'attestation' must be a mapping"));
	for (size_t i = 0; i < node_count(n); i++)
		if (scalar_enum(node_key(n, i), known) < 0)
			return error_set(_("policy %s:%u: attestation.%s is not a setting (%s)"), p->path,
			                 node_item(n, i)->line, node_key(n, i), known);
	if (read_bound(p, n, "default_valid_for", &a->default_valid_for, &a->default_duration) < 0)
		return ERR_FAIL;
	a->max_valid_for = a->default_valid_for;
	a->max_duration = a->default_duration;
	if (read_bound(p, n, "max_valid_for", &a->max_valid_for, &a->max_duration) < 0)
		return ERR_FAIL;
	if (level && (node_str(level, &a->verified_level) != PPREG_OK || !*a->verified_level))
		return policy_error(p, level, _("attestation.verified_level must be a non-empty string"));
	return 0;
}

/* Parses the file; a parse problem becomes the error message. */
static int parse_policy_file(policy *p)
{
	unsigned char *data;
	size_t len;
	if (read_file_nofollow(p->path, policy_default_limits.max_bytes, &data, &len) < 0)
		return error_set(_("cannot read policy: %s"), error_last());
	if (sha256_hex(data, len, p->sha256) < 0) {
		free(data);
		return ERR_FAIL;
	}
	finding_list fl = {0};
	finding_sink sink = {.list = &fl};
	p->doc = ydoc_parse(p->path, data, len, &policy_default_limits, &sink);
	free(data);
	int rc = 0;
	if (!p->doc || fl.n) {
		findings_sort(&fl);
		rc = fl.n ? error_set(_("policy %s:%u:%u: %s"), p->path, fl.v[0].line, fl.v[0].column, fl.v[0].message)
		          : error_set(_("policy %s: cannot be parsed"), p->path);
	}
	findings_free(&fl);
	return rc;
}

int policy_load(policy **out, const char *path)
{
	policy *p = xcalloc(1, sizeof *p);
	p->path = xstrdup(path);
	const char *slash = strrchr(path, '/');
	p->dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	const ppreg_node *root;
	const char *fmt;
	if (parse_policy_file(p) < 0)
		goto fail;
	root = ydoc_root(p->doc);
	if (node_kind(root) != PPREG_NODE_MAP || node_str(node_get(root, "format"), &fmt) || strcmp(fmt, "ppreg/1")) {
		policy_error(p, root, _("a policy is a mapping starting with 'format: ppreg/1'"));
		goto fail;
	}
	if (read_string(p, root, "id", &p->id) < 0 || read_string(p, root, "version", &p->version) < 0 ||
	    read_files(p, node_get(root, "declaration_files")) < 0 ||
	    read_limits(p, node_get(root, "limits")) < 0 ||
	    read_severity(p, node_get(root, "severity")) < 0 ||
	    read_plugins(p, node_get(root, "plugins")) < 0 ||
	    read_attestation(p, node_get(root, "attestation")) < 0)
		goto fail;
	*out = p;
	return 0;
fail:
	policy_free(p);
	return ERR_FAIL;
}

void policy_free(policy *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n_files; i++)
		free(p->files[i]);
	for (size_t i = 0; i < p->n_plugins; i++)
		free(p->plugins[i].name);
	free(p->files);
	free(p->plugins);
	free(p->overrides);
	free(p->id);
	free(p->version);
	free(p->path);
	free(p->dir);
	ydoc_free(p->doc);
	free(p);
}
