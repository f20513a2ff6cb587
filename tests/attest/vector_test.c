/*
 * vector_test.c - fixed test vectors of the attestation code path (TAP):
 * DSSE's published example (protocol.md: ECDSA P-256, raw r||s signature)
 * checked by signer_verify over dsse_pae, and a known Ed25519 key and
 * statement whose envelope must stay byte-for-byte the same.
 */
#include "attest/dsse.h"
#include "yaml/scalar.h"
#include "attest/signer.h"
#include "base/util.h"
#include "yaml/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int n, failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n, what);
	failed += !cond;
}

static void dsse_vector(const char *dir)
{
	char *pub = xasprintf("%s/dsse-p256.pub", dir);
	signer_key *k = NULL;
	size_t pae_len, sig_len;
	unsigned char *pae = dsse_pae("http://example.com/HelloWorld", (const unsigned char *)"hello world", 11, &pae_len);
	ok(pae_len == 54 && !memcmp(pae, "DSSEv1 29 http://example.com/HelloWorld 11 hello world", 54),
	   "PAE of the DSSE example");
	unsigned char *sig = NULL;
	int loaded = signer_load_public(&k, pub) == 0;
	ok(loaded, "the DSSE example's P-256 key loads");
	ok(base64_decode("A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==",
	                 &sig, &sig_len) == 0 && sig_len == 64, "its signature decodes to 64 bytes");
	ok(loaded && signer_verify(k, pae, pae_len, sig, sig_len) == 1, "DSSE's published signature verifies");
	pae[pae_len - 1] ^= 1;
	ok(loaded && signer_verify(k, pae, pae_len, sig, sig_len) == 0, "and fails on a changed body");
	signer_free(k);
	free(pae), free(sig), free(pub);
}

static char *slurp(const char *path, size_t *len)
{
	unsigned char *d = NULL;
	if (read_file_nofollow(path, 1 << 20, &d, len) < 0)
		return NULL;
	return (char *)d;
}

static void fixed_vector(const char *dir)
{
	char *kp = xasprintf("%s/test-ed25519.key", dir), *sp = xasprintf("%s/vector-statement.json", dir);
	char *ep = xasprintf("%s/vector-envelope.json", dir);
	size_t st_len, want_len, pae_len, sig_len;
	char *st = slurp(sp, &st_len), *want = slurp(ep, &want_len), id[65];
	signer_key *k = NULL;
	unsigned char *pae = NULL, *sig = NULL;
	char *env = NULL;
	if (st && signer_load_private(&k, kp) == 0 && signer_keyid(k, id) == 0) {
		pae = dsse_pae(DSSE_INTOTO_TYPE, (unsigned char *)st, st_len, &pae_len);
		if (signer_sign(k, pae, pae_len, &sig, &sig_len) == 0)
			env = dsse_serialize(DSSE_INTOTO_TYPE, (unsigned char *)st, st_len, id, sig, sig_len);
	}
	ok(env != NULL, "the fixed statement is signed");
	if (env && getenv("PPREG_WRITE_VECTOR"))
		write_file_atomic(ep, env, strlen(env), 0644);
	ok(env && want && strlen(env) == want_len && !memcmp(env, want, want_len),
	   "its envelope is byte-for-byte the committed one");
	dsse_envelope parsed;
	ok(env && dsse_parse(&parsed, (unsigned char *)env, strlen(env)) == 0 && parsed.payload_len == st_len &&
	   !memcmp(parsed.payload, st, st_len) && signer_verify(k, pae, pae_len, parsed.sigs[0].sig, parsed.sigs[0].sig_len),
	   "and parses back to the same bytes and a valid signature");
	if (env)
		dsse_free(&parsed);
	signer_free(k);
	free(kp), free(sp), free(ep), free(st), free(want), free(pae), free(sig), free(env);
}

