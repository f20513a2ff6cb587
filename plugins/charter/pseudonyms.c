/*
 * pseudonyms.c - charter.pseudonymous: a public registry names patient
 * partners only by pseudonyms. Four checks, over charter.yaml and
 * training.yaml:
 *   - every `partner` of a commitment or certification matches the policy's
 *     pattern (POSIX extended regular expression);
 *   - no commitment or certification carries an identity key ("name",
 *     "phone_number", "PRÉNOM", ...) at any depth, even one the format does
 *     not define;
 *   - no scalar, key or value, anywhere in the two files holds an e-mail
 *     address or a phone number (plugins/lib/text.c: French and
 *     international formats);
 *   - nor does any YAML comment: libyaml drops comments, but the registry
 *     publishes the files as they are written.
 * Names written in free text cannot be told from other words and are not
 * searched for; the pattern keeps them out of the partner fields.
 *
 * Findings never repeat the offending text: the line and column point at
 * it, and reports and CI logs should not spread personal data further.
 */
#include "charter.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deeper than any policy's max_depth in practice; beyond it, the content
 * is reported as not searched rather than assumed clean. */
#define MAX_SCAN_DEPTH 1024

/* ---- partner ids ---- */

int charter_is_pseudonym(const charter_policy *pol, const char *id)
{
	size_t len = strlen(id);
	if (len == 0 || len >= sizeof pol->memo->id)
		return regexec(&pol->pseudonym, id, 0, NULL, 0) == 0;
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)id[i]) * 16777619u;
	charter_memo_slot *slot = &pol->memo[h % CHARTER_MEMO_SLOTS];
	if (!memcmp(slot->id, id, len + 1))
		return slot->match;
	slot->match = regexec(&pol->pseudonym, id, 0, NULL, 0) == 0;
	memcpy(slot->id, id, len + 1);
	return slot->match;
}

const char *charter_partner_label(const ppreg_check *c, const charter_policy *pol, const ppreg_node *partner)
{
	const char *id = ppreg_text(c, partner);
	if (id && charter_is_pseudonym(pol, id) && !text_contact_kind(id))
		return id;
	return "this partner";
}

static void check_partner(ppreg_check *c, const charter_policy *pol, const ppreg_node *pn)
{
	const char *id = ppreg_text(c, pn);
	if (!id)
		return; /* absent or not text: the core reported it */
	const char *contact = text_contact_kind(id);
	int pseudonym = charter_is_pseudonym(pol, id);
	if (!pseudonym && contact)
		ppreg_reportf(c, "charter.pseudonymous", pn, "the partner is named by %s; a public registry names partners only by "
		              "pseudonyms matching %s", contact, pol->pattern);
	else if (!pseudonym)
		ppreg_reportf(c, "charter.pseudonymous", pn, "the partner id is not a pseudonym matching %s: a public registry "
		              "holds no name of a partner", pol->pattern);
	else if (contact)
		ppreg_reportf(c, "charter.pseudonymous", pn, "the partner id holds %s", contact);
}

/* ---- scalars and keys ---- */

/* Every scalar below n, keys included. `list` is the commitments or
 * certifications list. Anywhere inside one of its items, an identity key is
 * a finding and its value is not searched again; the item's own `partner`
 * was judged by check_partner and is skipped: each value has one finding. */
static void scan(ppreg_check *c, const ppreg_node *n, const ppreg_node *list, int in_item, unsigned depth)
{
	const ppreg_api *api = c->api;
	ppreg_node_kind kind = api->kind(n);
	const char *what;
	if (kind == PPREG_NODE_SCALAR) {
		if ((what = text_contact_kind(ppreg_text(c, n))) != NULL)
			ppreg_reportf(c, "charter.pseudonymous", n, "%s in a public registry: partners appear under pseudonyms only", what);
		return;
	}
	if (kind != PPREG_NODE_LIST && kind != PPREG_NODE_MAP)
		return;
	if (depth >= MAX_SCAN_DEPTH) {
		ppreg_reportf(c, "charter.pseudonymous", n, "nested too deep to be searched for names, e-mail addresses and phone numbers");
		return;
	}
	for (size_t i = 0; i < api->count(n); i++) {
		const ppreg_node *value = api->item(n, i);
		const char *key = kind == PPREG_NODE_MAP ? api->key(n, i) : NULL;
		if (key && (what = text_contact_kind(key)) != NULL)
			ppreg_reportf(c, "charter.pseudonymous", value, "a key holds %s: partners appear under pseudonyms only", what);
		if (key && in_item && text_is_identity_key(key)) {
			/* the key folds to a word of the list: safe to repeat */
			ppreg_reportf(c, "charter.pseudonymous", value, "a '%s' field identifies the partner: a public registry holds "
			              "pseudonyms only", key);
			continue;
		}
		if (key && in_item == 1 && text_same(key, "partner"))
			continue; /* the item's partner: judged by check_partner */
		/* in_item: 1 for the keys of an item itself, 2 below them */
		scan(c, value, list, n == list ? 1 : in_item ? 2 : 0, depth + 1);
	}
}

