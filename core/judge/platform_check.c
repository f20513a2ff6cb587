/*
 * judge/platform_check.c - judging one platform: the snapshot of its folder, the
 * core rules, then each plugin through the ppreg_api table.
 *
 * The check is a pure function of (folder at the revision, policy, as-of
 * date): all state lives in a `snapshot` on the stack of
 * run_check_platform(), reached by plugins through ppreg_check.core, so
 * platforms can be judged in any order or in parallel with the same result.
 */
#include "judge/run.h"
#include "judge/digest_memo.h"
#include "yaml/node.h"
#include "policy/schema.h"
#include "yaml/scalar.h"
#include "yaml/date.h"
#include "yaml/loader.h"
#include "judge/platform_check.h"
#include "judge/probe.h"
#include "judge/authority.h"
#include "base/i18n.h"

#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

typedef struct {
	char *name;        /* "gdpr.yaml" */
	ydoc *doc;         /* NULL when missing or unreadable */
	unsigned char *data; /* its bytes, read and not yet parsed */
	size_t len;
	int optional;      /* one of the policy's optional_files: its absence is no finding */
} declaration;

typedef struct {
	char *path;
	unsigned char *data;
	size_t len;
} cached_file;

typedef struct {
	run *run;
	platform_tree *tree;
	char *folder;          /* "platforms/<id>" relative to the registry root */
	finding_sink sink;
	declaration *decls;
	size_t n_decls;
	ptrvec cache;          /* cached_file*, for file_read */
	platform_result *out;  /* what the judgement fills */
	const loaded_plugin *plugin; /* the plugin being called */
	int failed;            /* a plugin called fail(), or a file it asked for could not be read */
	int read_failed;       /* the latter: fail_message is the registry's own */
	int unreadable;        /* a declaration could not be read: verdict invalid */
	char fail_message[512];
} snapshot;

#define MAX_EVIDENCE_BYTES ((size_t)256 << 20)

static snapshot *snap_of(ppreg_check *c)
{
	return c->core;
}

/* ---- the ppreg_api functions that need the snapshot ---- */

/* The parsed document of a declaration file, or NULL. */
static const ydoc *decl_doc(ppreg_check *c, const char *name)
{
	snapshot *s = snap_of(c);
	for (size_t i = 0; name && i < s->n_decls; i++)
		if (!strcmp(s->decls[i].name, name))
			return s->decls[i].doc;
	return NULL;
}

static const ppreg_node *api_file(ppreg_check *c, const char *name)
{
	return ydoc_root(decl_doc(c, name));
}

static int api_authority(ppreg_check *c, const char *record, const ppreg_node **entry)
{
	*entry = NULL;
	return c->platform && record ? authority_entry(snap_of(c)->run, record, c->platform, entry) : PPREG_ABSENT;
}

static void api_withhold(ppreg_check *c, const char *reason)
{
	snapshot *s = snap_of(c);
	if (s->out && !s->out->withheld)
		s->out->withheld = display_text(reason && *reason ? reason : _("withheld by a plugin"));
}

static const char *api_comment(ppreg_check *c, const char *file, size_t i, unsigned *line, unsigned *column)
{
	return ydoc_comment(decl_doc(c, file), i, line, column);
}

static int path_inside(const char *path);

/* Every finding of a plugin comes through here: the rule must be one the
 * plugin declares, and its severity one of the three. */
static void add_plugin_finding(snapshot *s, const char *rule, ppreg_severity severity,
                               const char *file, unsigned line, unsigned column, const char *message)
{
	const ppreg_rule *r = rule ? plugin_rule(s->plugin, rule) : NULL;
	if (!r) {
		snprintf(s->fail_message, sizeof s->fail_message,
		         _("plugin %s reported rule '%.80s' it does not declare"), s->plugin->name, rule ? rule : "(null)");
		s->failed = 1;
		return;
	}
	int sev = severity == PPREG_SEV_DEFAULT ? (int)r->severity : (int)severity;
	if (sev != PPREG_SEV_OFF && sev != PPREG_SEV_WARNING && sev != PPREG_SEV_ERROR)
		sev = r->severity;
	sink_addv(&s->sink, r->id, sev, file, line, column, message ? message : "");
}

