/*
 * commitments.c - what charter.yaml says: the charter adopted
 * (charter.official-version), and for each active commitment the clauses
 * covered (charter.clauses), the version and date signed (charter.signed),
 * the age of the signature (charter.renewal); then no partner twice
 * (charter.unique).
 *
 * A withdrawn commitment is history: the partner no longer intervenes, so
 * it is not asked to cover the clauses or to sign again. It still counts
 * for charter.unique and charter.pseudonymous.
 */
#include "charter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char text[40]; } date_text;

static date_text show_date(ppreg_date d)
{
	date_text t;
	snprintf(t.text, sizeof t.text, "%04d-%02d-%02d", d.year, d.month, d.day);
	return t;
}

void charter_check_official(ppreg_check *c, const charter_policy *pol, const ppreg_node *charter)
{
	const ppreg_api *api = c->api;
	const ppreg_node *vn = api->get(charter, "version"), *dn = api->get(charter, "sha256");
	const char *version = ppreg_text(c, vn), *digest = ppreg_text(c, dn);
	if (!version)
		return;
	const ppreg_node *entry = charter_policy_entry(c, pol, version);
	if (!entry && text_echo_safe(version)) {
		ppreg_reportf(c, "charter.official-version", vn, "charter version '%s' is not one the policy lists (current: %s)",
		              version, pol->current_version);
		return;
	}
	if (!entry) { /* may be personal data: pointed at, not repeated */
		ppreg_reportf(c, "charter.official-version", vn, "the charter version is not one the policy lists (current: %s)",
		              pol->current_version);
		return;
	}
	/* the version is the policy's own from here on; the declared digest
	 * is pointed at, never repeated: it may hold anything */
	const char *official = ppreg_text(c, api->get(entry, "sha256"));
	if (digest && official && strcmp(digest, official))
		ppreg_reportf(c, "charter.official-version", dn, "the declared SHA-256 is not that of the official text of version %s (%s): "
		              "the charter adopted must be the official text, unchanged", version, official);
}

/* Appends ", item" to a bounded list; once full, later items are dropped
 * and the text ends with "..." . */
static void list_append(char *buf, size_t size, size_t *len, const char *item)
{
	if (*len + 4 >= size)
		return;
	int n = snprintf(buf + *len, size - *len, "%s%s", *len ? ", " : "", item);
	if (n < 0 || (size_t)n >= size - *len) {
		memcpy(buf + size - 4, "...", 4);
		*len = size;
		return;
	}
	*len += (size_t)n;
}

/* One finding per commitment, naming every required clause it lacks, in
 * the policy's order. The commitment's clauses are read once, each marking
 * the required clauses it is (all of them: a policy may list one twice). */
static void check_clauses(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitment)
{
	const ppreg_api *api = c->api;
	const ppreg_node *clauses = api->get(commitment, "clauses");
	char missing[300] = "";
	size_t len = 0, n_missing = 0;
	if (api->kind(clauses) != PPREG_NODE_LIST)
		return; /* absent or not a list: the core reported it */
	memset(pol->clause_seen, 0, pol->n_required);
	for (size_t j = 0, n = api->count(clauses); j < n; j++) {
		const char *have = ppreg_text(c, api->item(clauses, j));
		for (size_t i = 0; have && i < pol->n_required; i++)
			if (text_same(have, pol->required_texts[i]))
				pol->clause_seen[i] = 1;
	}
	for (size_t i = 0; i < pol->n_required; i++) {
		if (!pol->clause_seen[i]) {
			list_append(missing, sizeof missing, &len, pol->required_texts[i]);
			n_missing++;
		}
	}
	if (n_missing)
		ppreg_reportf(c, "charter.clauses", clauses, "the commitment of %s lacks the required clause%s %s",
		              charter_partner_label(c, pol, api->get(commitment, "partner")),
		              n_missing > 1 ? "s" : "", missing);
}

/* charter.signed and charter.renewal for one active commitment. A version
 * other than the current one is one finding; its date is then not compared
 * with the current version's effective date. */
