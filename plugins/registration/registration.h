/*
 * registration.h - what the files of the registration plugin share: the
 * policy's parameters, a few readers over the public API, and
 * one function per part of registration.yaml.
 *
 *   registration.c   descriptor (rules, schema), parameters, check()
 *   identity.c       platform.id, SIREN, SIRET, VAT, RNA
 *   activity.c       kind, channels, website, domains and services
 *   contact.c        legal representative, postal address, e-mail
 *   authorization.c  the health minister's authorization at the as-of date
 *   identifiers.c    pure SIREN/SIRET/VAT/RNA functions (unit-tested)
 *   formats.c        pure slug and postcode functions (unit-tested)
 */
#ifndef PPREG_REGISTRATION_H
#define PPREG_REGISTRATION_H

#include "ppreg/plugin.h"

/* The policy's `params` for registration, read before any platform. */
/* At most this many domains in the policy's list: a declared set is a bit
 * set of them. */
#define REG_MAX_DOMAINS 32

typedef struct {
	ppreg_severity applied; /* severity of status `applied`; PPREG_SEV_OFF: not reported */
	int expiry_optional;    /* a granted authorization may give no expires_on */
	const char *domains[REG_MAX_DOMAINS]; /* the closed list of domains */
	size_t n_domains;
} reg_params;

/* The text of a string value this plugin may judge, or NULL: absent, of
 * another type, or empty (the core reports an empty string as core.type,
 * and a second finding on the same value would be noise). */
const char *reg_text(const ppreg_check *c, const ppreg_node *n);
/* 1 when `n` is absent or null: a conditionally required field is missing.
 * A present value of the wrong type is not missing (the core reported it). */
int reg_missing(const ppreg_check *c, const ppreg_node *n);

/* The index of `s` in `names`, or -1. */
int reg_index_of(const char *s, const char *const *names, size_t n);

void reg_check_id(ppreg_check *c, const ppreg_node *root);
void reg_check_identifiers(ppreg_check *c, const ppreg_node *entity);
void reg_check_kind(ppreg_check *c, const ppreg_node *platform);
void reg_check_domains(ppreg_check *c, const ppreg_node *root, const reg_params *p);
void reg_check_contact(ppreg_check *c, const ppreg_node *root);
void reg_check_authorization(ppreg_check *c, const ppreg_node *auth, const reg_params *p);

#endif /* PPREG_REGISTRATION_H */
