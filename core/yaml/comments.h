/*
 * yaml/comments.h - the comments of a YAML file, as libyaml reads them.
 *
 * libyaml drops comments, but a registry publishes its files as written, so
 * a plugin may judge them (the charter plugin looks for contact details).
 * Rather than a second YAML lexer guessing where quoted and block scalars
 * hide a '#', the loader hands every event to comments_on_event(): a
 * comment is what lies in the gaps the events' spans leave (libyaml skips
 * a '#' there to the end of its line), plus what libyaml eats inside a
 * span (the header line of a block scalar, directive lines).
 */
#ifndef PPREG_COMMENTS_H
#define PPREG_COMMENTS_H

#include <stddef.h>
#include <yaml.h>

typedef struct {
	unsigned line, column; /* of the '#', 1-based; the column in characters */
	size_t text;           /* offset of its text in yaml_comments.text */
} yaml_comment;

typedef struct {
	size_t byte, chr, line, column;
} yaml_hash;

typedef struct {
	yaml_comment *v;
	size_t n, cap;
	char *text;            /* every comment's text, after its '#', NUL-terminated */
	size_t text_len, text_cap;
	/* Where the scan is: the byte and the character (libyaml's marks
	 * count characters) up to which the input has been read, and the
	 * 0-based line and column there. */
	const unsigned char *data;
	size_t len, byte, chr, line, column;
	/* Every '#' of the input, where it is; the next one to judge. */
	yaml_hash *hashes;
	size_t n_hashes, cap_hashes, next;
	size_t span_end;       /* the end of the last span read: a '#' before it is read */
} yaml_comments;

/* Starts a scan of `data` (the bytes libyaml parses, after any BOM). */
void comments_init(yaml_comments *cs, const unsigned char *data, size_t len);
/* Reads the input up to the end of `ev`, keeping the comments found. */
void comments_on_event(yaml_comments *cs, const yaml_event_t *ev);
/* The i-th comment's text, NULL past the last; line and column may be NULL. */
const char *comments_get(const yaml_comments *cs, size_t i, unsigned *line, unsigned *column);
void comments_free(yaml_comments *cs);

#endif
