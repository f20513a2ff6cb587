/*
 * coretest.c - a plugin for the core's own tests: a schema with one field of
 * every type over "sample.yaml", and checks that exercise reporting and the
 * folder functions. Not installed.
 */
#include "ppreg/plugin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const ppreg_rule rules[] = {
	{"coretest.name", PPREG_SEV_ERROR, "name is required", "test", "add a name"},
	{"coretest.flag", PPREG_SEV_ERROR, "flag is true", "test", "set flag: true"},
	{"coretest.evidence", PPREG_SEV_ERROR, "evidence file checks", "test", "fix the evidence"},
	{"coretest.note", PPREG_SEV_WARNING, "a warning rule", "test", "none"},
};

static const ppreg_field fields[] = {
	{"name", PPREG_T_STRING, PPREG_REQUIRED, NULL, "coretest.name"},
	{"count", PPREG_T_INT, 0, NULL, NULL},
	{"amount", PPREG_T_NUMBER, 0, NULL, NULL},
	{"flag", PPREG_T_BOOL, 0, NULL, NULL},
	{"day", PPREG_T_DATE, 0, NULL, NULL},
	{"period", PPREG_T_DURATION, 0, NULL, NULL},
	{"color", PPREG_T_ENUM, 0, "red|green", NULL},
	{"site", PPREG_T_URL, 0, NULL, NULL},
	{"mail", PPREG_T_EMAIL, 0, NULL, NULL},
	{"country", PPREG_T_COUNTRY, 0, NULL, NULL},
	{"digest", PPREG_T_SHA256, 0, NULL, NULL},
	{"items", PPREG_T_LIST, 0, NULL, NULL},
	{"items[]", PPREG_T_MAP, 0, NULL, NULL},
	{"items[].id", PPREG_T_STRING, PPREG_REQUIRED, NULL, NULL},
	{"meta", PPREG_T_ANY, 0, NULL, NULL},
	{"evidence", PPREG_T_STRING, 0, NULL, NULL},
	{"note", PPREG_T_STRING, 0, NULL, NULL},
};

static const ppreg_schema schemas[] = {{"sample.yaml", fields, sizeof fields / sizeof *fields}};

static void *volatile leaked; /* kept, so the compiler keeps the leak */

/* The ways a plugin can go wrong, on demand, for the isolation tests. */
static void misbehave(const char *how)
{
	if (!strcmp(how, "segv")) {
		volatile int *p = NULL;
		*p = 1;
	} else if (!strcmp(how, "abort")) {
		abort();
	} else if (!strcmp(how, "exit")) {
		exit(0);
	} else if (!strcmp(how, "loop")) {
		for (volatile unsigned long i = 0;; i++)
			;
	} else if (!strcmp(how, "hog")) { /* allocates without end: 1 GiB at most */
		for (int i = 0; i < 1024; i++) {
			char *p = malloc(1 << 20);
			volatile char *q = p; /* like most code, does not check */
			for (size_t j = 0; j < (1 << 20); j += 4096)
				q[j] = 1;
		}
	} else if (!strcmp(how, "print")) { /* debugging output, on stdout */
		printf("coretest says hello\n");
		fflush(stdout);
		if (write(STDOUT_FILENO, "coretest writes\n", 16) != 16)
			abort();
	} else if (!strcmp(how, "leak")) { /* 8 MiB on every platform, never freed */
		char *p = malloc(8 << 20);
		memset(p, 1, 8 << 20); /* like most code, does not check */
		leaked = p;
	}
}

/* setup() on demand, from the policy's params: `setup: fail` refuses the
 * policy, `setup: report` misbehaves by reporting a finding, and
 * `greeting: X` is copied into the state every check() reports. */
static int setup(ppreg_check *c, void **state)
{
	const ppreg_api *api = c->api;
	const char *how = ppreg_text(c, api->get(c->params, "setup"));
	const char *greeting = ppreg_text(c, api->get(c->params, "greeting"));
	*state = NULL;
	if (c->platform || api->file(c, "sample.yaml"))
		return api->fail(c, "setup() was given a platform");
	if (how && !strcmp(how, "fail"))
		return api->fail(c, "asked to fail in setup");
	if (how && !strcmp(how, "report"))
		ppreg_reportf(c, "coretest.note", NULL, "a finding without a platform");
	if (greeting && !(*state = strdup(greeting)))
		return api->fail(c, "out of memory");
	return 0;
}

static void teardown(void *state)
{
	free(state);
}

static int check(ppreg_check *c)
{
	const ppreg_api *api = c->api;
	const ppreg_node *root = api->file(c, "sample.yaml");
	if (PPREG_CHECK_HAS(c, state) && c->state)
		ppreg_reportf(c, "coretest.note", NULL, "state: %s", (const char *)c->state);
	if (!root)
		return 0;
	int flag;
	const ppreg_node *n = api->get(root, "flag");
	if (api->boolean(n, &flag) == PPREG_OK && !flag)
		ppreg_reportf(c, "coretest.flag", n, "flag is false");
	const char *path, *note, *country;
	if (api->str(api->get(root, "country"), &country) == PPREG_OK)
		ppreg_reportf(c, "coretest.note", api->get(root, "country"), "country %s", country);
	n = api->get(root, "evidence");
	if (api->str(n, &path) == PPREG_OK) {
		char hex[65];
		int rc = api->file_sha256(c, path, hex);
		static const char *names[] = {"ok", "absent", "badtype", "symlink", "escapes", "error"};
		ppreg_reportf(c, "coretest.evidence", n, "%s %s", names[-rc], rc ? "" : hex);
	}
	if (api->str(api->get(root, "note"), &note) == PPREG_OK) {
		if (!strcmp(note, "fail"))
			return api->fail(c, "asked to fail");
		if (!strcmp(note, "at") || !strcmp(note, "at-escape")) {
			api->report_at(c, "coretest.note", PPREG_SEV_DEFAULT, note[2] ? "../sample.yaml" : "sample.yaml",
			               7, 3, "reported at a line");
			return 0;
		}
		if (!strncmp(note, "lapse", 5)) { /* lapse, lapse-warning, lapse-foreign, lapse-invalid */
			ppreg_date day = {2027, 2, !strcmp(note, "lapse-invalid") ? 29 : 28};
			ppreg_lapse(c, !strcmp(note, "lapse-warning") ? "coretest.note" :
			               !strcmp(note, "lapse-foreign") ? "other.rule" : "coretest.flag",
			            api->get(root, "note"), day);
			return 0;
		}
		misbehave(note);
		ppreg_reportf(c, "coretest.note", api->get(root, "note"), "note: %s", note);
	}
	return 0;
}

static const ppreg_plugin plugin = {
	.abi_version = PPREG_ABI_VERSION,
	.size = sizeof(ppreg_plugin),
	.name = "coretest",
	.version = "0.1.0",
	.summary = "core test plugin",
	.rules = rules,
	.n_rules = sizeof rules / sizeof *rules,
	.schemas = schemas,
	.n_schemas = 1,
	.check = check,
	.setup = setup,
	.teardown = teardown,
};

PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi)
{
	(void)core_abi;
	return &plugin;
}
