/*
 * contact.c - how to reach the service: a legal representative who answers
 * for it, a postal address (5-digit postcode, ISO 3166-1 country code) and
 * an e-mail address. The core reports these fields missing; this file
 * judges what they hold.
 */
#include "registration.h"
#include "formats.h"

void reg_check_contact(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_api *api = c->api;
	const ppreg_node *entity = api->get(root, "legal_entity");
	const ppreg_node *address = api->get(entity, "address");
	const ppreg_node *person = api->get(entity, "legal_representative");
	const ppreg_node *pc = api->get(address, "postal_code"), *cc = api->get(address, "country");
	const ppreg_node *em = api->get(root, "contact.email");
	const char *postcode = reg_text(c, pc), *country = reg_text(c, cc), *email = reg_text(c, em);

	ppreg_require_text(c, "registration.contact", person, "name");
	ppreg_require_text(c, "registration.contact", person, "role");
	ppreg_require_text(c, "registration.contact", address, "street");
	ppreg_require_text(c, "registration.contact", address, "city");
	if (postcode && !postcode_valid(postcode))
		ppreg_reportf(c, "registration.contact", pc, "postal code '%.80s' is not 5 digits", postcode);
	if (country && !c->api->country_valid(country))
		ppreg_reportf(c, "registration.contact", cc, "country '%.80s' is not an ISO 3166-1 alpha-2 code (e.g. FR)", country);
	if (email && !c->api->email_valid(email))
		ppreg_reportf(c, "registration.contact", em, "e-mail '%.80s' is not an address local@domain.tld", email);
}
