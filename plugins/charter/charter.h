/*
 * charter.h - what the files of the charter plugin share: the rule ids, the
 * policy's parameters once read and checked (charter.c), and the checks
 * (commitments.c: what a commitment says; pseudonyms.c: who it names;
 * text.c: the pure text helpers, text.h).
 */
#ifndef PPREG_CHARTER_H
#define PPREG_CHARTER_H

#include "ppreg/plugin.h"
#include "text.h"

#include <regex.h>

#define R_OFFICIAL "charter.official-version"
#define R_CLAUSES "charter.clauses"
#define R_SIGNED "charter.signed"
#define R_RENEWAL "charter.renewal"
#define R_PSEUDO "charter.pseudonymous"
#define R_UNIQUE "charter.unique"

/* The plugin's `params` block, read once per check. Nodes belong to the
 * core; only `pseudonym` is owned here (charter_policy_free releases it). */
typedef struct {
	const ppreg_node *charters;   /* list of {version, text, effective_on, sha256} */
	const ppreg_node *current;    /* the item of `charters` that is current_version */
	const char *current_version;
	ppreg_date current_effective;
	const ppreg_node *required;   /* list of clause ids */
	ppreg_duration renewal;
	const char *renewal_text;     /* as written, for messages ("P3Y") */
	const char *pattern;          /* the pseudonym pattern, as written */
	regex_t pseudonym;            /* compiled, POSIX extended */
} charter_policy;

/* The policy's entry for a charter version, or NULL when it lists none. */
const ppreg_node *charter_policy_entry(const ppreg_check *c, const charter_policy *pol,
                                       const char *version);

/* commitments.c */
void charter_check_official(ppreg_check *c, const charter_policy *pol, const ppreg_node *charter);
void charter_check_commitment(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitment);
int charter_check_unique(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitments);

/* A partner id fit to print in a message: the id when it is a pseudonym,
 * otherwise "this partner", so reports never spread a name further. */
const char *charter_partner_label(const ppreg_check *c, const charter_policy *pol, const ppreg_node *partner);

/* pseudonyms.c */

/* charter.pseudonymous over one declaration file (charter.yaml or
 * training.yaml): every `partner` of `list_key` ("commitments",
 * "certifications") is a pseudonym, no item carries an identity key
 * ("name", "phone_number", ...) at any depth, and no scalar anywhere holds
 * an e-mail address or a phone number. */
void charter_check_pseudonyms(ppreg_check *c, const charter_policy *pol, const ppreg_node *root,
                              const char *list_key);

/* charter.pseudonymous over the comments of a declaration file of the
 * platform ("charter.yaml"), read as bytes: no e-mail address or phone
 * number, reported at the comment's '#'. -1 after api->fail(). */
int charter_check_comments(ppreg_check *c, const char *file);

#endif /* PPREG_CHARTER_H */
