/*
 * hook/sshsig.h - checking a commit's SSH signature as Git does
 * (gpg.format=ssh): with `ssh-keygen -Y`, run without a shell, against an
 * allowed-signers file, in the "git" namespace.
 */
#ifndef PPREG_HOOK_SSHSIG_H
#define PPREG_HOOK_SSHSIG_H

#include <stddef.h>

typedef enum {
	SSHSIG_GOOD,        /* verifies, by a key of the allowed-signers file */
	SSHSIG_UNKNOWN_KEY, /* verifies, by a key the file does not name */
	SSHSIG_BAD,         /* does not verify */
	SSHSIG_NOT_SSH,     /* another kind of signature (OpenPGP, X.509) */
	SSHSIG_NONE,        /* no signature at all (set by the caller) */
} sshsig_status;

typedef struct {
	sshsig_status status;
	char key[128];         /* "ED25519 key SHA256:..." as ssh-keygen names it; "" unknown */
	char principals[1024]; /* GOOD: the key's principals, comma-separated */
} sshsig_result;

/* A folder of its own for the files ssh-keygen reads, with the
 * allowed-signers file written in it. Free with sshsig_close. */
typedef struct {
	char *dir;
	char *allowed;
} sshsig_files;

int sshsig_open(sshsig_files *f, const char *allowed_signers);
void sshsig_close(sshsig_files *f);

/* Checks `sig` (armored) over `data`. 0 with *out filled, or ERR_FAIL when
 * ssh-keygen cannot be run. */
int sshsig_check(const sshsig_files *f, const char *sig, const char *data, size_t len,
                 sshsig_result *out);

#endif
