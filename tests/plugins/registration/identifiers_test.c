/*
 * identifiers_test.c - the SIREN, SIRET, VAT and RNA functions of the
 * registration plugin against real public numbers (EDF, La Poste) and
 * near misses, printing TAP.
 */
#include "identifiers.h"

#include <stdio.h>

static int n_tests, n_failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n_tests, what);
	n_failed += !cond;
}

static void test_siren(void)
{
	ok(siren_valid("552081317"), "EDF SIREN 552081317 is valid");
	ok(siren_valid("812345676"), "the example's SIREN 812345676 is valid");
	ok(siren_valid("356000000"), "La Poste SIREN 356000000 is valid (by Luhn)");
	ok(siren_check("123456789") == ID_CHECKSUM, "123456789 fails the checksum");
	ok(siren_check("552081318") == ID_CHECKSUM, "EDF's SIREN with its last digit changed fails");
	ok(siren_check("55208131") == ID_SHAPE, "8 digits are not a SIREN");
	ok(siren_check("5520813170") == ID_SHAPE, "10 digits are not a SIREN");
	ok(siren_check("55208131a") == ID_SHAPE, "a letter is not a digit");
	ok(siren_check("552 081 317") == ID_SHAPE, "spaces are refused");
	ok(siren_check("") == ID_SHAPE && siren_check(NULL) == ID_SHAPE, "empty and NULL are refused");
	ok(siren_check("-52081317") == ID_SHAPE, "a sign is not a digit");
}

static void test_siret(void)
{
	ok(siret_valid("55208131766522", "552081317"), "EDF SIRET 55208131766522 is valid");
	ok(siret_valid("55208131766522", NULL), "EDF SIRET is valid without a SIREN to compare");
	ok(siret_valid("81234567600017", "812345676"), "the example's SIRET 81234567600017 is valid");
	ok(siret_valid("35600000049837", "356000000"), "La Poste SIRET 35600000049837 is valid by its digit sum");
	ok(siret_check("73282932000079", NULL) == ID_CHECKSUM, "73282932000079 fails the checksum");
	ok(siret_check("35600000049838", "356000000") == ID_CHECKSUM,
	   "a La Poste SIRET whose digit sum is not a multiple of 5 fails");
	ok(siret_check("55208131766527", NULL) == ID_CHECKSUM,
	   "outside La Poste, a digit sum multiple of 5 does not replace Luhn");
	ok(siret_check("55208131766522", "812345676") == ID_OTHER_SIREN, "a SIRET of another SIREN is refused");
	ok(siret_check("5520813176652", "552081317") == ID_SHAPE, "13 digits are not a SIRET");
	ok(siret_check("552081317665220", "552081317") == ID_SHAPE, "15 digits are not a SIRET");
	ok(siret_check("5520813176652x", NULL) == ID_SHAPE, "a letter is not a digit");
	ok(siret_check("55208131766522", "5520813") == ID_OTHER_SIREN, "a short SIREN never matches");
}

static void test_vat(void)
{
	ok(vat_key("552081317") == 3, "EDF's VAT key is 03");
	ok(vat_key("356000000") == 39, "La Poste's VAT key is 39");
	ok(vat_key("812345676") == 19, "the example's VAT key is 19");
	ok(vat_key("55208131") == -1 && vat_key(NULL) == -1, "no key without 9 digits");
	ok(vat_valid("FR03552081317", "552081317"), "FR03552081317 (EDF) is valid");
	ok(vat_valid("FR39356000000", "356000000"), "FR39356000000 (La Poste) is valid");
	ok(vat_valid("FR19812345676", "812345676"), "the example's FR19812345676 is valid");
	ok(vat_valid("FR03552081317", NULL), "a VAT number is checked on its own digits without a SIREN");
	ok(vat_check("FR04552081317", "552081317") == ID_KEY, "a wrong key is refused");
	ok(vat_check("FR04552081317", NULL) == ID_KEY, "a wrong key is refused without a SIREN");
	ok(vat_check("FR03552081318", "552081317") == ID_OTHER_SIREN, "the VAT number of another SIREN is refused");
	ok(vat_check("DE03552081317", "552081317") == ID_SHAPE, "a non-French prefix is refused");
	ok(vat_check("fr03552081317", "552081317") == ID_SHAPE, "a lower-case prefix is refused");
	ok(vat_check("FR 03 552081317", "552081317") == ID_SHAPE, "spaces are refused");
	ok(vat_check("FR3552081317", "552081317") == ID_SHAPE, "a one-digit key is refused");
	ok(vat_check("FRA3552081317", "552081317") == ID_SHAPE, "a letter in the key is refused");
	ok(vat_check("", NULL) == ID_SHAPE && vat_check(NULL, NULL) == ID_SHAPE, "empty and NULL are refused");
}

static void test_rna(void)
{
	ok(rna_valid("W751234567"), "W + 9 digits is an RNA number");
	ok(rna_valid("W000000000"), "zeros are digits");
	ok(!rna_valid("W75123456"), "W + 8 digits is not");
	ok(!rna_valid("W7512345678"), "W + 10 digits is not");
	ok(!rna_valid("X751234567"), "another letter is not");
	ok(!rna_valid("w751234567"), "a lower-case w is not");
	ok(!rna_valid("W75123456A"), "a letter among the digits is not");
	ok(!rna_valid("") && !rna_valid("W") && !rna_valid(NULL), "empty, W alone and NULL are not");
}

int main(void)
{
	test_siren();
	test_siret();
	test_vat();
	test_rna();
	printf("1..%d\n", n_tests);
	return n_failed != 0;
}
