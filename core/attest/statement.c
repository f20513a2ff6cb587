/*
 * attest/statement.c - building and reading the attestation statement (jansson).
 */
#include "attest/statement.h"
#include "base/i18n.h"
#include "attest/bound.h"
#include "yaml/scalar.h"
#include "yaml/date.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

int folder_content_digest(const file_digest *files, size_t n, char hex[65])
{
	/* Lines are "path NUL hex LF"; files arrive sorted by path, and a path
	 * has no NUL, so sorting by path sorts the lines. */
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += strlen(files[i].path) + 1 + 64 + 1;
	char *buf = xmalloc(len + 1), *p = buf;
	for (size_t i = 0; i < n; i++) {
		size_t pl = strlen(files[i].path);
		memcpy(p, files[i].path, pl), p += pl;
		*p++ = '\0';
		memcpy(p, files[i].sha256, 64), p += 64;
		*p++ = '\n';
	}
	int rc = sha256_hex(buf, len, hex);
	free(buf);
	return rc;
}

/* Every string of the statement must be UTF-8: JSON cannot carry other
 * bytes, and json_pack() returns NULL for them, which appended to an array
 * would silently drop the entry. ppreg refuses to sign instead (exit 2)
 * rather than name a file other than it is named. */
static int utf8_ok(const char *s)
{
	return utf8_first_invalid((const unsigned char *)s, strlen(s)) == (size_t)-1;
}

static int not_utf8(const char *what, const char *s)
{
	char *shown = display_text(s);
	error_set(_("%s: %s that is not UTF-8 cannot be named faithfully in the statement"), shown, what);
	free(shown);
	return ERR_FAIL;
}

/* Appends item (NULL: json_pack failed) to a; ERR_FAIL with a message otherwise. */
static int append(json_t *a, json_t *item, const json_error_t *jerr, const char *what)
{
	if (item && json_array_append_new(a, item) == 0)
		return 0;
	return error_set(_("cannot put %s in the statement: %s"), what, item ? "out of memory" : jerr->text);
}

static json_t *new_array(void)
{
	json_t *a = json_array();
	if (!a)
		error_set(_("cannot build the statement: out of memory"));
	return a;
}

static json_t *plugins_json(const run *r, json_t *versions)
{
	json_t *a = new_array();
	json_error_t jerr;
	for (size_t i = 0; a && i < r->n_plugins; i++) {
		const loaded_plugin *p = &r->plugins[i];
		if (append(a, json_pack_ex(&jerr, 0, "{s:s, s:s, s:{s:s}}", "name", p->name, "version",
		                           p->desc->version, "digest", "sha256", p->sha256), &jerr, p->name) < 0)
			goto fail;
		if (json_object_set_new(versions, p->name, json_string(p->desc->version)) < 0) {
			error_set(_("cannot put plugin %s's version in the statement"), p->name);
			goto fail;
		}
	}
	return a;
fail:
	json_decref(a);
	return NULL;
}

