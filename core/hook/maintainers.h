/*
 * hook/maintainers.h - authority/maintainers.yaml: who may sign what.
 *
 *   format: ppreg/1
 *   authority:                  # keys that alone may sign changes to
 *     - ssh-ed25519 AAAA... a@b  # authority/, registry.yaml and anything
 *   platforms:                  # outside platforms/
 *     entraide-sante:           # keys that may sign platforms/entraide-sante/
 *       - ssh-ed25519 AAAA... m@e
 *
 * Each key is an OpenSSH public key line, as in a `.pub` file (type,
 * base64, optional comment). The file is read from the pushed branch's old
 * revision by the hooks; anything malformed in it is an error naming file,
 * line and column, since the push then cannot be judged.
 */
#ifndef PPREG_HOOK_MAINTAINERS_H
#define PPREG_HOOK_MAINTAINERS_H

#include <stddef.h>

#define MAINTAINERS_FILE "authority/maintainers.yaml"
/* The principal of the authority's keys in the allowed-signers file; a
 * platform's is "platform/<id>" (ids never hold a slash). */
#define MAINTAINERS_AUTHORITY "authority"

typedef struct {
	char *key;        /* "type base64", without the comment */
	char *principals; /* comma-separated: "authority,platform/a" */
} maintainer_key;

typedef struct {
	maintainer_key *keys;  /* one per distinct key */
	size_t n_keys;
} maintainers;

/* Parses the file's bytes. 0, or ERR_FAIL with "FILE:LINE:COLUMN: why"
 * (a key that does not parse is quoted). */
int maintainers_parse(maintainers *m, const unsigned char *data, size_t len);
void maintainers_free(maintainers *m);

/* The file `ssh-keygen -Y` reads (allowed_signers(5)): one line per key,
 * "principals type base64". Free it. */
char *maintainers_allowed_signers(const maintainers *m);

#endif
