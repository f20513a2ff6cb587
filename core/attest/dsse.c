/*
 * attest/dsse.c - DSSE envelopes: PAE, base64, JSON in and out.
 */
#include "attest/dsse.h"
#include "base/i18n.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

unsigned char *dsse_pae(const char *type, const unsigned char *body, size_t body_len, size_t *out_len)
{
	char head[64];
	size_t tl = strlen(type);
	int hl = snprintf(head, sizeof head, "DSSEv1 %zu ", tl);
	char mid[32];
	int ml = snprintf(mid, sizeof mid, " %zu ", body_len);
	size_t n = (size_t)hl + tl + (size_t)ml + body_len;
	unsigned char *out = xmalloc(n ? n : 1), *p = out;
	memcpy(p, head, (size_t)hl), p += hl;
	memcpy(p, type, tl), p += tl;
	memcpy(p, mid, (size_t)ml), p += ml;
	if (body_len)
		memcpy(p, body, body_len);
	*out_len = n;
	return out;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

char *base64_encode(const unsigned char *d, size_t len)
{
	char *out = xmalloc(4 * ((len + 2) / 3) + 1), *p = out;
	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned)d[i] << 16 | (i + 1 < len ? (unsigned)d[i + 1] << 8 : 0) |
		             (i + 2 < len ? d[i + 2] : 0);
		*p++ = b64[v >> 18 & 63];
		*p++ = b64[v >> 12 & 63];
		*p++ = i + 1 < len ? b64[v >> 6 & 63] : '=';
		*p++ = i + 2 < len ? b64[v & 63] : '=';
	}
	*p = '\0';
	return out;
}

static int b64_value(char c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '+' || c == '-') return 62;
	if (c == '/' || c == '_') return 63;
	return -1;
}

/* The shape of a base64 text, before any byte is decoded: n data
 * characters then exactly the padding they need (the standard alphabet
 * must have it, the URL-safe one may), one alphabet only. */
static int b64_shape_ok(const char *text, size_t n, size_t len)
{
	size_t pad = len - n, want = (4 - n % 4) % 4;
	int standard = strcspn(text, "+/") < n, url = strcspn(text, "-_") < n;
	if (n % 4 == 1 || (standard && url) || strspn(text + n, "=") != pad)
		return 0;
	return pad == want || (pad == 0 && !standard);
}

int base64_decode(const char *text, unsigned char **out, size_t *out_len)
{
	size_t len = strlen(text), n = strcspn(text, "=");
	if (!b64_shape_ok(text, n, len))
		return error_set(_("bad base64"));
	unsigned char *buf = xmalloc(n * 3 / 4 + 1);
	size_t o = 0;
	unsigned acc = 0;
	for (size_t i = 0; i < n; i++) {
		int v = b64_value(text[i]);
		if (v < 0) {
			free(buf);
			return error_set(_("bad base64 character"));
		}
		acc = acc << 6 | (unsigned)v;
		if (i % 4 == 3) {
			buf[o++] = (unsigned char)(acc >> 16);
			buf[o++] = (unsigned char)(acc >> 8);
			buf[o++] = (unsigned char)acc;
			acc = 0;
		}
	}
	/* The last 2 (or 4) bits carry no data: non-zero, the text is not the
	 * one encoding of these bytes. */
	unsigned spare = n % 4 == 2 ? acc & 0xf : n % 4 == 3 ? acc & 0x3 : 0;
	if (spare) {
		free(buf);
		return error_set(_("bad base64 (padding bits not zero)"));
	}
	if (n % 4 == 2)
		buf[o++] = (unsigned char)(acc >> 4);
	else if (n % 4 == 3) {
		buf[o++] = (unsigned char)(acc >> 10);
		buf[o++] = (unsigned char)(acc >> 2);
	}
	*out = buf;
	*out_len = o;
	return 0;
}

void dsse_free(dsse_envelope *env)
{
	free(env->payload_type);
	free(env->payload);
	for (size_t i = 0; i < env->n_sigs; i++) {
		free(env->sigs[i].keyid);
		free(env->sigs[i].sig);
	}
	free(env->sigs);
	free(env->skipped);
	memset(env, 0, sizeof *env);
}

