/*
 * fuzz_dsse.c - fuzz target for the attestation reader: a DSSE envelope
 * parsed strictly, then the signature check of `ppreg verify` (PAE, base64
 * signatures, OpenSSL verification with an Ed25519 and an ECDSA P-256 key).
 * A parsed envelope must serialize and parse back to the same content, and
 * one whose every signature entry was malformed must say why it skipped them.
 *
 * Input: the envelope's bytes, as read from an attestation file.
 */
#include "fuzz_env.h"
#include "attest/dsse.h"
#include "attest/signer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static signer_key *keys[2];

/* Two throw-away public keys, generated once in a temporary folder. */
static void load_keys(void)
{
	static const char *algs[2] = {"ed25519", "ecdsa-p256"};
	char dir[256];
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/ppreg-fuzz-keys.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	for (int i = 0; i < 2; i++) {
		char priv[300], pub[300];
		snprintf(priv, sizeof priv, "%s/%d.key", dir, i);
		snprintf(pub, sizeof pub, "%s/%d.pub", dir, i);
		if (signer_keygen(priv, pub, algs[i]) < 0 || signer_load_public(&keys[i], pub) < 0) {
			fprintf(stderr, "fuzz: keys: %s\n", error_last());
			exit(1);
		}
		unlink(priv);
		unlink(pub);
	}
	rmdir(dir);
}

static void verify_all(const dsse_envelope *env)
{
	size_t pae_len;
	unsigned char *pae = dsse_pae(env->payload_type, env->payload, env->payload_len, &pae_len);
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; i < env->n_sigs; i++)
			if (signer_verify(keys[k], pae, pae_len, env->sigs[i].sig, env->sigs[i].sig_len) == 1)
				__builtin_trap(); /* a forged signature verified */
	free(pae);
}

/* serialize(parse(x)) parses to the same type, payload and first signature. */
static void round_trip(const dsse_envelope *env)
{
	char *json = dsse_serialize(env->payload_type, env->payload, env->payload_len,
	                            env->sigs[0].keyid, env->sigs[0].sig, env->sigs[0].sig_len);
	if (!json)
		return; /* a keyid or type jansson will not encode */
	dsse_envelope back;
	if (dsse_parse(&back, (const unsigned char *)json, strlen(json)) < 0) {
		fprintf(stderr, "serialized envelope does not parse: %s\n%s\n", error_last(), json);
		__builtin_trap();
	}
	if (strcmp(back.payload_type, env->payload_type) || back.payload_len != env->payload_len ||
	    (env->payload_len && memcmp(back.payload, env->payload, env->payload_len)) ||
	    back.n_sigs != 1 || back.sigs[0].sig_len != env->sigs[0].sig_len ||
	    (env->sigs[0].sig_len && memcmp(back.sigs[0].sig, env->sigs[0].sig, env->sigs[0].sig_len)))
		__builtin_trap();
	dsse_free(&back);
	free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!keys[0])
		load_keys();
	if (size > DSSE_MAX_ENVELOPE)
		return 0; /* ppreg verify refuses it before parsing */
	dsse_envelope env;
	if (dsse_parse(&env, data, size) < 0)
		return 0;
	if ((env.n_sigs == 0 && !env.skipped) || !env.payload_type)
		__builtin_trap(); /* parse promised a type, and signatures or why it skipped them */
	verify_all(&env);
	if (env.n_sigs)
		round_trip(&env);
	dsse_free(&env);
	return 0;
}