static void api_report(ppreg_check *c, const char *rule, ppreg_severity severity,
                       const ppreg_node *at, const char *message)
{
	snapshot *s = snap_of(c);
	add_plugin_finding(s, rule, severity, at ? at->file : s->folder, at ? at->line : 1,
	                   at ? at->column : 1, message);
}

static void api_report_at(ppreg_check *c, const char *rule, ppreg_severity severity,
                          const char *path, unsigned line, unsigned column, const char *message)
{
	snapshot *s = snap_of(c);
	if (!s->folder || !path || !path_inside(path)) {
		add_plugin_finding(s, rule, severity, s->folder ? s->folder : "", 1, 1, message);
		return;
	}
	char *file = path_join(s->folder, path);
	add_plugin_finding(s, rule, severity, file, line ? line : 1, column ? column : 1, message);
	free(file);
}

void platform_result_add_lapse(platform_result *p, const char *rule, const char *file, unsigned line,
                               ppreg_date last_valid_day)
{
	p->lapses = xrealloc(p->lapses, (p->n_lapses + 1) * sizeof *p->lapses);
	/* printable as a finding's file is (findings_addv) */
	p->lapses[p->n_lapses++] = (lapse){xstrdup(rule), display_text(file), line, last_valid_day};
}

static int lapse_cmp(const void *a, const void *b)
{
	const lapse *x = a, *y = b;
	int c = date_cmp(x->last_valid_day, y->last_valid_day);
	if (!c)
		c = strcmp(x->file, y->file);
	if (!c)
		c = (x->line > y->line) - (x->line < y->line);
	return c ? c : strcmp(x->rule, y->rule);
}

void platform_result_sort_lapses(platform_result *p)
{
	size_t kept = 0;
	if (p->n_lapses > 1)
		qsort(p->lapses, p->n_lapses, sizeof *p->lapses, lapse_cmp);
	for (size_t i = 0; i < p->n_lapses; i++) {
		if (kept && !lapse_cmp(&p->lapses[kept - 1], &p->lapses[i])) {
			free(p->lapses[i].rule), free(p->lapses[i].file);
			continue;
		}
		p->lapses[kept++] = p->lapses[i];
	}
	p->n_lapses = kept;
}

/* A lapse is kept only for a rule the verdict rests on: one the plugin
 * declares (else the check fails, as for a finding), an error after the
 * policy's overrides and --strict (a warning fails no check). */
static void api_lapse(ppreg_check *c, const char *rule, const ppreg_node *at, ppreg_date last_valid_day)
{
	snapshot *s = snap_of(c);
	const ppreg_rule *r = rule ? plugin_rule(s->plugin, rule) : NULL;
	if (!r || !date_valid(last_valid_day)) {
		snprintf(s->fail_message, sizeof s->fail_message, r ? _("plugin %s reported a lapse of rule '%.80s' on no real date")
		         : _("plugin %s reported a lapse of rule '%.80s' it does not declare"), s->plugin->name,
		         rule ? rule : "(null)");
		s->failed = 1;
		return;
	}
	if (!s->out || sink_severity(&s->sink, r->id, r->severity) != PPREG_SEV_ERROR)
		return; /* setup() has no platform to bound */
	platform_result_add_lapse(s->out, r->id, at ? at->file : s->folder, at ? at->line : 1, last_valid_day);
}

static int api_fail(ppreg_check *c, const char *message)
{
	snapshot *s = snap_of(c);
	if (!s->failed)
		snprintf(s->fail_message, sizeof s->fail_message, _("plugin %s: %s"), s->plugin->name,
		         message ? message : _("failed"));
	s->failed = 1;
	return -1;
}

/* A path a declaration gives for a file of its folder: relative, no "..",
 * no empty or "." parts. Anything else is refused before any lookup. */