/* One entry of "signatures": 0, or ERR_FAIL with why it cannot be used. */
static int parse_signature(dsse_signature *d, json_t *s)
{
	json_t *sig = json_object_get(s, "sig"), *kid = json_object_get(s, "keyid");
	if (!json_is_string(sig) || (kid && !json_is_string(kid)))
		return error_set(_("not {keyid, sig} strings"));
	if (base64_decode(json_string_value(sig), &d->sig, &d->sig_len) < 0)
		return error_set(_("bad base64 in sig"));
	d->keyid = xstrdup(kid ? json_string_value(kid) : "");
	return 0;
}

/* A malformed entry is skipped so that it cannot hide a good one (DSSE:
 * "skip signatures that cannot be verified"); the bound is checked first,
 * so a hostile list costs at most DSSE_MAX_SIGNATURES verifications. */
static int parse_signatures(dsse_envelope *env, json_t *sigs)
{
	size_t n = json_array_size(sigs);
	if (!json_is_array(sigs) || n == 0)
		return error_set(_("the envelope has no signatures"));
	if (n > DSSE_MAX_SIGNATURES)
		return error_set(_("too many signatures (%zu, at most %d)"), n, DSSE_MAX_SIGNATURES);
	env->sigs = xcalloc(n, sizeof *env->sigs);
	for (size_t i = 0; i < n; i++) {
		if (parse_signature(&env->sigs[env->n_sigs], json_array_get(sigs, i)) == 0)
			env->n_sigs++;
		else if (!env->skipped)
			env->skipped = xasprintf(_("signature %zu: %s"), i, error_last());
	}
	return 0;
}

int dsse_parse(dsse_envelope *env, const unsigned char *text, size_t len)
{
	memset(env, 0, sizeof *env);
	json_error_t jerr;
	json_t *root = json_loadb((const char *)text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		return error_set(_("not valid JSON (line %d: %s)"), jerr.line, jerr.text);
	json_t *type = json_object_get(root, "payloadType"), *payload = json_object_get(root, "payload");
	int rc = ERR_FAIL;
	if (!json_is_object(root) || !json_is_string(type) || !json_is_string(payload))
		error_set(_("not a DSSE envelope (payloadType, payload, signatures)"));
	else if (base64_decode(json_string_value(payload), &env->payload, &env->payload_len) < 0)
		error_set(_("bad base64 in payload"));
	else if (parse_signatures(env, json_object_get(root, "signatures")) == 0) {
		env->payload_type = xstrdup(json_string_value(type));
		rc = 0;
	}
	json_decref(root);
	if (rc < 0)
		dsse_free(env); /* frees only: error_last() still says why */
	return rc;
}

char *dsse_serialize(const char *payload_type, const unsigned char *payload, size_t payload_len,
                     const char *keyid, const unsigned char *sig, size_t sig_len)
{
	char *p64 = base64_encode(payload, payload_len), *s64 = base64_encode(sig, sig_len);
	json_t *env = json_pack("{s:s, s:s, s:[{s:s, s:s}]}", "payloadType", payload_type, "payload", p64,
	                        "signatures", "keyid", keyid, "sig", s64);
	char *out = env ? json_dumps(env, JSON_PRESERVE_ORDER | JSON_INDENT(2)) : NULL;
	json_decref(env);
	free(p64);
	free(s64);
	if (!out)
		return NULL;
	char *copy = xasprintf("%s\n", out);
	free(out);
	return copy;
}

/* read_file_nofollow() would block opening a FIFO: anything but a regular
 * file is refused first (a symlink gets the reader's own message). */
int dsse_read_file(const char *file, unsigned char **data, size_t *len)
{
	struct stat st;
	if (lstat(file, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
		return error_set(_("%s: not a regular file"), file);
	return read_file_nofollow(file, DSSE_MAX_ENVELOPE, data, len);
}
