/*
 * judge/wire.c - serialising tasks and platform results between processes.
 */
#include "judge/wire.h"
#include "judge/platform_check.h"
#include "yaml/date.h"
#include "yaml/scalar.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_RECORD ((uint32_t)64 << 20)
#define MAX_ITEMS ((uint32_t)1 << 20)
#define READ_CHUNK ((size_t)64 << 10) /* a pipe's default capacity */

void wire_buf_free(wire_buf *b)
{
	free(b->v);
	*b = (wire_buf){0};
}

static void reserve(wire_buf *b, size_t more)
{
	if (b->n + more <= b->cap)
		return;
	b->cap = (b->n + more) * 2;
	b->v = xrealloc(b->v, b->cap);
}

static void put(wire_buf *b, const void *p, size_t n)
{
	reserve(b, n);
	memcpy(b->v + b->n, p, n);
	b->n += n;
}

static void put_u32(wire_buf *b, uint32_t x) { put(b, &x, sizeof x); }

static void put_str(wire_buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	put_u32(b, (uint32_t)n);
	put(b, s, n);
}

/* Forgets the consumed part once nothing is left after it, so a buffer
 * that is drained as fast as it fills never grows. */
static void consumed(wire_buf *b, size_t n)
{
	b->off += n;
	if (b->off == b->n)
		b->off = b->n = 0;
}

void wire_put_task(wire_buf *b, const wire_task *t)
{
	put(b, &t->index, sizeof t->index);
	put(b, &t->skip, sizeof t->skip);
}

int wire_take_task(wire_buf *b, wire_task *t)
{
	const size_t size = sizeof t->index + sizeof t->skip;
	if (b->n - b->off < size)
		return 0;
	memcpy(&t->index, b->v + b->off, sizeof t->index);
	memcpy(&t->skip, b->v + b->off + sizeof t->index, sizeof t->skip);
	consumed(b, size);
	return 1;
}

void wire_put_result(wire_buf *b, unsigned index, int rc, const char *error, const platform_result *p)
{
	size_t start = b->n;
	put_u32(b, 0); /* the record's length, filled in below */
	put_u32(b, index);
	put_u32(b, (uint32_t)(rc < 0));
	put_str(b, rc < 0 ? error : "");
	put_u32(b, (uint32_t)p->verdict);
	put_str(b, p->tree_id);
	put_u32(b, (uint32_t)p->findings.n);
	for (size_t i = 0; i < p->findings.n; i++) {
		const finding *f = &p->findings.v[i];
		put_str(b, f->rule);
		put_u32(b, (uint32_t)f->severity);
		put_str(b, f->file);
		put_u32(b, f->line);
		put_u32(b, f->column);
		put_str(b, f->message);
	}
	put_u32(b, (uint32_t)p->n_files);
	for (size_t i = 0; i < p->n_files; i++) {
		put_str(b, p->files[i].path);
		put_str(b, p->files[i].sha256);
	}
	put_u32(b, (uint32_t)p->n_learned);
	for (size_t i = 0; i < p->n_learned; i++) {
		put_u32(b, (uint32_t)p->learned[i].oid_len);
		put(b, p->learned[i].oid, p->learned[i].oid_len);
		put_str(b, p->learned[i].sha256);
	}
	put_u32(b, (uint32_t)p->n_lapses);
	for (size_t i = 0; i < p->n_lapses; i++) {
		const lapse *l = &p->lapses[i];
		put_str(b, l->rule);
		put_str(b, l->file);
		put_u32(b, l->line);
		put_u32(b, (uint32_t)l->last_valid_day.year);
		put_u32(b, (uint32_t)l->last_valid_day.month);
		put_u32(b, (uint32_t)l->last_valid_day.day);
	}
	put_str(b, p->withheld ? p->withheld : "");
	/* an attachment too large to carry is left out: the reader makes it
	 * again from the declarations (run.describe) */
	size_t att = p->attachment_len <= WIRE_MAX_ATTACHMENT ? p->attachment_len : 0;
	put_u32(b, (uint32_t)att);
	if (att)
		put(b, p->attachment, att);
	uint32_t len = (uint32_t)(b->n - start - sizeof len);
	memcpy(b->v + start, &len, sizeof len);
}

typedef struct { const unsigned char *p; size_t left; int bad; } reader;

static uint32_t get_u32(reader *r)
{
	uint32_t x = 0;
	if (r->left < sizeof x) { r->bad = 1; return 0; }
	memcpy(&x, r->p, sizeof x);
	r->p += sizeof x, r->left -= sizeof x;
	return x;
}

static char *get_str(reader *r)
{
	uint32_t n = get_u32(r);
	if (r->bad || n > r->left) { r->bad = 1; return xstrdup(""); }
	char *s = xstrndup((const char *)r->p, n);
	r->p += n, r->left -= n;
	return s;
}

static void get_hex(reader *r, char *out, size_t cap)
{
	char *s = get_str(r);
	snprintf(out, cap, "%s", s);
	free(s);
}

