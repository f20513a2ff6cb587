/*
 * formats.c - platform ids, postcodes, ISO country codes, e-mail and web
 * addresses. Each function reads a NUL-terminated string of any content and
 * any length and looks at nothing beyond it.
 */
#include "formats.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGITS "0123456789"
#define HOST_CHARS LOWER UPPER DIGITS ".-"

int slug_valid(const char *s)
{
	size_t n = strlen(s);
	return n >= 2 && n <= 63 && s[0] != '-' && strspn(s, LOWER DIGITS "-") == n;
}

int postcode_valid(const char *s)
{
	return strlen(s) == 5 && strspn(s, DIGITS) == 5;
}

/* ISO 3166-1 alpha-2, the officially assigned codes (the same list as the
 * core's COUNTRY type). */
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

int country_valid(const char *s)
{
	if (strlen(s) != 2 || strspn(s, UPPER) != 2)
		return 0;
	for (size_t i = 0; i + 2 < sizeof countries; i += 3)
		if (countries[i] == s[0] && countries[i + 1] == s[1])
			return 1;
	return 0;
}

/* A dotted host name: labels of letters, digits and hyphens, none empty,
 * none starting with a hyphen, at least two. `n` is its length. */
static int host_valid(const char *host, size_t n)
{
	size_t labels = 0, len = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || host[i] == '.') {
			if (len == 0)
				return 0;
			labels++, len = 0;
		} else if (len++ == 0 && host[i] == '-') {
			return 0;
		}
	}
	return labels >= 2;
}

int email_valid(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return 0;
	size_t local = (size_t)(at - s);
	if (strspn(s, LOWER UPPER DIGITS ".!#$%&'*+/=?^_`{|}~-") < local || s[0] == '.' || at[-1] == '.')
		return 0;
	for (const char *p = s; p + 1 < at; p++)
		if (p[0] == '.' && p[1] == '.')
			return 0;
	const char *domain = at + 1, *dot = strrchr(domain, '.');
	size_t n = strlen(domain);
	if (strspn(domain, HOST_CHARS) != n || !host_valid(domain, n))
		return 0;
	return strlen(dot + 1) >= 2 && strspn(dot + 1, LOWER UPPER) == strlen(dot + 1);
}

url_scheme web_url_scheme(const char *s)
{
	url_scheme scheme;
	const char *host;
	if (!strncasecmp(s, "https://", 8)) /* a scheme is case-insensitive (RFC 3986) */
		scheme = URL_HTTPS, host = s + 8;
	else if (!strncasecmp(s, "http://", 7))
		scheme = URL_HTTP, host = s + 7;
	else
		return URL_INVALID;
	size_t n = strspn(host, HOST_CHARS);
	if (!host_valid(host, n))
		return URL_INVALID;
	const char *rest = host + n;
	if (*rest == ':') {
		size_t port = strspn(rest + 1, DIGITS);
		if (port == 0 || port > 5 || atol(rest + 1) < 1 || atol(rest + 1) > 65535)
			return URL_INVALID;
		rest += 1 + port;
	}
	if (*rest && !strchr("/?#", *rest))
		return URL_INVALID;
	for (; *rest; rest++)
		if ((unsigned char)*rest <= ' ' || *rest == 0x7f)
			return URL_INVALID;
	return scheme;
}