static int path_inside(const char *path)
{
	if (!*path || *path == '/')
		return 0;
	for (const char *p = path; *p;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.'))
			return 0;
		p += len + (slash != NULL);
	}
	return 1;
}

/* The entry of a file of the folder a plugin names, or why there is none. */
static int find_file(const snapshot *s, const char *path, const platform_entry **out)
{
	if (!path || !path_inside(path))
		return PPREG_ESCAPES;
	if (!s->tree)
		return PPREG_ABSENT; /* setup(): no platform folder */
	/* Any link on the way (a symlinked evidence/ folder) is refused too. */
	for (const char *p = strchr(path, '/'); p; p = strchr(p + 1, '/')) {
		char *prefix = xstrndup(path, (size_t)(p - path));
		const platform_entry *d = platform_find(s->tree, prefix);
		free(prefix);
		if (d && d->kind != ENTRY_DIR)
			return PPREG_SYMLINK;
	}
	const platform_entry *e = platform_find(s->tree, path);
	if (!e)
		return PPREG_ABSENT;
	if (e->kind != ENTRY_FILE && e->kind != ENTRY_EXEC)
		return PPREG_SYMLINK;
	*out = e;
	return PPREG_OK;
}

/* What a plugin is told of registry_read_entry's error: a link or a
 * missing file as such, anything else as PPREG_ERROR. A file that could
 * not be read (ERR_FAIL: a corrupt object, an I/O error) also fails the
 * platform's check with the registry's message, whatever the plugin makes
 * of PPREG_ERROR: no verdict is given on what was not read. */
static int api_read_code(snapshot *s, int rc)
{
	if (rc == ERR_FAIL && !s->failed) {
		snprintf(s->fail_message, sizeof s->fail_message, "%s", error_last());
		s->failed = s->read_failed = 1;
	}
	return rc == PPREG_SYMLINK || rc == PPREG_ABSENT ? rc : PPREG_ERROR;
}

static int api_file_read(ppreg_check *c, const char *path, const unsigned char **data, size_t *len)
{
	snapshot *s = snap_of(c);
	const platform_entry *e;
	int rc = find_file(s, path, &e);
	if (rc)
		return rc;
	for (size_t i = 0; i < s->cache.n; i++) {
		cached_file *f = s->cache.v[i];
		if (!strcmp(f->path, path)) {
			*data = f->data, *len = f->len;
			return PPREG_OK;
		}
	}
	cached_file *f = xcalloc(1, sizeof *f);
	rc = registry_read_entry(s->run->reg, s->tree, e, MAX_EVIDENCE_BYTES, &f->data, &f->len);
	if (rc < 0) {
		free(f);
		return api_read_code(s, rc);
	}
	f->path = xstrdup(path);
	ptrvec_push(&s->cache, f);
	*data = f->data, *len = f->len;
	return PPREG_OK;
}

/* The SHA-256 of a file of the folder, for a plugin and for an
 * attestation alike. A blob hashed before, on this platform or another, is
 * not read again (digest_memo.h); only a digest computed in full is
 * remembered. 0, or registry_read_entry's error (*len: the size of a file
 * ERR_TOO_LARGE), or ERR_FAIL when hashing fails. */
static int entry_sha256(snapshot *s, const platform_entry *e, char hex[65], size_t *len)
{
	if (digest_memo_get(s->run->digests, e->oid, e->oid_len, hex))
		return 0;
	unsigned char *data = NULL;
	*len = 0;
	int rc = registry_read_entry(s->run->reg, s->tree, e, MAX_EVIDENCE_BYTES, &data, len);
	if (rc < 0)
		return rc;
	rc = sha256_hex(data, *len, hex);
	free(data);
	if (rc < 0)
		return ERR_FAIL;
	digest_memo_put(&s->run->digests, e->oid, e->oid_len, hex);
	platform_result *out = s->out; /* NULL in a plugin's setup() */
	if (out && e->oid_len && e->oid_len <= sizeof out->learned->oid) {
		out->learned = xrealloc(out->learned, (out->n_learned + 1) * sizeof *out->learned);
		learned_digest *d = &out->learned[out->n_learned++];
		memcpy(d->oid, e->oid, e->oid_len);
		d->oid_len = e->oid_len;
		memcpy(d->sha256, hex, sizeof d->sha256);
	}
	return 0;
}

