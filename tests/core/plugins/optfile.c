/*
 * optfile.c - a plugin with a file a platform may lack (test): opt.yaml is
 * optional, and its absence is a warning of the plugin's own; req.yaml is
 * required although no policy lists it. Not installed.
 */
#include "ppreg/plugin.h"

static const ppreg_rule rules[] = {
	{"optfile.absent", PPREG_SEV_WARNING, "opt.yaml is there", "test", "add opt.yaml"},
};
static const ppreg_field opt_fields[] = {{"name", PPREG_T_STRING, 0, NULL, NULL}};
static const ppreg_field req_fields[] = {{"name", PPREG_T_STRING, 0, NULL, NULL}};
static const ppreg_schema schemas[] = {{"opt.yaml", opt_fields, 1}, {"req.yaml", req_fields, 1}};
static const char *const optional[] = {"opt.yaml", NULL};

static int setup(ppreg_check *c, void **state)
{
	(void)c;
	*state = NULL;
	return 0;
}

static int judge(ppreg_check *c, const void *state)
{
	(void)state;
	if (!c->api->file(c, "opt.yaml"))
		c->api->report_at(c, "optfile.absent", PPREG_SEV_DEFAULT, "opt.yaml", 1, 1,
		                  "opt.yaml is missing: the plugin says what that means");
	return 0;
}

static void teardown(void *state)
{
	(void)state;
}

PPREG_DEFINE_PLUGIN_OPTIONAL("optfile", "0.1.0", "optfile: an optional file (test)", rules, schemas, optional,
                             setup, judge, teardown)
