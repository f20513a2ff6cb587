/*
 * desk/site.c - `ppreg site`: the run, the folder, register.json (site.h).
 *
 * The site is built in a fresh folder beside -o DIR and exchanged with DIR
 * in one rename when it is complete, so a reader (or a web server) sees the
 * old site or the new one, never a mix; a failure leaves DIR as it was.
 */
#define _GNU_SOURCE /* renameat2 */
#include "desk/site.h"
#include "desk/site_facts.h"
#include "desk/site_html.h"
#include "desk/site_index.h"
#include "desk/site_describe.h"
#include "desk/site_page.h"
#include "base/i18n.h"
#include "base/util.h"
#include "judge/changed.h"
#include "judge/platform_check.h"
#include "registry/registry_history.h"
#include "report/json.h"
#include "yaml/date.h"
#include "yaml/node.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What marks a folder as a site ppreg wrote, which -o may replace. */
#define SITE_MARKER ".ppreg-site"

const char *site_select_language(const char *requested)
{
	/* The one switch of the site's language: French whatever LANG or
	 * LC_ALL say, unless --lang says otherwise (cmd_site.c). */
	return i18n_use(requested) == 0 ? requested : NULL;
}

const char *site_verdict_label(verdict v)
{
	return v == VERDICT_COMPLIANT ? _("Compliant") : v == VERDICT_NON_COMPLIANT ? _("Non-compliant") : _("Invalid");
}

#define ARENA_CHUNK ((size_t)256 << 10)

const char *site_keep(site_arena *a, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	int alone = n > ARENA_CHUNK / 4; /* a long one, not to waste a chunk's end */
	if (alone || n > a->left) {
		a->chunks = xrealloc(a->chunks, (a->n + 1) * sizeof *a->chunks);
		a->chunks[a->n++] = xmalloc(alone ? n : ARENA_CHUNK);
		if (alone)
			return memcpy(a->chunks[a->n - 1], s, n);
		a->at = a->chunks[a->n - 1];
		a->left = ARENA_CHUNK;
	}
	char *copy = memcpy(a->at, s, n);
	a->at += n, a->left -= n;
	return copy;
}

void site_arena_free(site_arena *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->chunks[i]);
	free(a->chunks);
	memset(a, 0, sizeof *a);
}

static int rule_cmp(const void *a, const void *b)
{
	return strcmp(((const rule_ref *)a)->rule->id, ((const rule_ref *)b)->rule->id);
}

const rule_ref *site_rule(const site *s, const char *id)
{
	const ppreg_rule key = {.id = id};
	const rule_ref k = {&key, NULL};
	return bsearch(&k, s->rules, s->n_rules, sizeof *s->rules, rule_cmp);
}

static int id_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One commit of the history: it joins the last commits of each platform
 * it changed that has fewer than SITE_COMMITS_PER_SERVICE. */
static int history_commit(void *ctx, const registry_commit_info *c, char *const *ids, size_t n)
{
	site *s = ctx;
	int kept = 0;
	for (size_t i = 0; i < n; i++) {
		char **at = bsearch(&ids[i], s->ids, s->n_ids, sizeof *s->ids, id_cmp);
		size_t k = at ? (size_t)(at - s->ids) : 0;
		if (!at || s->n_history[k] == SITE_COMMITS_PER_SERVICE)
			continue;
		if (!kept++) {
			s->commits = xrealloc(s->commits, (s->n_commits + 1) * sizeof *s->commits);
			site_commit *sc = &s->commits[s->n_commits++];
			snprintf(sc->id, sizeof sc->id, "%s", c->id);
			time_t t = (time_t)c->time;
			struct tm tm;
			if (!gmtime_r(&t, &tm) || !strftime(sc->date, sizeof sc->date, "%Y-%m-%d", &tm))
				snprintf(sc->date, sizeof sc->date, "?");
			sc->subject = xstrdup(c->subject);
		}
		s->history[k][s->n_history[k]++] = (uint32_t)(s->n_commits - 1);
		s->full += s->n_history[k] == SITE_COMMITS_PER_SERVICE;
	}
	return s->full == s->n_ids; /* 1: every service has its last commits */
}

static int load_history(site *s)
{
	s->history = xcalloc(s->n_ids ? s->n_ids : 1, sizeof *s->history);
	s->n_history = xcalloc(s->n_ids ? s->n_ids : 1, 1);
	return registry_platform_history(s->run->reg, SITE_HISTORY_COMMITS, history_commit, s);
}

/* register.json: check's JSON document whose platforms carry the
 * register's columns too, one platform a line. */
