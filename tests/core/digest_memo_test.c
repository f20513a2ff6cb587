/*
 * digest_memo_test.c - unit tests of core/judge/digest_memo.c (TAP): what is put
 * is found; an id never gets another id's digest, even in its own set; a
 * set holds four ids and a fifth drives out the oldest; ids of no length
 * or too long are neither kept nor found.
 */
#include "judge/digest_memo.h"

#include <stdio.h>
#include <string.h>

static int n, failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n, what);
	failed += !cond;
}

/* A 20-byte id whose first eight bytes (which choose the set) are `set`
 * and whose last byte is `tail`: ids of one set that differ. */
static void make_id(unsigned char id[20], unsigned char set, unsigned char tail)
{
	memset(id, 0, 20);
	id[7] = set;
	id[19] = tail;
}

static void make_hex(char hex[65], char c)
{
	memset(hex, c, 64);
	hex[64] = '\0';
}

/* Whether ids tail `from` to `to` of `set` each have their digest ('a' + tail - 1). */
static int knows(const digest_memo *m, unsigned char set, unsigned char from, unsigned char to)
{
	unsigned char id[20];
	char hex[65], got[65];
	int all = 1;
	for (unsigned char t = from; t <= to; t++) {
		make_id(id, set, t);
		make_hex(hex, (char)('a' + t - 1));
		all &= digest_memo_get(m, id, sizeof id, got) && !strcmp(got, hex);
	}
	return all;
}

int main(void)
{
	digest_memo *m = NULL;
	unsigned char id[20];
	char hex[65], got[65];

	make_id(id, 1, 1);
	ok(!digest_memo_get(m, id, sizeof id, got), "an empty memo knows nothing");
	make_hex(hex, 'a');
	digest_memo_put(&m, id, sizeof id, hex);
	ok(m && digest_memo_get(m, id, sizeof id, got) && !strcmp(got, hex), "a digest put is found");
	make_id(id, 1, 2);
	ok(!digest_memo_get(m, id, sizeof id, got), "another id of the same set is not given its digest");

	/* four ids in one set are all kept */
	for (unsigned char t = 2; t <= 4; t++) {
		make_id(id, 1, t);
		make_hex(hex, (char)('a' + t - 1));
		digest_memo_put(&m, id, sizeof id, hex);
	}
	ok(knows(m, 1, 1, 4), "a set keeps four ids, each with its own digest");

	/* a fifth drives out the oldest, and only it */
	make_id(id, 1, 5);
	make_hex(hex, 'e');
	digest_memo_put(&m, id, sizeof id, hex);
	ok(digest_memo_get(m, id, sizeof id, got) && !strcmp(got, hex), "a fifth id of the set is kept");
	make_id(id, 1, 1);
	ok(!digest_memo_get(m, id, sizeof id, got), "the oldest of the set has gone");
	ok(knows(m, 1, 2, 4), "the three others stay");

	/* putting an id again replaces its digest in place */
	make_id(id, 1, 3);
	make_hex(hex, 'z');
	digest_memo_put(&m, id, sizeof id, hex);
	make_id(id, 1, 2);
	make_hex(hex, 'b');
	ok(digest_memo_get(m, id, sizeof id, got) && !strcmp(got, hex), "an id put again does not drive out another");
	make_id(id, 1, 3);
	ok(digest_memo_get(m, id, sizeof id, got) && got[0] == 'z', "an id put again has its new digest");

	/* another set is untouched by all this */
	make_id(id, 2, 1);
	ok(!digest_memo_get(m, id, sizeof id, got), "another set knows nothing");

	/* no id, or one longer than an object id */
	unsigned char long_id[40] = {0};
	digest_memo_put(&m, long_id, sizeof long_id, hex);
	ok(!digest_memo_get(m, long_id, sizeof long_id, got), "an id longer than 32 bytes is not kept");
	digest_memo_put(&m, id, 0, hex);
	ok(!digest_memo_get(m, id, 0, got), "an id of no length is not kept");

	digest_memo_free(m);
	printf("1..%d\n", n);
	return failed ? 1 : 0;
}