void charter_check_pseudonyms(ppreg_check *c, const charter_policy *pol, const ppreg_node *root,
                              const char *list_key)
{
	const ppreg_api *api = c->api;
	const ppreg_node *list = api->get(root, list_key);
	if (api->kind(list) == PPREG_NODE_LIST)
		for (size_t i = 0; i < api->count(list); i++)
			check_partner(c, pol, api->get(api->item(list, i), "partner"));
	scan(c, root, api->kind(list) == PPREG_NODE_LIST ? list : NULL, 0, 0);
}

/* ---- comments ---- */

/* Where the comment finder is between lines: inside a quoted scalar that
 * goes on (quote is its quote), or after a block scalar indicator
 * (block_parent is the indentation its text exceeds, else -1; block_text
 * that of its first line of text, as YAML detects it, else -1). */
typedef struct {
	char quote;
	long block_parent, block_text;
} line_state;

/* A quote opens a quoted scalar only where a scalar starts: at the start of
 * the line, or after a space or a flow indicator, with only an indicator
 * (':', '-', '?', '[', '{', ',') or nothing before it on the line. A quote
 * inside a plain scalar ("l'école") opens nothing. */
static int opens_scalar(const char *line, size_t at, size_t indent)
{
	size_t j = at;
	if (at > indent && !strchr(" \t[{,", line[at - 1]))
		return 0;
	while (j > indent && (line[j - 1] == ' ' || line[j - 1] == '\t'))
		j--;
	return j == indent || strchr(":-?[{,", line[j - 1]) != NULL;
}

/* Whether the line's content [0, end) ends with a block scalar indicator
 * ("|", ">-", "|2+"): its next, more indented lines are text, not YAML. */
static int ends_with_block_indicator(const char *line, size_t end)
{
	while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r'))
		end--;
	size_t j = end;
	while (j > 0 && (line[j - 1] == '+' || line[j - 1] == '-' || (line[j - 1] >= '0' && line[j - 1] <= '9')))
		j--;
	return j > 0 && (line[j - 1] == '|' || line[j - 1] == '>') && (j == 1 || line[j - 2] == ' ');
}

/* The indentation a block scalar's lines exceed: that of the key it is the
 * value of, past any "- " of the line ("- key: |" -> the column of key). */
static long block_parent_indent(const char *line, size_t indent, size_t end)
{
	size_t pos = indent;
	while (pos + 1 < end && line[pos] == '-' && line[pos + 1] == ' ') {
		size_t next = pos + 2;
		while (next < end && line[next] == ' ')
			next++;
		if (next < end && (line[next] == '|' || line[next] == '>'))
			break; /* the block scalar is the item itself */
		pos = next;
	}
	return (long)pos;
}

/* The 1-based column of byte `at` of a line, in characters as libyaml
 * counts them (UTF-8 continuation bytes are not characters). */
static unsigned column_of(const char *line, size_t at)
{
	unsigned col = 1;
	for (size_t i = 0; i < at; i++)
		col += ((unsigned char)line[i] & 0xc0) != 0x80;
	return col;
}

/* The comment of a line starting at byte `at` ('#'), searched with the
 * same detector as the scalars; never echoed. `buf` holds the line. */
