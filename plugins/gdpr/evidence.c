/*
 * evidence.c - a claim is worth the document behind it (note of 2026-02-16,
 * §4.1: GDPR compliance claimed "without any element to verify it").
 *
 * An evidence item is {path, sha256}. It holds only when `path` names a
 * regular file under the platform's evidence/ folder, in the same Git tree
 * as the declaration, whose bytes give exactly that SHA-256. The core reads
 * the file (file_sha256): it refuses absolute paths and "..", and reports
 * links and submodules, anywhere on the way, as PPREG_SYMLINK; it never
 * follows them. Nothing here touches the file system.
 */
#include "gdpr.h"

#include <stdio.h>
#include <string.h>

#define EVIDENCE_DIR "evidence/"

static int is_sha256_hex(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

/* The file is there: the declared digest must be its own. */
static void compare_digest(ppreg_check *c, const ppreg_node *dn, const char *path, const char hex[65])
{
	const char *want = ppreg_text(c, dn);
	if (!want)
		return; /* missing or mistyped: reported by the core */
	if (!is_sha256_hex(want))
		ppreg_reportf(c, "gdpr.evidence", dn, "the sha256 of %.80s must be 64 lowercase hex digits (sha256sum %.80s)",
		              path, path);
	else if (strcmp(want, hex))
		ppreg_reportf(c, "gdpr.evidence", dn, "%.80s has SHA-256 %s, not the declared one: the document is not the "
		              "one the claim names", path, hex);
}

int gdpr_check_evidence(ppreg_check *c, const ppreg_node *item)
{
	const ppreg_api *api = c->api;
	const ppreg_node *pn = api->get(item, "path");
	const char *path = ppreg_text(c, pn);
	char hex[65];
	if (!path)
		return 0; /* missing or mistyped: reported by the core */
	int rc = api->file_sha256(c, path, hex);
	if (rc == PPREG_ESCAPES) {
		ppreg_reportf(c, "gdpr.evidence", pn, "'%.80s' leaves the platform folder (an absolute path, '..' or an empty "
		              "part); evidence is a file under evidence/", path);
		return 0;
	}
	if (strncmp(path, EVIDENCE_DIR, strlen(EVIDENCE_DIR))) {
		ppreg_reportf(c, "gdpr.evidence", pn, "'%.80s' is not inside evidence/", path);
		return 0;
	}
	switch (rc) {
	case PPREG_OK:
		compare_digest(c, api->get(item, "sha256"), path, hex);
		return 0;
	case PPREG_ABSENT:
		ppreg_reportf(c, "gdpr.evidence", pn, "%.80s is not in the platform folder at this revision: a claim without "
		              "its document", path);
		return 0;
	case PPREG_SYMLINK:
		ppreg_reportf(c, "gdpr.evidence", pn, "%.80s is a symbolic link or not a regular file (or lies behind one); "
		              "it is not followed", path);
		return 0;
	default: {
		char msg[160];
		snprintf(msg, sizeof msg, ppreg_tr(c, "evidence %.100s could not be read"), path);
		return api->fail(c, msg);
	}
	}
}
