/*
 * contacts_test.c - unit test of charter_contact_kind (pseudonyms.c): what a
 * public registry must not hold (e-mail addresses, French and international
 * phone numbers, also written in the usual disguises) and what it must
 * still accept (digests, dates, SIRET-like ids, hours, versions). TAP output.
 */
#include "charter.h"

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

int main(void)
{
	size_t n = sizeof samples / sizeof *samples, failed = 0;
	printf("1..%zu\n", n + 1);
	for (size_t i = 0; i < n; i++) {
		const char *got = charter_contact_kind(samples[i].text);
		const char *want = !samples[i].kind ? NULL :
		                   !strcmp(samples[i].kind, "email") ? "an e-mail address" : "a phone number";
		int ok = (!got && !want) || (got && want && !strcmp(got, want));
		failed += !ok;
		printf("%s %zu - '%s' is %s\n", ok ? "ok" : "not ok", i + 1, samples[i].text,
		       want ? want : "neither");
		if (!ok)
			printf("# got %s\n", got ? got : "neither");
	}
	int null_ok = charter_contact_kind(NULL) == NULL;
	failed += !null_ok;
	printf("%s %zu - NULL is neither\n", null_ok ? "ok" : "not ok", n + 1);
	return failed ? 1 : 0;
}