static void check_comment(ppreg_check *c, const char *file, unsigned line_no, const char *line, size_t at,
                          size_t end, char *buf)
{
	memcpy(buf, line + at + 1, end - at - 1);
	buf[end - at - 1] = '\0';
	const char *what = text_contact_kind(buf);
	if (what) {
		char msg[200];
		snprintf(msg, sizeof msg, "a comment holds %s: the public registry publishes comments too; "
		         "partners appear under pseudonyms only", what);
		c->api->report_at(c, "charter.pseudonymous", PPREG_SEV_DEFAULT, file, line_no, column_of(line, at), msg);
	}
}

/* Whether one of the eight bytes of w is b. */
static int word_has(uint64_t w, unsigned char b)
{
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t x = w ^ (ones * b);
	return ((x - ones) & ~x & (ones << 7)) != 0;
}

/* The first '#', '"' or '\'' of line[from, end), or end: outside quotes
 * nothing else matters, and most of a file is such bytes, read here eight
 * at a time. */
static size_t next_mark(const char *line, size_t from, size_t end)
{
	size_t i = from;
	for (; end - i >= 8; i += 8) {
		uint64_t w;
		memcpy(&w, line + i, 8);
		if (word_has(w, '#') || word_has(w, '"') || word_has(w, '\''))
			break;
	}
	while (i < end && line[i] != '#' && line[i] != '"' && line[i] != '\'')
		i++;
	return i;
}

/* Finds the comment of one line [line, line + end), if any, and updates the
 * state for the next line. A '#' starts a comment at the start of the line
 * (after spaces) or after a space or tab, outside quoted scalars and block
 * scalar text. */
static void scan_line(ppreg_check *c, const char *file, unsigned line_no, const char *line, size_t end,
                      line_state *st, char *buf)
{
	size_t indent = 0, i, content_end = end;
	while (indent < end && line[indent] == ' ')
		indent++;
	if (st->block_parent >= 0) {
		if (indent == end || line[indent] == '\r')
			return; /* a blank line belongs to the block scalar */
		if (st->block_text < 0 && (long)indent > st->block_parent)
			st->block_text = (long)indent;
		if (st->block_text >= 0 && (long)indent >= st->block_text)
			return; /* a line of the block scalar's text */
		st->block_parent = st->block_text = -1; /* the block ended before this line */
	}
	for (i = 0; i < end; i++) {
		if (!st->quote && (i = next_mark(line, i, end)) == end)
			break;
		char ch = line[i];
		if (st->quote == '"') {
			if (ch == '\\')
				i++;
			else if (ch == '"')
				st->quote = 0;
		} else if (st->quote == '\'') {
			if (ch == '\'' && i + 1 < end && line[i + 1] == '\'')
				i++; /* '' is a quote inside the scalar */
			else if (ch == '\'')
				st->quote = 0;
		} else if (ch == '#' && (i == indent || line[i - 1] == ' ' || line[i - 1] == '\t')) {
			check_comment(c, file, line_no, line, i, end, buf);
			content_end = i;
			break;
		} else if ((ch == '"' || ch == '\'') && opens_scalar(line, i, indent)) {
			st->quote = ch;
		}
	}
	if (!st->quote && ends_with_block_indicator(line, content_end))
		st->block_parent = block_parent_indent(line, indent, content_end);
}

int charter_check_comments(ppreg_check *c, const char *file)
{
	const ppreg_api *api = c->api;
	const unsigned char *data;
	size_t len;
	if (!PPREG_API_HAS(api, report_at))
		return 0; /* an older core: comments cannot be placed, and are not searched */
	int rc = api->file_read(c, file, &data, &len);
	if (rc == PPREG_ERROR)
		return api->fail(c, "cannot read a declaration file to search its comments");
	if (rc != PPREG_OK)
		return 0; /* not a regular file of the folder: the core reported it */
	char *buf = malloc(len + 1);
	if (!buf)
		return api->fail(c, "out of memory");
	const char *text = (const char *)data, *stop = text + len;
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		text += 3; /* a byte order mark is no character of the first line */
	line_state st = {0, -1, -1};
	for (unsigned line_no = 1; text < stop; line_no++) {
		const char *nl = memchr(text, '\n', (size_t)(stop - text));
		size_t end = nl ? (size_t)(nl - text) : (size_t)(stop - text);
		scan_line(c, file, line_no, text, end, &st, buf);
		text += end + (nl != NULL);
	}
	free(buf);
	return 0;
}
