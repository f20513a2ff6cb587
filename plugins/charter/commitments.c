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

typedef struct { char text[PPREG_TEXT_MAX]; } date_text;

/* A date in the run's language, for a message. */
static date_text show_date(const ppreg_check *c, ppreg_date d)
{
	date_text t;
	ppreg_date_text(c, d, t.text);
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

/* What a signature's date says, for the partner's and the service's
 * alike: after the as-of date (then nothing else is judged), before the
 * current version took effect (for a signature of it), and its last valid
 * day, signed_on + renewal, passed or not. Each caller reports under its
 * own rule. */
typedef struct {
	int future, early, lapsed;
	ppreg_date last;
	date_text on, as_of, effective, last_text;
} sign_dates;

static sign_dates judge_dates(const ppreg_check *c, const charter_policy *pol, ppreg_date on, int current)
{
	const ppreg_api *api = c->api;
	sign_dates v;
	memset(&v, 0, sizeof v);
	v.future = api->date_cmp(on, c->as_of) > 0;
	v.early = current && api->date_cmp(on, pol->current_effective) < 0;
	v.last = api->date_add(on, &pol->renewal, 1);
	v.lapsed = api->date_cmp(v.last, c->as_of) < 0;
	v.on = show_date(c, on);
	v.as_of = show_date(c, c->as_of);
	v.effective = show_date(c, pol->current_effective);
	v.last_text = show_date(c, v.last);
	return v;
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
		              show_date(c, pol->current_effective).text);
	else if (version && !current) /* may be personal data: pointed at, not repeated */
		ppreg_reportf(c, "charter.signed", vn, "signed another version than the current charter %s (in force since %s): "
		              "the partner must sign the current version", pol->current_version,
		              show_date(c, pol->current_effective).text);
	if (api->date(sn, &signed_on) != PPREG_OK)
		return;
	sign_dates v = judge_dates(c, pol, signed_on, current);
	if (v.future) {
		ppreg_reportf(c, "charter.signed", sn, "signed on %s, after the as-of date %s", v.on.text, v.as_of.text);
		return;
	}
	if (v.early)
		ppreg_reportf(c, "charter.signed", sn, "signed on %s, before version %s took effect on %s", v.on.text,
		              pol->current_version, v.effective.text);
	ppreg_lapse(c, "charter.renewal", sn, v.last);
	if (v.lapsed)
		ppreg_reportf(c, "charter.renewal", sn, "signed on %s: the signature was valid until %s (renewal every %s); "
		              "the partner must sign again", v.on.text, v.last_text.text, pol->renewal_text);
}

/* charter.joint-signature for one active commitment that is signed: the
 * service's countersignature names who signed for it and when; it is a
 * signature of the current version like the partner's, and it lapses with
 * the same renewal period. */
void charter_check_countersignature(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitment)
{
	const ppreg_api *api = c->api;
	const ppreg_node *cs = api->get(commitment, "countersignature");
	const char *who = charter_partner_label(c, pol, api->get(commitment, "partner"));
	if (api->kind(cs) == PPREG_NODE_NULL) {
		ppreg_reportf(c, "charter.joint-signature", cs ? cs : commitment, "the commitment of %s is not countersigned "
		              "for the service (countersignature: {signatory, role, signed_on})", who);
		return;
	}
	if (api->kind(cs) != PPREG_NODE_MAP) {
		ppreg_reportf(c, "charter.joint-signature", cs, "countersignature is a mapping {signatory, role, signed_on}");
		return;
	}
	const ppreg_node *sn = api->get(cs, "signatory"), *dn = api->get(cs, "signed_on");
	const char *signatory = ppreg_text(c, sn);
	if (!signatory || ppreg_blank(signatory))
		ppreg_reportf(c, "charter.joint-signature", sn ? sn : cs, "the countersignature does not say who signed for "
		              "the service (signatory)");
	ppreg_date on;
	if (api->date(dn, &on) != PPREG_OK) {
		ppreg_reportf(c, "charter.joint-signature", dn ? dn : cs, "the countersignature has no date "
		              "(signed_on: YYYY-MM-DD)");
		return;
	}
	const char *version = ppreg_text(c, api->get(commitment, "charter_version"));
	sign_dates v = judge_dates(c, pol, on, version && !strcmp(version, pol->current_version));
	if (v.future) {
		ppreg_reportf(c, "charter.joint-signature", dn, "countersigned on %s, after the as-of date %s", v.on.text,
		              v.as_of.text);
		return;
	}
	if (v.early)
		ppreg_reportf(c, "charter.joint-signature", dn, "countersigned on %s, before version %s took effect on %s",
		              v.on.text, pol->current_version, v.effective.text);
	ppreg_lapse(c, "charter.joint-signature", dn, v.last);
	if (v.lapsed)
		ppreg_reportf(c, "charter.joint-signature", dn, "countersigned on %s: the countersignature was valid until %s "
		              "(renewal every %s); the service must countersign again", v.on.text, v.last_text.text,
		              pol->renewal_text);
}

