/*
 * gdpr.h - what the files of the gdpr plugin share: the policy's numbers
 * (read once per run by gdpr.c's setup) and helpers over the public API.
 * gdpr.c holds the descriptor and the checks of the record of processing;
 * hosting.c where data lives (HDS, transfers, processors);
 * evidence.c the verification of every document a claim names.
 */
#ifndef PPREG_GDPR_H
#define PPREG_GDPR_H

#include "ppreg/plugin.h"

/* The format's enumerations this plugin owns, as "a|b|c". */
#define LEGAL_BASES "consent|contract|legal-obligation|vital-interests|public-task|legitimate-interests"
#define ART9_CONDITIONS "explicit-consent|vital-interests|health-care|public-interest-health|research|other"
#define TRANSFER_MECHANISMS "adequacy|scc|bcr"

/* The policy's `params` for gdpr, checked before any platform. */
typedef struct {
	ppreg_duration max_retention;     /* longest retention period */
	const char *max_retention_text;   /* as the policy writes it, for messages */
	ppreg_duration max_dpia_age;      /* done_on + this >= as-of */
	ppreg_duration max_hds_window;    /* valid_until <= valid_from + this */
	double max_breach_hours;          /* notification to the authority */
	const ppreg_node *eea;            /* country codes of the EEA */
	const ppreg_node *adequacy;       /* countries with an adequacy decision */
	/* health_data_recipients.legal_form_suffixes, or NULL: a policy
	 * without gdpr.health-data-recipients (2026.1). */
	const ppreg_node *recipient_suffixes;
} gdpr_params;

/* hosting.c: HDS certificates (when `health`), transfers, processors. */
void gdpr_check_hosting(ppreg_check *c, const ppreg_node *root, const gdpr_params *p, int health);
/* Whether a processing activity processes health data. */
int gdpr_processes_health(const ppreg_check *c, const ppreg_node *act);
/* recipients.c: the named recipients of health data (health_data_recipients). */
void gdpr_check_recipients(ppreg_check *c, const ppreg_node *root, const gdpr_params *p);
/* evidence.c: one {path, sha256} item; -1 after api->fail(). */
int gdpr_check_evidence(ppreg_check *c, const ppreg_node *item);

#endif /* PPREG_GDPR_H */