static int api_file_sha256(ppreg_check *c, const char *path, char hex[65])
{
	snapshot *s = snap_of(c);
	const platform_entry *e;
	size_t len;
	int rc = find_file(s, path, &e);
	if (rc)
		return rc;
	rc = entry_sha256(s, e, hex, &len);
	return rc == 0 ? PPREG_OK : api_read_code(s, rc);
}

static int api_policy_file_sha256(ppreg_check *c, const char *path, char hex[65])
{
	snapshot *s = snap_of(c);
	if (!path || !path_inside(path))
		return PPREG_ESCAPES;
	char *full = xasprintf("%s/%s", s->run->pol->dir, path); /* dir "" is the root */
	struct stat st;
	int rc = lstat(full, &st) < 0 ? PPREG_ABSENT : !S_ISREG(st.st_mode) ? PPREG_SYMLINK :
	         sha256_file_hex(full, hex) < 0 ? PPREG_ERROR : PPREG_OK;
	free(full);
	return rc;
}

static int api_parse_duration(const char *text, ppreg_duration *out)
{
	return text && scalar_duration(text, out) == 0 ? PPREG_OK : PPREG_BADTYPE;
}

static int api_email_valid(const char *s)
{
	return s && scalar_email(s) == 0;
}

static int api_url_scheme(const char *s)
{
	int scheme = s ? scalar_url(s) : -1;
	return scheme > 0 ? scheme : 0;
}

static int api_country_valid(const char *s)
{
	return s && scalar_country(s) == 0;
}

static const char *api_text(ppreg_check *c, const char *msgid)
{
	return i18n_plugin_text(snap_of(c)->plugin->name, msgid);
}

static const char *api_amount_text(ppreg_check *c, long long cents, const char *currency, char *buf, size_t size)
{
	(void)c;
	return size ? i18n_amount(cents, currency ? currency : "", buf, size) : buf;
}

static const char *api_date_text(ppreg_check *c, ppreg_date d, char *buf, size_t size)
{
	(void)c;
	return size ? i18n_date(d, buf, size) : buf;
}

static const ppreg_api api_table = {
	.size = sizeof(ppreg_api),
	.abi_version = PPREG_ABI_VERSION,
	.file = api_file,
	.get = node_get,
	.kind = node_kind,
	.count = node_count,
	.item = node_item,
	.key = node_key,
	.where = node_where,
	.str = node_str,
	.integer = node_int,
	.number = node_number,
	.boolean = node_bool,
	.date = node_date,
	.duration = node_duration,
	.date_cmp = date_cmp,
	.date_add = date_add,
	.parse_duration = api_parse_duration,
	.report = api_report,
	.fail = api_fail,
	.file_sha256 = api_file_sha256,
	.file_read = api_file_read,
	.policy_file_sha256 = api_policy_file_sha256,
	.report_at = api_report_at,
	.email_valid = api_email_valid,
	.url_scheme = api_url_scheme,
	.country_valid = api_country_valid,
	.comment = api_comment,
	.amount = node_amount,
	.authority = api_authority,
	.withhold = api_withhold,
	.lapse = api_lapse,
	.text = api_text,
	.amount_text = api_amount_text,
	.date_text = api_date_text,
};

/* ---- the core's own checks ---- */

