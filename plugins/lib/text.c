/*
 * text.c - the plugins' shared pure text helpers (text.h): what in a text
 * identifies a person (e-mail addresses, phone numbers), which declared
 * values are safe to repeat in a message, and the folded form of a word
 * for comparisons. The charter and training plugins both link it, so that
 * they draw the line around personal data in the same place.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* as in ppreg/plugin.h, which this library does not include: marks a
 * message for xgettext, translated by the plugin that prints it */
#ifndef PPREG_N_
#define PPREG_N_(s) (s)
#endif

static int is_digit(unsigned char ch)
{
	return ch >= '0' && ch <= '9';
}

static int is_alpha(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static int is_alnum(unsigned char ch)
{
	return is_digit(ch) || is_alpha(ch);
}

/* ---- e-mail addresses ---- */

static int is_local_char(unsigned char ch)
{
	return is_alnum(ch) || ch >= 0x80 || (ch && strchr("._%+-'", ch));
}

static int is_label_char(unsigned char ch)
{
	return is_alnum(ch) || ch == '-' || ch >= 0x80;
}

static int starts_with_nocase(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		unsigned char a = (unsigned char)*s, b = (unsigned char)*prefix;
		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a + 32);
		if (a != b)
			return 0;
	}
	return 1;
}

/* The length of a separator at s written one of `forms` ways, with up to
 * two spaces around; forms starting with a space are words that need a
 * space on each side ("jean arobase exemple point fr"). 0 when none. */
static size_t spelled_sign(const char *s, const char *const *forms)
{
	size_t lead = 0;
	while (lead < 2 && s[lead] == ' ')
		lead++;
	for (const char *const *f = forms; *f; f++) {
		int word = **f == ' ';
		const char *form = *f + word;
		size_t n = strlen(form), trail = 0;
		if ((word && !lead) || !starts_with_nocase(s + lead, form))
			continue;
		while (trail < 2 && s[lead + n + trail] == ' ')
			trail++;
		if (word && !trail)
			continue;
		return lead + n + trail;
	}
	return 0;
}

static size_t at_sign(const char *s)
{
	static const char *const forms[] = {"@", "\xef\xbc\xa0", "[at]", "(at)", "{at}", "<at>",
	                                    "[@]", "(@)", " arobase", NULL};
	return spelled_sign(s, forms);
}

static size_t dot_sign(const char *s)
{
	static const char *const forms[] = {".", "[dot]", "(dot)", "{dot}", "[.]", "(.)",
	                                    " point", " dot", NULL};
	return *s == '.' ? 1 : spelled_sign(s, forms);
}

/* A domain name at d: two labels or more, the last of two characters or
 * more starting with a letter ("exemple.fr", "chu-exemple.fr"). */
static int domain_at(const char *d)
{
	const char *p = d;
	size_t labels = 0, last_len = 0;
	unsigned char last_first = 0;
	for (;;) {
		size_t n = 0;
		while (is_label_char((unsigned char)p[n]))
			n++;
		if (n == 0)
			break;
		labels++, last_len = n, last_first = (unsigned char)p[0];
		p += n;
		size_t dot = dot_sign(p);
		if (!dot || !is_label_char((unsigned char)p[dot]) || labels > 127)
			break;
		p += dot;
	}
	return labels >= 2 && last_len >= 2 && is_alpha(last_first);
}

static int has_email(const char *s)
{
	for (size_t i = 0; s[i] && s[i + 1]; i++) {
		size_t at;
		if (is_local_char((unsigned char)s[i]) && (at = at_sign(s + i + 1)) != 0 && domain_at(s + i + 1 + at))
			return 1;
	}
	return 0;
}

/* ---- phone numbers ---- */

/* Bytes of a separator inside a phone number at p: space, dot, hyphen,
 * parentheses ("+33 (0)6"), no-break and narrow no-break spaces. Not "/",
 * so that a date "06/12/2025" is not read as a number. */
static size_t phone_separator(const unsigned char *p)
{
	if (*p && strchr(" .-()", *p))
		return 1;
	if (p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xaf || p[2] == 0x89))
		return 3;
	return 0;
}

