/*
 * scalar_test.c - unit tests of the strict scalar readings (TAP).
 */
#include "yaml/scalar.h"
#include "yaml/date.h"
#include "base/utf8.h"

#include <stdio.h>
#include <string.h>

static int n, failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n, what);
	failed += !cond;
}

static void test_country(void)
{
	ok(scalar_country("FR") == 0 && scalar_country("NO") == 0 && scalar_country("GB") == 0 && scalar_country("RE") == 0,
	   "assigned ISO codes");
	ok(scalar_country("fr") < 0 && scalar_country("FRA") < 0 && scalar_country("France") < 0 && scalar_country("") < 0,
	   "lower case, alpha-3 and names are not codes");
	ok(scalar_country("UK") < 0 && scalar_country("XX") < 0 && scalar_country("EU") < 0, "unassigned codes are refused");
}

static void test_email(void)
{
	ok(scalar_email("a@-x.fr") < 0 && scalar_email("a@x-.fr") < 0 && scalar_email("a@x.-y.fr") < 0 &&
	   scalar_email("a@x-y.fr") == 0, "a domain label neither led nor ended by a hyphen: a@-x.fr is no address");
	ok(scalar_email("a@b.c") < 0, "a top-level label of one letter");
	ok(scalar_email("contact@entraide-sante.example") == 0, "the example's address");
	ok(scalar_email("first.last+tag@sub.example.fr") == 0, "dots, plus and subdomains");
	ok(scalar_email("contact-at-entraide") < 0, "no @");
	ok(scalar_email("@example.fr") < 0 && scalar_email("a@") < 0 && scalar_email("a@b@example.fr") < 0, "one @ with both sides");
	ok(scalar_email("a@example") < 0 && scalar_email("a@example.f") < 0 && scalar_email("a@example.f1") < 0,
	   "a top-level label of 2 letters or more");
	ok(scalar_email("a@.example.fr") < 0 && scalar_email("a@example..fr") < 0 && scalar_email("a@example.fr.") < 0,
	   "no empty domain label");
	ok(scalar_email(".a@example.fr") < 0 && scalar_email("a.@example.fr") < 0, "no dot at either end of the local part");
	ok(scalar_email("a b@example.fr") < 0 && scalar_email("a@exa mple.fr") < 0 && scalar_email("<a@example.fr>") < 0,
	   "no blanks or brackets");
	ok(scalar_email("a..b@example.fr") < 0 && scalar_email("a.b@example.fr") == 0, "a doubled dot before the @");
}

static void test_url(void)
{
	ok(scalar_url("https://a..b") < 0 && scalar_url("https://a.") < 0 && scalar_url("https://.a.b") < 0,
	   "an empty host label: https://a..b is no web address");
	ok(scalar_url("https://a-.fr") < 0 && scalar_url("https://x.-a.fr") < 0 && scalar_url("https://a-b.fr") > 0,
	   "a label neither led nor ended by a hyphen (RFC 1123)");
	ok(scalar_url("https://entraide-sante.example") == PPREG_URL_HTTPS, "the example's website is https");
	ok(scalar_url("https://www.example.fr:8443/a/b?q=1#x") == PPREG_URL_HTTPS, "port, path, query, fragment");
	ok(scalar_url("http://entraide-sante.example") == PPREG_URL_HTTP, "http is a web address, not https");
	ok(scalar_url("entraide-sante.example") == -1, "no scheme");
	ok(scalar_url("ftp://example.fr") == -1, "another scheme");
	ok(scalar_url("https://") == -1 && scalar_url("https:///path") == -1, "no host");
	ok(scalar_url("https://localhost") == -1, "a host without a dot");
	ok(scalar_url("https://example..fr") == -1 && scalar_url("https://-x.fr") == -1,
	   "empty or hyphen-led labels");
	ok(scalar_url("https://example.fr/a b") == -1, "a space in the path");
	ok(scalar_url("https://example.fr:") == -1 && scalar_url("https://example.fr:123456") == -1,
	   "an empty or overlong port");
	ok(scalar_url("https://user@example.fr") == -1, "credentials are refused");
	ok(scalar_url("HTTPS://Example.fr") == PPREG_URL_HTTPS, "the scheme in any case");
	ok(scalar_url("https://example.fr:99999") == -1 && scalar_url("https://example.fr:0") == -1,
	   "a port out of 1-65535");
}

