/*
 * evidence.c - the document behind a claim (note of 2026-02-16, §4.1: claims
 * made "without any element to verify it"). The core reads the file
 * (file_sha256): it refuses absolute paths and "..", and reports links and
 * submodules, anywhere on the way, as PPREG_SYMLINK; it never follows them.
 * Nothing here touches the file system.
 */
#include "evidence.h"

#include <stdio.h>
#include <string.h>

#define EVIDENCE_DIR "evidence/"

static int is_sha256_hex(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

/* The file is there: the declared digest must be its own. */
static int compare_digest(ppreg_check *c, const ppreg_node *dn, const char *path, const char hex[65], char *msg,
                          size_t size)
{
	const char *want = ppreg_text(c, dn);
	if (!want)
		return 0; /* missing or mistyped: reported by the core */
	if (!is_sha256_hex(want))
		snprintf(msg, size, ppreg_tr(c, "the sha256 of %.80s must be 64 lowercase hex digits (sha256sum %.80s)"), path, path);
	else if (strcmp(want, hex))
		snprintf(msg, size, ppreg_tr(c, "%.80s has SHA-256 %s, not the declared one: the document is not the one the claim "
		         "names"), path, hex);
	else
		return 0;
	return 1;
}

int evidence_judge(ppreg_check *c, const ppreg_node *item, const ppreg_node **at, char *msg, size_t size)
{
	const ppreg_api *api = c->api;
	const ppreg_node *pn = api->get(item, "path");
	const char *path = ppreg_text(c, pn);
	char hex[65];
	*at = pn;
	if (!path)
		return 0; /* missing or mistyped: reported by the core */
	int rc = api->file_sha256(c, path, hex);
	if (rc == PPREG_ESCAPES)
		snprintf(msg, size, ppreg_tr(c, "'%.80s' leaves the platform folder (an absolute path, '..' or an empty part); evidence "
		         "is a file under evidence/"), path);
	else if (strncmp(path, EVIDENCE_DIR, strlen(EVIDENCE_DIR)))
		snprintf(msg, size, ppreg_tr(c, "'%.80s' is not inside evidence/"), path);
	else if (rc == PPREG_OK) {
		*at = api->get(item, "sha256");
		return compare_digest(c, *at, path, hex, msg, size);
	} else if (rc == PPREG_ABSENT)
		snprintf(msg, size, ppreg_tr(c, "%.80s is not in the platform folder at this revision: a claim without its document"),
		         path);
	else if (rc == PPREG_SYMLINK)
		snprintf(msg, size, ppreg_tr(c, "%.80s is a symbolic link or not a regular file (or lies behind one); it is not "
		         "followed"), path);
	else {
		char why[160];
		snprintf(why, sizeof why, "evidence %.100s could not be read", path);
		return api->fail(c, why);
	}
	return 1;
}
