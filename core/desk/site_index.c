/*
 * desk/site_index.c - the register's pages and CSV (site_index.h).
 */
#include "desk/site_index.h"
#include "desk/site_html.h"
#include "desk/site_page.h"
#include "base/i18n.h"
#include "base/util.h"
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

/* Which rows a page lists. */
typedef struct {
	int verdict;          /* -1: any */
	const char *domain;   /* NULL: any */
} row_filter;

/* Whether `domain` is one of the ", "-joined `list`. */
static int has_domain(const char *list, const char *domain)
{
	size_t n = strlen(domain);
	for (const char *p = list; p && *p;) {
		const char *end = strstr(p, ", ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && !memcmp(p, domain, n))
			return 1;
		p = end ? end + 2 : NULL;
	}
	return 0;
}

static int row_matches(const site_row *r, const row_filter *f)
{
	return (f->verdict < 0 || (int)r->verdict == f->verdict) && (!f->domain || has_domain(r->domains, f->domain));
}

static void put_row(FILE *out, const site *s, const site_row *r)
{
	fprintf(out, "<tr><th scope=\"row\"><a href=\"services/%s\">", r->page);
	html_text(out, r->name ? r->name : r->id);
	fputs("</a><br><code>", out);
	html_text(out, r->id);
	fputs("</code></th><td>", out);
	html_text(out, r->kind ? r->kind : "—");
	fputs("</td><td>", out);
	html_text(out, *r->domains ? r->domains : "—");
	fputs("</td><td>", out);
	html_text(out, r->auth);
	fprintf(out, "</td><td class=\"%s\">", verdict_name(r->verdict));
	html_text(out, site_verdict_label(r->verdict));
	fprintf(out, "</td><td class=\"date\">%s</td><td>", *r->valid_until ? r->valid_until : "—");
	if (r->attestation)
		site_put_attestation(out, s, r->attestation, "");
	else
		fputs("—", out);
	fputs("</td></tr>\n", out);
}

static void put_filters(FILE *out, const site *s)
{
	static const verdict verdicts[] = {VERDICT_COMPLIANT, VERDICT_NON_COMPLIANT, VERDICT_INVALID};
	const site_tally *d = &s->stats.domains;
	fprintf(out, "<nav aria-label=\"%s\">\n<p>%s", _("Filters"), _("By status:"));
	for (size_t i = 0; i < 3; i++) {
		fprintf(out, " <a href=\"status-%s.html\">", verdict_name(verdicts[i]));
		html_text(out, site_verdict_label(verdicts[i]));
		fputs("</a>", out);
	}
	fprintf(out, "</p>\n<p>%s", _("By domain:"));
	for (size_t i = 0; i < d->n; i++) {
		fprintf(out, " <a href=\"domain-%zu.html\">", i + 1);
		html_text(out, d->label[i]);
		fprintf(out, " (%.0f)</a>", d->value[i]);
	}
	fprintf(out, " <a href=\"index.html\">%s</a></p>\n</nav>\n", _("All services"));
}

static int write_page(const site *s, const char *name, const char *title, const row_filter *f)
{
	static const char *cols[] = {N_("Service"), N_("Kind"), N_("Domains"), N_("Authorization"), N_("Verdict"),
	                             N_("Valid until"), N_("Attestation")};
	const char *heads[7];
	for (size_t i = 0; i < 7; i++)
		heads[i] = _(cols[i]);
	site_file file;
	FILE *out = site_file_begin(&file, xasprintf("%s/%s", s->tmp, name));
	if (!out)
		return ERR_FAIL;
	html_begin(out, s->lang, title, "");
	fprintf(out, "<p>%zu %s: %zu %s, %zu %s, %zu %s.</p>\n", s->sum.platforms, _("services"), s->sum.compliant,
	        _("compliant"), s->sum.non_compliant, _("non-compliant"), s->sum.invalid, _("invalid"));
	put_filters(out, s);
	size_t shown = 0;
	for (size_t i = 0; i < s->n_rows; i++)
		shown += row_matches(&s->rows[i], f);
	if (!shown)
		fprintf(out, "<p>%s</p>\n", _("No service.")); /* and no table without rows */
	else
		html_table_begin(out, title, heads, 7);
	for (size_t i = 0; shown && i < s->n_rows; i++)
		if (row_matches(&s->rows[i], f))
			put_row(out, s, &s->rows[i]);
	if (shown)
		html_table_end(out);
	html_end(out, s->footer);
	return site_file_end(&file);
}

/* A CSV field, RFC 4180; a leading = + - @ quoted after an apostrophe so
 * that a spreadsheet shows a hostile declaration's formula as text. */
static void csv_field(FILE *out, const char *v, int last)
{
	v = v ? v : "";
	fputc('"', out);
	if (*v == '=' || *v == '+' || *v == '-' || *v == '@')
		fputc('\'', out);
	for (const char *p = v; *p; p++)
		fputs(*p == '"' ? "\"\"" : (char[]){*p, 0}, out);
	fputs(last ? "\"\r\n" : "\",", out);
}

static int write_csv(const site *s)
{
	site_file file;
	FILE *out = site_file_begin(&file, xasprintf("%s/register.csv", s->tmp));
	if (!out)
		return ERR_FAIL;
	fputs("id,name,kind,domains,authorization,verdict,errors,warnings,valid_until,attestation,page\r\n", out);
	for (size_t i = 0; i < s->n_rows; i++) {
		const site_row *r = &s->rows[i];
		char errors[24], warnings[24];
		snprintf(errors, sizeof errors, "%zu", r->errors);
		snprintf(warnings, sizeof warnings, "%zu", r->warnings);
		char *page = xasprintf("services/%s", r->page);
		const char *fields[] = {r->id, r->name, r->kind, r->domains, r->auth, verdict_name(r->verdict), errors,
		                        warnings, r->valid_until, r->attestation ? r->attestation->file : "", page};
		for (size_t f = 0; f < 11; f++) {
			char *clean = report_clean_text(fields[f] ? fields[f] : "", 1);
			csv_field(out, clean, f == 10);
			free(clean);
		}
		free(page);
	}
	return site_file_end(&file);
}

int site_index_write(const site *s)
{
	static const verdict verdicts[] = {VERDICT_COMPLIANT, VERDICT_NON_COMPLIANT, VERDICT_INVALID};
	row_filter all = {-1, NULL};
	int rc = write_page(s, "index.html", _("Public register of patient-partner services"), &all);
	for (size_t i = 0; rc == 0 && i < 3; i++) {
		char *name = xasprintf("status-%s.html", verdict_name(verdicts[i]));
		char *title = xasprintf("%s: %s", _("Services by status"), site_verdict_label(verdicts[i]));
		row_filter f = {(int)verdicts[i], NULL};
		rc = write_page(s, name, title, &f);
		free(name), free(title);
	}
	for (size_t i = 0; rc == 0 && i < s->stats.domains.n; i++) {
		char *name = xasprintf("domain-%zu.html", i + 1);
		char *title = xasprintf("%s: %s", _("Services by domain"), s->stats.domains.label[i]);
		row_filter f = {-1, s->stats.domains.label[i]};
		rc = write_page(s, name, title, &f);
		free(name), free(title);
	}
	return rc == 0 ? write_csv(s) : rc;
}