static int json_head(site *s)
{
	const run *r = s->run;
	char day[11];
	date_format(r->opts.as_of, day);
	json_t *plugins = json_array();
	for (size_t i = 0; i < r->n_plugins; i++)
		json_array_append_new(plugins, json_pack("{s:s, s:s, s:s}", "name", r->plugins[i].name, "version",
		                                         r->plugins[i].desc->version, "sha256", r->plugins[i].sha256));
	const char *commit = registry_commit(r->reg);
	json_t *h = json_pack("{s:{s:s, s:s}, s:{s:s, s:s?}, s:{s:s, s:s, s:s}, s:o, s:s}", "tool", "name", "ppreg",
	                      "version", PPREG_VERSION, "registry", "path", s->opts->registry_arg, "commit",
	                      *commit ? commit : NULL, "policy", "id", r->pol->id, "version", r->pol->version,
	                      "sha256", r->pol->sha256, "plugins", plugins, "as_of", day);
	char *text = h ? json_dumps(h, JSON_PRESERVE_ORDER) : NULL;
	json_decref(h);
	if (!text)
		return error_set(_("cannot build register.json"));
	text[strlen(text) - 1] = '\0'; /* the object stays open for "platforms" */
	fprintf(s->json, "%s, \"platforms\": [", text);
	free(text);
	return 0;
}

static json_t *string_list(const char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, report_json_text(v[i]));
	return a;
}

static int json_row(site *s, const platform_result *p, const site_row *row, const site_described *d)
{
	json_t *j = report_json_platform(p);
	if (j && row) {
		char *page = xasprintf("services/%s", row->page);
		json_object_set_new(j, "name", report_json_text(row->name));
		json_object_set_new(j, "kind", report_json_text(row->kind));
		json_object_set_new(j, "domains", string_list(d->domains, d->n_domains));
		json_object_set_new(j, "authorization", report_json_text(row->auth));
		json_object_set_new(j, "attestation", row->attestation ? report_json_text(row->attestation->file) : json_null());
		json_object_set_new(j, "page", json_string(page));
		free(page);
	}
	char *text = j ? json_dumps(j, JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	if (!text)
		return error_set(_("cannot build register.json"));
	fprintf(s->json, "%s\n  %s", s->json_items++ ? "," : "", text);
	free(text);
	return ferror(s->json) ? error_set(_("register.json: cannot be written")) : 0;
}

static int json_tail(site *s)
{
	const report_summary *m = &s->sum;
	json_t *t = json_pack("{s:[], s:{s:I, s:I, s:I, s:I, s:I, s:I}}", "removed", "summary",
	                      "platforms", (json_int_t)m->platforms, "compliant", (json_int_t)m->compliant,
	                      "non_compliant", (json_int_t)m->non_compliant, "invalid", (json_int_t)m->invalid,
	                      "errors", (json_int_t)m->errors, "warnings", (json_int_t)m->warnings);
	char *text = t ? json_dumps(t, JSON_PRESERVE_ORDER) : NULL;
	json_decref(t);
	if (!text)
		return error_set(_("cannot build register.json"));
	fprintf(s->json, "\n], %s\n", text + 1); /* into the open object */
	free(text);
	return 0;
}

/* Each platform as it is judged: its page, its row, its share of the
 * statistics, from its verdict and what its worker described. */
static int emit(void *ctx, size_t index, platform_result *p)
{
	site *s = ctx;
	site_described d;
	site_row *row = &s->rows[index];
	int rc = site_described_take(&d, s->run, s->ids[index], p);
	if (rc == 0) {
		site_row_fill(s, p, &d, row);
		s->n_rows = index + 1;
		rc = site_page_write(s, p, &d, row, index);
	}
	if (rc == 0) {
		site_stats_add(&s->stats, p, &d);
		report_summary_add(&s->sum, p);
		rc = json_row(s, p, row, &d);
	}
	site_described_free(&d);
	return rc;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path) < 0 && errno != ENOENT ? -1 : 0;
}

