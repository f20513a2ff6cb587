/*
 * dsse.h - the DSSE envelope (secure-systems-lab/dsse): the
 * pre-authentication encoding that is signed, base64 in both alphabets, and
 * the envelope's JSON, parsed strictly (no duplicate keys, bounded size).
 */
#ifndef PPREG_DSSE_H
#define PPREG_DSSE_H

#include <stddef.h>

#define DSSE_INTOTO_TYPE "application/vnd.in-toto+json"
#define DSSE_MAX_ENVELOPE ((size_t)16 << 20)

/* "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body */
unsigned char *dsse_pae(const char *type, const unsigned char *body, size_t body_len, size_t *out_len);

char *base64_encode(const unsigned char *data, size_t len);
/* Standard or URL-safe alphabet, padding optional; -1 on any other byte. */
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
	dsse_signature *sigs;
	size_t n_sigs;
} dsse_envelope;

/* Parses an envelope; -1 with error_last() saying why it is refused. */
int dsse_parse(dsse_envelope *env, const unsigned char *json, size_t len);
void dsse_free(dsse_envelope *env);
/* The envelope's JSON for one signature (keys in a fixed order). */
char *dsse_serialize(const char *payload_type, const unsigned char *payload, size_t payload_len,
                     const char *keyid, const unsigned char *sig, size_t sig_len);

#endif
