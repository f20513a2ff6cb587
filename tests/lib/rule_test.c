/*
 * rule_test.c - judges a table of rule cases in one process, the fast path
 * of the tests that edit one declaration of the example platform and look
 * for a finding (tests/lib/tap.sh, make_case).
 *
 * usage: rule_test [--platform ID] [--policy FILE] [--plugin-dir DIR]
 *                  SCRATCH EXAMPLE TABLE
 *
 * SCRATCH is a registry folder (registry.yaml and platforms/) read as with
 * `ppreg check --worktree`, opened once with the policy registry.yaml names
 * (or --policy) and the plugins of this build (or --plugin-dir), as of
 * 2026-11-23; the platform judged is ID (default entraide-sante). EXAMPLE
 * is the registry the scratch files came from. TABLE has one directive a
 * line, fields separated by tabs:
 *
 *   case DIR            a new case: the files named next are read from DIR
 *   file REL            DIR/REL replaces SCRATCH/REL for this case
 *   grep OPTS PAT DESC  a line of the text report matches PAT, as `grep -q
 *                       OPTS`: OPTS is "-" (a basic expression) or letters
 *                       of E (extended), F (fixed) and v (no line matches)
 *   count OPTS PAT N DESC   exactly N lines match PAT
 *   only-rule RULE DESC every finding is of RULE
 *   rc N DESC           the exit status `ppreg check` would have (0, 1, 2)
 *   no-crash DESC       a verdict (exit 0 or 1) and no core.plugin-error
 *
 * Each assertion prints "ok - DESC" or "not ok - DESC" followed, on a
 * failure, by the report as "# " lines: tap.sh numbers them. After a case
 * every file it replaced gets its EXAMPLE bytes back (or is removed when
 * EXAMPLE has none), so each case starts from the compliant platform.
 */
#define _GNU_SOURCE /* getline, open_memstream */
#include "judge/platform_check.h"
#include "report/report.h"
#include "yaml/date.h"
#include "yaml/scalar.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_FILE ((size_t)64 << 20)
#define MAX_FIELDS 5

typedef struct {
	const char *scratch, *example, *platform;
	run *run;
	char *dir;        /* the current case's folder */
	ptrvec replaced;  /* paths (relative) the current case replaced */
	int judged;       /* the current case was judged: out, rc are its */
	char *out;        /* the text report */
	int rc;
} runner;

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "rule_test: %s: %s\n", what, detail);
	exit(2);
}

static void copy_file(const char *from, const char *to)
{
	unsigned char *data;
	size_t len;
	if (read_file_nofollow(from, MAX_FILE, &data, &len) < 0)
		die(from, error_last());
	if (write_file_atomic(to, data, len, 0644) < 0)
		die(to, error_last());
	free(data);
}

/* Puts back the example's bytes of every file the case replaced. */
static void end_case(runner *t)
{
	for (size_t i = 0; i < t->replaced.n; i++) {
		char *from = path_join(t->example, t->replaced.v[i]);
		char *to = path_join(t->scratch, t->replaced.v[i]);
		if (access(from, F_OK) == 0)
			copy_file(from, to);
		else
			unlink(to);
		free(from);
		free(to);
		free(t->replaced.v[i]);
	}
	t->replaced.n = 0;
	free(t->out);
	t->out = NULL;
	t->judged = 0;
}

/* The text report of the scratch platform and the exit status of
 * `ppreg check`: 2 when the check itself fails, as the command does. */
static void judge(runner *t)
{
	platform_result res;
	size_t len = 0;
	FILE *out = open_memstream(&t->out, &len);
	if (!out)
		die("open_memstream", "out of memory");
	/* a hang guard, as `timeout` is for the command */
	const char *limit = getenv("PPREG_TIMEOUT");
	alarm(limit && atoi(limit) > 0 ? (unsigned)atoi(limit) : 20);
	if (run_check_platform(t->run, t->platform, &res) < 0) {
		fprintf(out, "check failed: %s\n", error_last());
		t->rc = 2;
	} else {
		report rep = {.run = t->run, .registry_path = t->scratch, .commit = "",
		              .platforms = &res, .n_platforms = 1};
		report_summary s;
		date_format(t->run->opts.as_of, rep.as_of);
		if (report_write(out, &rep, &report_format_text) < 0)
			die("report", error_last());
		report_summarize(&rep, &s);
		t->rc = report_exit_status(&s);
		platform_result_free(&res);
	}
	alarm(0);
	if (fclose(out) != 0)
		die("open_memstream", "cannot write the report");
	t->judged = 1;
}

/* The number of report lines that match `pattern`, read as grep reads it
 * with the letters E (extended) or F (fixed string) of `opts`. */
static int count_lines(const char *text, const char *opts, const char *pattern)
{
	if (strspn(opts, "-EFv") != strlen(opts))
		die("grep options other than E, F and v", opts);
	int fixed = strchr(opts, 'F') != NULL;
	regex_t re;
	if (!fixed && regcomp(&re, pattern, (strchr(opts, 'E') ? REG_EXTENDED : 0) | REG_NOSUB) != 0)
		die("not a regular expression", pattern);
	int n = 0;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		char *line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		n += fixed ? strstr(line, pattern) != NULL : regexec(&re, line, 0, NULL, 0) == 0;
		free(line);
		p = nl ? nl + 1 : p + strlen(p);
	}
	if (!fixed)
		regfree(&re);
	return n;
}

