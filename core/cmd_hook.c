/*
 * cmd_hook.c - `ppreg hook`: ppreg run by Git itself.
 *
 *   pre-receive          on the registry's server (a bare repository): reads
 *                        the "OLD NEW REF" lines Git gives, judges every
 *                        commit the push brings (not only the tips), and
 *                        rejects the whole push when any has an error;
 *   update REF OLD NEW   the same for one reference (Git's update hook, which
 *                        can reject one branch and accept the others);
 *   pre-commit [PATH]    in a checkout: the staged content (the index), not
 *                        the working files;
 *   install [PATH]       writes the right one of these into a repository.
 *
 * A commit is judged like `check --changed PARENT..COMMIT`: the platforms it
 * changes against its first parent (all of them for a root commit), at that
 * commit, with the policy its registry.yaml names (or --policy). A deleted
 * reference, or one moved to commits a branch or tag already has, brings
 * nothing to judge. Only branches and tags hold registry states: another
 * reference (refs/notes/, a review reference) is accepted unjudged. Nothing is written anywhere: pushed objects are read
 * from Git's quarantine, and Git drops them when the hook says no.
 *
 * Git shows what a hook prints to the pusher ("remote: ..."), so findings go
 * to stdout in the chosen format; exit 0 accepts, 1 rejects (a finding of
 * severity error), 2 rejects because nothing could be judged.
 */
#include "changes.h"
#include "commands.h"
#include "report.h"
#include "scalar.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The hook install writes: HOOK_HEAD, the command line, HOOK_TAIL. The
 * mark is its second line. */
#define INSTALLED_MARK "# installed by ppreg"
#define HOOK_HEAD "#!/bin/sh\n" INSTALLED_MARK ": the registry's declarations are checked before Git\n" \
	"# accepts them. `ppreg hook install` rewrites this file; delete it to stop.\nexec "
#define HOOK_TAIL " \"$@\"\n"
/* A hook ppreg writes is a few hundred bytes (paths are at most PATH_MAX). */
#define MAX_HOOK_BYTES (64 * 1024)
#define MAX_LISTED 10   /* platform ids named in a commit's header line */

static const char help[] =
	"usage: ppreg hook pre-receive [PATH] [options]  (server: reads OLD NEW REF lines)\n"
	"       ppreg hook update REF OLD NEW [options]  (server: one reference)\n"
	"       ppreg hook pre-commit [PATH] [options]   (checkout: the staged content)\n"
	"       ppreg hook install [PATH] [--hook NAME] [--force] [options]\n\n"
	"Runs ppreg as a Git hook. pre-receive and update judge every commit a push\n"
	"brings, each against its first parent, and reject the push when one has a\n"
	"finding of severity error. pre-commit judges what `git commit` would record.\n"
	"install writes a hook into the repository at PATH (default .): pre-receive\n"
	"in a bare repository, pre-commit in a checkout (PATH may be the registry's\n"
	"folder inside it); it refuses to replace a hook it did not write.\n\n"
	"  --policy FILE     use this policy instead of the one registry.yaml names\n"
	"  --plugin-dir DIR  load plugins from DIR\n"
	"  --as-of DATE      'today' for every date rule (default: current UTC date)\n"
	"  --format F        text (default), json, tap, sarif, junit, github\n"
	"  --strict          warnings count as errors\n"
	"  --jobs N          platforms checked in parallel\n"
	"  --hook NAME       install: pre-receive, update or pre-commit\n"
	"  --force           install: replace a hook ppreg did not write\n\n"
	"Exit status: 0 accepted, 1 rejected for a finding, 2 rejected: nothing judged.\n";

typedef struct {
	run_options run;
	const char *as_of_text;  /* as given, for install */
	const char *format;
	long jobs;
	const char *hook;        /* install --hook */
	int force;
	ptrvec args;             /* positional arguments after the subcommand */
} hook_options;

