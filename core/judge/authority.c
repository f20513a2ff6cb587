/*
 * judge/authority.c - reading the authority's record (authority.h).
 */
#include "judge/authority.h"
#include "base/i18n.h"
#include "policy/schema.h"
#include "yaml/loader.h"
#include "yaml/node.h"

#include <stdlib.h>
#include <string.h>

static const ppreg_field authorization_fields[] = {
	{"format", PPREG_T_ENUM, PPREG_REQUIRED, "ppreg/1", NULL},
	{"authorizations", PPREG_T_LIST, PPREG_REQUIRED, NULL, NULL},
	{"authorizations[]", PPREG_T_MAP, 0, NULL, NULL},
	{"authorizations[].platform", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"authorizations[].number", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"authorizations[].status", PPREG_T_ENUM, PPREG_REQUIRED, "granted|suspended|revoked", NULL},
	{"authorizations[].granted_on", PPREG_T_DATE, PPREG_REQUIRED, NULL, NULL},
	{"authorizations[].expires_on", PPREG_T_DATE, 0, NULL, NULL},
	{"authorizations[].note", PPREG_T_STRING, 0, NULL, NULL},
};

static const ppreg_field revocation_fields[] = {
	{"format", PPREG_T_ENUM, PPREG_REQUIRED, "ppreg/1", NULL},
	{"revocations", PPREG_T_LIST, PPREG_REQUIRED, NULL, NULL},
	{"revocations[]", PPREG_T_MAP, 0, NULL, NULL},
	{"revocations[].payload_sha256", PPREG_T_SHA256, PPREG_REQUIRED, NULL, NULL},
	{"revocations[].revoked_on", PPREG_T_DATE, PPREG_REQUIRED, NULL, NULL},
	{"revocations[].reason", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
};

static const struct {
	const char *record;
	const ppreg_field *fields;
	size_t n_fields;
} records[] = {
	{"authorizations", authorization_fields, sizeof authorization_fields / sizeof *authorization_fields},
	{"revocations", revocation_fields, sizeof revocation_fields / sizeof *revocation_fields},
};
#define N_RECORDS (sizeof records / sizeof *records)

struct authority {
	ydoc *docs[N_RECORDS]; /* NULL: the registry keeps no such record */
};

/* The first problem a parse or the schema walk found, as the run's error:
 * the authority's own file is held to its format strictly, an unknown
 * field included (a typo there would silently grant or revoke nothing). */
static int first_error(const finding_list *fl)
{
	if (!fl->n)
		return 0;
	const finding *f = &fl->v[0];
	return error_set(_("%s:%u:%u: %s: %s (the authority's record cannot be read, so no platform is judged)"),
	                 f->file, f->line, f->column, f->rule, f->message);
}

/* One record's file, parsed and checked: *doc NULL when it is absent. */
static int load_record(run *r, size_t k, ydoc **doc)
{
	char *file = xasprintf("authority/%s.yaml", records[k].record);
	unsigned char *data = NULL;
	size_t len = 0;
	finding_list fl = {0};
	finding_sink sink = {&fl, NULL, 0, 0};
	int rc = registry_read_root_file(r->reg, file, r->pol->limits.max_bytes, &data, &len);
	*doc = NULL;
	if (rc == PPREG_ABSENT)
		rc = 0;
	else if (rc == PPREG_SYMLINK)
		rc = error_set(_("%s: not a regular file in a folder (a link?); the authority's record is not followed"), file);
	else if (rc == ERR_TOO_LARGE)
		rc = error_set(_("%s: %zu bytes, more than the policy's %zu"), file, len, r->pol->limits.max_bytes);
	else if (rc == 0) {
		*doc = ydoc_parse(file, data, len, &r->pol->limits, &sink);
		if (*doc) {
			field_set fs = {0};
			for (size_t i = 0; i < records[k].n_fields; i++)
				field_set_add(&fs, &records[k].fields[i]);
			schema_check(ydoc_root(*doc), file, &fs, &sink);
			field_set_free(&fs);
		}
		findings_sort(&fl);
		rc = first_error(&fl);
		if (!*doc && rc == 0)
			rc = error_set(_("%s: cannot be parsed"), file);
	}
	free(data);
	findings_free(&fl);
	free(file);
	return rc;
}

int authority_load(run *r)
{
	r->authority = xcalloc(1, sizeof *r->authority);
	for (size_t k = 0; k < N_RECORDS; k++)
		if (load_record(r, k, &r->authority->docs[k]) < 0)
			return ERR_FAIL;
	return 0;
}

void authority_free(run *r)
{
	if (!r->authority)
		return;
	for (size_t k = 0; k < N_RECORDS; k++)
		ydoc_free(r->authority->docs[k]);
	free(r->authority);
	r->authority = NULL;
}

static const ppreg_node *record_list(const run *r, const char *record)
{
	for (size_t k = 0; r->authority && k < N_RECORDS; k++)
		if (!strcmp(records[k].record, record) && r->authority->docs[k])
			return node_get(ydoc_root(r->authority->docs[k]), record);
	return NULL;
}

static int record_kept(const run *r, const char *record)
{
	for (size_t k = 0; r->authority && k < N_RECORDS; k++)
		if (!strcmp(records[k].record, record))
			return r->authority->docs[k] != NULL;
	return 0;
}

/* The item of `list` whose `key` is `value`, or NULL. */
static const ppreg_node *item_with(const ppreg_node *list, const char *key, const char *value)
{
	for (size_t i = 0; i < node_count(list); i++) {
		const char *s;
		const ppreg_node *item = node_item(list, i);
		if (node_str(node_get(item, key), &s) == PPREG_OK && !strcmp(s, value))
			return item;
	}
	return NULL;
}

int authority_entry(const run *r, const char *record, const char *id, const ppreg_node **entry)
{
	*entry = NULL;
	if (!record_kept(r, record))
		return PPREG_ABSENT;
	*entry = item_with(record_list(r, record), "platform", id);
	return PPREG_OK;
}

const ppreg_node *authority_revocation(const run *r, const char *payload_sha256)
{
	return item_with(record_list(r, "revocations"), "payload_sha256", payload_sha256);
}

int authority_check_ids(run *r, finding_sink *sink)
{
	const ppreg_node *list = record_list(r, "authorizations");
	char **ids = NULL;
	size_t n = 0;
	if (!list)
		return 0;
	if (registry_platform_ids(r->reg, &ids, &n) < 0)
		return ERR_FAIL;
	for (size_t i = 0; i < node_count(list); i++) {
		const ppreg_node *pn = node_get(node_item(list, i), "platform");
		const char *id;
		if (node_str(pn, &id) != PPREG_OK)
			continue;
		size_t lo = 0, hi = n;
		while (lo < hi) { /* ids are sorted */
			size_t mid = (lo + hi) / 2;
			int c = strcmp(ids[mid], id);
			if (c == 0)
				lo = hi = mid + 1, id = NULL;
			else if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (id)
			sink_add(sink, "core.authority-record", PPREG_SEV_WARNING, pn->file, pn->line, pn->column,
			         _("the authority's record names platform '%.80s', which the registry does not hold"), id);
	}
	registry_free_ids(ids, n);
	return 0;
}