static void get_findings(reader *r, finding_list *out)
{
	uint32_t n = get_u32(r);
	for (uint32_t i = 0; i < n && !r->bad && i < MAX_ITEMS; i++) {
		char *rule = get_str(r);
		int sev = (int)get_u32(r);
		char *file = get_str(r);
		unsigned line = get_u32(r), col = get_u32(r);
		char *msg = get_str(r);
		findings_addv(out, rule, sev, file, line, col, msg);
		free(rule), free(file), free(msg);
	}
}

static void get_files(reader *r, platform_result *p)
{
	uint32_t n = get_u32(r);
	if (r->bad || n == 0 || n >= MAX_ITEMS)
		return;
	p->files = xcalloc(n, sizeof *p->files);
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		p->files[i].path = get_str(r);
		get_hex(r, p->files[i].sha256, sizeof p->files[i].sha256);
		p->n_files = i + 1;
	}
}

/* A digest is taken only as 64 lowercase hex digits for an id of at most
 * 32 bytes: a worker is not trusted with what later workers will rely on. */
static void get_learned(reader *r, platform_result *p)
{
	uint32_t n = get_u32(r);
	if (r->bad || n == 0)
		return;
	if (n >= MAX_ITEMS) {
		r->bad = 1;
		return;
	}
	p->learned = xcalloc(n, sizeof *p->learned);
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		learned_digest *d = &p->learned[i];
		uint32_t oid_len = get_u32(r);
		if (r->bad || oid_len == 0 || oid_len > sizeof d->oid || oid_len > r->left) {
			r->bad = 1;
			return;
		}
		memcpy(d->oid, r->p, oid_len);
		r->p += oid_len, r->left -= oid_len;
		d->oid_len = oid_len;
		get_hex(r, d->sha256, sizeof d->sha256);
		if (scalar_sha256(d->sha256) < 0) {
			r->bad = 1;
			return;
		}
		p->n_learned = i + 1;
	}
}

/* A lapse is taken only with a real date: reporters print it and attest
 * signs it. Sorted again on arrival, as the worker is not trusted to. */
static void get_lapses(reader *r, platform_result *p)
{
	uint32_t n = get_u32(r);
	if (!r->bad && n >= MAX_ITEMS)
		r->bad = 1;
	for (uint32_t i = 0; i < n && !r->bad; i++) {
		char *rule = get_str(r), *file = get_str(r);
		unsigned line = get_u32(r);
		ppreg_date d;
		d.year = (int)get_u32(r), d.month = (int)get_u32(r), d.day = (int)get_u32(r);
		if (!r->bad && (!date_valid(d) || !*rule || !*file))
			r->bad = 1;
		if (!r->bad)
			platform_result_add_lapse(p, rule, file, line, d);
		free(rule), free(file);
	}
	platform_result_sort_lapses(p);
}

static void get_attachment(reader *r, platform_result *p)
{
	uint32_t n = get_u32(r);
	if (r->bad || !n)
		return;
	if (n > WIRE_MAX_ATTACHMENT || n > r->left) {
		r->bad = 1;
		return;
	}
	p->attachment = xmalloc(n);
	memcpy(p->attachment, r->p, n);
	p->attachment_len = n;
	r->p += n, r->left -= n;
}

int wire_take_result(wire_buf *b, unsigned *index, int *rc, char **error, platform_result *p)
{
	uint32_t len;
	size_t have = b->n - b->off;
	if (have < sizeof len)
		return 0;
	memcpy(&len, b->v + b->off, sizeof len);
	if (len > MAX_RECORD)
		return -1;
	if (have - sizeof len < len)
		return 0;
	reader r = {b->v + b->off + sizeof len, len, 0};
	*index = get_u32(&r);
	*rc = get_u32(&r) ? -1 : 0;
	*error = get_str(&r);
	p->verdict = (verdict)get_u32(&r);
	get_hex(&r, p->tree_id, sizeof p->tree_id);
	get_findings(&r, &p->findings);
	get_files(&r, p);
	get_learned(&r, p);
	get_lapses(&r, p);
	p->withheld = get_str(&r);
	if (p->withheld && !*p->withheld) {
		free(p->withheld);
		p->withheld = NULL;
	}
	get_attachment(&r, p);
	consumed(b, sizeof len + len);
	return r.bad || r.left ? -1 : 1;
}

int wire_flush(int fd, wire_buf *b)
{
	const unsigned char *c = b->v + b->off;
	size_t n = b->n - b->off;
	while (n) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w, n -= (size_t)w;
	}
	b->n = b->off = 0;
	return 0;
}

int wire_fill(int fd, wire_buf *b)
{
	if (b->off && b->off == b->n)
		b->off = b->n = 0;
	else if (b->off > b->cap / 2) { /* move the unread tail to the front */
		memmove(b->v, b->v + b->off, b->n - b->off);
		b->n -= b->off;
		b->off = 0;
	}
	reserve(b, READ_CHUNK);
	for (;;) {
		ssize_t got = read(fd, b->v + b->n, b->cap - b->n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		b->n += (size_t)got;
		return got > 0;
	}
}
