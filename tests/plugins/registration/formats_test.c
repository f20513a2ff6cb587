/*
 * formats_test.c - the text formats only the registration plugin judges
 * (platform ids, postcodes), printing TAP. Country codes, e-mail and web
 * addresses are the core's (tests/core/scalar_test.c).
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

static void test_postcode(void)
{
	ok(postcode_valid("75002") && postcode_valid("01000") && postcode_valid("97400"), "5-digit postcodes");
	ok(!postcode_valid("7502") && !postcode_valid("750002") && !postcode_valid("75 002") &&
	   !postcode_valid("2A004") && !postcode_valid(""), "anything else is not a postcode");
}

int main(void)
{
	test_slug();
	test_postcode();
	ok(ppreg_blank("") && ppreg_blank(" \t ") && !ppreg_blank(" a "), "blank text");
	ok(ppreg_blank("\xc2\xa0") && ppreg_blank("\xe3\x80\x80 \xe2\x80\x8b") && ppreg_blank("\xef\xbb\xbf"),
	   "no-break, ideographic and zero-width spaces are blank");
	ok(!ppreg_blank("\xc2\xa0" "a") && !ppreg_blank("\xc3\xa9") && !ppreg_blank("\xe2\x80"),
	   "a letter, an accented letter or a truncated sequence is not blank");
	printf("1..%d\n", n_tests);
	return n_failed != 0;
}
