/*
 * attest/dsse.h - the DSSE envelope (secure-systems-lab/dsse): the
 * pre-authentication encoding that is signed, base64 in both alphabets, and
 * the envelope's JSON, parsed strictly (no duplicate keys, bounded size).
 */
#ifndef PPREG_DSSE_H
#define PPREG_DSSE_H

#include <stddef.h>

#define DSSE_INTOTO_TYPE "application/vnd.in-toto+json"
#define DSSE_MAX_ENVELOPE ((size_t)16 << 20)
/* More entries than any real signer set: each costs a verification. */
#define DSSE_MAX_SIGNATURES 16

/* "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body */
unsigned char *dsse_pae(const char *type, const unsigned char *body, size_t body_len, size_t *out_len);

char *base64_encode(const unsigned char *data, size_t len);
/* RFC 4648, strictly: the standard alphabet with its padding, or the
 * URL-safe one with its padding or none; not both alphabets in one text,
 * and the bits the last character has beyond the data are zero. -1
 * otherwise, so that no two texts decode to the same bytes. */
int base64_decode(const char *text, unsigned char **out, size_t *out_len);

typedef struct {
	char *keyid;
	unsigned char *sig;
	size_t sig_len;
} dsse_signature;

typedef struct {
	char *payload_type;
	unsigned char *payload;
	size_t payload_len;
	dsse_signature *sigs;   /* the well-formed entries */
	size_t n_sigs;
	char *skipped;          /* why the first malformed entry was skipped, or NULL */
} dsse_envelope;

/* Parses an envelope; ERR_FAIL with error_last() saying why it is refused. As
 * DSSE says, a signature entry that cannot be used (not {keyid, sig}
 * strings, bad base64) is skipped, not fatal: `skipped` says why, for the
 * message when no other entry verifies. More than DSSE_MAX_SIGNATURES
 * entries is a rejection. */
int dsse_parse(dsse_envelope *env, const unsigned char *json, size_t len);
void dsse_free(dsse_envelope *env);
/* An envelope's bytes from a regular file of at most DSSE_MAX_ENVELOPE:
 * 0, ERR_TOO_LARGE, or ERR_FAIL with error_last(). */
int dsse_read_file(const char *file, unsigned char **data, size_t *len);
/* The envelope's JSON for one signature (keys in a fixed order). */
char *dsse_serialize(const char *payload_type, const unsigned char *payload, size_t payload_len,
                     const char *keyid, const unsigned char *sig, size_t sig_len);

#endif