static void check_signature(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitment)
{
	const ppreg_api *api = c->api;
	const ppreg_node *vn = api->get(commitment, "charter_version"), *sn = api->get(commitment, "signed_on");
	const char *version = ppreg_text(c, vn);
	int current = version && !strcmp(version, pol->current_version);
	ppreg_date signed_on;
	if (version && !current && text_echo_safe(version))
		ppreg_reportf(c, "charter.signed", vn, "signed version '%s', not the current charter %s (in force since %s): "
		              "the partner must sign the current version", version, pol->current_version,
		              show_date(pol->current_effective).text);
	else if (version && !current) /* may be personal data: pointed at, not repeated */
		ppreg_reportf(c, "charter.signed", vn, "signed another version than the current charter %s (in force since %s): "
		              "the partner must sign the current version", pol->current_version,
		              show_date(pol->current_effective).text);
	if (api->date(sn, &signed_on) != PPREG_OK)
		return;
	if (api->date_cmp(signed_on, c->as_of) > 0) {
		ppreg_reportf(c, "charter.signed", sn, "signed on %s, after the as-of date %s", show_date(signed_on).text,
		              show_date(c->as_of).text);
		return;
	}
	if (current && api->date_cmp(signed_on, pol->current_effective) < 0)
		ppreg_reportf(c, "charter.signed", sn, "signed on %s, before version %s took effect on %s",
		              show_date(signed_on).text, pol->current_version, show_date(pol->current_effective).text);
	/* valid while signed_on + renewal >= as-of: `last` is its last valid day */
	ppreg_date last = api->date_add(signed_on, &pol->renewal, 1);
	ppreg_lapse(c, "charter.renewal", sn, last);
	if (api->date_cmp(last, c->as_of) < 0)
		ppreg_reportf(c, "charter.renewal", sn, "signed on %s: the signature was valid until %s (renewal every %s); "
		              "the partner must sign again", show_date(signed_on).text, show_date(last).text,
		              pol->renewal_text);
}

void charter_check_commitment(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitment)
{
	const char *status = ppreg_text(c, c->api->get(commitment, "status"));
	if (!status || strcmp(status, "active"))
		return;
	check_clauses(c, pol, commitment);
	check_signature(c, pol, commitment);
}

typedef struct {
	const char *id;
	const ppreg_node *node;
	size_t index;
} partner_ref;

/* Ids are compared folded (text.h): under a policy pattern that admits
 * upper case, pp-A1B2 and pp-a1b2 are one partner written twice. */
static int by_id_then_index(const void *a, const void *b)
{
	const partner_ref *x = a, *y = b;
	int cmp = text_fold_cmp(x->id, y->id);
	return cmp ? cmp : (x->index > y->index) - (x->index < y->index);
}

/* Sorting keeps this O(n log n) for a hostile file with thousands of
 * commitments. Every repeat is reported at its own line, naming the first. */
int charter_check_unique(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitments)
{
	const ppreg_api *api = c->api;
	size_t n = api->kind(commitments) == PPREG_NODE_LIST ? api->count(commitments) : 0, m = 0;
	if (n < 2)
		return 0;
	partner_ref *refs = calloc(n, sizeof *refs);
	if (!refs)
		return api->fail(c, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const ppreg_node *pn = api->get(api->item(commitments, i), "partner");
		const char *id = ppreg_text(c, pn);
		if (id)
			refs[m++] = (partner_ref){id, pn, i};
	}
	qsort(refs, m, sizeof *refs, by_id_then_index);
	for (size_t i = 1, first = 0; i < m; i++) {
		if (text_fold_cmp(refs[i].id, refs[first].id)) {
			first = i;
			continue;
		}
		unsigned line = 0, column = 0;
		const char *file = NULL;
		api->where(refs[first].node, &file, &line, &column);
		ppreg_reportf(c, "charter.unique", refs[i].node, "%s already has a commitment at line %u: one commitment per partner",
		              charter_partner_label(c, pol, refs[i].node), line);
	}
	free(refs);
	return 0;
}
