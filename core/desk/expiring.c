/*
 * desk/expiring.c - the lapses that fall in a window (expiring.h).
 */
#include "desk/expiring.h"
#include "desk/desk.h"
#include "base/i18n.h"
#include "report/report.h"
#include "yaml/date.h"

#include <stdlib.h>
#include <string.h>

void expiring_add(expiring_list *e, const platform_result *p)
{
	e->platforms++;
	for (size_t i = 0; i < p->n_lapses; i++) {
		const lapse *l = &p->lapses[i];
		if (date_cmp(l->last_valid_day, e->until) > 0)
			break; /* earliest first: the rest are later still */
		if (e->n == e->cap) {
			e->cap = e->cap ? 2 * e->cap : 64;
			e->rows = xrealloc(e->rows, e->cap * sizeof *e->rows);
		}
		int lapsed = date_cmp(l->last_valid_day, e->as_of) < 0;
		e->rows[e->n++] = (expiring_row){xstrdup(p->id), {xstrdup(l->rule), xstrdup(l->file), l->line,
		                                  l->last_valid_day}, lapsed};
		e->n_lapsed += (size_t)lapsed;
	}
}

static int row_cmp(const void *a, const void *b)
{
	const expiring_row *x = a, *y = b;
	int c = date_cmp(x->fact.last_valid_day, y->fact.last_valid_day);
	if (!c)
		c = strcmp(x->platform, y->platform);
	if (!c)
		c = strcmp(x->fact.file, y->fact.file);
	if (!c)
		c = (x->fact.line > y->fact.line) - (x->fact.line < y->fact.line);
	return c ? c : strcmp(x->fact.rule, y->fact.rule);
}

void expiring_sort(expiring_list *e)
{
	if (e->n > 1)
		qsort(e->rows, e->n, sizeof *e->rows, row_cmp);
}

void expiring_free(expiring_list *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->rows[i].platform), free(e->rows[i].fact.rule), free(e->rows[i].fact.file);
	free(e->rows);
	e->rows = NULL;
	e->n = e->cap = e->n_lapsed = 0;
}

int expiring_write_text(FILE *out, const expiring_list *e, const run *r)
{
	char day[11], from[11], until[11];
	for (size_t i = 0; i < e->n; i++) {
		const expiring_row *row = &e->rows[i];
		char *id = display_text(row->platform);
		fprintf(out, "%s %-7s %s: %s (%s:%u)\n", desk_date(row->fact.last_valid_day, day),
		        row->lapsed ? "lapsed" : "lapses", id, row->fact.rule, row->fact.file, row->fact.line);
		free(id);
	}
	const char *commit = registry_commit(r->reg);
	fprintf(out, i18n_ntext("%zu fact", "%zu facts", e->n), e->n);
	fprintf(out, _(": %zu lapsed before %s, %zu lapse from %s to %s (%s); "), e->n_lapsed,
	        desk_date(e->as_of, from), e->n - e->n_lapsed, from, desk_date(e->until, until), e->within);
	fprintf(out, i18n_ntext("%zu platform", "%zu platforms", e->platforms), e->platforms);
	fprintf(out, _(" (policy %s/%s, commit %.12s)\n"), r->pol->id, r->pol->version, *commit ? commit : "worktree");
	return ferror(out) ? error_set(_("cannot write the output")) : 0;
}

static json_t *row_json(const void *ctx, size_t i)
{
	const expiring_row *row = &((const expiring_list *)ctx)->rows[i];
	char day[11];
	return json_pack("{s:o, s:s, s:s, s:o, s:I, s:s}", "platform", report_json_text(row->platform),
	                 "status", row->lapsed ? "lapsed" : "lapses", "last_valid_day",
	                 desk_date(row->fact.last_valid_day, day), "file", report_json_text(row->fact.file),
	                 "line", (json_int_t)row->fact.line, "rule", row->fact.rule);
}

int expiring_write_json(FILE *out, const expiring_list *e, const run *r, const char *registry_path)
{
	char from[11], until[11];
	json_t *head = desk_doc_json("expiring", json_pack("{s:o, s:s, s:s, s:s}",
	                             "registry", desk_registry_json(r, registry_path), "as_of",
	                             desk_date(e->as_of, from), "within", e->within, "until", desk_date(e->until, until)));
	json_t *tail = json_pack("{s:{s:I, s:I, s:I, s:I}}", "summary", "platforms", (json_int_t)e->platforms,
	                         "facts", (json_int_t)e->n, "lapsed", (json_int_t)e->n_lapsed,
	                         "lapses", (json_int_t)(e->n - e->n_lapsed));
	return desk_put_rows(out, head, "facts", row_json, e, e->n, tail);
}
