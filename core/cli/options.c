/*
 * cli/options.c - option parsing shared by the commands.
 */
#include "cli/options.h"
#include "base/i18n.h"
#include "yaml/date.h"
#include "yaml/scalar.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

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

int parse_plugin_dir_option(const char *cmd, const char *usage_text, int argc, char **argv,
                            const char **dir, int *help_shown)
{
	static const struct option longopts[] = {
		{"plugin-dir", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c;
	*help_shown = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'D') {
			if (option_once(cmd, dir, "--plugin-dir"))
				return 2;
		} else if (c == 'h') {
			fputs(_(usage_text), stdout);
			*help_shown = 1;
			return 0;
		} else {
			return usage_error(cmd, _("see 'ppreg %s --help'"), cmd);
		}
	}
	return 0;
}