int charter_must_sign(const ppreg_check *c, const charter_policy *pol, const ppreg_node *commitment)
{
	if (!pol->signing_statuses)
		return 1;
	const char *status = ppreg_text(c, c->api->get(commitment, "partner_status"));
	if (!status || !ppreg_one_of(status, CHARTER_STATUSES))
		return 1;
	return ppreg_list_has(c, pol->signing_statuses, status);
}

/* Where a field a signing partner gives is missing: the commitment, or
 * the key's empty value; NULL when it has a value. *empty says which. */
static const ppreg_node *missing_at(const ppreg_check *c, const ppreg_node *commitment, const char *key, int *empty)
{
	const ppreg_node *v = c->api->get(commitment, key);
	*empty = v != NULL;
	if (v && c->api->kind(v) != PPREG_NODE_NULL)
		return NULL;
	return v ? v : commitment;
}

/* The fields of a signature, required of a partner who must sign. The
 * core's schema required them of every commitment, whatever its status,
 * until the policy named the statuses that sign: the findings keep its
 * rule, place and words, so that a 2026.1 verdict does not move. */
/* The core's words for a required field, missing or empty. */
static void report_missing(ppreg_check *c, const char *rule, const ppreg_node *at, int empty, const char *key)
{
	if (empty)
		ppreg_reportf(c, rule, at, "required field 'commitments[].%s' is empty", key);
	else
		ppreg_reportf(c, rule, at, "missing required field 'commitments[].%s'", key);
}

static void check_signature_fields(ppreg_check *c, const ppreg_node *commitment)
{
	const ppreg_node *at;
	int e;
	if ((at = missing_at(c, commitment, "charter_version", &e)))
		report_missing(c, "charter.signed", at, e, "charter_version");
	if ((at = missing_at(c, commitment, "signed_on", &e)))
		report_missing(c, "charter.signed", at, e, "signed_on");
	if ((at = missing_at(c, commitment, "clauses", &e)))
		report_missing(c, "charter.clauses", at, e, "clauses");
}

/* A commitment's clauses and signature are judged whenever it is active
 * and gives them; giving them is required only of a partner who must sign
 * (a salaried partner may sign, and what it records is then held true). */
void charter_check_commitment(ppreg_check *c, const charter_policy *pol, const charter_services *sv,
                              const ppreg_node *commitment)
{
	if (c->api->kind(commitment) != PPREG_NODE_MAP)
		return;
	int must_sign = charter_must_sign(c, pol, commitment);
	if (must_sign)
		check_signature_fields(c, commitment);
	const char *status = ppreg_text(c, c->api->get(commitment, "status"));
	if (!status || strcmp(status, "active"))
		return;
	check_clauses(c, pol, commitment);
	check_signature(c, pol, commitment);
	if (pol->missions)
		charter_check_missions(c, pol, sv, commitment);
	if (pol->joint_signature && (must_sign || c->api->get(commitment, "signed_on")))
		charter_check_countersignature(c, pol, commitment);
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
		return api->fail(c, ppreg_tr(c, "out of memory"));
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
