/*
 * yaml/scalar.c - strict readings of scalars: booleans, numbers, dates, durations,
 * URLs, e-mail addresses, countries, digests.
 *
 * Each reader returns 0 (scalar_url: the scheme) when the text is a valid
 * value of its type and -1 otherwise; none allocates, none trusts the text's length beyond its NUL.
 */
#include "yaml/scalar.h"
#include "yaml/date.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* The value of n decimal digits (all_digits), or -1 past max: what
 * strtoll and atoi would read, without the locale, spaces, signs and
 * bases they look for (dates and integers are read for every scalar a
 * plugin or the schema asks about). */
static int digits_value(const char *s, size_t n, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned d = (unsigned)(s[i] - '0');
		if (v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* The format's numbers are plain decimals: an optional '-', digits, and
 * for a number a '.' between digits. No '+', exponent, leading or
 * trailing '.', base prefix or '_' (what YAML 1.1 readers each read their
 * own way). */
int scalar_int(const char *s, int plain, long long *out)
{
	int neg = *s == '-';
	const char *d = s + neg;
	if (!plain || !isdigit((unsigned char)*d))
		return -1; /* most texts asked about are words: no strlen for them */
	size_t n = strlen(d);
	unsigned long long v;
	if (!all_digits(d, n) ||
	    digits_value(d, n, neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX, &v) < 0)
		return -1;
	*out = !neg ? (long long)v : v > LLONG_MAX ? LLONG_MIN : -(long long)v;
	return 0;
}

/* A decimal of at most 15 digits as the nearest double: its digits make an
 * integer below 2^53 and 10^after is exact, so the one division is
 * correctly rounded, as strtod is (Clinger's fast path), without strtod's
 * general machinery. */
static double short_decimal(const char *digits, size_t before, size_t after, int neg)
{
	static const double tens[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	                              1e11, 1e12, 1e13, 1e14, 1e15};
	unsigned long long whole = 0, frac = 0;
	digits_value(digits, before, ULLONG_MAX, &whole);
	if (after)
		digits_value(digits + before + 1, after, ULLONG_MAX, &frac);
	double v = (double)(whole * (unsigned long long)tens[after] + frac) / tens[after];
	return neg ? -v : v;
}

int scalar_number(const char *s, int plain, double *out)
{
	const char *p = *s == '-' ? s + 1 : s, *digits = p;
	if (!plain || !isdigit((unsigned char)*p))
		return -1;
	size_t before = strspn(p, "0123456789"), after = 0;
	p += before;
	if (*p == '.') {
		after = strspn(p + 1, "0123456789");
		if (!after)
			return -1;
		p += 1 + after;
	}
	if (*p)
		return -1;
	if (!out && before < 300)
		return 0; /* only asked whether it is one: so few digits are always finite */
	if (out && before + after <= 15) {
		*out = short_decimal(digits, before, after, *s == '-');
		return 0;
	}
	errno = 0;
	double v = strtod(s, NULL);
	if (errno == ERANGE || !isfinite(v))
		return -1;
	if (out)
		*out = v;
	return 0;
}

int scalar_amount(const char *s, int plain, long long *cents)
{
	const char *p = *s == '-' ? s + 1 : s;
	if (!plain || !isdigit((unsigned char)*p))
		return -1;
	unsigned long long v = 0;
	size_t decimals = 0;
	int point = 0;
	for (; *p; p++) {
		if (*p == '.' && !point) {
			point = 1;
			continue;
		}
		if (!isdigit((unsigned char)*p) || (point && ++decimals > 2) ||
		    v > (ULLONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (point && decimals == 0)
		return -1;
	for (; decimals < 2; decimals++) {
		if (v > ULLONG_MAX / 10)
			return -1;
		v *= 10;
	}
	if (v > (unsigned long long)LLONG_MAX)
		return -1;
	if (cents)
		*cents = *s == '-' ? -(long long)v : (long long)v;
	return 0;
}

int scalar_date(const char *s, ppreg_date *out)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) ||
	    !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
		return -1;
	unsigned long long y = 0, m = 0, day = 0; /* four digits or two: cannot overflow */
	digits_value(s, 4, 9999, &y);
	digits_value(s + 5, 2, 99, &m);
	digits_value(s + 8, 2, 99, &day);
	ppreg_date d = {(int)y, (int)m, (int)day};
	if (!date_valid(d))
		return -1;
	*out = d;
	return 0;
}

/* P[nY][nM][nW][nD][T[nH][nM][nS]], at least one part, each at most 999999. */
int scalar_duration(const char *s, ppreg_duration *out)
{
	static const char date_units[] = "YMWD", time_units[] = "HMS";
	ppreg_duration d = {0, 0, 0, 0, 0, 0, 0};
	int *date_fields[] = {&d.years, &d.months, &d.weeks, &d.days};
	int *time_fields[] = {&d.hours, &d.minutes, &d.seconds};
	if (*s++ != 'P')
		return -1;
	int parts = 0, in_time = 0, next = 0;
	while (*s) {
		if (*s == 'T' && !in_time) {
			in_time = 1, next = 0, s++;
			if (!*s)
				return -1;
			continue;
		}
		size_t n = strspn(s, "0123456789");
		if (n == 0 || n > 6)
			return -1;
		int v = atoi(s);
		s += n;
		const char *units = in_time ? time_units : date_units;
		const char *u = *s ? strchr(units + next, *s) : NULL;
		if (!u)
			return -1;
		next = (int)(u - units) + 1;
		*(in_time ? time_fields : date_fields)[u - units] = v;
		parts++, s++;
	}
	if (!parts)
		return -1;
	*out = d;
	return 0;
}

#define LETTERS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define HOST_CHARS LETTERS "0123456789.-"

/* A host name of dotted labels (RFC 1123, 2.1): letters, digits and
 * hyphens, no label empty or starting or ending with a hyphen, at least
 * two labels. `n` is its length. */
static int host_valid(const char *host, size_t n)
{
	size_t labels = 0, len = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || host[i] == '.') {
			if (len == 0 || host[i - 1] == '-')
				return 0;
			labels++, len = 0;
		} else if (len++ == 0 && host[i] == '-') {
			return 0;
		}
	}
	return labels >= 2;
}

/* http(s)://host[:port][/?#...]: the scheme in any case (RFC 3986), a
 * dotted host name (host_valid), a port from 1 to 65535, no blank or
 * control byte. Returns the scheme, PPREG_URL_HTTP or PPREG_URL_HTTPS, or
 * -1: a rule may ask for https. */
int scalar_url(const char *s)
{
	int scheme;
	const char *host;
	if (!strncasecmp(s, "https://", 8))
		scheme = PPREG_URL_HTTPS, host = s + 8;
	else if (!strncasecmp(s, "http://", 7))
		scheme = PPREG_URL_HTTP, host = s + 7;
	else
		return -1;
	size_t h = strspn(host, HOST_CHARS);
	if (!host_valid(host, h))
		return -1;
	const char *rest = host + h;
	if (*rest == ':') {
		size_t digits = strspn(rest + 1, "0123456789");
		if (digits == 0 || digits > 5 || atol(rest + 1) < 1 || atol(rest + 1) > 65535)
			return -1;
		rest += 1 + digits;
	}
	if (*rest && *rest != '/' && *rest != '?' && *rest != '#')
		return -1;
	for (; *rest; rest++)
		if ((unsigned char)*rest <= ' ' || *rest == 0x7f)
			return -1;
	return scheme;
}

/* local@domain.tld: the local part of RFC 5322's dot-atoms (no leading,
 * trailing or doubled dot), a dotted host name (host_valid) whose last
 * label is two letters or more. */
int scalar_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return -1;
	size_t local = (size_t)(at - s);
	if (strspn(s, LETTERS "0123456789.!#$%&'*+/=?^_`{|}~-") < local || s[0] == '.' || at[-1] == '.')
		return -1;
	for (const char *p = s; p + 1 < at; p++)
		if (p[0] == '.' && p[1] == '.')
			return -1;
	const char *dom = at + 1, *tld = strrchr(dom, '.');
	size_t dl = strlen(dom);
	if (strspn(dom, HOST_CHARS) != dl || !host_valid(dom, dl))
		return -1;
	tld++; /* host_valid saw a dot */
	return strlen(tld) >= 2 && strspn(tld, LETTERS) == strlen(tld) ? 0 : -1;
}

/* ISO 3166-1 alpha-2, officially assigned codes. */
static const char countries[] =
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
	"BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
	"DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
	"GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
	"KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
	"MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
	"PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
	"SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
	"VN VU WF WS YE YT ZA ZM ZW";

int scalar_country(const char *s)
{
	if (strlen(s) != 2 || !isupper((unsigned char)s[0]) || !isupper((unsigned char)s[1]))
		return -1;
	for (size_t i = 0; i + 2 < sizeof countries; i += 3) /* "AD AE ... ZW" */
		if (countries[i] == s[0] && countries[i + 1] == s[1])
			return 0;
	return -1;
}

int scalar_sha256(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64 ? 0 : -1;
}

int scalar_enum(const char *s, const char *values)
{
	size_t n = strlen(s);
	for (const char *p = values; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len == n && !strncmp(p, s, n))
			return 0;
		if (!bar)
			break;
		p = bar + 1;
	}
	return -1;
}
