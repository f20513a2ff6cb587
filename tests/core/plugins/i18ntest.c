/*
 * i18ntest.c - a plugin carrying its own catalogue (text domain
 * ppreg-i18ntest, tests/core/plugins/i18ntest-po/, built into locale/
 * beside it), the way a third-party plugin ships its French: its
 * descriptor, a finding's format, a piece translated with ppreg_tr() and
 * an amount and a date in the run's language. Not installed.
 */
#include "ppreg/plugin.h"

static const ppreg_rule rules[] = {
	{"i18ntest.payment", PPREG_SEV_ERROR,
	 PPREG_N_("every payment is declared with its payer"),
	 PPREG_N_("test source: a fictitious article"),
	 PPREG_N_("Name the payer of each payment.")},
};

static const ppreg_field fields[] = {
	{"name", PPREG_T_STRING, 0, NULL, NULL},
	{"amount", PPREG_T_AMOUNT, 0, NULL, NULL},
	{"day", PPREG_T_DATE, 0, NULL, NULL},
};

static const ppreg_schema schemas[] = {{"sample.yaml", fields, sizeof fields / sizeof *fields}};

static int setup(ppreg_check *c, void **state)
{
	(void)c;
	*state = NULL;
	return 0;
}

static int judge(ppreg_check *c, const void *state)
{
	const ppreg_api *api = c->api;
	const ppreg_node *root = api->file(c, "sample.yaml"), *at = api->get(root, "amount");
	long long cents;
	ppreg_date day;
	char money[PPREG_TEXT_MAX], when[PPREG_TEXT_MAX];
	(void)state;
	if (api->amount(at, &cents) != PPREG_OK || api->date(api->get(root, "day"), &day) != PPREG_OK)
		return 0;
	const char *payer = ppreg_text(c, api->get(root, "name"));
	ppreg_reportf(c, "i18ntest.payment", at, "%s paid on %s by %s", ppreg_amount_text(c, cents, "EUR", money),
	              ppreg_date_text(c, day, when), payer ? payer : ppreg_tr(c, "an unnamed payer"));
	return 0;
}

PPREG_DEFINE_PLUGIN("i18ntest", "1.0.0", PPREG_N_("i18ntest: a plugin translated by its own catalogue"), rules,
                    schemas, setup, judge, free)
