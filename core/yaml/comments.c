/*
 * yaml/comments.c - the comments of a YAML file, read beside libyaml's
 * events (comments.h).
 *
 * A '#' is rare, so the file is searched for it once (memchr), and only a
 * file that holds one is read further: the byte, character (libyaml's
 * marks count characters), line and column of each '#'. Then each event
 * costs a comparison. A '#' in a gap between two events' spans can only be
 * a comment: libyaml skipped it as one. Inside a span, three places may hold a comment that
 * libyaml ate: between a node's properties and its value ("&x # note"),
 * after a block scalar's indicator ("| # note"), and among the directives
 * before "---". Everything else a span covers is content, where a '#' is
 * text ("see # 3", https://x.fr/p#a, a block scalar's lines).
 */
#include "yaml/comments.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* The bytes of the character that starts with b (the input is valid UTF-8). */
static size_t char_len(unsigned char b)
{
	return b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

/* Whether the character at the cursor ends a line as libyaml reads one:
 * LF, CR, NEL, LS or PS. */
static int at_break(const yaml_comments *cs)
{
	const unsigned char *d = cs->data + cs->byte;
	size_t left = cs->len - cs->byte;
	return d[0] == '\n' || d[0] == '\r' || (left >= 2 && d[0] == 0xc2 && d[1] == 0x85) ||
	       (left >= 3 && d[0] == 0xe2 && d[1] == 0x80 && (d[2] == 0xa8 || d[2] == 0xa9));
}

static int at_blank(const yaml_comments *cs)
{
	return cs->data[cs->byte] == ' ' || cs->data[cs->byte] == '\t' || at_break(cs);
}

/* Whether the cursor is before character `to` and the end of the input. */
static int before(const yaml_comments *cs, size_t to)
{
	return cs->chr < to && cs->byte < cs->len;
}

/* One character forward, with the line and column libyaml would count
 * (CR LF is one line break). */
static void step(yaml_comments *cs)
{
	const unsigned char *d = cs->data + cs->byte;
	int crlf = d[0] == '\r' && cs->byte + 1 < cs->len && d[1] == '\n';
	int brk = !crlf && at_break(cs);
	cs->byte += char_len(d[0]);
	cs->chr++;
	if (brk)
		cs->line++, cs->column = 0;
	else
		cs->column++;
}

/* Keeps the comment whose '#' is at the cursor, to the end of its line. */
static void keep_comment(yaml_comments *cs, size_t to)
{
	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? 2 * cs->cap : 8;
		cs->v = xrealloc(cs->v, cs->cap * sizeof *cs->v);
	}
	yaml_comment *c = &cs->v[cs->n++];
	c->line = (unsigned)cs->line + 1;
	c->column = (unsigned)cs->column + 1;
	c->text = cs->text_len;
	step(cs); /* the '#' */
	size_t from = cs->byte;
	while (before(cs, to) && !at_break(cs))
		step(cs);
	size_t n = cs->byte - from;
	if (cs->text_cap - cs->text_len < n + 1) {
		cs->text_cap = 2 * (cs->text_len + n + 1);
		cs->text = xrealloc(cs->text, cs->text_cap);
	}
	memcpy(cs->text + cs->text_len, cs->data + from, n);
	cs->text[cs->text_len + n] = '\0';
	cs->text_len += n + 1;
}

/* The start of a node's span: its properties (anchor, tag: no blank in
 * them) and the blanks, breaks and comments before its value; then, for a
 * block scalar, its indicator and a comment after it. */
static void read_properties(yaml_comments *cs, size_t to, int block)
{
	while (before(cs, to)) {
		unsigned char b = cs->data[cs->byte];
		if (b == '#') {
			keep_comment(cs, to);
		} else if (b == '&' || b == '!') {
			while (before(cs, to) && !at_blank(cs))
				step(cs);
		} else if (at_blank(cs)) {
			step(cs);
		} else {
			break;
		}
	}
	if (!block)
		return;
	while (before(cs, to) && !at_blank(cs))
		step(cs); /* "|", ">-", "|2+" */
	while (before(cs, to) && at_blank(cs) && !at_break(cs))
		step(cs);
	if (before(cs, to) && cs->data[cs->byte] == '#')
		keep_comment(cs, to);
}

