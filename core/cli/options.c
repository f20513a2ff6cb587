/*
 * cli/options.c - option parsing shared by the commands.
 */
#include "cli/options.h"
#include "yaml/date.h"
#include "yaml/scalar.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "ppreg %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 2;
}

int option_once(const char *cmd, const char **slot, const char *name)
{
	if (*slot)
		return usage_error(cmd, "%s given twice", name);
	*slot = optarg;
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
			*dir = optarg;
		} else if (c == 'h') {
			fputs(usage_text, stdout);
			*help_shown = 1;
			return 0;
		} else {
			return usage_error(cmd, "see 'ppreg %s --help'", cmd);
		}
	}
	return 0;
}
