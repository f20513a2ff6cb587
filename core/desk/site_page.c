/*
 * desk/site_page.c - a service's page and row (site_page.h).
 */
#include "desk/site_page.h"
#include "desk/site_html.h"
#include "base/i18n.h"
#include "base/util.h"
#include "judge/authority.h"
#include "yaml/date.h"
#include "yaml/node.h"

#include <stdlib.h>
#include <string.h>

/* The described domains joined by ", ". */
static char *joined(const site_described *dd)
{
	size_t len = 1;
	for (size_t i = 0; i < dd->n_domains; i++)
		len += strlen(dd->domains[i]) + 2;
	char *out = xcalloc(1, len);
	for (size_t i = 0; i < dd->n_domains; i++) {
		if (i)
			strcat(out, ", ");
		strcat(out, dd->domains[i]);
	}
	return out;
}

/* "granted DGS-PP-2026-0042 until 2029-06-30 (authority's record)". */
char *site_authorization_text(const run *r, const char *id, const site_decls *d)
{
	const ppreg_node *e = NULL;
	const char *source = _("authority's record");
	if (authority_entry(r, "authorizations", id, &e) == PPREG_ABSENT) {
		e = site_decl_get(d, "registration.yaml", "authorization");
		source = _("declared");
	} else if (!e) {
		return xstrdup(_("not in the authority's record"));
	}
	const char *status = site_scalar(node_get(e, "status")), *number = site_scalar(node_get(e, "number"));
	const char *until = site_scalar(node_get(e, "expires_on"));
	if (!status && !number)
		return xstrdup(_("none declared"));
	return xasprintf("%s%s%s%s%s (%s)", status ? status : "?", number ? " " : "", number ? number : "",
	                 until ? _(" until ") : "", until ? until : "", source);
}

void site_row_fill(site *s, const platform_result *p, const site_described *dd, site_row *row)
{
	memset(row, 0, sizeof *row);
	char *page = site_page_name(p->id), *domains = joined(dd);
	row->id = site_keep(&s->strings, p->id);
	row->page = site_keep(&s->strings, page);
	row->name = site_keep(&s->strings, *dd->name ? dd->name : NULL);
	row->kind = site_keep(&s->strings, *dd->kind ? dd->kind : NULL);
	row->domains = site_keep(&s->strings, domains);
	row->auth = site_keep(&s->strings, dd->auth);
	free(page), free(domains);
	row->verdict = p->verdict;
	if (p->n_lapses)
		date_format(p->lapses[0].last_valid_day, row->valid_until);
	row->errors = findings_count(&p->findings, PPREG_SEV_ERROR);
	row->warnings = findings_count(&p->findings, PPREG_SEV_WARNING);
	row->attestation = p->verdict == VERDICT_COMPLIANT && *p->tree_id ?
	                   site_attestation_for(&s->att, p->id, p->tree_id) : NULL;
}

static void put_dd(FILE *out, const char *term, const char *value)
{
	fputs("<dt>", out);
	html_text(out, term);
	fputs("</dt><dd>", out);
	html_text(out, value && *value ? value : "—");
	fputs("</dd>\n", out);
}

static void put_summary(FILE *out, const site_row *row)
{
	fputs("<dl>\n", out);
	put_dd(out, _("Identifier"), row->id);
	put_dd(out, _("Kind"), row->kind);
	put_dd(out, _("Domains"), row->domains);
	put_dd(out, _("Authorization"), row->auth);
	fprintf(out, "<dt>%s</dt><dd class=\"%s\">", _("Verdict"), verdict_name(row->verdict));
	html_text(out, site_verdict_label(row->verdict));
	fprintf(out, " (%zu %s, %zu %s)</dd>\n", row->errors, _("errors"), row->warnings, _("warnings"));
	put_dd(out, _("Verdict valid until"), *row->valid_until ? row->valid_until : _("no dated fact bounds it"));
	fputs("</dl>\n", out);
}

