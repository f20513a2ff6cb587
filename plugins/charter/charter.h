/*
 * charter.h - what the files of the charter plugin share: the policy's
 * parameters once read and checked (charter.c), and the checks
 * (commitments.c: what a commitment says and who signed it; partners.c:
 * the partner's status and missions, read against transparency.yaml and
 * registration.yaml; pseudonyms.c: who it names;
 * the pure text helpers are plugins/lib/text.h, shared with training).
 */
#ifndef PPREG_CHARTER_H
#define PPREG_CHARTER_H

#include "ppreg/plugin.h"
#include "text.h"

#include <regex.h>

/* One remembered answer of the pseudonym pattern (charter_is_pseudonym). */
typedef struct {
	char id[32];          /* NUL-terminated; "" for an empty slot */
	unsigned char match;
} charter_memo_slot;
#define CHARTER_MEMO_SLOTS 64

/* The plugin's `params` block, read once per run (setup). Nodes belong to
 * the core; `pseudonym`, `required_texts`, `clause_seen` and `memo` are
 * owned here (teardown releases them). The last two are scratch space the
 * checks write: a worker judges one platform at a time. */
typedef struct {
	const ppreg_node *charters;   /* list of {version, text, effective_on, sha256} */
	const ppreg_node *current;    /* the item of `charters` that is current_version */
	const char *current_version;
	ppreg_date current_effective;
	const char **required_texts;  /* the required clause ids, n_required of them */
	size_t n_required;
	unsigned char *clause_seen;   /* per required clause, for one commitment */
	ppreg_duration renewal;
	const char *renewal_text;     /* as written, for messages ("P3Y") */
	const char *pattern;          /* the pseudonym pattern, as written */
	regex_t pseudonym;            /* compiled, POSIX extended */
	int compiled;                 /* pseudonym holds a compiled pattern */
	charter_memo_slot *memo;      /* CHARTER_MEMO_SLOTS answers of `pseudonym` */
	/* Readings of later policies, off when their parameter is absent: */
	const ppreg_node *signing_statuses; /* partner_status values that must sign; NULL:
	                                     * every commitment signs, partner_status unread */
	int missions;                 /* charter.missions runs (require_missions) */
	int joint_signature;          /* charter.joint-signature runs (require_countersignature) */
} charter_policy;

/* The partner statuses of L.1191-3 (professional, volunteer, benevolent),
 * as transparency.yaml counts them in patient_partners.by_status. */
#define CHARTER_STATUSES "salaried|volunteer|benevolent"

/* The service ids of registration.yaml, sorted (partners.c), for the
 * missions of every commitment: `known` is 0 when the file or its list
 * cannot be read (the core reported why), and ids are then not compared. */
typedef struct {
	const char **ids;
	size_t n;
	int known;
} charter_services;

/* The policy's entry for a charter version, or NULL when it lists none. */
const ppreg_node *charter_policy_entry(const ppreg_check *c, const charter_policy *pol,
                                       const char *version);

/* commitments.c */
void charter_check_official(ppreg_check *c, const charter_policy *pol, const ppreg_node *charter);
void charter_check_commitment(ppreg_check *c, const charter_policy *pol, const charter_services *sv,
                              const ppreg_node *commitment);
int charter_check_unique(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitments);

/* Whether a commitment must carry a signature: always without
 * signing_statuses; with them, when its partner_status is one of them or
 * cannot be read (charter.signed reports that). */
int charter_must_sign(const ppreg_check *c, const charter_policy *pol, const ppreg_node *commitment);

/* partners.c (policies with signing_statuses, require_missions) */

/* charter.signed: every commitment gives a partner_status, and the active
 * commitments counted by status agree with transparency.yaml's
 * patient_partners.by_status (reported at the count that differs). */
void charter_check_statuses(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitments);

/* Fills sv from registration.yaml (-1 after api->fail()); the caller
 * frees sv->ids. */
int charter_services_load(ppreg_check *c, charter_services *sv);

/* charter.missions: an active commitment lists its partner's missions,
 * each a services[].id of registration.yaml. */
void charter_check_missions(ppreg_check *c, const charter_policy *pol, const charter_services *sv,
                            const ppreg_node *commitment);

/* commitments.c, with require_countersignature:
 * charter.joint-signature: a signed active commitment is countersigned for
 * the service: who signed and when, renewed as the partner's signature. */
void charter_check_countersignature(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitment);

/* Whether `id` matches the policy's pseudonym pattern. The answers for
 * short ids are remembered: a platform's partners come back in
 * training.yaml, and a regexec() costs far more than a look-up
 * (docs/benchmark.md). */
int charter_is_pseudonym(const charter_policy *pol, const char *id);

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
 * platform ("charter.yaml"), as the core read them: no e-mail address or
 * phone number, reported at the comment's '#'. */
void charter_check_comments(ppreg_check *c, const char *file);

#endif /* PPREG_CHARTER_H */