/* Is there a phone number starting at p (a '+' or a digit not preceded by a
 * letter or digit)? +CC and 8 to 15 digits (E.164); 00 + CC and 10 to 17
 * digits; or a French national number: 0, a non-zero digit, 10 digits in
 * all. The digits must not run into a word ("0612345678ab" is an id). */
static int phone_at(const unsigned char *p)
{
	char digits[18];
	size_t n = 0, seps = 0;
	int plus = *p == '+';
	if (plus)
		p++;
	const unsigned char *end = p;
	if (!is_digit(*p))
		return 0;
	for (;;) {
		size_t sep;
		if (is_digit(*p)) {
			if (n == 17)
				return 0;
			digits[n++] = (char)*p++;
			end = p, seps = 0;
		} else if ((sep = phone_separator(p)) != 0 && ++seps <= 3) {
			p += sep;
		} else {
			break;
		}
	}
	if (is_alnum(*end))
		return 0;
	if (plus)
		return n >= 8 && n <= 15;
	if (n >= 2 && digits[0] == '0' && digits[1] == '0')
		return n >= 10;
	return n == 10 && digits[0] == '0';
}

static int has_phone(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; u[i]; i++)
		if ((u[i] == '+' || is_digit(u[i])) && (i == 0 || !is_alnum(u[i - 1])) && phone_at(u + i))
			return 1;
	return 0;
}

/* ---- both ---- */

/* The bytes without which a text holds no contact detail: every form of
 * at_sign() holds one of "@[({<" or the first byte of U+FF20, or the word
 * "arobase"; a phone number starts with '+' or a digit. */
enum { CUE_EMAIL = 1, CUE_PHONE = 2, CUE_A = 4 };
static const unsigned char cues[256] = {
	['@'] = CUE_EMAIL, ['['] = CUE_EMAIL, ['('] = CUE_EMAIL, ['{'] = CUE_EMAIL, ['<'] = CUE_EMAIL,
	[0xef] = CUE_EMAIL, ['a'] = CUE_A, ['A'] = CUE_A, ['+'] = CUE_PHONE,
	['0'] = CUE_PHONE, ['1'] = CUE_PHONE, ['2'] = CUE_PHONE, ['3'] = CUE_PHONE, ['4'] = CUE_PHONE,
	['5'] = CUE_PHONE, ['6'] = CUE_PHONE, ['7'] = CUE_PHONE, ['8'] = CUE_PHONE, ['9'] = CUE_PHONE,
};

/* Which of the two searches a text needs, found in one pass: every scalar
 * and key of two files passes here (the benchmark's largest plugin cost),
 * and most hold no cue of either. */
static unsigned contact_cues(const char *s)
{
	unsigned found = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned cue = cues[*p];
		if (cue == CUE_A)
			cue = starts_with_nocase((const char *)p, "arobase") ? CUE_EMAIL : 0;
		found |= cue;
	}
	return found;
}

const char *text_contact_kind(const char *text)
{
	if (!text)
		return NULL;
	unsigned found = contact_cues(text);
	if ((found & CUE_EMAIL) && has_email(text))
		return PPREG_N_("an e-mail address");
	if ((found & CUE_PHONE) && has_phone(text))
		return PPREG_N_("a phone number");
	return NULL;
}

/* ---- values fit to repeat ---- */

int text_echo_safe(const char *text)
{
	size_t n = text ? strspn(text, "abcdefghijklmnopqrstuvwxyz0123456789-") : 0;
	return n >= 1 && n <= 63 && text[n] == '\0' && text[0] != '-' && !text_contact_kind(text);
}

/* ---- folding ---- */

/* The Latin-1 letters U+00C0-U+00FF (UTF-8 0xC3 0x80-0xBF) in lower case
 * without their accent; NULL for the block's two signs (multiplication and
 * division), which are no letters and stay as they are. */
