/*
 * text.h - the charter plugin's pure text helpers (text.c): no plugin API,
 * no policy, unit-tested on their own. The training plugin compiles text.c
 * too, so that both plugins judge personal data and words alike.
 */
#ifndef PPREG_CHARTER_TEXT_H
#define PPREG_CHARTER_TEXT_H

#include <stddef.h>
#include <string.h>

/* What a text holds that identifies a person in a public registry: "an
 * e-mail address", "a phone number", or NULL (also for NULL). */
const char *charter_contact_kind(const char *text);

/* Whether a declared value may be repeated in a message: an id slug of the
 * format (1 to 63 of a-z, 0-9 and '-', not starting with '-') that holds no
 * contact detail. Anything else may be personal data and is pointed at by
 * its line and column instead. */
int charter_echo_safe(const char *text);

/* `s` folded for comparison: ASCII letters in lower case, the Latin-1
 * letters (U+00C0-U+00FF) in lower case without accent ("PRÉNOM" ->
 * "prenom", "ß" -> "ss"), every other byte unchanged. Writes it to `out`,
 * NUL-terminated, and returns its length, or `size` when it does not fit
 * (out then holds a truncated prefix). */
size_t charter_fold(const char *s, char *out, size_t size);

/* Whether a and b are the same text: the first byte is compared without a
 * call, which settles most comparisons of keys and ids (every key of two
 * files passes through one). */
static inline int charter_same_text(const char *a, const char *b)
{
	return a[0] == b[0] && !strcmp(a, b);
}

/* strcmp() of the folded forms of a and b, without copying them. */
int charter_fold_cmp(const char *a, const char *b);

/* Whether a mapping key names a person ("name", "phone_number", "Nom de
 * famille", "PRÉNOM", ...): it is compared folded, with '-' and ' ' read as
 * '_', against charter_identity_keys (sorted, normalised). */
int charter_is_identity_key(const char *key);
extern const char *const charter_identity_keys[];
extern const size_t charter_identity_key_count;

#endif /* PPREG_CHARTER_TEXT_H */
