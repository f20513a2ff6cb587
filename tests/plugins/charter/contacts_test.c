/*
 * contacts_test.c - unit test of text_contact_kind (text.c): what a
 * public registry must not hold (e-mail addresses, French and international
 * phone numbers, also written in the usual disguises) and what it must
 * still accept (digests, dates, SIRET-like ids, hours, versions); then the
 * other helpers of text.c: folding and what a message may repeat. TAP output.
 */
#include "text.h"

#include <stdio.h>
#include <string.h>

typedef struct {
	const char *text;
	const char *kind; /* "email", "phone" or NULL */
} sample;

static const sample samples[] = {
	/* e-mail addresses */
	{"claire.dupont@example.fr", "email"},
	{"write to marie@chu-exemple.fr today", "email"},
	{"Jean.Martin+pp@Example.COM", "email"},
	{"jean [at] exemple.fr", "email"},
	{"jean(at)exemple(dot)fr", "email"},
	{"jean arobase exemple point fr", "email"},
	{"jean \xef\xbc\xa0 exemple.fr", "email"},
	{"\xc3\xa9lodie@exemple.fr", "email"},
	{"\"jean@exemple.fr\".", "email"},
	/* phone numbers */
	{"06 12 34 56 78", "phone"},
	{"0612345678", "phone"},
	{"06.12.34.56.78", "phone"},
	{"06-12-34-56-78", "phone"},
	{"Call 01 23 45 67 89 for the thesis", "phone"},
	{"+33 6 12 34 56 78", "phone"},
	{"+33 (0)6 12 34 56 78", "phone"},
	{"+336 12 34 56 78", "phone"},
	{"0033 6 12 34 56 78", "phone"},
	{"+44 20 7946 0958", "phone"},
	{"+1 (555) 123-4567", "phone"},
	{"tel:+33612345678", "phone"},
	{"06\xc2\xa0" "12\xc2\xa0" "34\xc2\xa0" "56\xc2\xa0" "78", "phone"},
	{"06 12 34 56 78.", "phone"},
	/* neither */
	{"pp-a1b2", NULL},
	{"4590cc021f572745cf08ba73ac8e3adff8710730bd85dc922d3fc5d321a3e85f", NULL},
	{"0612345678ab0612345678abcdef", NULL},
	{"ab0612345678", NULL},
	{"2026-07-10", NULL},
	{"06/12/2025 12:34", NULL},
	{"81234567600017", NULL},
	{"DGS-PP-2026-0042", NULL},
	{"2026-1", NULL},
	{"120", NULL},
	{"+15000", NULL},
	{"Written thesis and oral defence before a mixed jury", NULL},
	{"DU Partenariat patient", NULL},
	{"https://entraide-sante.example/alerte", NULL},
	{"meet at noon. Then", NULL},
	{"user@localhost", NULL},
	{"@exemple.fr", NULL},
	{"jean@", NULL},
	{"a@b.c", NULL},
	{"1 2 3 4 5 6 7 8 9 0", NULL},
	{"+33", NULL},
	{"+", NULL},
	{"0", NULL},
	{"x@", NULL},
	{"06    12 34 56 78", NULL},
	{"12 34 56 78 90", NULL},
	{"061234567", NULL},
	{"06123456789", NULL},
	{"", NULL},
};

/* text_fold and text_fold_cmp: keys and words as they are compared. */
static const struct {
	const char *text, *folded;
} folds[] = {
	{"PRÉNOM", "prenom"},
	{"TÉLÉPHONE", "telephone"},
	{"Straße", "strasse"},
	{"ÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ", "aeceeeeiiiidnoooooouuuuyth"},
	{"àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ", "aaaaaaaeceeeeiiiidnoooooouuuuythy"},
	{"2×3÷4", "2×3÷4"},
	{"Phone Number", "phone number"},
	{"Ωmega", "Ωmega"},
	{"", ""},
};

/* text_echo_safe: what a message may repeat. */
static const struct {
	const char *text;
	int safe;
} echoes[] = {
	{"2025-9", 1}, {"du-partenariat-exemple", 1}, {"pp-a1b2", 1},
	{"06 12 34 56 78", 0}, {"06-12-34-56-78", 0}, {"0612345678", 0}, {"jean.dupont@example.org", 0},
	{"Jean Dupont", 0}, {"-x", 0}, {"", 0}, {"j\xc3\xa9r\xc3\xb4me", 0},
	{"a123456789012345678901234567890123456789012345678901234567890123", 0},
};

