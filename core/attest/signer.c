/*
 * attest/signer.c - key generation, loading, signing and verification with OpenSSL
 * 3 EVP. Kept short enough to audit in one sitting: every OpenSSL return is
 * checked, private material lives only in OpenSSL objects and in buffers
 * cleansed before they are freed, and nothing here prints a key.
 */
#include "attest/signer.h"
#include "base/i18n.h"
#include "base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#define KEY_MAX_BYTES (64 * 1024) /* a PEM key is a few hundred bytes */

/* Ed25519, or ECDSA on P-256 exactly: "EC with 256 bits" would also let in
 * secp256k1 or brainpoolP256r1, curves no verifier of ours expects. */
static int is_supported(const EVP_PKEY *k, char *why, size_t cap)
{
	char group[64] = "";
	if (EVP_PKEY_is_a(k, "ED25519"))
		return 1;
	if (EVP_PKEY_is_a(k, "EC")) {
		if (EVP_PKEY_get_group_name(k, group, sizeof group, NULL) == 1 && !strcmp(group, "prime256v1"))
			return 1;
		snprintf(why, cap, _("an EC key on curve %s"), *group ? group : "with explicit parameters");
		return 0;
	}
	const char *type = EVP_PKEY_get0_type_name(k);
	snprintf(why, cap, _("a key of type %s"), type ? type : "unknown");
	return 0;
}

/* Writes `len` bytes to a new file, never replacing one: a temporary file
 * linked into place (link fails if the name exists), then unlinked. */
static int write_new_file(const char *path, const void *data, size_t len, mode_t mode)
{
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp), ok = fd >= 0;
	ok = ok && fchmod(fd, mode) == 0;
	for (const unsigned char *p = data; ok && len;) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		ok = w > 0;
		if (ok)
			p += w, len -= (size_t)w;
	}
	ok = ok && fsync(fd) == 0;
	if (fd >= 0 && close(fd) != 0)
		ok = 0;
	int exists = 0;
	if (ok && link(tmp, path) != 0) {
		exists = errno == EEXIST;
		ok = 0;
	}
	if (fd >= 0)
		unlink(tmp);
	free(tmp);
	if (!ok)
		return error_set("%s: %s", path, exists ? _("exists; refusing to overwrite a key") : strerror(errno ? errno : EIO));
	return 0;
}

/* PEM of a key into memory; `private` selects PKCS#8 or SubjectPublicKeyInfo. */
static int pem_of(EVP_PKEY *k, int private, char **out, size_t *len)
{
	BIO *bio = BIO_new(BIO_s_secmem());
	char *mem;
	int ok = bio && (private ? PEM_write_bio_PrivateKey(bio, k, NULL, NULL, 0, NULL, NULL)
	                         : PEM_write_bio_PUBKEY(bio, k));
	long n = ok ? BIO_get_mem_data(bio, &mem) : 0;
	if (n > 0) {
		*out = xmalloc((size_t)n);
		memcpy(*out, mem, (size_t)n);
		*len = (size_t)n;
	}
	BIO_free(bio); /* a secure-heap BIO cleanses on free */
	return n > 0 ? 0 : error_set(_("cannot encode the key"));
}

int signer_keygen(const char *private_path, const char *public_path, const char *algorithm)
{
	EVP_PKEY *k = NULL;
	if (!algorithm || !strcmp(algorithm, "ed25519"))
		k = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	else if (!strcmp(algorithm, "ecdsa-p256"))
		k = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	else
		return error_set(_("unknown algorithm '%s' (ed25519, ecdsa-p256)"), algorithm);
	if (!k)
		return error_set(_("key generation failed"));
	char *priv = NULL, *pub = NULL;
	size_t priv_len = 0, pub_len = 0;
	struct stat st;
	int rc = ERR_FAIL, wrote_private = 0;
	if (stat(public_path, &st) == 0)
		error_set(_("%s: exists; refusing to overwrite a key"), public_path);
	else if (pem_of(k, 1, &priv, &priv_len) == 0 && pem_of(k, 0, &pub, &pub_len) == 0 &&
	         write_new_file(private_path, priv, priv_len, 0600) == 0) {
		wrote_private = 1;
		rc = write_new_file(public_path, pub, pub_len, 0644);
	}
	if (rc < 0 && wrote_private)
		unlink(private_path); /* no half pair; never a key we did not write */
	if (priv)
		OPENSSL_cleanse(priv, priv_len);
	free(priv);
	free(pub);
	EVP_PKEY_free(k);
	return rc;
}

/* OpenSSL calls this only for an encrypted key. Refusing here is what keeps
 * OpenSSL's default callback from prompting on the terminal or reading a
 * passphrase from stdin: ppreg runs in CI and hooks, never interactively. */
static int no_passphrase(char *buf, int size, int rwflag, void *asked)
{
	(void)buf, (void)size, (void)rwflag;
	*(int *)asked = 1;
	return -1;
}

/* A BIO on a regular file: O_NONBLOCK so that opening a FIFO does not wait
 * for a writer, then fstat on what was opened (no race with the check). A
 * private key that its group or others may read is refused, as ssh does:
 * whoever else can read it can sign in the authority's name. */
