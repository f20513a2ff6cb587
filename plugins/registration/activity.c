/*
 * activity.c - what the service is and does: commercial or not, through
 * which channels (a digital service shows an https website), and in which of
 * the four domains of intervention the HAS recognises, service by service.
 *
 * Both channels and domains come from short fixed sets, so each list is
 * read once into a bit set: a hostile list of tens of thousands of items
 * costs one pass, never a comparison of every item with every other.
 */
#include "registration.h"
#include "formats.h"

#include <string.h>

static const char *const channel_names[] = {"digital", "physical"};
#define CHANNEL_DIGITAL 1u

#define N_OF(a) (sizeof a / sizeof *a)

int reg_index_of(const char *s, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return -1;
}

/* Reads a list that must be a non-empty set of `names`: an unknown word, a
 * repeated one or an empty list is a finding of `rule`. Returns the bit set
 * of the names listed. A list of the wrong type, or an item of the wrong
 * type, is the core's finding and adds nothing. */
static unsigned read_set(ppreg_check *c, const char *rule, const ppreg_node *list,
                         const char *const *names, size_t n_names, const char *what)
{
	const ppreg_api *api = c->api;
	unsigned set = 0;
	size_t n = api->count(list);
	for (size_t i = 0; i < n; i++) {
		const ppreg_node *item = api->item(list, i);
		const char *s = reg_text(c, item);
		if (!s)
			continue;
		int k = reg_index_of(s, names, n_names);
		if (k < 0)
			ppreg_reportf(c, rule, item, "'%.80s' is not a %s", s, ppreg_tr(c, what));
		else if (set & (1u << k))
			ppreg_reportf(c, rule, item, "%s '%s' is listed twice", ppreg_tr(c, what), s);
		else
			set |= 1u << k;
	}
	if (list && n == 0)
		ppreg_reportf(c, rule, list, "no %s is listed", ppreg_tr(c, what));
	return set;
}

/* A digital service is reached through its website, so the address must
 * be there and use https; any website given must be a web address. */
static void check_website(ppreg_check *c, const ppreg_node *platform, int digital)
{
	const ppreg_node *n = c->api->get(platform, "website");
	const char *site = reg_text(c, n);
	if (digital && reg_missing(c, n)) {
		ppreg_reportf(c, "registration.kind", platform, "a digital service gives its https website (platform.website)");
		return;
	}
	if (!site)
		return;
	int scheme = c->api->url_scheme(site);
	if (!scheme)
		ppreg_reportf(c, "registration.kind", n, "website '%.80s' is not a web address https://host/...", site);
	else if (digital && scheme != PPREG_URL_HTTPS)
		ppreg_reportf(c, "registration.kind", n, "website '%.80s' of a digital service does not use https", site);
}

void reg_check_kind(ppreg_check *c, const ppreg_node *platform)
{
	const ppreg_node *kn = c->api->get(platform, "kind");
	const char *kind = reg_text(c, kn);
	if (kind && strcmp(kind, "commercial") && strcmp(kind, "non-commercial"))
		ppreg_reportf(c, "registration.kind", kn, "kind '%.80s' is neither commercial nor non-commercial", kind);
	const ppreg_node *channels = ppreg_list(c, c->api->get(platform, "channels"));
	unsigned set = read_set(c, "registration.kind", channels, channel_names, N_OF(channel_names), PPREG_N_("channel"));
	check_website(c, platform, (set & CHANNEL_DIGITAL) != 0);
}

/* "care-pathways, education": the declared domains, for a message. */
static void describe_set(char *out, size_t cap, unsigned set, const reg_params *p)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t k = 0; k < p->n_domains; k++) {
		if (!(set & (1u << k)))
			continue;
		int w = snprintf(out + len, cap - len, "%s%.60s", len ? ", " : "", p->domains[k]);
		if (w < 0 || (size_t)w >= cap - len)
			return;
		len += (size_t)w;
	}
}

void reg_check_domains(ppreg_check *c, const ppreg_node *root, const reg_params *p)
{
	const ppreg_api *api = c->api;
	const ppreg_node *declared = ppreg_list(c, api->get(root, "domains"));
	const ppreg_node *services = ppreg_list(c, api->get(root, "services"));
	unsigned set = read_set(c, "registration.domains", declared, p->domains, p->n_domains, PPREG_N_("HAS domain"));
	char names[256];
	describe_set(names, sizeof names, set, p);
	size_t n = api->count(services);
	for (size_t i = 0; i < n; i++) {
		const ppreg_node *dn = api->get(api->item(services, i), "domain");
		const char *d = reg_text(c, dn);
		int k = d ? reg_index_of(d, p->domains, p->n_domains) : 0;
		if (!d || (k >= 0 && (set & (1u << k))))
			continue;
		if (k < 0)
			ppreg_reportf(c, "registration.domains", dn, "service domain '%.80s' is not a HAS domain", d);
		else if (api->count(declared) > 0) /* an empty list is one finding, not one per service */
			ppreg_reportf(c, "registration.domains", dn, "service domain '%s' is not among the declared domains (%s)",
			              d, set ? names : ppreg_tr(c, "none valid"));
	}
	if (services && n == 0)
		ppreg_reportf(c, "registration.domains", services, "no service is declared");
}
