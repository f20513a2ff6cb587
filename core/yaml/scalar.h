/*
 * yaml/scalar.h - how ppreg reads a YAML scalar's text as a typed value.
 *
 * ppreg uses its own, strict reading rather than YAML 1.1's: only `true` and
 * `false` are booleans (`NO` is Norway), numbers are plain decimals, dates and
 * durations are ISO 8601 and must exist on the calendar. Every parser takes
 * the scalar's text and whether it was plain (unquoted): quoting makes text.
 */
#ifndef PPREG_SCALAR_H
#define PPREG_SCALAR_H

#include <stddef.h>
#include <string.h>
#include "ppreg/plugin.h"

/* Both are asked of every scalar and every text a plugin reads, inline: the
 * first byte rules most texts out. */
static inline int scalar_is_null(const char *s, int plain)
{
	if (!plain)
		return 0;
	switch (s[0]) {
	case '\0': return 1;
	case '~': return !s[1];
	case 'n': return !strcmp(s, "null");
	case 'N': return !strcmp(s, "Null") || !strcmp(s, "NULL");
	default: return 0;
	}
}

static inline int scalar_bool(const char *s, int plain, int *out)
{
	if (!plain || (s[0] != 't' && s[0] != 'f'))
		return -1;
	if (!strcmp(s, "true")) { *out = 1; return 0; }
	if (!strcmp(s, "false")) { *out = 0; return 0; }
	return -1;
}

int scalar_int(const char *s, int plain, long long *out);
/* out may be NULL: only whether s is a number is asked (no strtod for it). */
int scalar_number(const char *s, int plain, double *out);
/* A plain decimal with at most two decimals, in whole cents that fit in 64
 * bits ("-3.5" is -350). 0, or -1 for anything else. */
int scalar_amount(const char *s, int plain, long long *cents);
int scalar_date(const char *s, ppreg_date *out);
int scalar_duration(const char *s, ppreg_duration *out);
/* -1, or the scheme of a valid web address: PPREG_URL_HTTP or PPREG_URL_HTTPS. */
int scalar_url(const char *s);
int scalar_email(const char *s);
int scalar_country(const char *s);
int scalar_sha256(const char *s);
int scalar_enum(const char *s, const char *values); /* values: "a|b|c" */

#endif
