/*
 * recipients.c - gdpr.health-data-recipients (fr-model 2026.2; note of
 * 2026-02-16, §4.1: promotional interests hidden in platforms, and the use
 * of the data they collect): no health-product company among the service's
 * funders or advertisers receives health data.
 *
 * An activity's `recipients` are categories (Art. 30(1)(d)), free text
 * that cannot be matched with anything; under this reading each activity
 * that gives health data to recipients names them in the file's list
 * health_data_recipients {activity, name, kind}, so that they can be
 * matched with the companies of transparency.yaml: the sources of
 * `industry` funding, the companies of industry_links and the advertisers.
 * A separate list, not a new type of `recipients`' items, so that a
 * platform judged under 2026.1 reads as it always did. Names are compared as a person reads
 * them: case, accents, spacing and punctuation aside, and without a
 * trailing legal form of the policy's list ("Laboratoire Exemple SA" is
 * "LABORATOIRE  EXEMPLE, S.A.").
 */
#include "gdpr.h"
#include "text.h"

#include <string.h>

/* The kinds of recipient, as "a|b|c". */
#define RECIPIENT_KINDS "establishment|professional|public-body|processor|research|health-product-company|other"

#define KEY_SIZE 256

/* Whether the folded, punctuation-free word w[0..n) is a legal form of the
 * policy's list (folded alike). */
static int is_legal_form(const ppreg_check *c, const ppreg_node *suffixes, const char *w, size_t n)
{
	for (size_t i = 0; i < c->api->count(suffixes); i++) {
		char folded[64], *o = folded;
		const char *s = ppreg_text(c, c->api->item(suffixes, i));
		if (!s || text_fold(s, folded, sizeof folded) >= sizeof folded)
			continue;
		for (const char *q = folded; *q; q++) /* "S.A." is "sa" */
			if ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || (unsigned char)*q >= 0x80)
				*o++ = *q;
		*o = '\0';
		if (strlen(folded) == n && !memcmp(folded, w, n))
			return 1;
	}
	return 0;
}

/* The key a name is matched by: folded (lower case, no accent), words of
 * letters and digits only, trailing legal forms dropped, joined without
 * space. 0 when the name gives no key (blank, or too long to compare). */
static int name_key(const ppreg_check *c, const char *name, const ppreg_node *suffixes, char key[KEY_SIZE])
{
	char folded[KEY_SIZE];
	size_t starts[KEY_SIZE], lens[KEY_SIZE], n_words = 0, len = 0;
	if (!name || text_fold(name, folded, sizeof folded) >= sizeof folded)
		return 0;
	for (const char *p = folded; *p;) {
		size_t start = len;
		for (; *p && *p != ' ' && *p != ','; p++)
			if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80)
				key[len++] = *p;
		if (len > start) {
			starts[n_words] = start;
			lens[n_words++] = len - start;
		}
		while (*p == ' ' || *p == ',')
			p++;
	}
	while (n_words > 1 && is_legal_form(c, suffixes, key + starts[n_words - 1], lens[n_words - 1]))
		len = starts[--n_words];
	key[len] = '\0';
	return len > 0;
}

/* Where `key` appears among the companies of transparency.yaml, or NULL:
 * *what says as what (an industry funder, an industry link, an advertiser). */
static const ppreg_node *company_match(ppreg_check *c, const char *key, const ppreg_node *suffixes, const char **what)
{
	const ppreg_api *api = c->api;
	const ppreg_node *tr = api->file(c, "transparency.yaml");
	const ppreg_node *lists[] = {api->get(tr, "funding"), api->get(tr, "industry_links"), api->get(tr, "advertising.advertisers")};
	static const char *const whats[] = {PPREG_N_("an industry funder"), PPREG_N_("a company of industry_links"),
	                                    PPREG_N_("an advertiser")};
	char other[KEY_SIZE];
	for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
		for (size_t i = 0; i < api->count(ppreg_list(c, lists[l])); i++) {
			const ppreg_node *item = api->item(lists[l], i), *name = item;
			if (l == 0) {
				const char *kind = ppreg_text(c, api->get(item, "kind"));
				if (!kind || strcmp(kind, "industry"))
					continue;
				name = api->get(item, "source");
			} else if (l == 1) {
				name = api->get(item, "company");
			}
			if (name_key(c, ppreg_text(c, name), suffixes, other) && !strcmp(key, other)) {
				*what = whats[l];
				return name;
			}
		}
	}
	return NULL;
}