static json_t *inputs_json(const attest_input *in)
{
	json_t *a = new_array();
	json_error_t jerr;
	for (size_t i = 0; a && i < in->n_files; i++) {
		char *uri = xasprintf("platforms/%s/%s", in->platform, in->files[i].path);
		int rc = !utf8_ok(uri) ? not_utf8(_("a file name"), uri)
		       : append(a, json_pack_ex(&jerr, 0, "{s:s, s:{s:s}}", "uri", uri, "digest", "sha256",
		                                in->files[i].sha256), &jerr, uri);
		free(uri);
		if (rc < 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *warnings_json(const finding_list *f)
{
	json_t *a = new_array();
	json_error_t jerr;
	for (size_t i = 0; a && f && i < f->n; i++) {
		const finding *w = &f->v[i];
		if (w->severity != PPREG_SEV_WARNING)
			continue;
		int rc = !utf8_ok(w->file) ? not_utf8(_("a warning's file name"), w->file)
		       : !utf8_ok(w->message) ? not_utf8(_("a warning's message"), w->message)
		       : append(a, json_pack_ex(&jerr, 0, "{s:s, s:s, s:I, s:s}", "rule", w->rule, "file", w->file,
		                                "line", (json_int_t)w->line, "message", w->message), &jerr, "a warning");
		if (rc < 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *lapses_json(const lapse *l, size_t n)
{
	json_t *a = new_array();
	json_error_t jerr;
	for (size_t i = 0; a && i < n; i++) {
		char day[11];
		date_format(l[i].last_valid_day, day);
		int rc = !utf8_ok(l[i].file) ? not_utf8(_("a lapse's file name"), l[i].file)
		       : append(a, json_pack_ex(&jerr, 0, "{s:s, s:s, s:I, s:s}", "rule", l[i].rule, "file", l[i].file,
		                                "line", (json_int_t)l[i].line, "last_valid_day", day), &jerr, "a lapse");
		if (rc < 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

/* The parts are built first, each checked, so that a failure says which;
 * json_pack_ex() then steals them ("o"), also when it fails (jansson 2.14). */
char *statement_build(const attest_input *in, size_t *len)
{
	char content[65], *name = xasprintf("platforms/%s", in->platform);
	char *resource = xasprintf("%s#%s", in->registry_uri, name);
	char *policy_uri = xasprintf("%s/%s", in->run->pol->id, in->run->pol->version), *out = NULL;
	json_error_t jerr;
	json_t *versions = NULL, *plugins = NULL, *inputs = NULL, *warnings = NULL, *lapses = NULL, *st = NULL;
	if (!utf8_ok(name)) {
		not_utf8(_("a platform name"), name);
		goto done;
	}
	if (!(versions = json_pack_ex(&jerr, 0, "{s:s}", "ppreg", PPREG_VERSION)))
		error_set(_("cannot build the statement: %s"), jerr.text);
	if (!versions || !(plugins = plugins_json(in->run, versions)) || !(inputs = inputs_json(in)) ||
	    !(warnings = warnings_json(in->findings)) || !(lapses = lapses_json(in->lapses, in->n_lapses)) ||
	    folder_content_digest(in->files, in->n_files, content) < 0) {
		json_decref(versions), json_decref(plugins), json_decref(inputs), json_decref(warnings);
		json_decref(lapses);
		goto done;
	}
	st = json_pack_ex(&jerr, 0,
		"{s:s, s:[{s:s, s:{s:s, s:s, s:s}}], s:s, s:{s:{s:s, s:o}, s:s, s:s, s:{s:s, s:{s:s}},"
		" s:o, s:s, s:[s], s:{s:s, s:s, s:s, s:o, s:o, s:o}}}",
		"_type", STATEMENT_TYPE,
		"subject", "name", name, "digest", "gitCommit", in->commit, "gitTree", in->tree_id, "sha256", content,
		"predicateType", VSA_TYPE,
		"predicate", "verifier", "id", PPREG_VERIFIER_ID, "version", versions,
		"timeVerified", in->time_verified, "resourceUri", resource,
		"policy", "uri", policy_uri, "digest", "sha256", in->run->pol->sha256,
		"inputAttestations", inputs, "verificationResult", "PASSED",
		"verifiedLevels", in->verified_level,
		"ppreg", "as_of", in->as_of, "valid_until", in->valid_until,
		"valid_until_reason", in->valid_until_reason ? in->valid_until_reason : BOUND_REQUESTED, "plugins", plugins,
		"warnings", warnings, "lapses", lapses);
	if (!st)
		error_set(_("cannot build the statement: %s"), jerr.text);
	else if (!(out = json_dumps(st, JSON_COMPACT | JSON_SORT_KEYS)))
		error_set(_("cannot build the statement: out of memory"));
	else
		*len = strlen(out);
done:
	json_decref(st);
	free(name), free(resource), free(policy_uri);
	return out;
}

static char *dup_str(json_t *o, const char *path)
{
	/* path: "a.b.c" through objects */
	char *copy = xstrdup(path), *save = NULL;
	for (char *k = strtok_r(copy, ".", &save); k && o; k = strtok_r(NULL, ".", &save))
		o = json_object_get(o, k);
	free(copy);
	return json_is_string(o) ? xstrdup(json_string_value(o)) : NULL;
}

/* 40 (SHA-1) or 64 (SHA-256) lowercase hex digits: an object id, never a
 * revision such as "HEAD" or a short id that a registry could resolve to
 * whatever it holds now. */
static int is_object_id(const char *s)
{
	size_t n = strlen(s);
	return (n == 40 || n == 64) && strspn(s, "0123456789abcdef") == n;
}

/* An expired statement, naming the lapse that set its valid_until when
 * one did (predicate.ppreg.lapses): a signed statement's text is still
 * made printable, for the one line verify prints. */
static int expired(json_t *st, const char *valid_until, const char *as_of)
{
	json_t *ppreg = json_object_get(json_object_get(st, "predicate"), "ppreg");
	char *reason = dup_str(ppreg, "valid_until_reason");
	json_t *lapses = json_object_get(ppreg, "lapses"), *l;
	size_t i;
	int named = 0;
	json_array_foreach(lapses, i, l) {
		char *day = dup_str(l, "last_valid_day"), *rule = dup_str(l, "rule"), *file = dup_str(l, "file");
		json_t *line = json_object_get(l, "line");
		if (!named && reason && !strcmp(reason, BOUND_LAPSE) && day && rule && file && json_is_integer(line) &&
		    !strcmp(day, valid_until)) {
			char *r = display_text(rule), *f = display_text(file);
			error_set(_("expired: valid until %s, as of %s: the last valid day of %.80s (%.200s:%lld)"), valid_until,
			          as_of, r, f, (long long)json_integer_value(line));
			free(r), free(f);
			named = 1;
		}
		free(day), free(rule), free(file);
	}
	free(reason);
	return named ? ERR_FAIL : error_set(_("expired: valid until %s, as of %s"), valid_until, as_of);
}

/* The statement's fields, each checked: ERR_FAIL with the first reason. */
static int read_fields(statement_view *v, json_t *st, const char *as_of)
{
	json_t *subjects = json_object_get(st, "subject"), *subject = json_array_get(subjects, 0);
	char *name = dup_str(subject, "name");
	ppreg_date from, until, now;
	int rc = ERR_FAIL;
	v->commit = dup_str(subject, "digest.gitCommit");
	v->tree_id = dup_str(subject, "digest.gitTree");
	v->content_sha256 = dup_str(subject, "digest.sha256");
	v->policy_uri = dup_str(st, "predicate.policy.uri");
	v->policy_sha256 = dup_str(st, "predicate.policy.digest.sha256");
	v->as_of = dup_str(st, "predicate.ppreg.as_of");
	v->valid_until = dup_str(st, "predicate.ppreg.valid_until");
	if (!json_is_array(subjects) || json_array_size(subjects) != 1)
		error_set(_("the statement must have exactly one subject"));
	else if (!name || strncmp(name, "platforms/", 10) || !name[10] || strchr(name + 10, '/'))
		error_set(_("the subject is not a platform folder"));
	else if (!v->commit || !v->content_sha256 || !v->policy_sha256 || !v->as_of || !v->valid_until)
		error_set(_("the statement lacks a commit, digest, policy, as_of or validity"));
	else if (!is_object_id(v->commit))
		error_set(_("the subject's gitCommit is not a full commit id (40 or 64 lowercase hex digits)"));
	else if (scalar_date(v->as_of, &from) < 0)
		error_set(_("predicate.ppreg.as_of is not a date YYYY-MM-DD"));
	else if (scalar_date(v->valid_until, &until) < 0)
		error_set(_("predicate.ppreg.valid_until is not a date YYYY-MM-DD"));
	else if (date_cmp(until, from) < 0)
		error_set(_("valid_until %s is before as_of %s"), v->valid_until, v->as_of);
	else if (scalar_date(as_of, &now) < 0 || date_cmp(until, now) < 0)
		expired(st, v->valid_until, as_of);
	else if (date_cmp(now, from) < 0)
		error_set(_("not valid yet: it attests the registry as of %s, after %s"), v->as_of, as_of);
	else
		rc = 0;
	if (rc == 0)
		v->platform = xstrdup(name + 10);
	free(name);
	return rc;
}

int statement_read(statement_view *v, const unsigned char *payload, size_t len, const char *as_of)
{
	memset(v, 0, sizeof *v);
	json_error_t jerr;
	json_t *st = json_loadb((const char *)payload, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!st)
		return error_set(_("the statement is not valid JSON (%s)"), jerr.text);
	char *type = dup_str(st, "_type"), *ptype = dup_str(st, "predicateType");
	char *result = dup_str(st, "predicate.verificationResult");
	int rc = ERR_FAIL;
	if (!type || strcmp(type, STATEMENT_TYPE))
		error_set(_("the statement is not an in-toto Statement v1"));
	else if (!ptype || strcmp(ptype, VSA_TYPE))
		error_set(_("the predicate is not a SLSA verification summary"));
	else if (!result || strcmp(result, "PASSED"))
		error_set(_("the verification result is not PASSED"));
	else
		rc = read_fields(v, st, as_of);
	free(type), free(ptype), free(result);
	json_decref(st);
	if (rc < 0)
		statement_view_free(v); /* frees only: error_last() still says why */
	return rc;
}

void statement_view_free(statement_view *v)
{
	free(v->platform), free(v->commit), free(v->tree_id), free(v->content_sha256);
	free(v->policy_uri), free(v->policy_sha256), free(v->as_of), free(v->valid_until);
	memset(v, 0, sizeof *v);
}
