/*
 * desk/diff.c - two revisions of a registry compared (diff.h).
 */
#include "desk/diff.h"
#include "desk/delta.h"
#include "desk/desk.h"
#include "report/report.h"
#include "judge/platform_check.h"
#include "registry/registry_diff.h"
#include "yaml/loader.h"
#include "base/i18n.h"
#include "yaml/date.h"

#include <stdlib.h>
#include <string.h>

/* A file the declarations are: directly in the folder, YAML. */
static int declaration(const char *path)
{
	size_t n = strlen(path);
	return !strchr(path, '/') && n > 5 && !strcmp(path + n - 5, ".yaml");
}

static void add_file(platform_diff *d, const char *path, field_change_kind kind)
{
	d->files = xrealloc(d->files, (d->n_files + 1) * sizeof *d->files);
	d->files[d->n_files++] = (file_change){xstrdup(path), kind};
}

/* Parses one side's bytes; NULL when they are no document (the judged
 * findings say why). */
static ydoc *parse(const run *r, const char *name, const unsigned char *data, size_t len)
{
	finding_list fl = {0};
	finding_sink sink = {&fl, NULL, 0, 0};
	ydoc *doc = ydoc_parse(name, data, len, &r->pol->limits, &sink);
	findings_free(&fl);
	return doc;
}

/* One declaration at both sides, given as bytes: its fields compared, or
 * the file as a whole when one side is no document. */
static void diff_declaration(platform_diff *d, const run *a, const run *b, const char *name,
                             unsigned char *da, size_t la, unsigned char *db, size_t lb)
{
	ydoc *x = parse(a, name, da, la), *y = parse(b, name, db, lb);
	if (x && y)
		fields_diff(ydoc_root(x), ydoc_root(y), name, &d->fields);
	else
		add_file(d, name, FIELD_MODIFIED);
	ydoc_free(x), ydoc_free(y);
}

/* A file of the folder present at both sides with other content. */
static int diff_entry(platform_diff *d, run *a, run *b, platform_tree *ta, platform_tree *tb,
                      const platform_entry *ea, const platform_entry *eb)
{
	unsigned char *da = NULL, *db = NULL;
	size_t la = 0, lb = 0;
	int ra = -1, rb = -1;
	if (declaration(ea->path) && ea->kind == ENTRY_FILE && eb->kind == ENTRY_FILE) {
		ra = registry_read_entry(a->reg, ta, ea, a->pol->limits.max_bytes, &da, &la);
		rb = ra == ERR_FAIL ? ra : registry_read_entry(b->reg, tb, eb, b->pol->limits.max_bytes, &db, &lb);
	}
	if (ra == ERR_FAIL || rb == ERR_FAIL) {
		free(da), free(db);
		return ERR_FAIL;
	}
	if (ra == 0 && rb == 0)
		diff_declaration(d, a, b, ea->path, da, la, db, lb);
	else
		add_file(d, ea->path, FIELD_MODIFIED);
	free(da), free(db);
	return 0;
}

static int same_entry(const platform_entry *x, const platform_entry *y)
{
	return x->kind == y->kind && x->oid_len == y->oid_len && !memcmp(x->oid, y->oid, x->oid_len);
}

/* The files of a folder at both sides, merged by path (both sorted). */
static int diff_folder(platform_diff *d, run *a, run *b, platform_tree *ta, platform_tree *tb)
{
	size_t i = 0, j = 0;
	while (i < ta->n_entries || j < tb->n_entries) {
		const platform_entry *x = i < ta->n_entries ? &ta->entries[i] : NULL;
		const platform_entry *y = j < tb->n_entries ? &tb->entries[j] : NULL;
		int c = !x ? 1 : !y ? -1 : strcmp(x->path, y->path);
		if (c < 0 && x->kind != ENTRY_DIR)
			add_file(d, x->path, FIELD_REMOVED);
		else if (c > 0 && y->kind != ENTRY_DIR)
			add_file(d, y->path, FIELD_ADDED);
		else if (c == 0 && x->kind != ENTRY_DIR && !same_entry(x, y) && diff_entry(d, a, b, ta, tb, x, y) < 0)
			return ERR_FAIL;
		i += c <= 0, j += c >= 0;
	}
	return 0;
}

static int read_tree(run *r, const char *id, platform_tree **t)
{
	int rc = registry_platform(r->reg, id, t);
	if (rc == PPREG_ABSENT) {
		*t = NULL;
		return 0;
	}
	return rc < 0 ? ERR_FAIL : 0;
}

