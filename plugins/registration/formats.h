/*
 * formats.h - the text formats only registration.yaml's rules judge
 * (platform ids, postcodes), as pure functions of C strings so that a unit
 * test can reach them.
 *
 * Country codes, e-mail and web addresses are the core's formats, asked
 * through the API (country_valid, email_valid, url_scheme): this plugin
 * declares those fields as plain strings, so that a wrong value is a
 * finding of the rule the specification names (registration.contact,
 * registration.kind), judged by the reading of the core's typed fields.
 */
#ifndef PPREG_REGISTRATION_FORMATS_H
#define PPREG_REGISTRATION_FORMATS_H

/* A platform id: ^[a-z0-9][a-z0-9-]{1,62}$ */
int slug_valid(const char *s);

/* A French postcode: exactly 5 digits. */
int postcode_valid(const char *s);

#endif /* PPREG_REGISTRATION_FORMATS_H */
