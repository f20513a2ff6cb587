/*
 * hook/push.h - what one reference update of a push is judged against: its
 * base (the reference's old commit; for a new reference, the default
 * branch's), the policy the base's registry.yaml names, and who may sign
 * what (hook/trust.h).
 *
 * Which policy judges a commit: the one the hook was installed with
 * (--policy), whatever registry.yaml says; else the base's. A commit whose
 * registry.yaml names another policy is judged under both, so that a push
 * gains nothing by naming a laxer one, unless it is signed by one of the
 * authority's keys (maintainers.yaml at the base): then under its own
 * policy alone. With no base (a push into an empty repository, or a base
 * without the registry), each commit is judged under its own policy.
 */
#ifndef PPREG_HOOK_PUSH_H
#define PPREG_HOOK_PUSH_H

#include "hook/trust.h"

typedef struct {
	char base[65];      /* "" none */
	char *base_ref;     /* the policy the base names; NULL: none, or --policy */
	char *base_policy;  /* its file */
	trust trust;
} push_base;

/* Whether a hex object id is all zeros: Git's "no object" in a hook's
 * OLD or NEW (a reference created or deleted). */
int push_is_zero_id(const char *s);

/* `old` is the reference's old id (all zeros for a new one). 0, or
 * ERR_FAIL (the push cannot be judged) with error_last(). */
int push_base_open(push_base *p, const char *repo, const char *old, const char *policy_file);
void push_base_close(push_base *p);

/* With maintainers.yaml at the base, a branch only moves forward: a
 * deletion of the default branch, and an update of a branch that is not a
 * fast-forward (a rewind brings no commit to sign, yet changes folders),
 * are refused, said on `msg`. 0 allowed, 1 refused, ERR_FAIL. */
int push_check_move(const push_base *p, const char *repo, const char *old, const char *new,
                    const char *ref, FILE *msg);

/* The policies commit `id` is judged under: files[i] is a policy file, or
 * NULL for the one the commit's own registry.yaml names. *n is 1 or 2. */
void push_policies(const push_base *p, const char *repo, const char *id, int by_authority,
                   const char *files[2], size_t *n);

#endif