static void put_finding(FILE *out, const site *s, const finding *f)
{
	const rule_ref *r = site_rule(s, f->rule);
	fputs("<tr><td><code>", out);
	html_text(out, f->rule);
	fprintf(out, "</code></td><td>%s</td><td><code>", f->severity == PPREG_SEV_ERROR ? _("error") : _("warning"));
	html_text(out, f->file);
	fprintf(out, ":%u:%u</code></td><td>", f->line, f->column);
	html_text(out, f->message);
	fputs("</td><td>", out);
	/* the rule's texts in the site's language, from its plugin's catalogue */
	html_text(out, r && r->rule->legal_source ? i18n_plugin_text(r->plugin, r->rule->legal_source) : "—");
	fputs("</td><td>", out);
	html_text(out, r && r->rule->fix ? i18n_plugin_text(r->plugin, r->rule->fix) : "—");
	fputs("</td></tr>\n", out);
}

/* Findings grouped by the obligation (plugin) whose rule they break, in
 * the run's order of plugins, the core's first. */
static void put_findings(FILE *out, const site *s, const platform_result *p)
{
	static const char *cols[] = {N_("Rule"), N_("Severity"), N_("Where"), N_("Finding"), N_("Legal source"),
	                             N_("How to fix")};
	const char *heads[6];
	for (size_t i = 0; i < 6; i++)
		heads[i] = _(cols[i]);
	fprintf(out, "<section>\n<h2 id=\"findings\">%s</h2>\n", _("Findings"));
	if (!p->findings.n)
		fprintf(out, "<p>%s</p>\n", _("No finding."));
	for (size_t g = 0; g <= s->run->n_plugins; g++) {
		const char *plugin = g ? s->run->plugins[g - 1].name : "core";
		int any = 0;
		for (size_t i = 0; i < p->findings.n; i++) {
			const finding *f = &p->findings.v[i];
			const rule_ref *r = site_rule(s, f->rule);
			if (strcmp(r ? r->plugin : "core", plugin))
				continue;
			if (!any++) {
				fputs("<h3>", out);
				html_text(out, plugin);
				fputs("</h3>\n", out);
				char *caption = xasprintf(_("Findings of the obligation %s"), plugin);
				html_table_begin(out, caption, heads, 6);
				free(caption);
			}
			put_finding(out, s, f);
		}
		if (any)
			html_table_end(out);
	}
	fputs("</section>\n", out);
}

static void put_lapses(FILE *out, const platform_result *p)
{
	const char *cols[] = {_("Last valid day"), _("Rule"), _("Where")};
	fprintf(out, "<section>\n<h2 id=\"validity\">%s</h2>\n", _("How long the verdict holds"));
	if (!p->n_lapses) {
		fprintf(out, "<p>%s</p>\n</section>\n", _("No dated fact an error rule rests on bounds this verdict."));
		return;
	}
	char day[48]; /* prose: "30 juin 2027" in French; the tables keep ISO dates */
	i18n_date(p->lapses[0].last_valid_day, day, sizeof day);
	fprintf(out, "<p>%s <strong>%s</strong>: ", _("The verdict holds until"), day);
	fputs(_("the last valid day of "), out);
	html_text(out, p->lapses[0].rule);
	fprintf(out, ", %s <code>", _("declared at"));
	html_text(out, p->lapses[0].file);
	fprintf(out, ":%u</code>.</p>\n", p->lapses[0].line);
	html_table_begin(out, _("Every dated fact the verdict rests on, earliest first"), cols, 3);
	for (size_t i = 0; i < p->n_lapses; i++) {
		date_format(p->lapses[i].last_valid_day, day);
		fprintf(out, "<tr><td>%s</td><td><code>", day);
		html_text(out, p->lapses[i].rule);
		fputs("</code></td><td><code>", out);
		html_text(out, p->lapses[i].file);
		fprintf(out, ":%u</code></td></tr>\n", p->lapses[i].line);
	}
	html_table_end(out);
	fputs("</section>\n", out);
}

