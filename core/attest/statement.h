/*
 * attest/statement.h - the in-toto Statement v1 whose predicate is a SLSA
 * Verification Summary (VSA v1): what an attestation says was judged.
 * Its bytes are produced once (compact JSON, sorted keys) and signed as
 * they are; verification reads every field back from the verified bytes.
 */
#ifndef PPREG_STATEMENT_H
#define PPREG_STATEMENT_H

#include "judge/run.h"

#define STATEMENT_TYPE "https://in-toto.io/Statement/v1"
#define VSA_TYPE "https://slsa.dev/verification_summary/v1"
#define PPREG_VERIFIER_ID "urn:ppreg:verifier"

typedef struct {
	const char *registry_uri;
	const char *commit;
	const char *platform;
	const char *tree_id;
	const file_digest *files;   /* relative to the platform folder, sorted */
	size_t n_files;
	const run *run;             /* policy and plugins */
	const char *as_of, *valid_until, *time_verified, *verified_level;
	const finding_list *findings; /* its warnings are listed */
	const lapse *lapses;        /* recorded, earliest first */
	size_t n_lapses;
	const char *valid_until_reason; /* BOUND_REQUESTED or BOUND_LAPSE (attest/bound.h) */
} attest_input;

/* The content digest of a folder: SHA-256 of the sorted lines
 * "path NUL hex-sha256(content) LF", paths relative to the folder. */
int folder_content_digest(const file_digest *files, size_t n, char hex[65]);

char *statement_build(const attest_input *in, size_t *len);

/* What verification needs from a statement. */
typedef struct {
	char *platform;       /* "entraide-sante" */
	char *commit, *tree_id, *content_sha256, *policy_uri, *policy_sha256, *as_of, *valid_until;
} statement_view;

/* Parses verified payload bytes: types, PASSED, exactly one subject, a
 * full commit id, real dates, and as_of within [its as_of, valid_until]. */
int statement_read(statement_view *v, const unsigned char *payload, size_t len, const char *as_of);
void statement_view_free(statement_view *v);

#endif
