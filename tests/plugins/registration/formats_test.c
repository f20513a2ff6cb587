/*
 * formats_test.c - the text formats the registration plugin judges
 * (platform ids, postcodes, country codes, e-mail and web addresses),
 * printing TAP.
 */
#include "formats.h"
#include "ppreg/plugin.h"

#include <stdio.h>
#include <string.h>

static int n_tests, n_failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n_tests, what);
	n_failed += !cond;
}

static void test_slug(void)
{
	char longest[64], too_long[65];
	memset(longest, 'a', 63), longest[63] = '\0';
	memset(too_long, 'a', 64), too_long[64] = '\0';
	ok(slug_valid("entraide-sante"), "entraide-sante is an id");
	ok(slug_valid("a1") && slug_valid("0-"), "two characters are enough");
	ok(slug_valid(longest), "63 characters are allowed");
	ok(!slug_valid(too_long), "64 characters are not");
	ok(!slug_valid("a") && !slug_valid(""), "one character or none is not an id");
	ok(!slug_valid("-entraide"), "a leading hyphen is refused");
	ok(!slug_valid("Entraide") && !slug_valid("entraide_sante") && !slug_valid("entraide sante"),
	   "upper case, underscores and spaces are refused");
	ok(!slug_valid("entraide-sant\xc3\xa9"), "non-ASCII letters are refused");
}

static void test_postcode_country(void)
{
	ok(postcode_valid("75002") && postcode_valid("01000") && postcode_valid("97400"), "5-digit postcodes");
	ok(!postcode_valid("7502") && !postcode_valid("750002") && !postcode_valid("75 002") &&
	   !postcode_valid("2A004") && !postcode_valid(""), "anything else is not a postcode");
	ok(country_valid("FR") && country_valid("NO") && country_valid("GB") && country_valid("RE"),
	   "assigned ISO codes");
	ok(!country_valid("fr") && !country_valid("FRA") && !country_valid("France") && !country_valid(""),
	   "lower case, alpha-3 and names are not codes");
	ok(!country_valid("UK") && !country_valid("XX") && !country_valid("EU"), "unassigned codes are refused");
}

static void test_email(void)
{
	ok(email_valid("contact@entraide-sante.example"), "the example's address");
	ok(email_valid("first.last+tag@sub.example.fr"), "dots, plus and subdomains");
	ok(!email_valid("contact-at-entraide"), "no @");
	ok(!email_valid("@example.fr") && !email_valid("a@") && !email_valid("a@b@example.fr"), "one @ with both sides");
	ok(!email_valid("a@example") && !email_valid("a@example.f") && !email_valid("a@example.f1"),
	   "a top-level label of 2 letters or more");
	ok(!email_valid("a@.example.fr") && !email_valid("a@example..fr") && !email_valid("a@example.fr."),
	   "no empty domain label");
	ok(!email_valid(".a@example.fr") && !email_valid("a.@example.fr"), "no dot at either end of the local part");
	ok(!email_valid("a b@example.fr") && !email_valid("a@exa mple.fr") && !email_valid("<a@example.fr>"),
	   "no blanks or brackets");
}

static void test_url(void)
{
	ok(web_url_scheme("https://entraide-sante.example") == URL_HTTPS, "the example's website is https");
	ok(web_url_scheme("https://www.example.fr:8443/a/b?q=1#x") == URL_HTTPS, "port, path, query, fragment");
	ok(web_url_scheme("http://entraide-sante.example") == URL_HTTP, "http is a web address, not https");
	ok(web_url_scheme("entraide-sante.example") == URL_INVALID, "no scheme");
	ok(web_url_scheme("ftp://example.fr") == URL_INVALID, "another scheme");
	ok(web_url_scheme("https://") == URL_INVALID && web_url_scheme("https:///path") == URL_INVALID, "no host");
	ok(web_url_scheme("https://localhost") == URL_INVALID, "a host without a dot");
	ok(web_url_scheme("https://example..fr") == URL_INVALID && web_url_scheme("https://-x.fr") == URL_INVALID,
	   "empty or hyphen-led labels");
	ok(web_url_scheme("https://example.fr/a b") == URL_INVALID, "a space in the path");
	ok(web_url_scheme("https://example.fr:") == URL_INVALID && web_url_scheme("https://example.fr:123456") == URL_INVALID,
	   "an empty or overlong port");
	ok(web_url_scheme("https://user@example.fr") == URL_INVALID, "credentials are refused");
	ok(web_url_scheme("HTTPS://Example.fr") == URL_HTTPS, "the scheme in any case");
	ok(web_url_scheme("https://example.fr:99999") == URL_INVALID && web_url_scheme("https://example.fr:0") == URL_INVALID,
	   "a port out of 1-65535");
	ok(!email_valid("a..b@example.fr") && email_valid("a.b@example.fr"), "a doubled dot before the @");
}

int main(void)
{
	test_slug();
	test_postcode_country();
	test_email();
	test_url();
	ok(ppreg_blank("") && ppreg_blank(" \t ") && !ppreg_blank(" a "), "blank text");
	ok(ppreg_blank("\xc2\xa0") && ppreg_blank("\xe3\x80\x80 \xe2\x80\x8b") && ppreg_blank("\xef\xbb\xbf"),
	   "no-break, ideographic and zero-width spaces are blank");
	ok(!ppreg_blank("\xc2\xa0" "a") && !ppreg_blank("\xc3\xa9") && !ppreg_blank("\xe2\x80"),
	   "a letter, an accented letter or a truncated sequence is not blank");
	printf("1..%d\n", n_tests);
	return n_failed != 0;
}