/* Removes a folder the site wrote (its own temporary, or the old site). */
static void remove_tree(const char *path)
{
	if (path)
		(void)nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* -o DIR may be a new name, an empty folder, or a site ppreg wrote (it
 * holds SITE_MARKER): never another folder, which the exchange would
 * delete. */
static int check_out_dir(const char *dir)
{
	struct stat st;
	if (lstat(dir, &st) < 0)
		return errno == ENOENT ? 0 : error_set("-o %s: %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return error_set(_("-o %s: not a folder (a link or a file is never replaced)"), dir);
	char *marker = path_join(dir, SITE_MARKER);
	int ours = access(marker, F_OK) == 0;
	free(marker);
	if (ours || rmdir(dir) == 0 || errno == ENOENT) /* an empty folder goes now, its name stays free */
		return 0;
	return error_set(_("-o %s: a folder that is not a site ppreg wrote; it is left as it is"), dir);
}

/* A fresh folder beside DIR (same file system, so rename() works). */
static int make_tmp(site *s, const char *dir)
{
	char *copy = xstrdup(dir), *copy2 = xstrdup(dir);
	char *parent = dirname(copy), *base = basename(copy2);
	s->tmp = xasprintf("%s/.%s.ppreg-site-XXXXXX", parent, base);
	free(copy), free(copy2);
	if (!mkdtemp(s->tmp)) {
		int rc = error_set(_("cannot make a folder beside %s: %s"), dir, strerror(errno));
		free(s->tmp);
		s->tmp = NULL;
		return rc;
	}
	char *services = path_join(s->tmp, "services"), *att = path_join(s->tmp, "attestations");
	char *marker = path_join(s->tmp, SITE_MARKER);
	int rc = mkdir(services, 0755) < 0 || mkdir(att, 0755) < 0 || chmod(s->tmp, 0755) < 0 ||
	         write_file_atomic(marker, "ppreg site\n", 11, 0644) < 0
	         ? error_set(_("%s: cannot be written: %s"), s->tmp, strerror(errno)) : 0;
	free(services), free(att), free(marker);
	return rc;
}

/* The new site in DIR's place, in one step when DIR exists. */
static int swap_in(site *s, const char *dir)
{
	if (renameat2(AT_FDCWD, s->tmp, AT_FDCWD, dir, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno == EEXIST && renameat2(AT_FDCWD, s->tmp, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
		remove_tree(s->tmp); /* now the old site */
		return 0;
	}
	return error_set(_("%s: the site cannot take its place: %s"), dir, strerror(errno));
}

static int write_stats(const site *s)
{
	site_file file;
	FILE *out = site_file_begin(&file, path_join(s->tmp, "stats.html"));
	if (!out)
		return ERR_FAIL;
	html_begin(out, s->lang, _("Statistics of the register"), "");
	fprintf(out, "<p>%zu %s.</p>\n", s->sum.platforms, _("services"));
	site_stats_put(out, &s->stats);
	html_end(out, s->footer);
	return site_file_end(&file);
}

static void site_free(site *s)
{
	if (s->json)
		fclose(s->json);
	free(s->rows);
	site_arena_free(&s->strings);
	for (size_t i = 0; i < s->n_commits; i++)
		free(s->commits[i].subject);
	free(s->commits), free(s->history), free(s->n_history);
	registry_free_ids(s->ids, s->n_ids);
	site_attestations_free(&s->att);
	site_stats_free(&s->stats);
	free(s->rules), free(s->footer);
	remove_tree(s->tmp); /* gone already when the site took its place */
	free(s->tmp);
}

/* Everything before the platforms: the folder, the attestations, the
 * history, the rules, register.json's head. */
static int site_open(site *s)
{
	run *r = s->run;
	char day[11], *json = NULL;
	date_format(r->opts.as_of, day);
	const char *commit = registry_commit(r->reg);
	s->footer = xasprintf(_("Registry at commit %.12s, policy %s %s, as of %s. Written by ppreg %s."),
	                      *commit ? commit : "-", r->pol->id, r->pol->version, day, PPREG_VERSION);
	s->n_rules = run_rules(r, &s->rules);
	qsort(s->rules, s->n_rules, sizeof *s->rules, rule_cmp);
	int rc = check_out_dir(s->opts->out_dir);
	if (rc == 0)
		rc = make_tmp(s, s->opts->out_dir);
	if (rc == 0 && s->opts->attestations_dir) {
		char *copy = path_join(s->tmp, "attestations");
		rc = site_attestations_load(s->opts->attestations_dir, day, copy, &s->att);
		free(copy);
	}
	if (rc == 0)
		rc = run_platform_ids(r, &s->ids, &s->n_ids);
	if (rc == 0)
		rc = load_history(s);
	if (rc == 0) {
		s->rows = xcalloc(s->n_ids ? s->n_ids : 1, sizeof *s->rows);
		json = path_join(s->tmp, "register.json");
		s->json = fopen(json, "w");
		rc = s->json ? json_head(s) : error_set(_("%s: cannot be written"), json);
	}
	free(json);
	return rc;
}

/* registry.yaml's own findings, after the platforms, as check lists them. */
static int judge_registry_entry(site *s)
{
	platform_result reg;
	int rc = changed_judge_registry_yaml(s->run, &reg);
	if (rc > 0) {
		report_summary_add(&s->sum, &reg);
		rc = json_row(s, &reg, NULL, NULL);
	}
	platform_result_free(&reg);
	return rc;
}

int site_build(run *r, const site_options *o, report_summary *sum)
{
	site s = {.run = r, .opts = o};
	r->describe = site_describe; /* in the workers, before their trees are freed */
	s.lang = site_select_language(o->lang);
	int rc = s.lang ? site_open(&s) : error_set(_("--lang %s: the site is written in fr or en"), o->lang);
	if (rc == 0)
		rc = judge_platforms_each(r, s.ids, s.n_ids, &o->judge, emit, &s);
	if (rc == 0)
		rc = judge_registry_entry(&s);
	if (rc == 0)
		rc = json_tail(&s);
	if (rc == 0)
		rc = fclose(s.json) ? error_set(_("register.json: cannot be written")) : 0;
	s.json = NULL;
	if (rc == 0)
		rc = site_index_write(&s);
	if (rc == 0)
		rc = write_stats(&s);
	if (rc == 0)
		rc = swap_in(&s, o->out_dir);
	if (rc == 0) {
		free(s.tmp);
		s.tmp = NULL;
	}
	*sum = s.sum;
	site_free(&s);
	return rc;
}