/* Whether every finding line ("...: error|warning: RULE: ...") is of rule. */
static int only_rule(const char *text, const char *rule)
{
	static const char *const severities[] = {": error: ", ": warning: "};
	for (const char *p = text; *p; p += strcspn(p, "\n"), p += *p == '\n') {
		size_t len = strcspn(p, "\n");
		for (size_t i = 0; i < 2; i++) {
			const char *sev = memmem(p, len, severities[i], strlen(severities[i]));
			if (!sev)
				continue;
			const char *id = sev + strlen(severities[i]);
			size_t n = strlen(rule);
			if ((size_t)(p + len - id) < n + 2 || strncmp(id, rule, n) || strncmp(id + n, ": ", 2))
				return 0;
			break;
		}
	}
	return 1;
}

static void say(const runner *t, int pass, const char *desc)
{
	printf("%sok - %s\n", pass ? "" : "not ", desc);
	if (pass)
		return;
	printf("# exit %d; the report was:\n", t->rc);
	for (const char *p = t->out; *p;) {
		size_t n = strcspn(p, "\n");
		printf("#   %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
}

/* One assertion on the current case (f[0] names it). */
static void assert_case(runner *t, char **f, int n)
{
	if (!t->dir)
		die(f[0], "an assertion before any case");
	if (!t->judged)
		judge(t);
	if (!strcmp(f[0], "grep") && n == 4)
		say(t, (count_lines(t->out, f[1], f[2]) > 0) == !strchr(f[1], 'v'), f[3]);
	else if (!strcmp(f[0], "count") && n == 5)
		say(t, count_lines(t->out, f[1], f[2]) == atoi(f[3]), f[4]);
	else if (!strcmp(f[0], "only-rule") && n == 3)
		say(t, only_rule(t->out, f[1]), f[2]);
	else if (!strcmp(f[0], "rc") && n == 3)
		say(t, t->rc == atoi(f[1]), f[2]);
	else if (!strcmp(f[0], "no-crash") && n == 2)
		say(t, t->rc < 2 && count_lines(t->out, "F", ": core.plugin-error: ") == 0, f[1]);
	else
		die("bad directive", f[0]);
}

static void directive(runner *t, char **f, int n)
{
	if (!strcmp(f[0], "case") && n == 2) {
		end_case(t);
		free(t->dir);
		t->dir = xstrdup(f[1]);
	} else if (!strcmp(f[0], "file") && n == 2 && t->dir && !t->judged) {
		char *from = path_join(t->dir, f[1]);
		char *to = path_join(t->scratch, f[1]);
		copy_file(from, to);
		ptrvec_push(&t->replaced, xstrdup(f[1]));
		free(from);
		free(to);
	} else {
		assert_case(t, f, n);
	}
	fflush(stdout);
}

static void open_run(runner *t, run_options *o)
{
	o->registry_path = t->scratch;
	o->worktree = REGISTRY_WORKTREE;
	if (!o->plugin_dir)
		o->plugin_dir = PPREG_TEST_BUILD_DIR "/plugins";
	if (!getenv("PPREG_POLICY_DIR"))
		setenv("PPREG_POLICY_DIR", PPREG_TEST_BUILD_DIR "/policies", 1);
	if (scalar_date("2026-11-23", &o->as_of) != 0)
		die("as-of", "2026-11-23 is not a date");
	if (run_open(&t->run, o) < 0)
		die("run_open", error_last());
}

/* The options before SCRATCH EXAMPLE TABLE; returns the index of SCRATCH. */
static int parse_options(int argc, char **argv, runner *t, run_options *o)
{
	int i = 1;
	for (; i + 1 < argc && !strncmp(argv[i], "--", 2); i += 2) {
		if (!strcmp(argv[i], "--platform"))
			t->platform = argv[i + 1];
		else if (!strcmp(argv[i], "--policy"))
			o->policy_file = argv[i + 1];
		else if (!strcmp(argv[i], "--plugin-dir"))
			o->plugin_dir = argv[i + 1];
		else
			die("unknown option", argv[i]);
	}
	if (argc - i != 3)
		die("usage", "rule_test [--platform ID] [--policy FILE] [--plugin-dir DIR] SCRATCH EXAMPLE TABLE");
	return i;
}

int main(int argc, char **argv)
{
	runner t = {.platform = "entraide-sante"};
	run_options o = {0};
	int i = parse_options(argc, argv, &t, &o);
	t.scratch = argv[i];
	t.example = argv[i + 1];
	FILE *table = fopen(argv[i + 2], "r");
	if (!table)
		die(argv[i + 2], "cannot open");
	open_run(&t, &o);
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, table)) > 0) {
		char *f[MAX_FIELDS], *save = NULL;
		int n = 0;
		line[strcspn(line, "\n")] = '\0';
		for (char *s = strtok_r(line, "\t", &save); s && n < MAX_FIELDS; s = strtok_r(NULL, "\t", &save))
			f[n++] = s;
		if (n)
			directive(&t, f, n);
	}
	end_case(&t);
	free(t.replaced.v);
	free(t.dir);
	free(line);
	fclose(table);
	run_free(t.run);
	return 0;
}