static BIO *open_key_file(const char *path, int private)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		error_set(_("%s: cannot read the key: %s"), path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > KEY_MAX_BYTES) {
		error_set(_("%s: not a regular file of at most %d bytes"), path, KEY_MAX_BYTES);
		close(fd);
		return NULL;
	}
	if (private && (st.st_mode & 077)) {
		error_set(_("%s: the private key may be read by its group or others (mode %03o); "
		          "make it yours alone: chmod 600 %s"), path, (unsigned)(st.st_mode & 0777), path);
		close(fd);
		return NULL;
	}
	BIO *bio = BIO_new_fd(fd, BIO_CLOSE);
	if (!bio) {
		close(fd);
		error_set(_("%s: cannot read the key"), path);
	}
	return bio;
}

static int load(signer_key **out, const char *path, int private)
{
	char why[128];
	int asked = 0;
	BIO *bio = open_key_file(path, private);
	if (!bio)
		return ERR_FAIL;
	EVP_PKEY *k = private ? PEM_read_bio_PrivateKey(bio, NULL, no_passphrase, &asked)
	                      : PEM_read_bio_PUBKEY(bio, NULL, no_passphrase, &asked);
	BIO_free(bio);
	if (!k && asked)
		return error_set(_("%s: encrypted private keys are not supported (ppreg never asks for a passphrase)"), path);
	if (!k)
		return error_set(private ? _("%s: not a PEM private key") : _("%s: not a PEM public key"), path);
	if (!is_supported(k, why, sizeof why)) {
		error_set(_("%s: %s; ppreg uses Ed25519 or ECDSA P-256"), path, why);
		EVP_PKEY_free(k);
		return ERR_FAIL;
	}
	*out = k;
	return 0;
}

int signer_load_private(signer_key **out, const char *path) { return load(out, path, 1); }
int signer_load_public(signer_key **out, const char *path) { return load(out, path, 0); }
void signer_free(signer_key *key) { EVP_PKEY_free(key); }

int signer_keyid(const signer_key *key, char hex[65])
{
	unsigned char *der = NULL;
	int n = i2d_PUBKEY((EVP_PKEY *)key, &der);
	if (n <= 0)
		return error_set(_("cannot encode the public key"));
	int rc = sha256_hex(der, (size_t)n, hex);
	OPENSSL_free(der);
	return rc;
}

static const EVP_MD *digest_for(const EVP_PKEY *k)
{
	return EVP_PKEY_is_a(k, "ED25519") ? NULL : EVP_sha256();
}

int signer_sign(signer_key *key, const unsigned char *msg, size_t len,
                unsigned char **sig, size_t *sig_len)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	size_t n = 0;
	int ok = ctx && EVP_DigestSignInit(ctx, NULL, digest_for(key), NULL, key) == 1 &&
	         EVP_DigestSign(ctx, NULL, &n, msg, len) == 1;
	unsigned char *buf = ok ? xmalloc(n) : NULL;
	ok = ok && EVP_DigestSign(ctx, buf, &n, msg, len) == 1;
	EVP_MD_CTX_free(ctx);
	if (!ok) {
		free(buf);
		return error_set(_("signing failed"));
	}
	*sig = buf;
	*sig_len = n;
	return 0;
}

/* DSSE's reference vectors encode P-256 signatures as raw r||s. */
static unsigned char *raw_to_der(const unsigned char *raw, size_t *len)
{
	ECDSA_SIG *s = ECDSA_SIG_new();
	BIGNUM *r = BN_bin2bn(raw, 32, NULL), *t = BN_bin2bn(raw + 32, 32, NULL);
	unsigned char *der = NULL;
	if (s && r && t && ECDSA_SIG_set0(s, r, t) == 1) {
		r = t = NULL;
		int n = i2d_ECDSA_SIG(s, &der);
		*len = n > 0 ? (size_t)n : 0;
	}
	BN_free(r);
	BN_free(t);
	ECDSA_SIG_free(s);
	return der;
}

int signer_verify(signer_key *key, const unsigned char *msg, size_t len,
                  const unsigned char *sig, size_t sig_len)
{
	unsigned char *der = NULL;
	if (EVP_PKEY_is_a(key, "EC") && sig_len == 64) {
		der = raw_to_der(sig, &sig_len);
		if (!der)
			return 0;
		sig = der;
	}
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int ok = ctx && EVP_DigestVerifyInit(ctx, NULL, digest_for(key), NULL, key) == 1 &&
	         EVP_DigestVerify(ctx, sig, sig_len, msg, len) == 1;
	EVP_MD_CTX_free(ctx);
	OPENSSL_free(der);
	return ok;
}

int signer_verify_envelope(signer_key *key, const dsse_envelope *env)
{
	size_t pae_len;
	unsigned char *pae = dsse_pae(env->payload_type, env->payload, env->payload_len, &pae_len);
	int ok = 0;
	for (size_t i = 0; i < env->n_sigs && !ok; i++)
		ok = signer_verify(key, pae, pae_len, env->sigs[i].sig, env->sigs[i].sig_len);
	free(pae);
	return ok;
}
