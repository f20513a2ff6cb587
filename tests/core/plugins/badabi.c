/* badabi.c - a plugin claiming an ABI the core does not know (test). */
#include "ppreg/plugin.h"

static int check(ppreg_check *c) { (void)c; return 0; }
static const ppreg_plugin plugin = {99, sizeof(ppreg_plugin), "badabi", "0.1.0", "", 0, 0, 0, 0, check, NULL, NULL, NULL};
PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi)
{
	(void)core_abi;
	return &plugin;
}