static void check_tree_entries(snapshot *s)
{
	static const char *why[] = {"", N_("has the executable bit"), N_("is a symbolic link"),
		N_("is a submodule"), "", N_("is not a regular file (a FIFO, socket or device)")};
	for (size_t i = 0; i < s->tree->n_entries; i++) {
		const platform_entry *e = &s->tree->entries[i];
		if (e->kind == ENTRY_FILE || e->kind == ENTRY_DIR)
			continue;
		char *file = path_join(s->folder, e->path);
		sink_add(&s->sink, "core.tree-entry", PPREG_SEV_ERROR, file, 1, 1,
		         _("%s %s; only regular files and folders are read"), e->path, _(why[e->kind]));
		free(file);
	}
	if (s->tree->truncated == TRUNCATED_ENTRIES)
		sink_add(&s->sink, "core.limits", PPREG_SEV_ERROR, s->folder, 1, 1,
		         _("the folder holds more than %d entries: it is not read"), PLATFORM_MAX_ENTRIES);
	else if (s->tree->truncated)
		sink_add(&s->sink, "core.limits", PPREG_SEV_ERROR, s->folder, 1, 1,
		         _("the folder nests folders more than %d levels deep: it is not read"), PLATFORM_MAX_DEPTH);
}

/* Reads one declaration file's bytes; problems with the file are findings,
 * a failure to read it (ERR_FAIL) stops the check. */
static int read_declaration(snapshot *s, declaration *d, int optional)
{
	const platform_entry *e = platform_find(s->tree, d->name);
	size_t len = 0;
	int rc = e ? registry_read_entry(s->run->reg, s->tree, e, s->run->pol->limits.max_bytes, &d->data, &len)
	           : PPREG_ABSENT;
	if (rc == 0) {
		d->len = len;
		return 0;
	}
	d->data = NULL;
	if (rc == ERR_FAIL)
		return ERR_FAIL;
	char *file = path_join(s->folder, d->name);
	if (rc == PPREG_ABSENT && optional) {
		/* the plugin that reads it says what its absence means */
	} else if (rc == PPREG_ABSENT) {
		sink_add(&s->sink, "core.missing-file", PPREG_SEV_ERROR, file, 1, 1,
		         _("%s is missing from the platform folder"), d->name);
	} else if (rc == ERR_TOO_LARGE) {
		sink_add(&s->sink, "core.limits", PPREG_SEV_ERROR, file, 1, 1,
		         _("file is %zu bytes, more than the policy's %zu"), len, s->run->pol->limits.max_bytes);
		s->unreadable = 1;
	} else {
		s->unreadable = 1; /* PPREG_SYMLINK: core.tree-entry already says why */
	}
	free(file);
	return 0;
}

/* Parses the bytes read_declaration read; problems are findings. */
static void parse_declaration(snapshot *s, declaration *d)
{
	if (!d->data)
		return;
	char *file = path_join(s->folder, d->name);
	d->doc = ydoc_parse(file, d->data, d->len, &s->run->pol->limits, &s->sink);
	free(file);
	if (!d->doc) {
		s->unreadable = 1;
		free(d->data);
	} else {
		/* kept for file_read(): a plugin reading a declaration's bytes
		 * (its comments) must not cost a second blob read */
		cached_file *f = xcalloc(1, sizeof *f);
		f->path = xstrdup(d->name), f->data = d->data, f->len = d->len;
		ptrvec_push(&s->cache, f);
	}
	d->data = NULL;
}

/* Whether a worker's results can still reach the scheduler: a plugin may
 * have closed the pipe, or closed it and opened something else in its
 * place. Always true outside a worker. */
static int results_pipe_intact(const run *r)
{
	struct stat st;
	if (r->result_fd < 0)
		return 1;
	return fstat(r->result_fd, &st) == 0 && (unsigned long long)st.st_dev == r->result_dev &&
	       (unsigned long long)st.st_ino == r->result_ino;
}