static int diff_platform_files(platform_diff *d, run *a, run *b)
{
	platform_tree *ta = NULL, *tb = NULL;
	int rc = read_tree(a, d->id, &ta);
	if (rc == 0)
		rc = read_tree(b, d->id, &tb);
	if (rc == 0 && !ta)
		d->change = PLATFORM_ADDED;
	if (rc == 0 && ta && tb)
		rc = diff_folder(d, a, b, ta, tb);
	platform_tree_free(ta), platform_tree_free(tb);
	return rc;
}

/* A root file at one side: 0 with its bytes, 1 absent or unreadable as a
 * file (too large, a link), ERR_FAIL. */
static int read_root(run *r, const char *name, unsigned char **data, size_t *len)
{
	int rc = registry_read_root_file(r->reg, name, r->pol->limits.max_bytes, data, len);
	return rc == ERR_FAIL ? ERR_FAIL : rc < 0;
}

/* The registry's own files a change touches: registry.yaml, authority/... */
static int diff_root_files(platform_diff *d, run *a, run *b, const registry_changes *ch)
{
	for (size_t i = 0; i < ch->n_outside + (size_t)ch->registry_yaml; i++) {
		const char *name = i < ch->n_outside ? ch->outside[i] : "registry.yaml";
		unsigned char *da = NULL, *db = NULL;
		size_t la = 0, lb = 0;
		int ra = read_root(a, name, &da, &la), rb = ra < 0 ? ra : read_root(b, name, &db, &lb);
		size_t n = strlen(name);
		if (ra < 0 || rb < 0) {
			free(da), free(db);
			return ERR_FAIL;
		}
		if (ra == 0 && rb == 0 && n > 5 && !strcmp(name + n - 5, ".yaml"))
			diff_declaration(d, a, b, name, da, la, db, lb);
		else
			add_file(d, name, ra ? FIELD_ADDED : rb ? FIELD_REMOVED : FIELD_MODIFIED);
		free(da), free(db);
	}
	return 0;
}

static int wanted(const char *id, char *const *only, size_t n_only)
{
	for (size_t i = 0; i < n_only; i++)
		if (!strcmp(id, only[i]))
			return 1;
	return !n_only;
}

static int diff_id_cmp(const void *x, const void *y)
{
	return strcmp(((const platform_diff *)x)->id, ((const platform_diff *)y)->id);
}

static void push_diff(revision_diff *out, const char *id, platform_change change)
{
	out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
	out->v[out->n++] = (platform_diff){.id = xstrdup(id), .change = change};
}

/* The platforms a side holds, judged by that side's run: verdicts and
 * findings are compared after (gained: in b's, lost: in a's). */
static int judge_side(run *r, revision_diff *d, platform_change absent, const judge_options *jo,
                      platform_result **results, size_t **index, size_t *n)
{
	char **ids = xcalloc(d->n + 1, sizeof *ids);
	*index = xcalloc(d->n + 1, sizeof **index);
	*n = 0;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].change != absent && strcmp(d->v[i].id, RUN_REGISTRY_ENTRY))
			(*index)[*n] = i, ids[(*n)++] = d->v[i].id;
	*results = xcalloc(*n + 1, sizeof **results);
	int rc = judge_platforms(r, ids, *n, jo, *results);
	free(ids);
	return rc;
}

static void free_results(platform_result *res, size_t *index, size_t n)
{
	for (size_t i = 0; i < n; i++)
		platform_result_free(&res[i]);
	free(res), free(index);
}

static int judge_both(run *a, run *b, revision_diff *d, const judge_options *jo)
{
	platform_result *ra = NULL, *rb = NULL;
	size_t *ia = NULL, *ib = NULL, na = 0, nb = 0;
	int rc = judge_side(a, d, PLATFORM_ADDED, jo, &ra, &ia, &na);
	if (rc == 0)
		rc = judge_side(b, d, PLATFORM_REMOVED, jo, &rb, &ib, &nb);
	for (size_t i = 0, j = 0; rc == 0 && (i < na || j < nb);) {
		size_t k = i < na && (j == nb || ia[i] <= ib[j]) ? ia[i] : ib[j];
		const platform_result *x = i < na && ia[i] == k ? &ra[i++] : NULL;
		const platform_result *y = j < nb && ib[j] == k ? &rb[j++] : NULL;
		if (x)
			d->v[k].from = x->verdict;
		if (y)
			d->v[k].to = y->verdict;
		delta_findings(x ? &x->findings : NULL, y ? &y->findings : NULL, &d->v[k].gained, &d->v[k].lost);
	}
	free_results(ra, ia, na), free_results(rb, ib, nb);
	return rc;
}

