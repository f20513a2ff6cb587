/*
 * evidence.c - a claim is worth the document behind it (note of 2026-02-16,
 * §4.1: GDPR compliance claimed "without any element to verify it").
 *
 * An evidence item is {path, sha256}. It holds only when `path` names a
 * regular file under the platform's evidence/ folder, in the same Git tree
 * as the declaration, whose bytes give exactly that SHA-256. The core reads
 * the file (file_sha256): it refuses absolute paths and "..", and reports
 * links and submodules, anywhere on the way, as PPREG_SYMLINK; it never
 * follows them. plugins/lib/evidence.c judges it, as it does for the
 * alert and partnership plugins; the finding is gdpr.evidence.
 */
#include "gdpr.h"

#include "evidence.h"

int gdpr_check_evidence(ppreg_check *c, const ppreg_node *item)
{
	const ppreg_node *at;
	char msg[512];
	int rc = evidence_judge(c, item, &at, msg, sizeof msg);
	if (rc > 0)
		c->api->report(c, "gdpr.evidence", PPREG_SEV_DEFAULT, at, msg); /* msg is translated */
	return rc < 0 ? -1 : 0;
}
