/*
 * text.h - pure text helpers the charter and training plugins share (the
 * static library plugin_text, plugins/lib): no plugin API, no policy,
 * unit-tested on their own. One library, so that both plugins judge
 * personal data and words alike.
 */
#ifndef PPREG_PLUGIN_TEXT_H
#define PPREG_PLUGIN_TEXT_H

#include <stddef.h>
#include <string.h>

/* What a text holds that identifies a person in a public registry: "an
 * e-mail address", "a phone number", or NULL (also for NULL). */
const char *text_contact_kind(const char *text);

/* Whether a declared value may be repeated in a message: an id slug of the
 * format (1 to 63 of a-z, 0-9 and '-', not starting with '-') that holds no
 * contact detail. Anything else may be personal data and is pointed at by
 * its line and column instead. */
int text_echo_safe(const char *text);

/* `s` folded for comparison: ASCII letters in lower case, the Latin-1
 * letters (U+00C0-U+00FF) in lower case without accent ("PRÉNOM" ->
 * "prenom", "ß" -> "ss"), every other byte unchanged. Writes it to `out`,
 * NUL-terminated, and returns its length, or `size` when it does not fit
 * (out then holds a truncated prefix). */
size_t text_fold(const char *s, char *out, size_t size);

/* Whether a and b are the same text: the first byte is compared without a
 * call, which settles most comparisons of keys and ids (every key of two
 * files passes through one). */
static inline int text_same(const char *a, const char *b)
{
	return a[0] == b[0] && !strcmp(a, b);
}

/* strcmp() of the folded forms of a and b, without copying them. */
int text_fold_cmp(const char *a, const char *b);

/* Whether a mapping key names a person ("name", "phone_number", "Nom de
 * famille", "PRÉNOM", ...): it is compared folded, with '-' and ' ' read as
 * '_', against text_identity_keys (sorted, normalised). */
int text_is_identity_key(const char *key);
extern const char *const text_identity_keys[];
extern const size_t text_identity_key_count;

#endif /* PPREG_PLUGIN_TEXT_H */
