/*
 * attest/signer.h - the only code that touches key material.
 *
 * Keys are PEM files: PKCS#8 private keys written mode 0600 and never
 * overwritten, SubjectPublicKeyInfo public keys. Ed25519 signs the message
 * itself (pure EdDSA); ECDSA P-256 signs its SHA-256 with a DER signature
 * (what cosign verifies). A key id is the lowercase hex SHA-256 of the
 * public key's DER encoding: a hint for verifiers, never trusted.
 */
#ifndef PPREG_SIGNER_H
#define PPREG_SIGNER_H

#include "attest/dsse.h"

#include <stddef.h>

typedef struct evp_pkey_st signer_key; /* OpenSSL's EVP_PKEY */

/* "ed25519" (default) or "ecdsa-p256". Refuses to overwrite either file. */
int signer_keygen(const char *private_path, const char *public_path, const char *algorithm);
/* ERR_FAIL with a message: unreadable, not a PEM key, or a type ppreg does not use. */
int signer_load_private(signer_key **out, const char *path);
int signer_load_public(signer_key **out, const char *path);
void signer_free(signer_key *key);

int signer_keyid(const signer_key *key, char hex[65]);
int signer_sign(signer_key *key, const unsigned char *msg, size_t len,
                unsigned char **sig, size_t *sig_len);
/* 1 when the signature is valid, 0 when it is not (or malformed). For
 * P-256 both DER and the raw 64-byte r||s form are accepted. */
int signer_verify(signer_key *key, const unsigned char *msg, size_t len,
                  const unsigned char *sig, size_t sig_len);

/* 1 when one of the envelope's signatures verifies with `key` over DSSE's
 * PAE of its payload type and payload, else 0. */
int signer_verify_envelope(signer_key *key, const dsse_envelope *env);

#endif
