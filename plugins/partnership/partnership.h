/*
 * partnership.h - what the files of the partnership plugin share: the HAS
 * checklist's items and the policy's parameters, read once per run by
 * partnership.c's setup. partnership.c holds the descriptor, the file, the
 * projects and their partners; checklist.c the three principles.
 */
#ifndef PPREG_PARTNERSHIP_H
#define PPREG_PARTNERSHIP_H

#include "ppreg/plugin.h"

/* The three principles of the HAS synthesis of 28 May 2026, one key of a
 * project each, one rule each. */
typedef enum { CO_DECISION, CO_CONDUCT, CO_EVALUATION } pship_phase;

/* One question of the HAS "check-list rapide" (the second, the number of
 * partners, is the project's `partners`): its key under its principle. */
typedef struct {
	const char *key;        /* "shared_diagnosis" */
	pship_phase phase;
	const char *question;   /* the HAS question, for messages */
} pship_item;

#define PSHIP_N_ITEMS 9
extern const pship_item pship_items[PSHIP_N_ITEMS];

/* The answers the checklist's columns allow: Oui, Non, En cours. */
#define PSHIP_ANSWERS "yes|no|in-progress"
#define PSHIP_STATUSES "ongoing|completed"

/* The policy's `params` for partnership, checked before any platform. */
typedef struct {
	long long min_partners;         /* patient partners in each project */
	int asked[PSHIP_N_ITEMS];       /* the items the policy's `checklist` names */
} pship_params;

/* checklist.c: the items of one project the policy asks for; -1 after
 * api->fail(). */
int pship_check_checklist(ppreg_check *c, const ppreg_node *project, const pship_params *p);

#endif /* PPREG_PARTNERSHIP_H */