static size_t check_text_helpers(size_t first)
{
	size_t t = first, failed = 0;
	char out[64];
	for (size_t i = 0; i < sizeof folds / sizeof *folds; i++, t++) {
		size_t len = text_fold(folds[i].text, out, sizeof out);
		int ok = len == strlen(folds[i].folded) && !strcmp(out, folds[i].folded) &&
		         text_fold_cmp(folds[i].text, folds[i].folded) == 0;
		failed += !ok;
		printf("%s %zu - '%s' folds to '%s'\n", ok ? "ok" : "not ok", t, folds[i].text, folds[i].folded);
	}
	int ok = text_fold("PRENOM", out, 4) == 4 && !strcmp(out, "pre");
	failed += !ok;
	printf("%s %zu - a folded text that does not fit says so\n", ok ? "ok" : "not ok", t++);
	ok = text_fold_cmp("pp-A1B2", "pp-a1b2") == 0 && text_fold_cmp("pp-a1b2", "pp-a1b3") < 0 &&
	     text_fold_cmp("pp-a1b", "pp-a1b2") < 0 && text_fold_cmp("ss", "ß") == 0;
	failed += !ok;
	printf("%s %zu - text_fold_cmp orders folded forms\n", ok ? "ok" : "not ok", t++);
	for (size_t i = 0; i < sizeof echoes / sizeof *echoes; i++, t++) {
		ok = text_echo_safe(echoes[i].text) == echoes[i].safe;
		failed += !ok;
		printf("%s %zu - '%s' is %s to repeat\n", ok ? "ok" : "not ok", t, echoes[i].text,
		       echoes[i].safe ? "safe" : "not safe");
	}
	ok = !text_echo_safe(NULL);
	failed += !ok;
	printf("%s %zu - NULL is not safe to repeat\n", ok ? "ok" : "not ok", t++);
	return failed;
}

/* Identity keys: the list is in strcmp() order, which the binary search
 * needs (a key out of order is missed; this catches it), and each key is
 * found; written otherwise, a key is found too, and words that merely
 * contain one are not. */
static const struct {
	const char *key;
	int identity;
} key_samples[] = {
	{"Phone Number", 1}, {"family-name", 1}, {"PR\xc3\x89NOM", 1}, {"Nom de famille", 1},
	{"E-Mail", 1}, {"partner", 0}, {"named", 0}, {"nominal", 0}, {"", 0},
	{"a_key_longer_than_any_identity_key_of_the_list", 0},
};
#define KEY_TESTS (2 + sizeof key_samples / sizeof *key_samples)

static size_t check_identity_keys(size_t t)
{
	size_t failed = 0, bad = 0;
	for (size_t i = 1; i < text_identity_key_count; i++)
		if (strcmp(text_identity_keys[i - 1], text_identity_keys[i]) >= 0) {
			printf("# out of order: '%s' before '%s'\n", text_identity_keys[i - 1], text_identity_keys[i]);
			bad++;
		}
	failed += bad != 0;
	printf("%s %zu - the %zu identity keys are in strcmp() order\n", bad ? "not ok" : "ok", t++,
	       text_identity_key_count);
	bad = 0;
	for (size_t i = 0; i < text_identity_key_count; i++)
		if (!text_is_identity_key(text_identity_keys[i])) {
			printf("# not found: '%s'\n", text_identity_keys[i]);
			bad++;
		}
	failed += bad != 0;
	printf("%s %zu - each identity key is found\n", bad ? "not ok" : "ok", t++);
	for (size_t i = 0; i < sizeof key_samples / sizeof *key_samples; i++, t++) {
		int ok = text_is_identity_key(key_samples[i].key) == key_samples[i].identity;
		failed += !ok;
		printf("%s %zu - '%s' %s an identity key\n", ok ? "ok" : "not ok", t, key_samples[i].key,
		       key_samples[i].identity ? "is" : "is not");
	}
	return failed;
}

int main(void)
{
	size_t n = sizeof samples / sizeof *samples, failed = 0;
	size_t helpers = sizeof folds / sizeof *folds + sizeof echoes / sizeof *echoes + 3;
	printf("1..%zu\n", n + 1 + helpers + KEY_TESTS);
	for (size_t i = 0; i < n; i++) {
		const char *got = text_contact_kind(samples[i].text);
		const char *want = !samples[i].kind ? NULL :
		                   !strcmp(samples[i].kind, "email") ? "an e-mail address" : "a phone number";
		int ok = (!got && !want) || (got && want && !strcmp(got, want));
		failed += !ok;
		printf("%s %zu - '%s' is %s\n", ok ? "ok" : "not ok", i + 1, samples[i].text,
		       want ? want : "neither");
		if (!ok)
			printf("# got %s\n", got ? got : "neither");
	}
	int null_ok = text_contact_kind(NULL) == NULL;
	failed += !null_ok;
	printf("%s %zu - NULL is neither\n", null_ok ? "ok" : "not ok", n + 1);
	failed += check_text_helpers(n + 2);
	failed += check_identity_keys(n + 2 + helpers);
	return failed ? 1 : 0;
}
