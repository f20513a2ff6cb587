/*
 * yaml/comments.c - the comments of a YAML file, read beside libyaml's
 * events (comments.h).
 *
 * libyaml's marks count characters, not bytes, so the scan keeps both. A
 * '#' in a gap between two events' spans can only be a comment: libyaml
 * skipped it as one. Inside a span, three places may hold a comment that
 * libyaml ate: between a node's properties and its value ("&x # note"),
 * after a block scalar's indicator ("| # note"), and among the directives
 * before "---". Everything else a span covers is content, where a '#' is
 * text ("see # 3", https://x.fr/p#a, a block scalar's lines).
 */
#include "yaml/comments.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

void comments_init(yaml_comments *cs, const unsigned char *data, size_t len)
{
	memset(cs, 0, sizeof *cs);
	cs->data = data;
	cs->len = len;
}

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

/* Between two spans: every '#' starts a comment. */
static void read_gap(yaml_comments *cs, size_t to)
{
	while (before(cs, to)) {
		if (cs->data[cs->byte] == '#')
			keep_comment(cs, to);
		else
			step(cs);
	}
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

/* The rest of a span, where a '#' is content; the line and column are
 * then the event's end mark's. */
static void skip_to(yaml_comments *cs, const yaml_mark_t *end)
{
	while (before(cs, end->index)) {
		cs->byte += char_len(cs->data[cs->byte]);
		cs->chr++;
	}
	cs->line = end->line;
	cs->column = end->column;
}

void comments_on_event(yaml_comments *cs, const yaml_event_t *ev)
{
	size_t start = ev->start_mark.index, end = ev->end_mark.index;
	read_gap(cs, start);
	if (cs->chr != start || end <= start)
		return; /* an event within a span already read, or an empty one */
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
	skip_to(cs, &ev->end_mark);
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
	memset(cs, 0, sizeof *cs);
}
