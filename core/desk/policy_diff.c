/*
 * desk/policy_diff.c - one registry under two policies (policy_diff.h).
 */
#include "desk/policy_diff.h"
#include "desk/desk.h"
#include "base/i18n.h"
#include "judge/platform_check.h"
#include "report/report.h"
#include "yaml/date.h"

#include <stdlib.h>
#include <string.h>

/* Platforms judged at once under each policy. */
#define SLICE 512

/* The rules of a verdict with their highest severity, sorted by rule. */
static size_t rule_levels(const finding_list *fl, rule_delta **out)
{
	rule_delta *v = xcalloc(fl->n + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < fl->n; i++) {
		size_t j = 0;
		while (j < n && strcmp(v[j].rule, fl->v[i].rule))
			j++;
		if (j == n)
			v[n++] = (rule_delta){fl->v[i].rule, PPREG_SEV_OFF, PPREG_SEV_OFF};
		if (fl->v[i].severity > v[j].from)
			v[j].from = fl->v[i].severity;
	}
	*out = v;
	return n;
}

static int delta_cmp(const void *x, const void *y)
{
	return strcmp(((const rule_delta *)x)->rule, ((const rule_delta *)y)->rule);
}

/* The row of one platform, or 0 when nothing differs. */
static int compare(const platform_result *x, const platform_result *y, policy_row *row)
{
	rule_delta *a, *b;
	size_t na = rule_levels(&x->findings, &a), nb = rule_levels(&y->findings, &b), i = 0, j = 0;
	qsort(a, na, sizeof *a, delta_cmp), qsort(b, nb, sizeof *b, delta_cmp);
	*row = (policy_row){xstrdup(x->id), x->verdict, y->verdict, xcalloc(na + nb + 1, sizeof *row->rules), 0};
	while (i < na || j < nb) {
		int c = i == na ? 1 : j == nb ? -1 : strcmp(a[i].rule, b[j].rule);
		int from = c <= 0 ? a[i].from : PPREG_SEV_OFF, to = c >= 0 ? b[j].from : PPREG_SEV_OFF;
		if (from != to)
			row->rules[row->n_rules++] = (rule_delta){xstrdup(c <= 0 ? a[i].rule : b[j].rule), from, to};
		i += c <= 0, j += c >= 0;
	}
	free(a), free(b);
	return row->n_rules || row->from != row->to;
}

static void free_row(policy_row *row)
{
	for (size_t i = 0; i < row->n_rules; i++)
		free(row->rules[i].rule);
	free(row->rules), free(row->id);
}

static int slice(run *a, run *b, char *const *ids, size_t n, const judge_options *jo, policy_diff *out)
{
	platform_result *x = xcalloc(n, sizeof *x), *y = xcalloc(n, sizeof *y);
	int rc = judge_platforms(a, ids, n, jo, x);
	if (rc == 0)
		rc = judge_platforms(b, ids, n, jo, y);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		policy_row row;
		out->platforms++;
		out->verdicts_changed += x[i].verdict != y[i].verdict;
		if (compare(&x[i], &y[i], &row)) {
			out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
			out->v[out->n++] = row;
		} else {
			free_row(&row);
		}
	}
	for (size_t i = 0; i < n; i++)
		platform_result_free(&x[i]), platform_result_free(&y[i]);
	free(x), free(y);
	return rc;
}

int policy_diff_run(run *a, run *b, char *const *ids, size_t n, const judge_options *jo, policy_diff *out)
{
	for (size_t i = 0; i < n; i += SLICE)
		if (slice(a, b, ids + i, n - i < SLICE ? n - i : SLICE, jo, out) < 0)
			return ERR_FAIL;
	return 0;
}

void policy_diff_free(policy_diff *d)
{
	for (size_t i = 0; i < d->n; i++)
		free_row(&d->v[i]);
	free(d->v);
	*d = (policy_diff){0};
}

static const char *level(int severity)
{
	return severity == PPREG_SEV_OFF ? "none" : severity_name(severity);
}

int policy_diff_write_text(FILE *out, const policy_diff *d, const run *a, const run *b)
{
	for (size_t i = 0; i < d->n; i++) {
		const policy_row *row = &d->v[i];
		char *id = display_text(row->id);
		fprintf(out, "== %s: %s -> %s\n", id, verdict_name(row->from), verdict_name(row->to));
		free(id);
		for (size_t j = 0; j < row->n_rules; j++) {
			const rule_delta *r = &row->rules[j];
			fprintf(out, "   %c %s (%s -> %s)\n", !r->from ? '+' : !r->to ? '-' : '~', r->rule, level(r->from),
			        level(r->to));
		}
	}
	char day[11];
	date_format(b->opts.as_of, day);
	const char *commit = registry_commit(b->reg);
	fprintf(out, _("%zu platforms: %zu change verdict, %zu change rules (policy %s/%s -> %s/%s, commit %.12s, "
	               "as of %s)\n"), d->platforms, d->verdicts_changed, d->n, a->pol->id, a->pol->version,
	        b->pol->id, b->pol->version, *commit ? commit : "worktree", day);
	return ferror(out) ? error_set(_("cannot write the output")) : 0;
}

static json_t *row_json(const void *ctx, size_t i)
{
	const policy_row *row = &((const policy_diff *)ctx)->v[i];
	json_t *rules = json_array();
	for (size_t j = 0; rules && j < row->n_rules; j++) {
		const rule_delta *r = &row->rules[j];
		json_array_append_new(rules, json_pack("{s:s, s:s, s:s, s:s}", "rule", r->rule, "change",
		                                       !r->from ? "appears" : !r->to ? "disappears" : "severity",
		                                       "from", level(r->from), "to", level(r->to)));
	}
	return json_pack("{s:o, s:s, s:s, s:o}", "id", report_json_text(row->id), "verdict_from",
	                 verdict_name(row->from), "verdict_to", verdict_name(row->to), "rules", rules);
}

int policy_diff_write_json(FILE *out, const policy_diff *d, const run *a, const run *b, const char *registry_path)
{
	char day[11];
	date_format(b->opts.as_of, day);
	json_t *head = desk_doc_json("diff --policy", json_pack("{s:o, s:o, s:s}", "from",
	                             desk_registry_json(a, registry_path), "to", desk_registry_json(b, registry_path),
	                             "as_of", day));
	json_t *tail = json_pack("{s:{s:I, s:I, s:I}}", "summary", "platforms", (json_int_t)d->platforms,
	                         "verdicts_changed", (json_int_t)d->verdicts_changed, "changed", (json_int_t)d->n);
	return desk_put_rows(out, head, "platforms", row_json, d, d->n, tail);
}