static int parse_options(hook_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"policy", required_argument, 0, 'P'}, {"plugin-dir", required_argument, 0, 'D'},
		{"as-of", required_argument, 0, 'a'}, {"format", required_argument, 0, 'f'},
		{"strict", no_argument, 0, 's'}, {"jobs", required_argument, 0, 'j'},
		{"hook", required_argument, 0, 'H'}, {"force", no_argument, 0, 'F'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
		switch (c) {
		case 'P': o->run.policy_file = optarg; break;
		case 'D': o->run.plugin_dir = optarg; break;
		case 'a': o->as_of_text = optarg; break;
		case 'f': o->format = optarg; break;
		case 's': o->run.strict = 1; break;
		case 'j': {
			char *end;
			o->jobs = strtol(optarg, &end, 10);
			if (*end || end == optarg || o->jobs < 1 || o->jobs > 1024)
				return usage_error("hook", "--jobs must be between 1 and 1024");
			break;
		}
		case 'H': o->hook = optarg; break;
		case 'F': o->force = 1; break;
		case 'h': fputs(help, stdout); return 1;
		default: return usage_error("hook", "see 'ppreg hook --help'");
		}
	}
	while (optind < argc)
		ptrvec_push(&o->args, argv[optind++]);
	if (parse_as_of(o->as_of_text, &o->run.as_of) < 0)
		return usage_error("hook", "--as-of '%s' is not a date YYYY-MM-DD", o->as_of_text);
	if (!report_for_format(o->format))
		return usage_error("hook", "unknown --format '%s' (%s)", o->format, report_format_names());
	return 0;
}

/* ---- judging one state of the registry ---- */

static void print_ids(const char *what, char **ids, size_t n)
{
	printf("; %s ", what);
	for (size_t i = 0; i < n && i < MAX_LISTED; i++)
		printf("%s%s", i ? ", " : "", ids[i]);
	if (n > MAX_LISTED)
		printf(" and %zu more", n - MAX_LISTED);
}

/* One line that says what was judged, so the pusher sees it was:
 * "ppreg: LABEL: ok; checked a, b; removed c; registry.yaml checked". */
static void print_header(const char *label, const registry_changes *ch, size_t errors)
{
	printf("ppreg: %s: %s", label, errors ? "REJECTED" : "ok");
	if (!ch->n_checked && !ch->n_removed && !ch->registry_yaml && !ch->n_outside)
		printf("; nothing in the registry changed");
	if (ch->n_checked)
		print_ids("checked", ch->checked, ch->n_checked);
	if (ch->n_removed)
		print_ids("removed", ch->removed, ch->n_removed);
	if (ch->registry_yaml)
		printf("; registry.yaml checked");
	if (ch->n_outside)
		printf("; %zu file%s changed outside the platform folders", ch->n_outside + ch->n_outside_more,
		       ch->n_outside + ch->n_outside_more == 1 ? "" : "s");
	putchar('\n');
}

/*
 * Judges the state at `rev` (or the index) against its parent (or HEAD),
 * prints what was judged and, when there is a finding, the report.
 * Returns the exit status this state alone deserves.
 */
static int judge_state(const hook_options *o, const char *rev, int index, const char *label)
{
	run_options ro = o->run;
	ro.rev = rev;
	ro.worktree = index ? REGISTRY_INDEX : 0;
	run *r = NULL;
	registry_changes ch = {0};
	report rep = {0};
	judge_options jo = {.jobs = o->jobs};
	int rc;
	if (run_open(&r, &ro) < 0 || registry_changes_since(r->reg, NULL, 0, &ch) < 0 ||
	    changes_judge(r, &ch, &jo, &rep) < 0) {
		printf("ppreg: %s: REJECTED, cannot be judged: %s\n", label, error_last());
		rc = 2;
		goto done;
	}
	rep.run = r;
	rep.registry_path = ro.registry_path;
	rep.commit = registry_commit(r->reg);
	date_format(ro.as_of, rep.as_of);
	report_summary s;
	report_summarize(&rep, &s);
	print_header(label, &ch, s.errors);
	rc = s.errors ? 1 : 0;
	if ((s.errors || s.warnings || strcmp(o->format, "text")) &&
	    report_for_format(o->format)(stdout, &rep) < 0) {
		printf("ppreg: %s: cannot write the report: %s\n", label, error_last());
		rc = 2;
	}
done:
	fflush(stdout);
	changes_report_free(&rep);
	registry_changes_free(&ch);
	run_free(r);
	return rc;
}

static int worse(int a, int b)
{
	return a > b ? a : b;
}

/* ---- the server's hooks ---- */

static int is_object_id(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");
	return !s[n] && (n == 40 || n == 64);
}

static int is_zero_id(const char *s)
{
	return !s[strspn(s, "0")];
}

