/*
 * pseudonyms.c - charter.pseudonymous: a public registry names patient
 * partners only by pseudonyms. Four checks, over charter.yaml and
 * training.yaml:
 *   - every `partner` of a commitment or certification matches the policy's
 *     pattern (POSIX extended regular expression);
 *   - no commitment or certification carries an identity key ("name",
 *     "phone_number", "PRÉNOM", ...) at any depth, even one the format does
 *     not define;
 *   - no scalar, key or value, anywhere in the two files holds an e-mail
 *     address or a phone number (plugins/lib/text.c: French and
 *     international formats);
 *   - nor does any YAML comment, as the core's parser reads them (the API's
 *     comment()): the registry publishes the files as they are written.
 * Names written in free text cannot be told from other words and are not
 * searched for; the pattern keeps them out of the partner fields.
 *
 * Findings never repeat the offending text: the line and column point at
 * it, and reports and CI logs should not spread personal data further.
 */
#include "charter.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deeper than any policy's max_depth in practice; beyond it, the content
 * is reported as not searched rather than assumed clean. */
#define MAX_SCAN_DEPTH 1024

/* ---- partner ids ---- */

int charter_is_pseudonym(const charter_policy *pol, const char *id)
{
	size_t len = strlen(id);
	if (len == 0 || len >= sizeof pol->memo->id)
		return regexec(&pol->pseudonym, id, 0, NULL, 0) == 0;
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)id[i]) * 16777619u;
	charter_memo_slot *slot = &pol->memo[h % CHARTER_MEMO_SLOTS];
	if (!memcmp(slot->id, id, len + 1))
		return slot->match;
	slot->match = regexec(&pol->pseudonym, id, 0, NULL, 0) == 0;
	memcpy(slot->id, id, len + 1);
	return slot->match;
}

const char *charter_partner_label(const ppreg_check *c, const charter_policy *pol, const ppreg_node *partner)
{
	const char *id = ppreg_text(c, partner);
	if (id && charter_is_pseudonym(pol, id) && !text_contact_kind(id))
		return id;
	return ppreg_tr(c, "this partner");
}

static void check_partner(ppreg_check *c, const charter_policy *pol, const ppreg_node *pn)
{
	const char *id = ppreg_text(c, pn);
	if (!id)
		return; /* absent or not text: the core reported it */
	const char *contact = text_contact_kind(id);
	int pseudonym = charter_is_pseudonym(pol, id);
	if (!pseudonym && contact)
		ppreg_reportf(c, "charter.pseudonymous", pn, "the partner is named by %s; a public registry names partners only by "
		              "pseudonyms matching %s", ppreg_tr(c, contact), pol->pattern);
	else if (!pseudonym)
		ppreg_reportf(c, "charter.pseudonymous", pn, "the partner id is not a pseudonym matching %s: a public registry "
		              "holds no name of a partner", pol->pattern);
	else if (contact)
		ppreg_reportf(c, "charter.pseudonymous", pn, "the partner id holds %s", ppreg_tr(c, contact));
}

/* ---- scalars and keys ---- */

/* Every scalar below n, keys included. `list` is the commitments or
 * certifications list. Anywhere inside one of its items, an identity key is
 * a finding and its value is not searched again; the item's own `partner`
 * was judged by check_partner and is skipped: each value has one finding. */
static void scan(ppreg_check *c, const ppreg_node *n, const ppreg_node *list, int in_item, unsigned depth)
{
	const ppreg_api *api = c->api;
	ppreg_node_kind kind = api->kind(n);
	const char *what;
	if (kind == PPREG_NODE_SCALAR) {
		if ((what = text_contact_kind(ppreg_text(c, n))) != NULL)
			ppreg_reportf(c, "charter.pseudonymous", n, "%s in a public registry: partners appear under pseudonyms only", ppreg_tr(c, what));
		return;
	}
	if (kind != PPREG_NODE_LIST && kind != PPREG_NODE_MAP)
		return;
	if (depth >= MAX_SCAN_DEPTH) {
		ppreg_reportf(c, "charter.pseudonymous", n, "nested too deep to be searched for names, e-mail addresses and phone numbers");
		return;
	}
	for (size_t i = 0; i < api->count(n); i++) {
		const ppreg_node *value = api->item(n, i);
		const char *key = kind == PPREG_NODE_MAP ? api->key(n, i) : NULL;
		if (key && (what = text_contact_kind(key)) != NULL)
			ppreg_reportf(c, "charter.pseudonymous", value, "a key holds %s: partners appear under pseudonyms only", ppreg_tr(c, what));
		if (key && in_item && text_is_identity_key(key)) {
			/* the key folds to a word of the list: safe to repeat */
			ppreg_reportf(c, "charter.pseudonymous", value, "a '%s' field identifies the partner: a public registry holds "
			              "pseudonyms only", key);
			continue;
		}
		if (key && in_item == 1 && text_same(key, "partner"))
			continue; /* the item's partner: judged by check_partner */
		/* in_item: 1 for the keys of an item itself, 2 below them */
		scan(c, value, list, n == list ? 1 : in_item ? 2 : 0, depth + 1);
	}
}

void charter_check_pseudonyms(ppreg_check *c, const charter_policy *pol, const ppreg_node *root,
                              const char *list_key)
{
	const ppreg_api *api = c->api;
	const ppreg_node *list = api->get(root, list_key);
	if (api->kind(list) == PPREG_NODE_LIST)
		for (size_t i = 0; i < api->count(list); i++)
			check_partner(c, pol, api->get(api->item(list, i), "partner"));
	scan(c, root, api->kind(list) == PPREG_NODE_LIST ? list : NULL, 0, 0);
}

/* ---- comments ---- */

void charter_check_comments(ppreg_check *c, const char *file)
{
	const char *text;
	unsigned line, column;
	if (!PPREG_API_HAS(c->api, comment))
		return; /* an older core gives no comments: they are not searched */
	for (size_t i = 0; (text = c->api->comment(c, file, i, &line, &column)) != NULL; i++) {
		const char *what = text_contact_kind(text);
		if (!what)
			continue;
		char msg[200];
		snprintf(msg, sizeof msg, ppreg_tr(c, "a comment holds %s: the public registry publishes comments too; "
		         "partners appear under pseudonyms only"), ppreg_tr(c, what));
		c->api->report_at(c, "charter.pseudonymous", PPREG_SEV_DEFAULT, file, line, column, msg);
	}
}
