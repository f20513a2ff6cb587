/* short.c - a descriptor too short to hold the ABI 1 members (test). */
#include "ppreg/plugin.h"

static int check(ppreg_check *c) { (void)c; return 0; }
static const ppreg_plugin plugin = {1, 8, "short", "0.1.0", "", 0, 0, 0, 0, check, NULL, NULL, NULL};
PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi)
{
	(void)core_abi;
	return &plugin;
}