typedef struct {
	ptrvec ids;  /* commits already judged in this push */
} seen_set;

static int seen_before(seen_set *seen, const char *id)
{
	for (size_t i = 0; i < seen->ids.n; i++)
		if (!strcmp(seen->ids.v[i], id))
			return 1;
	ptrvec_push(&seen->ids, xstrdup(id));
	return 0;
}

/* One reference update: every new commit it brings, oldest first. */
static int judge_update(const hook_options *o, const char *old, const char *new, const char *ref,
                        seen_set *seen)
{
	if (!is_object_id(old) || !is_object_id(new) || !*ref)
		return printf("ppreg: '%s %s %s' is not OLD NEW REF\n", old, new, ref), 2;
	if (is_zero_id(new))
		return printf("ppreg: %s: deleted; nothing to check\n", ref), 0;
	if (!registry_is_state_ref(ref))
		return printf("ppreg: %s: not a branch or tag; accepted without judging\n", ref), 0;
	char **ids = NULL;
	size_t n = 0;
	if (registry_new_commits(o->run.registry_path, new, &ids, &n) < 0)
		return printf("ppreg: %s: REJECTED, cannot list its commits: %s\n", ref, error_last()), 2;
	if (!n)
		printf("ppreg: %s: %s; no new commit to check\n", ref, is_zero_id(old) ? "created" : "updated");
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (seen_before(seen, ids[i]))
			continue;
		char *label = xasprintf("%s commit %.12s", ref, ids[i]);
		rc = worse(rc, judge_state(o, ids[i], 0, label));
		free(label);
	}
	registry_free_ids(ids, n);
	return rc;
}

static int verdict_line(int rc)
{
	if (rc == 1)
		printf("ppreg: push rejected: fix the findings above (`ppreg rules RULE` explains one) "
		       "and push again\n");
	else if (rc)
		printf("ppreg: push rejected: it could not be judged\n");
	fflush(stdout);
	return rc;
}

static int hook_pre_receive(const hook_options *o)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	seen_set seen = {{0}};
	int rc = 0, any = 0;
	while ((len = getline(&line, &cap, stdin)) > 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len)
			continue;
		char *save = NULL;
		char *old = strtok_r(line, " ", &save), *new = strtok_r(NULL, " ", &save);
		char *ref = strtok_r(NULL, "", &save);
		any = 1;
		rc = worse(rc, judge_update(o, old ? old : "", new ? new : "", ref ? ref : "", &seen));
	}
	free(line);
	registry_free_ids((char **)seen.ids.v, seen.ids.n);
	if (!any)
		printf("ppreg: no reference updated; nothing to check\n");
	return verdict_line(rc);
}

static int hook_update(const hook_options *o)
{
	if (o->args.n != 3)
		return usage_error("hook", "update takes REF OLD NEW (as Git gives them)");
	seen_set seen = {{0}};
	int rc = judge_update(o, o->args.v[1], o->args.v[2], o->args.v[0], &seen);
	registry_free_ids((char **)seen.ids.v, seen.ids.n);
	return verdict_line(rc);
}

static int hook_pre_commit(hook_options *o)
{
	if (o->args.n > 1)
		return usage_error("hook", "pre-commit takes one registry PATH at most");
	o->run.registry_path = o->args.n ? o->args.v[0] : ".";
	int rc = judge_state(o, NULL, 1, "staged changes");
	if (rc == 1)
		printf("ppreg: commit refused: fix the findings above, `git add` the files, commit again\n");
	fflush(stdout);
	return rc;
}

/* ---- install ---- */

/* `s` quoted for sh: inside single quotes, ' becomes '\''. */
static void put_quoted(ptrvec *parts, const char *s)
{
	size_t n = 2;
	for (const char *p = s; *p; p++)
		n += *p == '\'' ? 4 : 1;
	char *q = xmalloc(n + 1), *o = q;
	*o++ = '\'';
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			memcpy(o, "'\\''", 4), o += 4;
		else
			*o++ = *p;
	}
	*o++ = '\'';
	*o = '\0';
	ptrvec_push(parts, q);
}

static int absolute(const char *path, ptrvec *parts, const char *option)
{
	char buf[PATH_MAX];
	if (!realpath(path, buf))
		return error_set("%s: %s", path, strerror(errno));
	ptrvec_push(parts, xstrdup(option));
	put_quoted(parts, buf);
	return 0;
}

