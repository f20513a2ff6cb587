/*
 * pseudonyms.c - charter.pseudonymous: a public registry names patient
 * partners only by pseudonyms. Three checks, over charter.yaml and
 * training.yaml:
 *   - every `partner` of a commitment or certification matches the policy's
 *     pattern (POSIX extended regular expression);
 *   - no commitment or certification carries an identity key ("name",
 *     "email", "phone", ...), even one the format does not define;
 *   - no scalar, key or value, anywhere in the two files holds an e-mail
 *     address or a phone number (French and international formats).
 * Names written in free text cannot be told from other words and are not
 * searched for; the pattern keeps them out of the partner fields.
 *
 * Findings never repeat the offending text: the line and column point at
 * it, and reports and CI logs should not spread personal data further.
 */
#include "charter.h"

#include <string.h>

/* Deeper than any policy's max_depth in practice; beyond it, the content
 * is reported as not searched rather than assumed clean. */
#define MAX_SCAN_DEPTH 1024

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

/* Whether s holds `word`, in any case. */
static int contains_nocase(const char *s, const char *word)
{
	for (; *s; s++)
		if (starts_with_nocase(s, word))
			return 1;
	return 0;
}

static int has_email(const char *s)
{
	/* Every form of at_sign() holds one of these bytes or the word
	 * "arobase": most scalars hold neither and are passed over by one
	 * strpbrk instead of nine comparisons at each of their bytes (the
	 * benchmark's largest plugin cost). */
	if (!strpbrk(s, "@[({<\xef") && !contains_nocase(s, "arobase"))
		return 0;
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

const char *charter_contact_kind(const char *text)
{
	if (!text)
		return NULL;
	if (has_email(text))
		return "an e-mail address";
	if (has_phone(text))
		return "a phone number";
	return NULL;
}

/* ---- the checks ---- */

const char *charter_partner_label(const ppreg_check *c, const charter_policy *pol, const ppreg_node *partner)
{
	const char *id = ppreg_text(c, partner);
	if (id && regexec(&pol->pseudonym, id, 0, NULL, 0) == 0 && !charter_contact_kind(id))
		return id;
	return "this partner";
}

static void check_partner(ppreg_check *c, const charter_policy *pol, const ppreg_node *pn)
{
	const char *id = ppreg_text(c, pn);
	if (!id)
		return; /* absent or not text: the core reported it */
	const char *contact = charter_contact_kind(id);
	int pseudonym = regexec(&pol->pseudonym, id, 0, NULL, 0) == 0;
	if (!pseudonym && contact)
		ppreg_reportf(c, R_PSEUDO, pn, "the partner is named by %s; a public registry names partners only by "
		              "pseudonyms matching %s", contact, pol->pattern);
	else if (!pseudonym)
		ppreg_reportf(c, R_PSEUDO, pn, "the partner id is not a pseudonym matching %s: a public registry "
		              "holds no name of a partner", pol->pattern);
	else if (contact)
		ppreg_reportf(c, R_PSEUDO, pn, "the partner id holds %s", contact);
}

static int is_identity_key(const char *key)
{
	static const char *const keys[] = {
		"name", "names", "first_name", "firstname", "last_name", "lastname", "full_name", "surname",
		"given_name", "family_name", "nom", "prenom", "pr\xc3\xa9nom", "email", "e-mail", "e_mail", "mail",
		"courriel", "phone", "telephone", "t\xc3\xa9l\xc3\xa9phone", "tel", "mobile", "portable",
		"address", "adresse", NULL};
	for (const char *const *k = keys; *k; k++)
		if (strlen(key) == strlen(*k) && starts_with_nocase(key, *k))
			return 1;
	return 0;
}

/* The partner field and the keys of one commitment or certification. */
static void check_item(ppreg_check *c, const charter_policy *pol, const ppreg_node *item)
{
	const ppreg_api *api = c->api;
	if (api->kind(item) != PPREG_NODE_MAP)
		return;
	check_partner(c, pol, api->get(item, "partner"));
	for (size_t i = 0; i < api->count(item); i++) {
		const char *key = api->key(item, i);
		if (key && is_identity_key(key))
			ppreg_reportf(c, R_PSEUDO, api->item(item, i), "a '%.40s' field identifies the partner: a public "
			              "registry holds pseudonyms only", key);
	}
}

/* Every scalar below n, keys included. `list` is the commitments or
 * certifications list: the `partner` of its items was judged by
 * check_partner and is skipped here, so each value has one finding. */
static void scan(ppreg_check *c, const ppreg_node *n, const ppreg_node *list, int in_item, unsigned depth)
{
	const ppreg_api *api = c->api;
	ppreg_node_kind kind = api->kind(n);
	const char *what;
	if (kind == PPREG_NODE_SCALAR) {
		if ((what = charter_contact_kind(ppreg_text(c, n))) != NULL)
			ppreg_reportf(c, R_PSEUDO, n, "%s in a public registry: partners appear under pseudonyms only", what);
		return;
	}
	if (kind != PPREG_NODE_LIST && kind != PPREG_NODE_MAP)
		return;
	if (depth >= MAX_SCAN_DEPTH) {
		ppreg_reportf(c, R_PSEUDO, n, "nested too deep to be searched for names, e-mail addresses and phone numbers");
		return;
	}
	for (size_t i = 0; i < api->count(n); i++) {
		const ppreg_node *value = api->item(n, i);
		const char *key = kind == PPREG_NODE_MAP ? api->key(n, i) : NULL;
		if (key && (what = charter_contact_kind(key)) != NULL)
			ppreg_reportf(c, R_PSEUDO, value, "a key holds %s: partners appear under pseudonyms only", what);
		if (key && in_item && (!strcmp(key, "partner") || is_identity_key(key)))
			continue; /* judged by check_item */
		scan(c, value, list, n == list, depth + 1);
	}
}

void charter_check_pseudonyms(ppreg_check *c, const charter_policy *pol, const ppreg_node *root,
                              const char *list_key)
{
	const ppreg_api *api = c->api;
	const ppreg_node *list = api->get(root, list_key);
	if (api->kind(list) == PPREG_NODE_LIST)
		for (size_t i = 0; i < api->count(list); i++)
			check_item(c, pol, api->item(list, i));
	scan(c, root, api->kind(list) == PPREG_NODE_LIST ? list : NULL, 0, 0);
}
