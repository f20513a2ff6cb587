/*
 * identifiers.h - French company identifiers, as pure functions so that a
 * unit test can check them against real public numbers.
 */
#ifndef PPREG_REGISTRATION_IDENTIFIERS_H
#define PPREG_REGISTRATION_IDENTIFIERS_H

/* Each returns 1 when valid, 0 otherwise. */
int siren_valid(const char *siren);
int siret_valid(const char *siret, const char *siren);
/* The French VAT key of a SIREN: (12 + 3 * (SIREN mod 97)) mod 97. */
int vat_key(const char *siren);
int vat_valid(const char *vat, const char *siren);
int rna_valid(const char *rna);

#endif
