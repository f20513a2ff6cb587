/*
 * identity.c - who the service is: its platform id against its folder, and
 * the identifiers of its legal entity (SIREN, SIRET, VAT number, RNA number
 * of an association). Each identifier is judged on its own, and a defect is
 * reported once, under the identifier that has it: a SIRET or VAT number that
 * repeats an invalid SIREN faithfully is not a second finding.
 */
#include "registration.h"
#include "formats.h"
#include "identifiers.h"

#include <string.h>

/* The id names the folder it lives in. One finding per platform, whatever
 * is wrong, so that a folder renamed by mistake reads as one problem. The
 * folder name itself comes from Git and may hold any byte; the core escapes
 * it in every output. */
void reg_check_id(ppreg_check *c, const ppreg_node *root)
{
	const ppreg_node *n = c->api->get(root, "platform.id");
	const char *id = reg_text(c, n);
	if (!id)
		return;
	if (!slug_valid(id))
		ppreg_reportf(c, "registration.id-matches-folder", n, "platform.id '%.80s' is not a slug ^[a-z0-9][a-z0-9-]{1,62}$", id);
	else if (strcmp(id, c->platform))
		ppreg_reportf(c, "registration.id-matches-folder", n, "platform.id '%s' differs from its folder platforms/%.80s%s", id,
		              c->platform, slug_valid(c->platform) ? "" : ppreg_tr(c, " (not a valid id either)"));
}

static void check_siren(ppreg_check *c, const ppreg_node *n, const char *siren)
{
	switch (siren_check(siren)) {
	case ID_OK:
		break;
	case ID_CHECKSUM:
		ppreg_reportf(c, "registration.siren", n, "SIREN '%s' fails its Luhn checksum", siren);
		break;
	default:
		ppreg_reportf(c, "registration.siren", n, "SIREN '%.80s' is not 9 digits", siren);
		break;
	}
}

static void check_siret(ppreg_check *c, const ppreg_node *n, const char *siret, const char *siren)
{
	switch (siret_check(siret, siren)) {
	case ID_OK:
		break;
	case ID_OTHER_SIREN:
		ppreg_reportf(c, "registration.siret", n, "SIRET '%s' does not start with the SIREN '%.80s'", siret, siren);
		break;
	case ID_CHECKSUM:
		ppreg_reportf(c, "registration.siret", n, "SIRET '%s' fails its Luhn checksum%s", siret,
		              strncmp(siret, LA_POSTE_SIREN, 9) ? "" : ppreg_tr(c, " and its digit sum is not a multiple of 5"));
		break;
	default:
		ppreg_reportf(c, "registration.siret", n, "SIRET '%.80s' is not 14 digits", siret);
		break;
	}
}

/* The VAT number is compared with the SIREN as written, checksum or not: a
 * VAT number built on the declared SIREN with the right key is consistent,
 * and the SIREN's own defect is registration.siren's finding. */
static void check_vat(ppreg_check *c, const ppreg_node *n, const char *vat, const char *siren)
{
	switch (vat_check(vat, siren)) {
	case ID_OK:
		break;
	case ID_OTHER_SIREN:
		ppreg_reportf(c, "registration.vat", n, "VAT number '%s' does not end with the SIREN '%.80s'", vat, siren);
		break;
	case ID_KEY:
		ppreg_reportf(c, "registration.vat", n, "VAT number '%s' has the key %.2s; the key of SIREN %s is %02d (FR%02d%s)",
		              vat, vat + 2, vat + 4, vat_key(vat + 4), vat_key(vat + 4), vat + 4);
		break;
	default:
		ppreg_reportf(c, "registration.vat", n, "VAT number '%.80s' is not FR, a 2-digit key and the 9-digit SIREN", vat);
		break;
	}
}

/* An association declared under the 1901 law has an RNA number; any RNA
 * number given, whatever the form, must be well-formed. */
static void check_rna(ppreg_check *c, const ppreg_node *entity)
{
	const ppreg_node *n = c->api->get(entity, "rna");
	const char *form = reg_text(c, c->api->get(entity, "form"));
	const char *rna = reg_text(c, n);
	if (form && !strcmp(form, "association-1901") && reg_missing(c, n))
		ppreg_reportf(c, "registration.rna", entity, "an association-1901 gives its RNA number (legal_entity.rna)");
	else if (rna && !rna_valid(rna))
		ppreg_reportf(c, "registration.rna", n, "RNA number '%.80s' is not W followed by 9 digits", rna);
}

void reg_check_identifiers(ppreg_check *c, const ppreg_node *entity)
{
	const ppreg_api *api = c->api;
	const ppreg_node *sn = api->get(entity, "siren"), *tn = api->get(entity, "siret");
	const ppreg_node *vn = api->get(entity, "vat");
	const char *siren = reg_text(c, sn), *siret = reg_text(c, tn), *vat = reg_text(c, vn);
	/* The other identifiers are compared with a SIREN of 9 digits only:
	 * against anything else the comparison says nothing new. */
	const char *siren9 = siren && siren_check(siren) != ID_SHAPE ? siren : NULL;
	if (siren)
		check_siren(c, sn, siren);
	if (siret)
		check_siret(c, tn, siret, siren9);
	if (vat)
		check_vat(c, vn, vat, siren9);
	check_rna(c, entity);
}
