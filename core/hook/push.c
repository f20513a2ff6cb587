/*
 * hook/push.c - the base of a reference update and the policies that judge
 * its commits (push.h).
 */
#include "hook/push.h"
#include "base/i18n.h"
#include "judge/run.h"
#include "registry/registry_commit.h"

#include <stdlib.h>
#include <string.h>

int push_is_zero_id(const char *s)
{
	return !s[strspn(s, "0")];
}

/* The policy reference registry.yaml names at `rev`; NULL when there is
 * none to read (no registry there). ERR_FAIL for one that cannot be read. */
static int policy_ref_at(const char *repo, const char *rev, char **ref)
{
	registry *r = NULL;
	*ref = NULL;
	int rc = registry_open(&r, repo, rev, 0);
	if (rc == 0)
		rc = run_policy_ref(r, rev, ref);
	registry_free(r);
	return rc == PPREG_ABSENT ? 0 : rc < 0 ? ERR_FAIL : 0;
}

int push_base_open(push_base *p, const char *repo, const char *old, const char *policy_file)
{
	memset(p, 0, sizeof *p);
	int rc = 0;
	if (!push_is_zero_id(old))
		snprintf(p->base, sizeof p->base, "%s", old);
	else if ((rc = registry_default_commit(repo, p->base)) == PPREG_ABSENT)
		rc = 0, *p->base = '\0';
	if (rc < 0)
		return rc;
	if (*p->base && !policy_file && policy_ref_at(repo, p->base, &p->base_ref) < 0)
		return error_set(_("the base %.12s: %s"), p->base, error_last());
	if (p->base_ref && policy_path_for_ref(&p->base_policy, policy_default_dir(), p->base_ref) < 0)
		return ERR_FAIL;
	if (trust_open(&p->trust, repo, *p->base ? p->base : NULL) < 0)
		return error_set(_("the base %.12s: %s"), p->base, error_last());
	return 0;
}

void push_base_close(push_base *p)
{
	trust_close(&p->trust);
	free(p->base_ref);
	free(p->base_policy);
	memset(p, 0, sizeof *p);
}

int push_check_move(const push_base *p, const char *repo, const char *old, const char *new,
                    const char *ref, FILE *msg)
{
	if (!p->trust.present || push_is_zero_id(old) || strncmp(ref, "refs/heads/", 11))
		return 0;
	int rc = push_is_zero_id(new) ? !registry_is_default_ref(repo, ref) : registry_descends(repo, old, new);
	if (rc < 0 || rc == 1)
		return rc < 0 ? rc : 0;
	if (push_is_zero_id(new))
		fprintf(msg, _("ppreg: %s: REJECTED: the default branch of a registry with %s is never deleted\n"),
		        ref, MAINTAINERS_FILE);
	else
		fprintf(msg, _("ppreg: %s: REJECTED: %.12s is not a descendant of %.12s: a branch of a registry "
		        "with %s only moves forward, since a rewind changes folders with no commit to sign\n"),
		        ref, new, old, MAINTAINERS_FILE);
	return 1;
}

void push_policies(const push_base *p, const char *repo, const char *id, int by_authority,
                   const char *files[2], size_t *n)
{
	char *own = NULL;
	files[0] = NULL;
	*n = 1;
	if (!p->base_ref)
		return;
	/* A commit whose policy cannot be read is judged as usual, which says why. */
	if (policy_ref_at(repo, id, &own) == 0 && own && strcmp(own, p->base_ref) && !by_authority) {
		files[0] = p->base_policy;
		files[1] = NULL;
		*n = 2;
	}
	free(own);
}