static int run_plugins(snapshot *s, const platform_tree *t)
{
	for (size_t i = 0; i < s->run->n_plugins && !s->failed; i++) {
		const loaded_plugin *p = &s->run->plugins[i];
		ppreg_check c = {sizeof c, &api_table, t->id, s->run->opts.as_of, p->params, s, p->state};
		if (i < 64 && (s->run->skip_plugins >> i) & 1)
			continue;
		s->plugin = p;
		if (s->run->progress)
			*s->run->progress = (int)i;
		if (p->desc->check(&c) < 0 && !s->failed)
			api_fail(&c, _("check failed without a reason"));
		if (!results_pipe_intact(s->run))
			_exit(4); /* the scheduler blames the plugin the slot still names */
		if (s->run->finished)
			atomic_fetch_add(&s->run->finished[i], 1);
		if (s->run->progress)
			*s->run->progress = -1;
	}
	if (s->read_failed)
		return error_set("%s", s->fail_message);
	if (s->failed)
		return error_set("%s: %s", s->folder, s->fail_message);
	return 0;
}

/* Each plugin's setup(), once per process that judges (a worker, or the
 * probe's child, which is how a policy whose parameters a plugin refuses
 * stops the run with exit 2, whether or not any platform is to be judged).
 * A finding reported during setup is a plugin defect: there is no
 * declaration to report it against. */
int run_setup_plugins(run *r)
{
	if (r->plugins_set_up)
		return 0;
	r->plugins_set_up = 1;
	for (size_t i = 0; i < r->n_plugins; i++) {
		loaded_plugin *p = &r->plugins[i];
		int (*setup)(ppreg_check *, void **) = plugin_setup_fn(p);
		if (!setup)
			continue;
		probe_step(r, 'S', i);
		if (r->progress)
			*r->progress = (int)i;
		finding_list fl = {0};
		snapshot s = {.run = r, .plugin = p};
		s.sink = (finding_sink){&fl, NULL, 0, 0};
		ppreg_check c = {sizeof c, &api_table, NULL, r->opts.as_of, p->params, &s, NULL};
		int rc = setup(&c, &p->state);
		if (r->progress)
			*r->progress = -1;
		if (rc == 0 && !s.failed && fl.n)
			snprintf(s.fail_message, sizeof s.fail_message, _("plugin %s reported a finding in setup()"), p->name);
		else if (rc < 0 && !s.failed)
			snprintf(s.fail_message, sizeof s.fail_message, _("plugin %s: setup failed without a reason"), p->name);
		findings_free(&fl);
		if (rc < 0 || s.failed || s.fail_message[0])
			return error_set(_("policy %s: %s"), r->policy_path, s.fail_message);
	}
	return 0;
}

/* The digest of every regular file of the folder, for an attestation. A
 * file that cannot be read (too large, I/O) stops the run: an attestation
 * whose content digest left a file out would not name what was judged. */
static int digest_files(snapshot *s, platform_result *out)
{
	out->files = xcalloc(s->tree->n_entries ? s->tree->n_entries : 1, sizeof *out->files);
	for (size_t i = 0; i < s->tree->n_entries; i++) {
		const platform_entry *e = &s->tree->entries[i];
		if (e->kind != ENTRY_FILE && e->kind != ENTRY_EXEC)
			continue;
		file_digest *f = &out->files[out->n_files];
		size_t len;
		int rc = entry_sha256(s, e, f->sha256, &len);
		if (rc == ERR_TOO_LARGE)
			return error_set(_("%s/%s: %zu bytes, more than the %zu a file may have to be attested"), s->folder,
			                 e->path, len, MAX_EVIDENCE_BYTES);
		if (rc < 0)
			return error_set(_("%s/%s: cannot be read and hashed to be attested%s%s"), s->folder, e->path,
			                 rc == ERR_FAIL ? ": " : "", rc == ERR_FAIL ? error_last() : "");
		f->path = xstrdup(e->path);
		out->n_files++;
	}
	return 0;
}

static void snapshot_free(snapshot *s)
{
	for (size_t i = 0; i < s->n_decls; i++) {
		ydoc_free(s->decls[i].doc);
		free(s->decls[i].data); /* NULL once parsed */
		free(s->decls[i].name);
	}
	free(s->decls);
	for (size_t i = 0; i < s->cache.n; i++) {
		cached_file *f = s->cache.v[i];
		free(f->path);
		free(f->data);
		free(f);
	}
	free(s->cache.v);
	free(s->folder);
	platform_tree_free(s->tree);
}