/* The activity of processing_activities whose id is `id`, or NULL. */
static const ppreg_node *activity_of(const ppreg_check *c, const ppreg_node *acts, const char *id)
{
	for (size_t i = 0; id && i < c->api->count(acts); i++) {
		const char *other = ppreg_text(c, c->api->get(c->api->item(acts, i), "id"));
		if (other && !strcmp(other, id))
			return c->api->item(acts, i);
	}
	return NULL;
}

/* One named recipient {activity, name, kind}: of a declared activity,
 * neither a health-product company nor one of the service's industry
 * funders, linked companies or advertisers. */
static void check_recipient(ppreg_check *c, const ppreg_node *r, const ppreg_node *acts, const ppreg_node *suffixes)
{
	const ppreg_api *api = c->api;
	const ppreg_node *an = api->get(r, "activity"), *kn = api->get(r, "kind"), *nn = api->get(r, "name"), *at;
	const char *activity = ppreg_text(c, an), *kind = ppreg_text(c, kn), *what;
	char key[KEY_SIZE];
	unsigned line;
	if (activity && !activity_of(c, acts, activity))
		ppreg_reportf(c, "gdpr.health-data-recipients", an, "activity '%.80s' is not in processing_activities", activity);
	ppreg_require_text(c, "gdpr.health-data-recipients", r, "name");
	if (kind && !ppreg_one_of(kind, RECIPIENT_KINDS))
		ppreg_reportf(c, "gdpr.health-data-recipients", kn, "recipient kind '%.40s' is not one of " RECIPIENT_KINDS, kind);
	else if (kind && !strcmp(kind, "health-product-company"))
		ppreg_reportf(c, "gdpr.health-data-recipients", kn, "a health-product company receives health data");
	if (!name_key(c, ppreg_text(c, nn), suffixes, key) || !(at = company_match(c, key, suffixes, &what)))
		return;
	api->where(at, NULL, &line, NULL);
	ppreg_reportf(c, "gdpr.health-data-recipients", nn, "recipient '%.80s' of health data is %s of the service "
	              "(transparency.yaml line %u)", ppreg_text(c, nn), ppreg_tr(c, what), line);
}

/* Whether health_data_recipients names a recipient of activity `id`. */
static int names_recipient_of(const ppreg_check *c, const ppreg_node *named, const char *id)
{
	for (size_t i = 0; id && i < c->api->count(named); i++) {
		const char *activity = ppreg_text(c, c->api->get(c->api->item(named, i), "activity"));
		if (activity && !strcmp(activity, id))
			return 1;
	}
	return 0;
}

/* Each activity that gives health data to recipients names at least one
 * of them; each named recipient is judged. */
void gdpr_check_recipients(ppreg_check *c, const ppreg_node *root, const gdpr_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *acts = ppreg_list(c, api->get(root, "processing_activities"));
	const ppreg_node *hr = api->get(root, "health_data_recipients"), *named = ppreg_list(c, hr);
	if (!p->recipient_suffixes)
		return; /* a policy without the reading */
	for (size_t i = 0; i < api->count(acts); i++) {
		const ppreg_node *act = api->item(acts, i), *recipients = ppreg_list(c, api->get(act, "recipients"));
		const char *id = ppreg_text(c, api->get(act, "id"));
		if (!gdpr_processes_health(c, act) || api->count(recipients) == 0 || !id || names_recipient_of(c, named, id))
			continue;
		if (api->kind(hr) == PPREG_NODE_NULL)
			ppreg_reportf(c, "gdpr.health-data-recipients", root, "activity '%.80s' gives health data to recipients: "
			              "name them in health_data_recipients {activity, name, kind}", id);
		else
			ppreg_reportf(c, "gdpr.health-data-recipients", recipients, "activity '%.80s' gives health data to "
			              "recipients none of which health_data_recipients names", id);
	}
	for (size_t i = 0; i < api->count(named); i++)
		check_recipient(c, api->item(named, i), acts, p->recipient_suffixes);
}
