/*
 * hostile.c - plugins that attack the core that loads them, built against
 * the public header alone (include/ppreg/plugin.h, as installed), one shared
 * object per attack: HOSTILE_ATTACK names it (tests/adversarial/CMakeLists.txt).
 * Each is what a careless or malicious plugin author could ship; the tests
 * of tests/adversarial/ hold the core to a judged result or exit 2 naming
 * the plugin, whatever the plugin does.
 */
#include "ppreg/plugin.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define ATTACK_IS(name) (strcmp(HOSTILE_ATTACK, name) == 0)

static const ppreg_rule rules[] = {
	{HOSTILE_NAME ".seen", PPREG_SEV_ERROR, "the platform was seen", "test", "none"},
};

/* descriptor attacks: a field without a path, a field reporting under
 * another plugin's rule, counts that are not the arrays' lengths */
static const ppreg_field fields[] = {
	{"attack", PPREG_T_STRING, 0, NULL, NULL},
	{NULL, PPREG_T_STRING, 0, NULL, NULL},
	{"flag", PPREG_T_BOOL, PPREG_REQUIRED, NULL, "coretest.flag"},
};

static const ppreg_schema schemas[] = {{"sample.yaml", fields, 1}};
static const ppreg_schema null_path[] = {{"sample.yaml", fields, 2}};
static const ppreg_schema foreign_rule[] = {{"sample.yaml", fields + 2, 1}};
static const ppreg_schema many_fields[] = {{"sample.yaml", fields, (size_t)1 << 40}};

/* Runtime attacks, on every platform whose sample.yaml has `attack: yes`. */
static int check(ppreg_check *c)
{
	const ppreg_api *api = c->api;
	const char *attack = ppreg_text(c, api->get(api->file(c, "sample.yaml"), "attack"));
	if (!attack || strcmp(attack, "yes"))
		return 0;
	if (ATTACK_IS("spawn_loop")) { /* a child of its own, then both busy for ever */
		if (fork() < 0)
			return api->fail(c, "fork failed");
		for (volatile unsigned long i = 0;; i++)
			;
	}
	if (ATTACK_IS("shared_hog")) { /* memory the heap's limit does not see, 1 GiB at most */
		for (int i = 0; i < 64; i++) {
			char *p = mmap(NULL, 16 << 20, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
			if (p == MAP_FAILED)
				abort();
			memset(p, 1, 16 << 20);
		}
		return 0;
	}
	if (ATTACK_IS("close_fds")) { /* every descriptor the worker holds */
		for (int fd = 0; fd < 1024; fd++)
			close(fd);
		return 0;
	}
	return 0;
}

static ppreg_plugin plugin;

/* Entry-point attacks: what setup() and teardown() do, by the attack's name. */
static void misbehave(const char *where)
{
	char name[64];
	snprintf(name, sizeof name, "%s_exit", where);
	if (ATTACK_IS(name))
		exit(0);
	snprintf(name, sizeof name, "%s_crash", where);
	if (ATTACK_IS(name))
		raise(SIGSEGV);
	snprintf(name, sizeof name, "%s_loop", where);
	if (ATTACK_IS(name))
		for (;;)
			pause();
	snprintf(name, sizeof name, "%s_print", where);
	if (ATTACK_IS(name))
		printf("{\"printed by %s\": true}\n", where);
}

static int setup(ppreg_check *c, void **state)
{
	(void)c;
	misbehave("setup");
	*state = &plugin; /* a state, so that the core calls teardown() */
	return 0;
}

static void teardown(void *state)
{
	(void)state;
	misbehave("teardown");
}

static ppreg_plugin plugin = {
	.abi_version = PPREG_ABI_VERSION,
	.size = sizeof(ppreg_plugin),
	.name = HOSTILE_NAME,
	.version = "0.0.0",
	.summary = "attacks the core",
	.rules = rules,
	.n_rules = 1,
	.schemas = schemas,
	.n_schemas = 1,
	.check = check,
	.setup = setup,
	.teardown = teardown,
};

PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi)
{
	(void)core_abi;
	misbehave("entry");
	if (ATTACK_IS("null_path"))
		plugin.schemas = null_path;
	else if (ATTACK_IS("foreign_rule"))
		plugin.schemas = foreign_rule;
	else if (ATTACK_IS("many_fields"))
		plugin.schemas = many_fields;
	else if (ATTACK_IS("many_rules"))
		plugin.n_rules = (size_t)-1;
	return &plugin;
}