/* RFC 4648, strictly: each text is the one encoding of its bytes. */
static void base64_cases(void)
{
	static const struct { const char *text; int ok; const char *what; } cases[] = {
		{"aGVsbG8gd29ybGQ=", 1, "standard, padded"},
		{"aGVsbG8gd29ybA==", 1, "standard, '==' padding"},
		{"aGVsbG8gd29ybA", 1, "no padding, letters only (URL-safe)"},
		{"-_8=", 1, "URL-safe, padded"},
		{"+/8=", 1, "standard with + and /, padded"},
		{"", 1, "empty"},
		{"aGVsbG8gd29ybGQ==", 0, "an extra '='"},
		{"aGVsbG8gd29ybA=", 0, "'==' cut to '='"},
		{"aGVsbG8gd29ybA===", 0, "three '='"},
		{"aGVsbG8gd29ybB==", 0, "non-zero padding bits (2 data chars)"},
		{"aGVsbG8gd29ybGR=", 0, "non-zero padding bits (3 data chars)"},
		{"-_9", 0, "non-zero padding bits, unpadded"},
		{"+/8", 0, "the standard alphabet without its padding"},
		{"+_8=", 0, "mixed alphabets"},
		{"ab=c", 0, "'=' inside"},
		{"====", 0, "padding alone"},
		{"aGVs bG8=", 0, "a space"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		unsigned char *d = NULL;
		size_t len;
		int rc = base64_decode(cases[i].text, &d, &len);
		char *what = xasprintf("base64 %s '%s' is %s", cases[i].what, cases[i].text,
		                       cases[i].ok ? "accepted" : "refused");
		ok(cases[i].ok ? rc == 0 : rc < 0, what);
		free(what);
		if (rc == 0)
			free(d);
	}
}

/* The end of an attestation's validity: refused past 9999-12-31, never
 * clamped or half-added (P1Y999999W gave as-of + 1 year). */
static void validity_dates(void)
{
	ppreg_date as_of = {2026, 11, 23}, leap = {2024, 2, 29}, last = {9999, 12, 31}, end;
	ppreg_duration y1 = {.years = 1}, big = {.years = 1, .weeks = 999999}, d1 = {.days = 1}, y8000 = {.years = 8000};
	ok(date_add_checked(as_of, &y1, 1, &end) == 0 && end.year == 2027 && end.month == 11 && end.day == 23,
	   "2026-11-23 + P1Y = 2027-11-23");
	ok(date_add_checked(leap, &y1, 1, &end) == 0 && end.year == 2025 && end.month == 2 && end.day == 28,
	   "2024-02-29 + P1Y = 2025-02-28");
	ok(date_add_checked(as_of, &big, 1, &end) < 0, "2026-11-23 + P1Y999999W is refused");
	ok(date_add_checked(last, &d1, 1, &end) < 0 && date_cmp(end, last) == 0, "9999-12-31 + P1D is refused");
	ok(date_add_checked(as_of, &y8000, 1, &end) < 0, "2026-11-23 + P8000Y is refused");
	end = date_add(as_of, &big, 1);
	ok(date_cmp(end, last) == 0, "date_add clamps P1Y999999W to 9999-12-31 (not 2027-11-23)");
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "tests/attest/data";
	dsse_vector(dir);
	fixed_vector(dir);
	unsigned char *d = NULL;
	size_t len;
	ok(base64_decode("aGVsbG8gd29ybGQ", &d, &len) == 0 && len == 11 && !memcmp(d, "hello world", 11),
	   "unpadded base64");
	free(d);
	ok(base64_decode("-_8", &d, &len) == 0 && len == 2 && d[0] == 0xfb && d[1] == 0xff, "URL-safe base64");
	free(d);
	ok(base64_decode("a$==", &d, &len) < 0 && base64_decode("a", &d, &len) < 0, "bad base64 is refused");
	base64_cases();
	validity_dates();
	printf("1..%d\n", n);
	return failed != 0;
}