int main(void)
{
	test_country();
	test_email();
	test_url();
	ppreg_date d;
	ppreg_duration u;
	long long i;
	double x;
	int b;
	ok(scalar_date("2026-11-23", &d) == 0 && d.year == 2026 && d.month == 11 && d.day == 23, "date");
	ok(scalar_date("2024-02-29", &d) == 0, "leap day");
	ok(scalar_date("2026-02-30", &d) < 0, "2026-02-30 refused");
	ok(scalar_date("2025-02-29", &d) < 0, "2025-02-29 refused");
	ok(scalar_date("2026-1-01", &d) < 0, "short month refused");
	ok(scalar_duration("P3Y", &u) == 0 && u.years == 3, "P3Y");
	ok(scalar_duration("P1Y6M", &u) == 0 && u.years == 1 && u.months == 6, "P1Y6M");
	ok(scalar_duration("PT72H", &u) == 0 && u.hours == 72, "PT72H");
	ok(scalar_duration("P", &u) < 0 && scalar_duration("PT", &u) < 0, "empty durations refused");
	ok(scalar_duration("P3M1Y", &u) < 0, "units out of order refused");
	ok(scalar_duration("3Y", &u) < 0 && scalar_duration("P9999999Y", &u) < 0, "bad durations refused");
	ppreg_date leap = {2024, 2, 29}, end;
	ppreg_duration y1 = {1, 0, 0, 0, 0, 0, 0}, d1 = {0, 0, 0, 1, 0, 0, 0};
	end = date_add(leap, &y1, 1);
	ok(end.year == 2025 && end.month == 2 && end.day == 28, "2024-02-29 + P1Y = 2025-02-28");
	ppreg_date ny = {2026, 12, 31};
	end = date_add(ny, &d1, 1);
	ok(end.year == 2027 && end.month == 1 && end.day == 1, "2026-12-31 + P1D");
	ok(scalar_int("42", 1, &i) == 0 && i == 42, "int");
	ok(scalar_int("99999999999999999999", 1, &i) < 0, "int overflow refused");
	ok(scalar_int("42", 0, &i) < 0, "quoted int is text");
	ok(scalar_number("15.5", 1, &x) == 0 && x == 15.5, "number");
	ok(scalar_number("-0.25", 1, &x) == 0 && x == -0.25 && scalar_number("210000", 1, &x) == 0, "plain decimals");
	ok(scalar_number("2.1e5", 1, &x) < 0 && scalar_number(".5", 1, &x) < 0 && scalar_number("5.", 1, &x) < 0 &&
	   scalar_number("+5", 1, &x) < 0 && scalar_number("1_000", 1, &x) < 0 && scalar_number("0x10", 1, &x) < 0,
	   "exponents, bare dots, '+', '_' and hex are not plain decimals");
	ok(scalar_int("+5", 1, &i) < 0 && scalar_int("-5", 1, &i) == 0 && i == -5, "an integer takes '-' only");
	ok(scalar_is_null("~", 1) && scalar_is_null("", 1) && scalar_is_null("NULL", 1) && !scalar_is_null("nul", 1) &&
	   !scalar_is_null("~x", 1) && !scalar_is_null("null", 0), "null");
	ok(scalar_number("1e400", 1, &x) < 0 && scalar_number(".inf", 1, &x) < 0, "inf refused");
	ok(scalar_bool("true", 1, &b) == 0 && b == 1, "true");
	ok(scalar_bool("NO", 1, &b) < 0 && scalar_bool("yes", 1, &b) < 0, "NO and yes are not booleans");
	ok(scalar_country("NO") == 0 && scalar_country("FR") == 0 && scalar_country("XX") < 0, "countries");
	ok(scalar_email("dpo@entraide-sante.example") == 0 && scalar_email("a@b") < 0 &&
	   scalar_email("no-at.example") < 0, "e-mail");
	ok(scalar_url("https://entraide-sante.example/alerte") == PPREG_URL_HTTPS && scalar_url("ftp://x.fr") < 0 &&
	   scalar_url("https://") < 0 && scalar_url("http://x.fr") == PPREG_URL_HTTP, "URL");
	ok(scalar_url("HTTPS://entraide-sante.example/a") > 0 && scalar_url("https://x.example:8443/a") > 0 &&
	   scalar_url("https://x.example:99999") < 0 && scalar_url("https://x.example:0") < 0 &&
	   scalar_url("https://x.example:/a") < 0, "URL scheme in any case, ports 1 to 65535");
	ok(scalar_email("a..b@x.example") < 0 && scalar_email(".a@x.example") < 0 && scalar_email("a.@x.example") < 0 &&
	   scalar_email("a.b@x.example") == 0, "no leading, trailing or doubled dot before the @");
	ok(scalar_enum("green", "red|green") == 0 && scalar_enum("gree", "red|green") < 0, "enum");
	ok(utf8_first_invalid((const unsigned char *)"Santé", 6) == (size_t)-1, "UTF-8 ok");
	ok(utf8_first_invalid((const unsigned char *)"\xc0\xaf", 2) == 0, "overlong refused");
	ok(utf8_first_invalid((const unsigned char *)"ab\xed\xa0\x80", 5) == 2, "surrogate refused");
	ok(utf8_first_invalid((const unsigned char *)"a\0b", 3) == 1, "NUL refused");
	printf("1..%d\n", n);
	return failed != 0;
}