static const char *const latin1_folds[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Walks a text byte by byte of its folded form: `pending` holds the rest of
 * a letter folded into two bytes ("ae"). */
typedef struct {
	const unsigned char *s;
	const char *pending;
} fold_iter;

static unsigned char fold_next(fold_iter *it)
{
	if (it->pending && *it->pending)
		return (unsigned char)*it->pending++;
	const unsigned char *s = it->s;
	if (!*s)
		return 0;
	if (s[0] == 0xc3 && s[1] >= 0x80 && s[1] <= 0xbf && latin1_folds[s[1] - 0x80]) {
		it->pending = latin1_folds[s[1] - 0x80];
		it->s += 2;
		return (unsigned char)*it->pending++;
	}
	it->s++;
	return *s >= 'A' && *s <= 'Z' ? (unsigned char)(*s - 'A' + 'a') : *s;
}

size_t text_fold(const char *s, char *out, size_t size)
{
	fold_iter it = {(const unsigned char *)s, NULL};
	size_t n = 0;
	unsigned char ch;
	if (size == 0)
		return 0;
	while ((ch = fold_next(&it)) != 0) {
		if (n + 1 >= size) {
			out[n] = '\0';
			return size;
		}
		out[n++] = (char)ch;
	}
	out[n] = '\0';
	return n;
}

int text_fold_cmp(const char *a, const char *b)
{
	fold_iter x = {(const unsigned char *)a, NULL}, y = {(const unsigned char *)b, NULL};
	for (;;) {
		unsigned char p = fold_next(&x), q = fold_next(&y);
		if (p != q || !p)
			return (p > q) - (p < q);
	}
}

/* ---- identity keys ---- */

/* The keys that name a person: names, e-mail, phone, postal address, birth
 * date and social security number, in English and French, in normalised
 * form and in strcmp() order, for the binary search below (every key of
 * every commitment and certification is looked up; contacts_test.c checks
 * the order and looks up each one). */
const char *const text_identity_keys[] = {
	"address", "adresse", "adresse_electronique", "adresse_email", "adresse_mail", "adresse_postale",
	"birth_date", "birth_name", "birthdate", "birthday", "birthname", "cell_phone", "cellphone",
	"courriel", "date_de_naissance", "date_naissance", "date_of_birth", "dob", "e_mail",
	"e_mail_address", "email", "email_address", "emails", "family_name", "familyname", "first_name",
	"firstname", "full_name", "fullname", "given_name", "givenname", "home_address", "last_name",
	"lastname", "maiden_name", "mail", "mobile", "mobile_number", "mobile_phone", "name", "names",
	"nir", "nom", "nom_complet", "nom_de_famille", "nom_de_naissance", "noms",
	"numero_de_securite_sociale", "numero_de_telephone", "phone", "phone_number", "phones",
	"portable", "postal_address", "prenom", "prenoms", "social_security_number", "ssn",
	"street_address", "surname", "tel", "telephone", "telephone_number"
};
const size_t text_identity_key_count = sizeof text_identity_keys / sizeof *text_identity_keys;

/* strcmp() order, the first byte compared without a call: most steps of
 * the search end there. */
static int key_order(const void *key, const void *entry)
{
	const char *a = key, *b = *(const char *const *)entry;
	if (a[0] != b[0])
		return (unsigned char)a[0] < (unsigned char)b[0] ? -1 : 1;
	return strcmp(a, b);
}

int text_is_identity_key(const char *key)
{
	/* Folded (case and Latin-1 accents), '-' and ' ' read as '_', so that
	 * "Phone Number", "family-name" and "PRÉNOM" are phone_number,
	 * family_name and prenom. Longer than any key of the list: not one.
	 * A key of lower-case letters and '_' only, as the format's keys are,
	 * is its own folded form and is looked up as it is. */
	char norm[40];
	const char *word = key;
	size_t n = 0;
	if (!key)
		return 0;
	while (n < sizeof norm && ((key[n] >= 'a' && key[n] <= 'z') || key[n] == '_'))
		n++;
	if (n == sizeof norm)
		return 0;
	if (key[n] != '\0') {
		if (text_fold(key, norm, sizeof norm) >= sizeof norm)
			return 0;
		for (char *p = norm; *p; p++)
			if (*p == '-' || *p == ' ')
				*p = '_';
		word = norm;
	}
	return bsearch(word, text_identity_keys, text_identity_key_count, sizeof *text_identity_keys,
	               key_order) != NULL;
}
