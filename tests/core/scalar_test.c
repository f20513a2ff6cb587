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

int main(void)
{
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
	ok(scalar_url("https://entraide-sante.example/alerte") == 0 && scalar_url("ftp://x.fr") < 0 &&
	   scalar_url("https://") < 0, "URL");
	ok(scalar_url("HTTPS://entraide-sante.example/a") == 0 && scalar_url("https://x.example:8443/a") == 0 &&
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
