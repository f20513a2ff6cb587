/*
 * cli/describe.c - a declaration file's format under the registry's policy,
 * for `init` and `schema`.
 */
#include "cli/describe.h"
#include "cli/options.h"
#include "judge/changed.h"
#include "policy/schema_export.h"
#include "yaml/date.h"

#include <stdlib.h>
#include <string.h>

int describe_open(run **out, const char *cmd, const describe_options *o)
{
	/* The working files: the author's registry.yaml is the one to follow,
	 * committed or not. */
	run_options ro = {.registry_path = o->registry_path ? o->registry_path : ".", .worktree = REGISTRY_WORKTREE,
	                  .policy_file = o->policy_file, .plugin_dir = o->plugin_dir};
	ro.as_of = date_today_utc();
	if (run_open(out, &ro) < 0)
		return usage_error(cmd, "%s", error_last());
	return 0;
}

static const char *rule_summary(const void *ctx, const char *id)
{
	const ppreg_rule *rule = run_find_rule(ctx, id);
	return rule ? rule->summary : NULL;
}

char *describe_file(const run *r, const char *file, int as_json)
{
	field_set fs = strcmp(file, "registry.yaml") ? run_fields_for(r, file) : changed_registry_fields();
	schema *s = schema_compile(&fs);
	char *policy_ref = xasprintf("%s/%s", r->pol->id, r->pol->version);
	schema_export x = {file, policy_ref, rule_summary, r};
	char *text = as_json ? schema_json(s, &x) : schema_template(s, &x);
	free(policy_ref);
	schema_free(s);
	field_set_free(&fs);
	return text;
}
