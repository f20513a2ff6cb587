/*
 * cli/options.c - option parsing shared by the commands.
 */
#include "cli/options.h"
#include "base/i18n.h"
#include "base/suggest.h"
#include "yaml/date.h"
#include "yaml/scalar.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, _("ppreg %s: "), cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 2;
}

int option_once(const char *cmd, const char **slot, const char *name)
{
	if (*slot)
		return usage_error(cmd, _("%s given twice"), name);
	*slot = optarg;
	return 0;
}

int flag_once(const char *cmd, int *flag, const char *name)
{
	if (*flag)
		return usage_error(cmd, _("%s given twice"), name);
	*flag = 1;
	return 0;
}

int option_jobs(const char *cmd, const char *text, long *jobs)
{
	if (!text)
		return 0;
	char *end;
	long n = strtol(text, &end, 10);
	if (*end || end == text || n < 1 || n > 1024)
		return usage_error(cmd, _("--jobs must be between 1 and 1024"));
	*jobs = n;
	return 0;
}

int parse_as_of(const char *text, ppreg_date *out)
{
	if (!text) {
		*out = date_today_utc();
		return 0;
	}
	return scalar_date(text, out);
}

/* YYYY-MM-DD in form: digits where they go, whatever their values. */
static int date_shaped(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	for (size_t i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != '-')
			return 0;
	return s[sizeof shape - 1] == '\0';
}

int option_as_of(const char *cmd, const char *text, ppreg_date *out)
{
	if (parse_as_of(text, out) == 0)
		return 0;
	if (date_shaped(text))
		return usage_error(cmd, _("--as-of '%s': no such day in the calendar"), text);
	return usage_error(cmd, _("--as-of '%s' is not a date YYYY-MM-DD"), text);
}

void options_reset(void)
{
	optind = 1;
	opterr = 0; /* option_error() says it, as "ppreg CMD:", with a suggestion */
}

static const struct option *long_option_of(const struct option *longopts, int val)
{
	for (const struct option *o = longopts; o->name; o++)
		if (!o->flag && o->val == val)
			return o;
	return NULL;
}

int option_error(const char *cmd, const struct option *longopts, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	const struct option *known = optopt ? long_option_of(longopts, optopt) : NULL;
	if (optopt && strncmp(arg, "--", 2))
		return usage_error(cmd, known && known->has_arg ? _("option '-%c' needs a value") :
		                   _("unknown option '-%c'; see 'ppreg %s --help'"), optopt, cmd);
	if (known)
		return usage_error(cmd, strchr(arg, '=') ? _("option '--%s' takes no value") :
		                   _("option '--%s' needs a value"), known->name);
	size_t len = strcspn(arg, "=");
	char *name = xstrndup(arg, len);
	suggestion sg;
	suggest_init(&sg, name + 2);
	for (const struct option *o = longopts; o->name; o++)
		suggest_offer(&sg, o->name);
	int rc = suggest_best(&sg)
	         ? usage_error(cmd, _("unknown option '%s'; did you mean '--%s'?"), name, suggest_best(&sg))
	         : usage_error(cmd, _("unknown option '%s'; see 'ppreg %s --help'"), name, cmd);
	free(name);
	return rc;
}

int parse_plugin_dir_option(const char *cmd, const char *usage_text, int argc, char **argv,
                            const char **dir, int *help_shown)
{
	static const struct option longopts[] = {
		{"plugin-dir", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c;
	*help_shown = 0;
	options_reset();
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'D') {
			if (option_once(cmd, dir, "--plugin-dir"))
				return 2;
		} else if (c == 'h') {
			fputs(_(usage_text), stdout);
			*help_shown = 1;
			return 0;
		} else {
			return option_error(cmd, longopts, argv);
		}
	}
	return 0;
}
