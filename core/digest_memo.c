/*
 * digest_memo.c - a direct-mapped table of blob digests (digest_memo.h).
 *
 * Object ids are SHA-1 (or SHA-256) values, so their first bytes spread
 * them evenly over the places; a full comparison of the id decides a hit,
 * so two ids that share a place cost a hash, never a wrong digest.
 */
#include "digest_memo.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define PLACES 1024 /* about 100 KB */
#define OID_MAX 32

typedef struct {
	unsigned char oid[OID_MAX];
	size_t oid_len;   /* 0: empty place */
	char hex[65];
} memo_place;

struct digest_memo {
	memo_place places[PLACES];
};

static size_t place_of(const unsigned char *oid, size_t oid_len)
{
	size_t h = 0;
	for (size_t i = 0; i < oid_len && i < sizeof h; i++)
		h = h << 8 | oid[i];
	return h % PLACES;
}

void digest_memo_free(digest_memo *m)
{
	free(m);
}

int digest_memo_get(const digest_memo *m, const unsigned char *oid, size_t oid_len, char hex[65])
{
	if (!m || oid_len == 0 || oid_len > OID_MAX)
		return 0;
	const memo_place *p = &m->places[place_of(oid, oid_len)];
	if (p->oid_len != oid_len || memcmp(p->oid, oid, oid_len))
		return 0;
	memcpy(hex, p->hex, sizeof p->hex);
	return 1;
}

void digest_memo_put(digest_memo **m, const unsigned char *oid, size_t oid_len, const char hex[65])
{
	if (oid_len == 0 || oid_len > OID_MAX)
		return;
	if (!*m)
		*m = xcalloc(1, sizeof **m);
	memo_place *p = &(*m)->places[place_of(oid, oid_len)];
	memcpy(p->oid, oid, oid_len);
	p->oid_len = oid_len;
	memcpy(p->hex, hex, sizeof p->hex);
}
