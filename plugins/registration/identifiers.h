/*
 * identifiers.h - French legal-entity identifiers (SIREN, SIRET, the
 * intra-EU VAT number, the RNA number of an association), as pure functions
 * of C strings so that a unit test can check them against real public
 * numbers without a core or a declaration.
 *
 * The *_check functions say what is wrong, so that a finding names the one
 * defect; the *_valid functions are their yes/no forms.
 */
#ifndef PPREG_REGISTRATION_IDENTIFIERS_H
#define PPREG_REGISTRATION_IDENTIFIERS_H

/* What an identifier check found, in the order the checks run. */
typedef enum {
	ID_OK = 0,
	ID_SHAPE,        /* wrong length, a character that is not a digit, no FR prefix */
	ID_OTHER_SIREN,  /* a SIRET or VAT number built on another SIREN */
	ID_CHECKSUM,     /* Luhn fails (a La Poste SIRET: its digit sum) */
	ID_KEY           /* a VAT key that is not (12 + 3 x (SIREN mod 97)) mod 97 */
} id_status;

/* La Poste's SIREN: the root of SIRETs judged by their digit sum instead of
 * Luhn (the SIREN itself passes Luhn). */
#define LA_POSTE_SIREN "356000000"

/* 9 digits whose Luhn checksum holds (La Poste's 356000000 does). */
id_status siren_check(const char *siren);

/* 14 digits; the first 9 equal `siren` when it is not NULL; the Luhn
 * checksum holds or, when the SIRET starts with La Poste's SIREN, the sum
 * of its digits is a multiple of 5. */
id_status siret_check(const char *siret, const char *siren);

/* "FR" + 2-digit key + 9 digits; the 9 digits equal `siren` when it is not
 * NULL; the key is vat_key() of those 9 digits. */
id_status vat_check(const char *vat, const char *siren);

/* The French VAT key of a SIREN, (12 + 3 x (SIREN mod 97)) mod 97, or -1
 * when `siren` is not 9 digits. */
int vat_key(const char *siren);

/* An RNA number: "W" followed by 9 digits. */
int rna_valid(const char *rna);

int siren_valid(const char *siren);
int siret_valid(const char *siret, const char *siren);
int vat_valid(const char *vat, const char *siren);

#endif /* PPREG_REGISTRATION_IDENTIFIERS_H */