int diff_revisions(run *a, run *b, char *const *only, size_t n_only, const judge_options *jo,
                   revision_diff *out)
{
	registry_changes ch = {0};
	int rc = registry_changes_since(b->reg, registry_commit(a->reg), 0, &ch) < 0 ? ERR_FAIL : 0;
	for (size_t i = 0; rc == 0 && i < ch.n_checked; i++)
		if (wanted(ch.checked[i], only, n_only))
			push_diff(out, ch.checked[i], PLATFORM_MODIFIED);
	for (size_t i = 0; rc == 0 && i < ch.n_removed; i++)
		if (wanted(ch.removed[i], only, n_only))
			push_diff(out, ch.removed[i], PLATFORM_REMOVED);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, diff_id_cmp);
	for (size_t i = 0; rc == 0 && i < out->n; i++)
		if (out->v[i].change == PLATFORM_MODIFIED)
			rc = diff_platform_files(&out->v[i], a, b);
	if (rc == 0 && !n_only && (ch.registry_yaml || ch.n_outside)) {
		push_diff(out, RUN_REGISTRY_ENTRY, PLATFORM_MODIFIED);
		rc = diff_root_files(&out->v[out->n - 1], a, b, &ch);
	}
	if (rc == 0)
		rc = judge_both(a, b, out, jo);
	registry_changes_free(&ch);
	return rc;
}

void revision_diff_free(revision_diff *d)
{
	for (size_t i = 0; i < d->n; i++) {
		platform_diff *p = &d->v[i];
		for (size_t j = 0; j < p->n_files; j++)
			free(p->files[j].path);
		free(p->files), free(p->id);
		field_changes_free(&p->fields);
		findings_free(&p->gained), findings_free(&p->lost);
	}
	free(d->v);
	d->v = NULL;
	d->n = 0;
}

static const char *change_name(platform_change c)
{
	return c == PLATFORM_ADDED ? "added" : c == PLATFORM_REMOVED ? "removed" : "modified";
}

static void write_field(FILE *out, const field_change *f)
{
	char *file = display_text(f->file), *path = display_text(*f->path ? f->path : "(document)");
	char *from = f->from_text ? display_text(f->from_text) : NULL, *to = f->to_text ? display_text(f->to_text) : NULL;
	if (f->kind == FIELD_MODIFIED)
		fprintf(out, "   %s: %s %s -> %s\n", file, path, from, to);
	else
		fprintf(out, "   %s: %s %s %s\n", file, path, field_change_name(f->kind), f->kind == FIELD_ADDED ? to : from);
	free(file), free(path), free(from), free(to);
}

static void write_findings(FILE *out, const finding_list *l, char sign)
{
	for (size_t i = 0; i < l->n; i++) {
		char *line = finding_line(&l->v[i]);
		fprintf(out, "   %c %s\n", sign, line);
		free(line);
	}
}

static void write_platform(FILE *out, const platform_diff *p)
{
	char *id = display_text(p->id);
	if (!strcmp(p->id, RUN_REGISTRY_ENTRY))
		fprintf(out, "== %s: %s\n", id, change_name(p->change));
	else if (p->change == PLATFORM_MODIFIED)
		fprintf(out, "== %s: %s, %s -> %s\n", id, change_name(p->change), verdict_name(p->from), verdict_name(p->to));
	else
		fprintf(out, "== %s: %s, %s\n", id, change_name(p->change),
		        verdict_name(p->change == PLATFORM_ADDED ? p->to : p->from));
	free(id);
	for (size_t i = 0; i < p->n_files; i++) {
		char *path = display_text(p->files[i].path);
		fprintf(out, "   %s: file %s\n", path, field_change_name(p->files[i].kind));
		free(path);
	}
	for (size_t i = 0; i < p->fields.n; i++)
		write_field(out, &p->fields.v[i]);
	write_findings(out, &p->gained, '+');
	write_findings(out, &p->lost, '-');
}

typedef struct {
	size_t added, removed, modified, fields, files, gained, lost;
} diff_totals;

