/*
 * identifiers.c - SIREN, SIRET, intra-EU VAT number and RNA checks.
 *
 * SIREN (9 digits) and SIRET (the SIREN + a 5-digit establishment number)
 * carry a Luhn checksum. La Poste is the one exception INSEE documents: its
 * SIREN 356000000 is valid (it passes Luhn like any other), but its SIRETs
 * (one per post office, more than the Luhn space of one SIREN holds) are
 * valid when the sum of their digits is a multiple of 5. The French VAT number is FR + a 2-digit key + the
 * SIREN, the key computed from the SIREN. Every function measures its input
 * before reading it: a declaration may hold any text.
 */
#include "identifiers.h"

#include <string.h>

/* 1 when `s` is exactly `n` ASCII digits. */
static int all_digits(const char *s, size_t n)
{
	return s && strlen(s) == n && strspn(s, "0123456789") == n;
}

/* Luhn over a string of digits: from the right, every second digit is
 * doubled (minus 9 past 9) and the sum must end in 0. */
static int luhn_holds(const char *s)
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

static int digit_sum(const char *s)
{
	int sum = 0;
	for (; *s; s++)
		sum += *s - '0';
	return sum;
}

id_status siren_check(const char *siren)
{
	if (!all_digits(siren, 9))
		return ID_SHAPE;
	return luhn_holds(siren) ? ID_OK : ID_CHECKSUM;
}

id_status siret_check(const char *siret, const char *siren)
{
	if (!all_digits(siret, 14))
		return ID_SHAPE;
	if (siren && (strlen(siren) != 9 || strncmp(siret, siren, 9)))
		return ID_OTHER_SIREN;
	if (luhn_holds(siret))
		return ID_OK;
	if (!strncmp(siret, LA_POSTE_SIREN, 9) && digit_sum(siret) % 5 == 0)
		return ID_OK;
	return ID_CHECKSUM;
}

int vat_key(const char *siren)
{
	if (!all_digits(siren, 9))
		return -1;
	int mod = 0;
	for (const char *p = siren; *p; p++)
		mod = (mod * 10 + (*p - '0')) % 97;
	return (12 + 3 * mod) % 97;
}

id_status vat_check(const char *vat, const char *siren)
{
	if (!vat || strlen(vat) != 13 || strncmp(vat, "FR", 2) || !all_digits(vat + 2, 11))
		return ID_SHAPE;
	if (siren && strcmp(vat + 4, siren))
		return ID_OTHER_SIREN;
	int key = (vat[2] - '0') * 10 + (vat[3] - '0');
	return key == vat_key(vat + 4) ? ID_OK : ID_KEY;
}

int rna_valid(const char *rna)
{
	return rna && rna[0] == 'W' && all_digits(rna + 1, 9);
}

int siren_valid(const char *siren)
{
	return siren_check(siren) == ID_OK;
}

int siret_valid(const char *siret, const char *siren)
{
	return siret_check(siret, siren) == ID_OK;
}

int vat_valid(const char *vat, const char *siren)
{
	return vat_check(vat, siren) == ID_OK;
}