/* run.describe, with the trees still in hand. */
static void describe(snapshot *s)
{
	const char **files = xcalloc(s->n_decls + 1, sizeof *files);
	const ppreg_node **roots = xcalloc(s->n_decls + 1, sizeof *roots);
	for (size_t i = 0; i < s->n_decls; i++) {
		files[i] = s->decls[i].name;
		roots[i] = ydoc_root(s->decls[i].doc);
	}
	s->run->describe(s->run->describe_ctx, s->run, files, roots, s->n_decls, s->out);
	free(files);
	free(roots);
}

int run_check_platform(run *r, const char *id, platform_result *out)
{
	memset(out, 0, sizeof *out);
	out->id = display_text(id);
	snapshot s = {.run = r, .out = out};
	s.folder = path_join("platforms", id);
	s.sink = (finding_sink){&out->findings, r->overrides, r->n_overrides, r->opts.strict};
	int rc = registry_platform(r->reg, id, &s.tree);
	if (rc == PPREG_ABSENT) {
		rc = run_no_platform(r, id);
		goto done;
	}
	if (rc < 0)
		goto done;
	snprintf(out->tree_id, sizeof out->tree_id, "%s", s.tree->tree_id);
	if (s.tree->kind != ENTRY_DIR) {
		sink_add(&s.sink, "core.tree-entry", PPREG_SEV_ERROR, s.folder, 1, 1,
		         _("platforms/%s is not a folder (a link, a file or a special file); it is not followed"), id);
		s.unreadable = 1;
		goto done;
	}
	check_tree_entries(&s);
	if (s.tree->truncated) {
		/* a folder listed in part would have "missing" files it holds */
		s.unreadable = 1;
		goto done;
	}
	s.n_decls = r->n_files;
	s.decls = xcalloc(s.n_decls, sizeof *s.decls);
	/* Every file read, then every file parsed, then every schema walked:
	 * libgit2's and zlib's code, libyaml's and the walk's each stay in
	 * cache over five files instead of taking turns (docs/benchmark.md;
	 * the findings are sorted anyway). */
	for (size_t i = 0; i < s.n_decls && rc == 0; i++) {
		s.decls[i].name = xstrdup(r->files[i]);
		rc = read_declaration(&s, &s.decls[i], r->optional[i]);
	}
	if (rc < 0)
		goto done;
	for (size_t i = 0; i < s.n_decls; i++)
		parse_declaration(&s, &s.decls[i]);
	for (size_t i = 0; i < s.n_decls; i++)
		if (s.decls[i].doc)
			schema_check_compiled(ydoc_root(s.decls[i].doc), ydoc_file(s.decls[i].doc), r->schemas[i], &s.sink);
	rc = run_plugins(&s, s.tree);
	if (rc == 0 && r->opts.want_digests)
		rc = digest_files(&s, out);
done:
	findings_sort(&out->findings);
	platform_result_sort_lapses(out);
	out->verdict = s.unreadable ? VERDICT_INVALID :
	               findings_count(&out->findings, PPREG_SEV_ERROR) ? VERDICT_NON_COMPLIANT : VERDICT_COMPLIANT;
	if (rc == 0 && r->describe)
		describe(&s);
	snapshot_free(&s);
	return rc;
}

void platform_result_free(platform_result *p)
{
	findings_free(&p->findings);
	for (size_t i = 0; i < p->n_files; i++)
		free(p->files[i].path);
	free(p->files);
	free(p->learned);
	free(p->withheld);
	for (size_t i = 0; i < p->n_lapses; i++)
		free(p->lapses[i].rule), free(p->lapses[i].file);
	free(p->lapses);
	free(p->attachment);
	free(p->id);
	memset(p, 0, sizeof *p);
}
