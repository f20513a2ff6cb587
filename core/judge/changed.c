/*
 * judge/changed.c - judging a change: the platforms it touches through the same
 * scheduler as a full check (judge_platforms), and the registry's own
 * files through a pseudo-entry, RUN_REGISTRY_ENTRY, whose findings every
 * reporter shows like a platform's:
 *   - registry.yaml, when it changed, is parsed and checked against its
 *     format (name, authority, policy; core.yaml-syntax, core.type,
 *     core.unknown-field...);
 *   - every other file changed outside the platform folders (a file
 *     directly under platforms/ too) is a core.outside-change finding (a
 *     warning, unless the policy's `severity` raises it).
 */
#include "judge/changed.h"
#include "base/i18n.h"
#include "judge/authority.h"
#include "yaml/node.h"
#include "policy/schema.h"
#include "yaml/loader.h"
#include "judge/platform_check.h"

#include <stdlib.h>
#include <string.h>

static const ppreg_field registry_fields[] = {
	{"name", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"authority", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"policy", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
};

field_set changed_registry_fields(void)
{
	field_set fs = {0};
	for (size_t i = 0; i < sizeof registry_fields / sizeof *registry_fields; i++)
		field_set_add(&fs, &registry_fields[i]);
	return fs;
}

/* registry.yaml at the state judged; 1 when it could not be read at all
 * (a finding says why), ERR_FAIL when its object could not be read. */
static int check_registry_yaml(run *r, finding_sink *sink)
{
	unsigned char *data = NULL;
	size_t len = 0;
	int rc = registry_read_root_file(r->reg, "registry.yaml", r->pol->limits.max_bytes, &data, &len);
	if (rc == PPREG_ABSENT) {
		sink_add(sink, "core.missing-file", PPREG_SEV_ERROR, "registry.yaml", 1, 1,
		         _("registry.yaml is missing from the registry root"));
		return 1;
	}
	if (rc == ERR_FAIL)
		return rc;
	if (rc < 0) {
		sink_add(sink, rc == ERR_TOO_LARGE ? "core.limits" : "core.tree-entry", PPREG_SEV_ERROR,
		         "registry.yaml", 1, 1, _("registry.yaml cannot be read (%s)"),
		         rc == ERR_TOO_LARGE ? _("too large") : _("not a regular file"));
		return 1;
	}
	ydoc *doc = ydoc_parse("registry.yaml", data, len, &r->pol->limits, sink);
	free(data);
	if (!doc)
		return 1;
	field_set fs = changed_registry_fields();
	schema_check(ydoc_root(doc), "registry.yaml", &fs, sink);
	field_set_free(&fs);
	ydoc_free(doc);
	return 0;
}

/* Whether a change touches the authority's record itself: every platform
 * is then judged again, since the record decides their authorizations. */
static int touches_record(const registry_changes *ch)
{
	for (size_t i = 0; i < ch->n_outside; i++)
		if (!strncmp(ch->outside[i], "authority/", 10))
			return 1;
	return 0;
}

/* Whether a change touches the authority's record (or registry.yaml,
 * which a full check judges with the record). */
static int touches_authority(const registry_changes *ch)
{
	return ch->registry_yaml || touches_record(ch);
}

static int judge_registry_entry(run *r, const registry_changes *ch, platform_result *p)
{
	memset(p, 0, sizeof *p);
	p->id = xstrdup(RUN_REGISTRY_ENTRY);
	finding_sink sink = {&p->findings, r->overrides, r->n_overrides, r->opts.strict};
	int unreadable = ch->registry_yaml ? check_registry_yaml(r, &sink) : 0;
	if (unreadable < 0)
		return unreadable;
	if (touches_authority(ch) && authority_check_ids(r, &sink) < 0)
		return ERR_FAIL;
	for (size_t i = 0; i < ch->n_outside; i++) {
		if (i + 1 == ch->n_outside && ch->n_outside_more)
			sink_add(&sink, "core.outside-change", PPREG_SEV_WARNING, ch->outside[i], 1, 1,
			         i18n_ntext("changed outside the platform folders and registry.yaml (and %zu more file)",
			                    "changed outside the platform folders and registry.yaml (and %zu more files)",
			                    ch->n_outside_more),
			         ch->n_outside_more);
		else
			sink_add(&sink, "core.outside-change", PPREG_SEV_WARNING, ch->outside[i], 1, 1,
			         _("changed outside the platform folders and registry.yaml"));
	}
	findings_sort(&p->findings);
	p->verdict = unreadable ? VERDICT_INVALID :
	             findings_count(&p->findings, PPREG_SEV_ERROR) ? VERDICT_NON_COMPLIANT : VERDICT_COMPLIANT;
	return 0;
}

int changed_judge_registry_yaml(run *r, platform_result *p)
{
	registry_changes only_yaml = {.registry_yaml = 1};
	int rc = judge_registry_entry(r, &only_yaml, p);
	return rc < 0 ? rc : p->findings.n > 0 || p->verdict != VERDICT_COMPLIANT;
}

int changed_judge(run *r, const registry_changes *ch, const judge_options *o, changed_result *out)
{
	int with_registry = ch->registry_yaml || ch->n_outside;
	char **ids = ch->checked, **all = NULL;
	size_t n = ch->n_checked;
	if (touches_record(ch) && run_platform_ids(r, &all, &n) < 0)
		return ERR_FAIL;
	if (all)
		ids = all;
	out->platforms = xcalloc(n + 1, sizeof *out->platforms);
	out->removed = ch->removed;
	out->n_removed = ch->n_removed;
	out->outside = ch->outside;
	out->n_outside = ch->n_outside;
	int rc = 0;
	if (n) {
		out->n_platforms = n;
		rc = judge_platforms(r, ids, n, o, out->platforms);
	}
	registry_free_ids(all, all ? n : 0);
	if (rc < 0)
		return ERR_FAIL;
	if (with_registry)
		return judge_registry_entry(r, ch, &out->platforms[out->n_platforms++]);
	return 0;
}

void changed_result_free(changed_result *c)
{
	for (size_t i = 0; i < c->n_platforms; i++)
		platform_result_free(&c->platforms[i]);
	free(c->platforms);
	c->platforms = NULL;
	c->n_platforms = 0;
}
