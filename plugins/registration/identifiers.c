/*
 * identifiers.c - SIREN, SIRET, intra-EU VAT number and RNA checks.
 *
 * SIREN and SIRET carry a Luhn checksum. La Poste is the one exception
 * INSEE documents: its SIREN 356000000 is valid, and its SIRETs (one per
 * post office, too many for the Luhn space) are valid when the sum of their
 * digits is a multiple of 5.
 */
#include "identifiers.h"

#include <string.h>

#define LA_POSTE_SIREN "356000000"

static int digits(const char *s, size_t n)
{
	return s && strlen(s) == n && strspn(s, "0123456789") == n;
}

static int luhn(const char *s)
{
	size_t n = strlen(s);
	int sum = 0;
	for (size_t i = 0; i < n; i++) {
		int d = s[n - 1 - i] - '0';
		if (i % 2) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return sum % 10 == 0;
}

int siren_valid(const char *siren)
{
	return digits(siren, 9) && (luhn(siren) || !strcmp(siren, LA_POSTE_SIREN));
}

int siret_valid(const char *siret, const char *siren)
{
	if (!digits(siret, 14) || (siren && strncmp(siret, siren, 9)))
		return 0;
	if (luhn(siret))
		return 1;
	if (strncmp(siret, LA_POSTE_SIREN, 9))
		return 0;
	int sum = 0;
	for (const char *p = siret; *p; p++)
		sum += *p - '0';
	return sum % 5 == 0;
}

int vat_key(const char *siren)
{
	long v = 0;
	for (const char *p = siren; *p; p++)
		v = (v * 10 + (*p - '0')) % 97;
	return (int)((12 + 3 * v) % 97);
}

int vat_valid(const char *vat, const char *siren)
{
	if (!vat || strlen(vat) != 13 || strncmp(vat, "FR", 2) || !digits(siren, 9) ||
	    strspn(vat + 2, "0123456789") != 11 || strcmp(vat + 4, siren))
		return 0;
	int key = (vat[2] - '0') * 10 + (vat[3] - '0');
	return key == vat_key(siren);
}

int rna_valid(const char *rna)
{
	return rna && strlen(rna) == 10 && rna[0] == 'W' && strspn(rna + 1, "0123456789") == 9;
}
