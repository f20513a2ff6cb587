/* older.c - a plugin built before setup() existed (test): its descriptor
 * ends at check, so the core must neither read nor call what follows. The
 * members past its size are filled with a setup() that aborts, to prove it. */
#include "ppreg/plugin.h"

#include <stdlib.h>

static const ppreg_rule rules[] = {
	{"older.ran", PPREG_SEV_WARNING, "the check ran", "test", "none"},
};

static int check(ppreg_check *c)
{
	ppreg_reportf(c, "older.ran", NULL, "older plugin judged %s", c->platform);
	return 0;
}

static int setup(ppreg_check *c, void **state)
{
	(void)c, (void)state;
	abort();
}

static const ppreg_plugin plugin = {
	.abi_version = 1,
	.size = offsetof(ppreg_plugin, setup),
	.name = "older",
	.version = "0.1.0",
	.summary = "a plugin of the first ABI 1 layout",
	.rules = rules,
	.n_rules = 1,
	.check = check,
	.setup = setup,
};

PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi)
{
	(void)core_abi;
	return &plugin;
}
