/*
 * formats.h - the text formats registration.yaml's rules judge (platform
 * ids, postcodes, country codes, e-mail addresses, web addresses), as pure
 * functions of C strings so that a unit test can reach them.
 *
 * The core checks these formats for fields typed URL, EMAIL or COUNTRY; this
 * plugin declares its fields as plain strings instead, so that a wrong value
 * is a finding of the rule the specification names (registration.contact,
 * registration.kind), and checks them here the same way the core would.
 */
#ifndef PPREG_REGISTRATION_FORMATS_H
#define PPREG_REGISTRATION_FORMATS_H

/* A platform id: ^[a-z0-9][a-z0-9-]{1,62}$ */
int slug_valid(const char *s);

/* A French postcode: exactly 5 digits. */
int postcode_valid(const char *s);

/* An officially assigned ISO 3166-1 alpha-2 code, upper case. */
int country_valid(const char *s);

/* local@domain.tld: one @, a local part of RFC 5322 atom characters and
 * dots, a domain of letters, digits, dots and hyphens with a dot, no empty
 * label, a top-level label of at least 2 letters. */
int email_valid(const char *s);

typedef enum { URL_INVALID = 0, URL_HTTP, URL_HTTPS } url_scheme;

/* http(s)://host[:port][/path][?query][#fragment], the host a dotted name
 * that starts with a letter or digit; no blank or control character. */
url_scheme web_url_scheme(const char *s);

#endif /* PPREG_REGISTRATION_FORMATS_H */
