/*
 * judge_wire_test.c - unit tests of core/judge/wire.c (TAP): a result
 * record carries the digests a worker learned back to the scheduler intact,
 * and a record whose digest is not 64 lowercase hex digits for an id of 1
 * to 32 bytes is refused as malformed (the scheduler then treats the worker
 * as lost: later workers would trust what it put in the memo). The lapses
 * of a platform travel too, earliest first, and a record with a lapse on
 * no real date is refused.
 */
#include "judge/wire.h"
#include "judge/platform_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int n, failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n, what);
	failed += !cond;
}

/* Writes a result holding `learned`, then reads it back: take's answer. */
static int round_trip(learned_digest *learned, size_t n_learned, platform_result *back)
{
	platform_result p = {0};
	p.verdict = VERDICT_COMPLIANT;
	snprintf(p.tree_id, sizeof p.tree_id, "%s", "0123abcd");
	p.learned = learned;
	p.n_learned = n_learned;
	wire_buf b = {0};
	wire_put_result(&b, 7, 0, "", &p);
	unsigned index;
	int rc;
	char *error = NULL;
	memset(back, 0, sizeof *back);
	int got = wire_take_result(&b, &index, &rc, &error, back);
	free(error);
	wire_buf_free(&b);
	return got == 1 && index != 7 ? 0 : got;
}

static void set(learned_digest *d, unsigned char first, size_t oid_len, char hex_char)
{
	memset(d, 0, sizeof *d);
	d->oid[0] = first;
	d->oid[oid_len - 1] = 0xff;
	d->oid_len = oid_len;
	memset(d->sha256, hex_char, 64);
	d->sha256[64] = '\0';
}

/* Writes p, reads it back into back: take's answer. */
static int send(const platform_result *p, platform_result *back)
{
	wire_buf b = {0};
	unsigned index;
	int rc;
	char *error = NULL;
	wire_put_result(&b, 3, 0, "", p);
	memset(back, 0, sizeof *back);
	int got = wire_take_result(&b, &index, &rc, &error, back);
	free(error);
	wire_buf_free(&b);
	return got;
}

static void lapses(void)
{
	platform_result p = {0}, back;
	p.verdict = VERDICT_COMPLIANT;
	/* unsorted, as a worker that is not trusted might send them */
	platform_result_add_lapse(&p, "gdpr.hds-hosting", "platforms/x/gdpr.yaml", 19, (ppreg_date){2028, 1, 31});
	platform_result_add_lapse(&p, "transparency.funding", "platforms/x/transparency.yaml", 5, (ppreg_date){2026, 12, 31});
	ok(send(&p, &back) == 1 && back.n_lapses == 2, "a result with two lapses is read back");
	ok(back.n_lapses == 2 && !strcmp(back.lapses[0].rule, "transparency.funding") &&
	   !strcmp(back.lapses[0].file, "platforms/x/transparency.yaml") && back.lapses[0].line == 5 &&
	   back.lapses[0].last_valid_day.year == 2026 && back.lapses[0].last_valid_day.month == 12 &&
	   back.lapses[0].last_valid_day.day == 31 && !strcmp(back.lapses[1].rule, "gdpr.hds-hosting"),
	   "rule, file, line and day arrive intact, earliest first");
	platform_result_free(&back);
	p.lapses[1].last_valid_day = (ppreg_date){2027, 2, 29};
	ok(send(&p, &back) == -1, "a lapse on 2027-02-29 is refused");
	platform_result_free(&back);
	platform_result_free(&p);
}

int main(void)
{
	lapses();
	learned_digest d[2];
	platform_result back;
	set(&d[0], 1, 20, 'a');
	set(&d[1], 2, 32, '0');
	ok(round_trip(d, 2, &back) == 1, "a result with two learned digests is read back");
	ok(back.n_learned == 2 && back.learned[0].oid_len == 20 && back.learned[1].oid_len == 32 &&
	   !memcmp(back.learned[0].oid, d[0].oid, 20) && !memcmp(back.learned[1].oid, d[1].oid, 32) &&
	   !strcmp(back.learned[0].sha256, d[0].sha256) && !strcmp(back.learned[1].sha256, d[1].sha256),
	   "ids and digests arrive intact");
	platform_result_free(&back);

	ok(round_trip(NULL, 0, &back) == 1 && back.n_learned == 0 && !back.learned, "a result with none");
	platform_result_free(&back);

	set(&d[0], 1, 20, 'A');
	ok(round_trip(d, 1, &back) == -1, "a digest in upper case is refused");
	platform_result_free(&back);
	set(&d[0], 1, 20, 'g');
	ok(round_trip(d, 1, &back) == -1, "a digest that is not hex is refused");
	platform_result_free(&back);
	set(&d[0], 1, 20, 'a');
	d[0].sha256[63] = '\0';
	ok(round_trip(d, 1, &back) == -1, "a digest of 63 digits is refused");
	platform_result_free(&back);
	set(&d[0], 1, 20, 'a');
	d[0].oid_len = 0;
	ok(round_trip(d, 1, &back) == -1, "an id of no length is refused");
	platform_result_free(&back);

	printf("1..%d\n", n);
	return failed ? 1 : 0;
}