/* The hook's command line: this executable, absolute, and the options the
 * install was given, so the hook judges as the installer did. */
static int hook_command(const hook_options *o, const char *hook, const char *prefix, char **out)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return error_set("cannot find this executable's path");
	exe[n] = '\0';
	ptrvec parts = {0};
	int rc = 0;
	put_quoted(&parts, exe);
	ptrvec_push(&parts, xasprintf("hook %s", hook));
	if (!strcmp(hook, "pre-commit") && *prefix)
		put_quoted(&parts, prefix);
	if (o->run.policy_file)
		rc |= absolute(o->run.policy_file, &parts, "--policy");
	if (o->run.plugin_dir)
		rc |= absolute(o->run.plugin_dir, &parts, "--plugin-dir");
	if (o->as_of_text)
		ptrvec_push(&parts, xasprintf("--as-of %s", o->as_of_text));
	if (o->run.strict)
		ptrvec_push(&parts, xstrdup("--strict"));
	if (strcmp(o->format, "text"))
		ptrvec_push(&parts, xasprintf("--format %s", o->format));
	size_t len = 1;
	for (size_t i = 0; i < parts.n; i++)
		len += strlen(parts.v[i]) + 1;
	*out = xcalloc(1, len);
	for (size_t i = 0; i < parts.n; i++) {
		strcat(strcat(*out, i ? " " : ""), parts.v[i]);
		free(parts.v[i]);
	}
	free(parts.v);
	return rc ? -1 : 0;
}

/*
 * Whether a hook file is one ppreg writes, byte for byte: the fixed lines
 * (the mark on the second), then `exec` with a command line of the shape
 * hook_command() gives, then nothing else. A mark alone is not enough: an
 * administrator who added a line to a hook ppreg installed, or put the
 * mark in a hook of their own, must not lose that work to a reinstall.
 */
typedef struct {
	const char *p, *end;
} cursor;

/* Consumes `lit` when it comes next. */
static int take(cursor *c, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n))
		return 0;
	c->p += n;
	return 1;
}

/* Consumes one word quoted as put_quoted() writes it: '...', each ' inside
 * written '\''. */
static int take_quoted(cursor *c)
{
	if (!take(c, "'"))
		return 0;
	for (;;) {
		const char *q = memchr(c->p, '\'', (size_t)(c->end - c->p));
		if (!q)
			return 0;
		c->p = q + 1;
		if (!take(c, "\\''"))
			return 1;
	}
}

/* Consumes a bare word of the bytes in `set` (at most 15), into `word`. */
static int take_bare(cursor *c, const char *set, char word[16])
{
	size_t n = 0;
	while (c->p + n < c->end && n < 15 && c->p[n] && strchr(set, c->p[n]))
		n++;
	if (!n || (c->p + n < c->end && c->p[n] != ' '))
		return 0;
	memcpy(word, c->p, n);
	word[n] = '\0';
	c->p += n;
	return 1;
}

/* An option hook_command() may write: `--name VALUE` or absent. */
static int take_quoted_option(cursor *c, const char *option)
{
	return !take(c, option) || take_quoted(c);
}

/* pre-commit's registry folder: ` 'FOLDER'` or absent. */
static int take_prefix(cursor *c)
{
	cursor word = *c;
	if (!take(&word, " '"))
		return 1;
	c->p++;
	return take_quoted(c);
}

static int take_as_of(cursor *c)
{
	char word[16];
	ppreg_date d;
	return !take(c, " --as-of ") || (take_bare(c, "0123456789-", word) && scalar_date(word, &d) == 0);
}

static int take_format(cursor *c)
{
	char word[16];
	return !take(c, " --format ") ||
	       (take_bare(c, "abcdefghijklmnopqrstuvwxyz", word) && strcmp(word, "text") &&
	        report_for_format(word));
}

static int is_hook_command(cursor *c)
{
	if (!take_quoted(c) || !take(c, " hook "))
		return 0;
	int pre_commit = take(c, "pre-commit");
	if (!pre_commit && !take(c, "pre-receive") && !take(c, "update"))
		return 0;
	if (pre_commit && !take_prefix(c))
		return 0;
	if (!take_quoted_option(c, " --policy ") || !take_quoted_option(c, " --plugin-dir ") ||
	    !take_as_of(c))
		return 0;
	take(c, " --strict");
	return take_format(c) && c->p == c->end;
}