static void put_evidence(FILE *out, const platform_result *p)
{
	const char *cols[] = {_("File"), _("SHA-256")};
	fprintf(out, "<section>\n<h2 id=\"evidence\">%s</h2>\n", _("Files and their digests"));
	if (!p->n_files) {
		fprintf(out, "<p>%s</p>\n</section>\n", _("No file could be read."));
		return;
	}
	html_table_begin(out, _("Every file of the service's folder at this commit"), cols, 2);
	for (size_t i = 0; i < p->n_files; i++) {
		fputs("<tr><td><code>", out);
		html_text(out, p->files[i].path);
		fprintf(out, "</code></td><td><code>%s</code></td></tr>\n", p->files[i].sha256);
	}
	html_table_end(out);
	fputs("</section>\n", out);
}

/* A link to an attestation copied into the site, and the command that
 * verifies it against the registry. */
void site_put_attestation(FILE *out, const site *s, const site_attestation *a, const char *root)
{
	fprintf(out, "<a href=\"%sattestations/", root);
	char *uri = uri_escape(a->file);
	html_text(out, uri);
	free(uri);
	fputs("\">", out);
	html_text(out, a->file);
	fprintf(out, "</a> (%s ", _("valid until"));
	html_text(out, a->valid_until);
	fprintf(out, ")<br>%s <code>ppreg verify attestations/", _("Verify:"));
	html_text(out, a->file);
	fputs(" --pubkey PUB --platform ", out);
	html_text(out, a->platform);
	fputs(" --registry ", out);
	html_text(out, s->opts->registry_arg);
	fputs("</code>", out);
}

static void put_history(FILE *out, const site *s, const platform_result *p, size_t index)
{
	const char *cols[] = {_("Date"), _("Commit"), _("Subject"), _("Attestations given for it")};
	const site_attestation *att;
	size_t n_att = site_attestations_of(&s->att, p->id, &att);
	fprintf(out, "<section>\n<h2 id=\"history\">%s</h2>\n", _("Last changes"));
	if (!s->n_history || !s->n_history[index]) {
		fprintf(out, "<p>%s</p>\n</section>\n", _("No commit of the history read changes this service."));
		return;
	}
	html_table_begin(out, _("The last commits that changed the service's folder, newest first"), cols, 4);
	for (size_t i = 0; i < s->n_history[index]; i++) {
		const site_commit *c = &s->commits[s->history[index][i]];
		fprintf(out, "<tr><td>%s</td><td><code>%.12s</code></td><td>", c->date, c->id);
		html_text(out, c->subject);
		fputs("</td><td>", out);
		int any = 0;
		for (size_t k = 0; k < n_att; k++)
			if (att[k].commit && !strcmp(att[k].commit, c->id)) {
				fputs(any++ ? "<br>" : "", out);
				site_put_attestation(out, s, &att[k], "../");
			}
		fputs(any ? "</td></tr>\n" : "—</td></tr>\n", out);
	}
	html_table_end(out);
	fputs("</section>\n", out);
}

int site_page_write(const site *s, const platform_result *p, const site_described *dd, const site_row *row,
                    size_t index)
{
	site_file file;
	FILE *out = site_file_begin(&file, xasprintf("%s/services/%s", s->tmp, row->page));
	if (!out)
		return ERR_FAIL;
	char *title = row->name ? xasprintf("%s (%s)", row->name, row->id) : xstrdup(row->id);
	html_begin(out, s->lang, title, "../");
	put_summary(out, row);
	if (row->attestation) {
		fprintf(out, "<p>%s ", _("Attestation of this content:"));
		site_put_attestation(out, s, row->attestation, "../");
		fputs("</p>\n", out);
	}
	put_findings(out, s, p);
	put_lapses(out, p);
	fprintf(out, "<section>\n<h2 id=\"facts\">%s</h2>\n", _("Declared facts"));
	fputs(dd->facts, out); /* made by site_put_facts where it was judged */
	fputs("</section>\n", out);
	put_evidence(out, p);
	put_history(out, s, p, index);
	html_end(out, s->footer);
	free(title);
	return site_file_end(&file);
}