static diff_totals totals(const revision_diff *d)
{
	diff_totals t = {0};
	for (size_t i = 0; i < d->n; i++) {
		const platform_diff *p = &d->v[i];
		if (strcmp(p->id, RUN_REGISTRY_ENTRY))
			*(p->change == PLATFORM_ADDED ? &t.added : p->change == PLATFORM_REMOVED ? &t.removed : &t.modified) += 1;
		t.fields += p->fields.n, t.files += p->n_files, t.gained += p->gained.n, t.lost += p->lost.n;
	}
	return t;
}

int diff_write_text(FILE *out, const revision_diff *d, const run *a, const run *b)
{
	for (size_t i = 0; i < d->n; i++)
		write_platform(out, &d->v[i]);
	diff_totals t = totals(d);
	char day[11];
	date_format(b->opts.as_of, day);
	fprintf(out, _("%zu platforms changed (%zu added, %zu removed, %zu modified); %zu fields, %zu files; "
	               "%zu findings gained, %zu lost (%.12s..%.12s, policy %s/%s..%s/%s, as of %s)\n"),
	        t.added + t.removed + t.modified, t.added, t.removed, t.modified, t.fields, t.files, t.gained,
	        t.lost, registry_commit(a->reg), registry_commit(b->reg), a->pol->id, a->pol->version, b->pol->id,
	        b->pol->version, day);
	return ferror(out) ? error_set(_("cannot write the output")) : 0;
}

static json_t *field_json(const field_change *f)
{
	json_t *j = json_pack("{s:o, s:o, s:s}", "file", report_json_text(f->file), "path", report_json_text(f->path),
	                      "change", field_change_name(f->kind));
	if (j && f->from)
		json_object_set(j, "from", f->from), json_object_set_new(j, "line_from", json_integer(f->from_line));
	if (j && f->to)
		json_object_set(j, "to", f->to), json_object_set_new(j, "line_to", json_integer(f->to_line));
	return j;
}

static json_t *platform_json(const void *ctx, size_t k)
{
	const platform_diff *p = &((const revision_diff *)ctx)->v[k];
	int root = !strcmp(p->id, RUN_REGISTRY_ENTRY);
	json_t *files = json_array(), *fields = json_array();
	for (size_t i = 0; files && i < p->n_files; i++)
		json_array_append_new(files, json_pack("{s:o, s:s}", "file", report_json_text(p->files[i].path),
		                                       "change", field_change_name(p->files[i].kind)));
	for (size_t i = 0; fields && i < p->fields.n; i++)
		json_array_append_new(fields, field_json(&p->fields.v[i]));
	return json_pack("{s:o, s:s, s:s?, s:s?, s:o, s:o, s:o, s:o}", "id", report_json_text(p->id),
	                 "change", change_name(p->change),
	                 "verdict_from", root || p->change == PLATFORM_ADDED ? NULL : verdict_name(p->from),
	                 "verdict_to", root || p->change == PLATFORM_REMOVED ? NULL : verdict_name(p->to),
	                 "files", files, "fields", fields, "findings_gained", desk_findings_json(&p->gained),
	                 "findings_lost", desk_findings_json(&p->lost));
}

static json_t *side_json(const run *r, const char *rev, const char *registry_path)
{
	json_t *j = desk_registry_json(r, registry_path);
	if (j)
		json_object_set_new(j, "rev", report_json_text(rev));
	return j;
}

int diff_write_json(FILE *out, const revision_diff *d, const run *a, const run *b, const char *registry_path)
{
	char day[11];
	diff_totals t = totals(d);
	date_format(b->opts.as_of, day);
	json_t *head = desk_doc_json("diff", json_pack("{s:o, s:o, s:s}", "from", side_json(a, d->rev_from, registry_path),
	                                               "to", side_json(b, d->rev_to, registry_path), "as_of", day));
	json_t *tail = json_pack("{s:{s:I, s:I, s:I, s:I, s:I, s:I, s:I}}", "summary", "added", (json_int_t)t.added,
	                         "removed", (json_int_t)t.removed, "modified", (json_int_t)t.modified,
	                         "fields", (json_int_t)t.fields, "files", (json_int_t)t.files,
	                         "findings_gained", (json_int_t)t.gained, "findings_lost", (json_int_t)t.lost);
	return desk_put_rows(out, head, "platforms", platform_json, d, d->n, tail);
}
