/*
 * hook/trust.c - each new commit's signer against maintainers.yaml
 * (trust.h).
 */
#include "hook/trust.h"
#include "base/i18n.h"
#include "registry/registry.h"
#include "registry/registry_commit.h"
#include "policy/policy.h"

#include <stdlib.h>
#include <string.h>

int trust_open(trust *t, const char *repo, const char *base)
{
	memset(t, 0, sizeof *t);
	t->repo = xstrdup(repo);
	if (!base)
		return 0;
	registry *r = NULL;
	unsigned char *data = NULL;
	size_t len = 0;
	int rc = registry_open(&r, repo, base, 0);
	if (rc == PPREG_ABSENT) { /* the registry's folder is not at the base */
		registry_free(r);
		return 0;
	}
	if (rc == 0)
		rc = registry_read_root_file(r, MAINTAINERS_FILE, policy_default_limits.max_bytes, &data, &len);
	if (rc == 0)
		t->prefix = xstrdup(registry_prefix(r));
	registry_free(r);
	if (rc == PPREG_ABSENT)
		return 0;
	if (rc == PPREG_SYMLINK || rc == ERR_TOO_LARGE)
		rc = error_set(_("%s: not a regular file of at most %zu bytes"), MAINTAINERS_FILE,
		               policy_default_limits.max_bytes);
	if (rc == 0)
		rc = maintainers_parse(&t->m, data, len);
	free(data);
	if (rc < 0)
		return ERR_FAIL;
	t->present = 1;
	char *allowed = maintainers_allowed_signers(&t->m);
	rc = sshsig_open(&t->files, allowed);
	free(allowed);
	return rc;
}

void trust_close(trust *t)
{
	maintainers_free(&t->m);
	sshsig_close(&t->files);
	free(t->repo);
	free(t->prefix);
	memset(t, 0, sizeof *t);
}

/* The principal that owns `path` (from the repository's top): "platform/ID"
 * for platforms/ID and below, the authority for anything else. */
static char *owner_of(const trust *t, const char *path)
{
	size_t pl = strlen(t->prefix);
	if (pl && (strncmp(path, t->prefix, pl) || path[pl] != '/'))
		return xstrdup(MAINTAINERS_AUTHORITY);
	const char *rel = path + (pl ? pl + 1 : 0);
	if (strncmp(rel, "platforms/", 10) || !rel[10])
		return xstrdup(MAINTAINERS_AUTHORITY);
	return xasprintf("platform/%.*s", (int)strcspn(rel + 10, "/"), rel + 10);
}

static int has_principal(const char *list, const char *p)
{
	size_t n = strlen(p);
	for (const char *s = list; *s; s += strcspn(s, ",") + (s[strcspn(s, ",")] == ',')) {
		if (strcspn(s, ",") == n && !strncmp(s, p, n))
			return 1;
	}
	return 0;
}

/* "platform beta's" or "the authority's" */
static char *owner_words(const char *owner)
{
	return strncmp(owner, "platform/", 9) ? xstrdup("the authority's")
	                                       : xasprintf("platform %s's", owner + 9);
}

static const char *why_not(const sshsig_result *s)
{
	switch (s->status) {
	case SSHSIG_UNKNOWN_KEY: return _("signed by a key maintainers.yaml does not name");
	case SSHSIG_BAD: return _("its signature does not verify");
	case SSHSIG_NOT_SSH: return _("not signed with an SSH key (gpg.format=ssh)");
	case SSHSIG_NONE: return _("the commit is not signed");
	default: return _("signed by a key not allowed there");
	}
}

/* The first path of `paths` that the signature `s` may not change, or -1. */
static long first_refused(const trust *t, const sshsig_result *s, char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *owner = owner_of(t, paths[i]);
		int ok = s->status == SSHSIG_GOOD && has_principal(s->principals, owner);
		free(owner);
		if (!ok)
			return (long)i;
	}
	return -1;
}

/* "ppreg: LABEL: REJECTED: PATH: WHY (key K); only OWNER keys (maintainers.yaml) may sign it" */
static void say_refused(const trust *t, FILE *msg, const char *label, const sshsig_result *s,
                        const char *path)
{
	char *owner = owner_of(t, path), *words = owner_words(owner);
	const char *why = s->status == SSHSIG_GOOD ? _("signed by a key not allowed there") : why_not(s);
	fprintf(msg, _("ppreg: %s: REJECTED: %s: %s"), label, path, why);
	if (*s->key)
		fprintf(msg, " (%s)", s->key);
	fprintf(msg, _("; only %s keys in %s may sign a change to it\n"), words, MAINTAINERS_FILE);
	free(words);
	free(owner);
}

static int read_signature(const trust *t, const char *id, sshsig_result *s)
{
	char *sig = NULL, *data = NULL;
	size_t len = 0;
	int rc = registry_commit_signature(t->repo, id, &sig, &data, &len);
	if (rc == PPREG_ABSENT) {
		memset(s, 0, sizeof *s);
		s->status = SSHSIG_NONE;
		return 0;
	}
	if (rc == 0)
		rc = sshsig_check(&t->files, sig, data, len, s);
	free(sig);
	free(data);
	return rc;
}

int trust_check_commit(trust *t, const char *label, const char *id, FILE *msg, int *by_authority)
{
	char **paths = NULL;
	size_t n = 0;
	sshsig_result s;
	*by_authority = 0;
	if (!t->present)
		return 0;
	if (registry_commit_paths(t->repo, id, &paths, &n) < 0 || read_signature(t, id, &s) < 0) {
		registry_free_ids(paths, n);
		return ERR_FAIL;
	}
	long bad = first_refused(t, &s, paths, n);
	if (bad >= 0)
		say_refused(t, msg, label, &s, paths[bad]);
	else if (s.status != SSHSIG_GOOD) /* a commit that changes nothing still needs a signer */
		say_refused(t, msg, label, &s, "(no path changed)"), bad = 0;
	else
		*by_authority = s.status == SSHSIG_GOOD && has_principal(s.principals, MAINTAINERS_AUTHORITY);
	registry_free_ids(paths, n);
	return bad >= 0;
}

int trust_check_range(trust *t, const char *ref, const char *base, const char *tip, FILE *msg,
                      ptrvec *by_authority)
{
	char **ids = NULL;
	size_t n = 0;
	if (!t->present)
		return 0;
	if (registry_commits_since(t->repo, base, tip, &ids, &n) < 0)
		return ERR_FAIL;
	int rc = 0;
	for (size_t i = 0; rc >= 0 && i < n; i++) {
		char *label = xasprintf(_("%s commit %.12s"), ref, ids[i]);
		int auth = 0, one = trust_check_commit(t, label, ids[i], msg, &auth);
		rc = one < 0 ? one : rc | one;
		if (auth)
			ptrvec_push(by_authority, xstrdup(ids[i]));
		free(label);
	}
	registry_free_ids(ids, n);
	return rc;
}