/* The directives before "---": a '#' after a blank or at a line's start. */
static void read_directives(yaml_comments *cs, size_t to)
{
	int after_blank = 1;
	while (before(cs, to)) {
		if (after_blank && cs->data[cs->byte] == '#') {
			keep_comment(cs, to);
			continue;
		}
		after_blank = at_blank(cs);
		step(cs);
	}
}

void comments_init(yaml_comments *cs, const unsigned char *data, size_t len)
{
	memset(cs, 0, sizeof *cs);
	cs->data = data;
	cs->len = len;
	/* chr is the index of the character at `byte`; line_start that of
	 * the first character of the line */
	size_t byte = 0, chr = 0, line = 0, line_start = 0;
	for (const unsigned char *h; (h = memchr(data + byte, '#', len - byte)) != NULL;) {
		for (size_t to = (size_t)(h - data); byte < to; byte++) {
			unsigned char b = data[byte], next = byte + 1 < len ? data[byte + 1] : 0;
			if ((b & 0xc0) == 0x80)
				continue;
			chr++;
			if ((b == '\n') || (b == '\r' && next != '\n') || (b == 0xc2 && next == 0x85) ||
			    (b == 0xe2 && next == 0x80 && byte + 2 < len && (data[byte + 2] == 0xa8 || data[byte + 2] == 0xa9)))
				line++, line_start = chr;
		}
		if (cs->n_hashes == cs->cap_hashes) {
			cs->cap_hashes = cs->cap_hashes ? 2 * cs->cap_hashes : 8;
			cs->hashes = xrealloc(cs->hashes, cs->cap_hashes * sizeof *cs->hashes);
		}
		cs->hashes[cs->n_hashes++] = (yaml_hash){byte, chr, line, chr - line_start};
		byte++, chr++; /* the '#' */
	}
}

/* Whether a '#' was read already, in a comment or a span. */
static int consumed(const yaml_comments *cs, const yaml_hash *h)
{
	return h->byte < cs->byte || h->chr < cs->span_end;
}

/* Puts the cursor on a '#' found by comments_init. */
static void move_to(yaml_comments *cs, const yaml_hash *h)
{
	cs->byte = h->byte, cs->chr = h->chr, cs->line = h->line, cs->column = h->column;
}

/* Reads the part of an event's span that may hold comments, from its
 * start: the cursor is moved back there from the first '#' inside it. */
static void read_span(yaml_comments *cs, const yaml_event_t *ev, const yaml_hash *first)
{
	move_to(cs, first);
	while (cs->chr > ev->start_mark.index) {
		cs->byte--;
		if ((cs->data[cs->byte] & 0xc0) != 0x80)
			cs->chr--;
	}
	cs->line = ev->start_mark.line, cs->column = ev->start_mark.column;
	size_t end = ev->end_mark.index;
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		read_directives(cs, end);
		break;
	case YAML_SCALAR_EVENT:
		read_properties(cs, end, ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
		                         ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		read_properties(cs, end, 0);
		break;
	default:
		break;
	}
}

void comments_on_event(yaml_comments *cs, const yaml_event_t *ev)
{
	size_t start = ev->start_mark.index, end = ev->end_mark.index;
	for (; cs->next < cs->n_hashes && cs->hashes[cs->next].chr < end; cs->next++) {
		const yaml_hash *h = &cs->hashes[cs->next];
		if (consumed(cs, h))
			continue;
		if (h->chr < start) {
			move_to(cs, h);
			keep_comment(cs, start);
		} else {
			read_span(cs, ev, h);
			cs->span_end = end;
		}
	}
}

const char *comments_get(const yaml_comments *cs, size_t i, unsigned *line, unsigned *column)
{
	if (i >= cs->n)
		return NULL;
	if (line)
		*line = cs->v[i].line;
	if (column)
		*column = cs->v[i].column;
	return cs->text + cs->v[i].text;
}

void comments_free(yaml_comments *cs)
{
	free(cs->v);
	free(cs->text);
	free(cs->hashes);
	memset(cs, 0, sizeof *cs);
}
