/*
 * identifiers_test.c - SIREN, SIRET, VAT and RNA checks against real public
 * numbers (TAP).
 */
#include "identifiers.h"

#include <stdio.h>

static int n, failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n, what);
	failed += !cond;
}

int main(void)
{
	ok(siren_valid("552081317"), "EDF SIREN 552081317 is valid");
	ok(siren_valid("812345676"), "the example's SIREN 812345676 is valid");
	ok(siren_valid("356000000"), "La Poste SIREN 356000000 is valid");
	ok(!siren_valid("123456789"), "123456789 is invalid");
	ok(!siren_valid("55208131"), "8 digits are invalid");
	ok(!siren_valid("55208131a"), "a letter is invalid");
	ok(!siren_valid("5520813170"), "10 digits are invalid");
	ok(siret_valid("55208131766522", "552081317"), "EDF SIRET 55208131766522 is valid");
	ok(siret_valid("81234567600017", "812345676"), "the example's SIRET is valid");
	ok(siret_valid("35600000049837", "356000000"), "La Poste SIRET 35600000049837 is valid by the digit sum");
	ok(!siret_valid("73282932000079", NULL), "73282932000079 is invalid");
	ok(!siret_valid("55208131766522", "812345676"), "a SIRET of another SIREN is refused");
	ok(!siret_valid("35600000049838", "356000000"), "a La Poste SIRET whose digit sum is not a multiple of 5");
	ok(!siret_valid("55208131766527", NULL), "a SIRET that fails Luhn outside La Poste");
	ok(vat_key("552081317") == 3, "EDF's VAT key is 03");
	ok(vat_valid("FR03552081317", "552081317"), "FR03552081317 is valid");
	ok(vat_valid("FR19812345676", "812345676"), "the example's FR19812345676 is valid");
	ok(!vat_valid("FR04552081317", "552081317"), "a wrong key is refused");
	ok(!vat_valid("FR03552081318", "552081317"), "another SIREN is refused");
	ok(!vat_valid("DE03552081317", "552081317"), "a non-French prefix is refused");
	ok(rna_valid("W751234567"), "W + 9 digits is an RNA number");
	ok(!rna_valid("W75123456") && !rna_valid("X751234567") && !rna_valid("W75123456A"), "bad RNA numbers");
	printf("1..%d\n", n);
	return failed != 0;
}