static int is_ppreg_hook(const unsigned char *data, size_t len)
{
	size_t head = strlen(HOOK_HEAD), tail = strlen(HOOK_TAIL);
	if (len < head + tail || memcmp(data, HOOK_HEAD, head) || memcmp(data + len - tail, HOOK_TAIL, tail))
		return 0;
	cursor c = {(const char *)data + head, (const char *)data + len - tail};
	return is_hook_command(&c);
}

/* 0 when `file` can be written: absent, or exactly a hook ppreg writes. */
static int may_replace(const char *file, int force)
{
	struct stat st;
	unsigned char *data = NULL;
	size_t len = 0;
	if (lstat(file, &st) < 0)
		return errno == ENOENT ? 0 : error_set("%s: %s", file, strerror(errno));
	int ours = S_ISREG(st.st_mode) && read_file_nofollow(file, MAX_HOOK_BYTES, &data, &len) == 0 &&
	           is_ppreg_hook(data, len);
	free(data);
	if (ours || force)
		return 0;
	return error_set("%s exists and is not a hook as ppreg writes it (another program's, or one "
	                 "edited since); keep it, or replace it with --force", file);
}

static int hook_install(const hook_options *o)
{
	if (o->args.n > 1)
		return usage_error("hook", "install takes one repository PATH at most");
	const char *path = o->args.n ? o->args.v[0] : ".";
	registry_layout l;
	char *file = NULL, *cmd = NULL, *script = NULL;
	int rc = 2;
	if (registry_hook_layout(path, &l) < 0)
		return usage_error("hook", "%s", error_last());
	const char *hook = o->hook ? o->hook : l.bare ? "pre-receive" : "pre-commit";
	if (strcmp(hook, "pre-receive") && strcmp(hook, "update") && strcmp(hook, "pre-commit")) {
		usage_error("hook", "--hook '%s': pre-receive, update or pre-commit", hook);
		goto done;
	}
	if (l.bare && !strcmp(hook, "pre-commit")) {
		usage_error("hook", "%s is bare: it has no commits made in it, install pre-receive", path);
		goto done;
	}
	file = xasprintf("%s/%s", l.hooks_dir, hook);
	if (mkdir(l.hooks_dir, 0755) < 0 && errno != EEXIST) {
		usage_error("hook", "%s: %s", l.hooks_dir, strerror(errno));
		goto done;
	}
	if (may_replace(file, o->force) < 0 || hook_command(o, hook, l.prefix, &cmd) < 0) {
		usage_error("hook", "%s", error_last());
		goto done;
	}
	script = xasprintf("%s%s%s", HOOK_HEAD, cmd, HOOK_TAIL);
	if (write_file_atomic(file, script, strlen(script), 0755) < 0) {
		usage_error("hook", "%s", error_last());
		goto done;
	}
	printf("ppreg: installed %s\n", file);
	rc = 0;
done:
	free(script);
	free(cmd);
	free(file);
	registry_layout_free(&l);
	return rc;
}

int cmd_hook(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("hook", "which hook? see 'ppreg hook --help'");
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs(help, stdout);
		return 0;
	}
	hook_options o = {.format = "text"};
	o.run.registry_path = ".";
	int rc = parse_options(&o, argc - 1, argv + 1);
	if (rc) {
		free(o.args.v);
		return rc == 1 ? 0 : rc;
	}
	const char *sub = argv[1];
	if (!strcmp(sub, "pre-receive")) {
		if (o.args.n == 1)
			o.run.registry_path = o.args.v[0];
		rc = o.args.n > 1 ? usage_error("hook", "pre-receive takes one repository PATH at most "
		                                "(Git's updates come on stdin)")
		                  : hook_pre_receive(&o);
	}
	else if (!strcmp(sub, "update"))
		rc = hook_update(&o);
	else if (!strcmp(sub, "pre-commit"))
		rc = hook_pre_commit(&o);
	else if (!strcmp(sub, "install"))
		rc = hook_install(&o);
	else
		rc = usage_error("hook", "'%s' is not a hook (pre-receive, update, pre-commit, install)", sub);
	free(o.args.v);
	return rc;
}
