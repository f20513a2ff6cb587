/*
 * partners.c - what later policies ask a commitment to say of its partner
 * (draft L.1191-3 CSP): its status, since the text binds volunteer and
 * benevolent partners to sign (charter.signed, with signing_statuses),
 * counted as transparency.yaml counts them; and its missions, the services
 * of registration.yaml it works in (charter.missions, with
 * require_missions). Both read another declaration file of the platform
 * through the API (api->file), as the transparency plugin reads
 * charter.yaml.
 */
#include "charter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_names[] = {"salaried", "volunteer", "benevolent"};
#define N_STATUSES (sizeof status_names / sizeof *status_names)

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int charter_services_load(ppreg_check *c, charter_services *sv)
{
	const ppreg_api *api = c->api;
	const ppreg_node *reg = api->file(c, "registration.yaml");
	const ppreg_node *services = ppreg_list(c, api->get(reg, "services"));
	size_t n = api->count(services);
	memset(sv, 0, sizeof *sv);
	sv->known = reg != NULL && services != NULL;
	if (!n)
		return 0;
	if (!(sv->ids = calloc(n, sizeof *sv->ids)))
		return api->fail(c, ppreg_tr(c, "out of memory"));
	for (size_t i = 0; i < n; i++) {
		const char *id = ppreg_text(c, api->get(api->item(services, i), "id"));
		if (id)
			sv->ids[sv->n++] = id;
	}
	qsort(sv->ids, sv->n, sizeof *sv->ids, by_text);
	return 0;
}

static int service_known(const charter_services *sv, const char *id)
{
	return sv->n && bsearch(&id, sv->ids, sv->n, sizeof *sv->ids, by_text) != NULL;
}

/* One mission: a service id of registration.yaml. Without a readable
 * registration.yaml (the core reported why) ids are not compared. */
static void check_mission(ppreg_check *c, const charter_services *sv, const ppreg_node *mn)
{
	const char *id = ppreg_text(c, mn);
	if (!id)
		ppreg_reportf(c, "charter.missions", mn, "a mission is the id of a service of registration.yaml");
	else if (sv->known && !service_known(sv, id) && text_echo_safe(id))
		ppreg_reportf(c, "charter.missions", mn, "mission '%s' is not a service of registration.yaml", id);
	else if (sv->known && !service_known(sv, id)) /* may be personal data: pointed at */
		ppreg_reportf(c, "charter.missions", mn, "the mission is not a service of registration.yaml");
}

void charter_check_missions(ppreg_check *c, const charter_policy *pol, const charter_services *sv,
                            const ppreg_node *commitment)
{
	const ppreg_api *api = c->api;
	const ppreg_node *missions = api->get(commitment, "missions");
	const char *who = charter_partner_label(c, pol, api->get(commitment, "partner"));
	if (api->kind(missions) == PPREG_NODE_NULL)
		ppreg_reportf(c, "charter.missions", missions ? missions : commitment, "the commitment of %s lists no "
		              "missions (missions: the services[].id of registration.yaml the partner works in)", who);
	else if (api->kind(missions) != PPREG_NODE_LIST)
		ppreg_reportf(c, "charter.missions", missions, "missions is a list of service ids of registration.yaml");
	else if (api->count(missions) == 0)
		ppreg_reportf(c, "charter.missions", missions, "the commitment of %s lists no missions", who);
	else
		for (size_t i = 0; i < api->count(missions); i++)
			check_mission(c, sv, api->item(missions, i));
}

/* The index of a partner_status, or -1 when it is missing or not one of
 * the statuses (reported here, at the commitment or the value). */
static int read_status(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitment)
{
	const ppreg_api *api = c->api;
	const ppreg_node *sn = api->get(commitment, "partner_status");
	const char *status = ppreg_text(c, sn);
	for (size_t k = 0; status && k < N_STATUSES; k++)
		if (!strcmp(status, status_names[k]))
			return (int)k;
	if (api->kind(sn) == PPREG_NODE_NULL)
		ppreg_reportf(c, "charter.signed", sn ? sn : commitment, "the commitment of %s does not give partner_status "
		              "(salaried, volunteer or benevolent): the policy has volunteer and benevolent partners sign",
		              charter_partner_label(c, pol, api->get(commitment, "partner")));
	else
		ppreg_reportf(c, "charter.signed", sn, "partner_status is one of salaried, volunteer, benevolent");
	return -1;
}

/* Appends " N" to a bounded list of line numbers ("4, 7, ..."). */
static void add_line(char *buf, size_t size, const ppreg_check *c, const ppreg_node *n)
{
	const char *file = NULL;
	unsigned line = 0, column = 0;
	size_t len = strlen(buf);
	c->api->where(n, &file, &line, &column);
	if (len + 16 >= size) {
		if (len + 4 < size && strcmp(buf + len - 3, "..."))
			memcpy(buf + len, "...", 4);
		return;
	}
	snprintf(buf + len, size - len, "%s%u", len ? ", " : "", line);
}

/* The active partners by status, compared with transparency.yaml's count
 * of each: one finding per status that differs, at that count, naming the
 * lines of charter.yaml, so that the reviewer sees both sides. Not
 * compared while a status cannot be read (reported above). */
void charter_check_statuses(ppreg_check *c, const charter_policy *pol, const ppreg_node *commitments)
{
	const ppreg_api *api = c->api;
	long long count[N_STATUSES] = {0};
	char lines[N_STATUSES][120] = {"", "", ""};
	int complete = 1;
	for (size_t i = 0; i < api->count(commitments); i++) {
		const ppreg_node *k = api->item(commitments, i);
		if (api->kind(k) != PPREG_NODE_MAP)
			continue;
		int s = read_status(c, pol, k);
		const char *status = ppreg_text(c, api->get(k, "status"));
		if (!status || strcmp(status, "active"))
			continue;
		if (s < 0) {
			complete = 0;
			continue;
		}
		count[s]++;
		add_line(lines[s], sizeof lines[s], c, k);
	}
	const ppreg_node *by = api->get(api->file(c, "transparency.yaml"), "patient_partners.by_status");
	for (size_t s = 0; complete && s < N_STATUSES; s++) {
		const ppreg_node *n = api->get(by, status_names[s]);
		long long declared;
		if (api->integer(n, &declared) != PPREG_OK || declared == count[s])
			continue;
		ppreg_reportf(c, "charter.signed", n, "patient_partners.by_status.%s is %lld, but charter.yaml has %lld active "
		              "commitment%s with partner_status %s%s%s%s", status_names[s], declared, count[s],
		              count[s] == 1 ? "" : "s", status_names[s], count[s] > 1 ? ppreg_tr(c, " (lines ") : count[s] ? ppreg_tr(c, " (line ") : "", lines[s],
		              count[s] ? ")" : "");
	}
}
