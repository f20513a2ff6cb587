/*
 * judge_wire.c - serialising platform results between processes.
 */
#include "judge_wire.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_FIELD ((uint32_t)16 << 20)
#define MAX_ITEMS ((uint32_t)1 << 20)

typedef struct { unsigned char *v; size_t n, cap; } buf;

static void put(buf *b, const void *p, size_t n)
{
	if (b->n + n > b->cap) {
		b->cap = (b->n + n) * 2;
		b->v = xrealloc(b->v, b->cap);
	}
	memcpy(b->v + b->n, p, n);
	b->n += n;
}

static void put_u32(buf *b, uint32_t x) { put(b, &x, sizeof x); }

static void put_str(buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	put_u32(b, (uint32_t)n);
	put(b, s, n);
}

int write_full(int fd, const void *p, size_t n)
{
	const unsigned char *c = p;
	while (n) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w, n -= (size_t)w;
	}
	return 0;
}

int read_full(int fd, void *p, size_t n)
{
	unsigned char *c = p;
	while (n) {
		ssize_t r = read(fd, c, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c += r, n -= (size_t)r;
	}
	return 0;
}

int wire_send_result(int fd, unsigned index, int rc, const char *error, const platform_result *p)
{
	buf b = {0};
	put_u32(&b, index);
	put_u32(&b, (uint32_t)(rc < 0));
	put_str(&b, rc < 0 ? error : "");
	put_u32(&b, (uint32_t)p->verdict);
	put_str(&b, p->tree_id);
	put_u32(&b, (uint32_t)p->findings.n);
	for (size_t i = 0; i < p->findings.n; i++) {
		const finding *f = &p->findings.v[i];
		put_str(&b, f->rule);
		put_u32(&b, (uint32_t)f->severity);
		put_str(&b, f->file);
		put_u32(&b, f->line);
		put_u32(&b, f->column);
		put_str(&b, f->message);
	}
	put_u32(&b, (uint32_t)p->n_files);
	for (size_t i = 0; i < p->n_files; i++) {
		put_str(&b, p->files[i].path);
		put_str(&b, p->files[i].sha256);
	}
	uint32_t total = (uint32_t)b.n;
	int res = write_full(fd, &total, sizeof total) < 0 || write_full(fd, b.v, b.n) < 0 ? -1 : 0;
	free(b.v);
	return res;
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

int wire_recv_result(int fd, unsigned *index, int *rc, char **error, platform_result *p)
{
	uint32_t total;
	if (read_full(fd, &total, sizeof total) < 0 || total > MAX_FIELD * 4)
		return -1;
	unsigned char *data = xmalloc(total ? total : 1);
	if (read_full(fd, data, total) < 0) {
		free(data);
		return -1;
	}
	reader r = {data, total, 0};
	*index = get_u32(&r);
	*rc = get_u32(&r) ? -1 : 0;
	*error = get_str(&r);
	p->verdict = (verdict)get_u32(&r);
	get_hex(&r, p->tree_id, sizeof p->tree_id);
	uint32_t nf = get_u32(&r);
	for (uint32_t i = 0; i < nf && !r.bad && i < MAX_ITEMS; i++) {
		char *rule = get_str(&r);
		int sev = (int)get_u32(&r);
		char *file = get_str(&r);
		unsigned line = get_u32(&r), col = get_u32(&r);
		char *msg = get_str(&r);
		findings_addv(&p->findings, rule, sev, file, line, col, msg);
		free(rule), free(file), free(msg);
	}
	uint32_t nfiles = get_u32(&r);
	if (!r.bad && nfiles < MAX_ITEMS && nfiles) {
		p->files = xcalloc(nfiles, sizeof *p->files);
		for (uint32_t i = 0; i < nfiles && !r.bad; i++) {
			p->files[i].path = get_str(&r);
			get_hex(&r, p->files[i].sha256, sizeof p->files[i].sha256);
			p->n_files = i + 1;
		}
	}
	free(data);
	return r.bad ? -1 : 0;
}
