/*
 * cli/cmd_hook.c - `ppreg hook`: ppreg run by Git itself.
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
 * reference (refs/notes/, a review reference) is accepted unjudged. Nothing
 * is written anywhere: pushed objects are read from Git's quarantine, and
 * Git drops them when the hook says no.
 *
 * Git shows what a hook prints to the pusher ("remote: ..."), so findings go
 * to stdout in the chosen format: in text, after a header line per state;
 * in any other format, as one document for the whole run, with the header
 * and verdict lines on stderr (see hook/output.h). Exit 0 accepts, 1 rejects
 * (a finding of severity error), 2 rejects because nothing could be judged.
 *
 * This file parses the options, runs the hooks and judges each state; the
 * output and its one document are hook/output.c's, install hook/install.c's.
 */
#include "judge/changed.h"
#include "base/i18n.h"
#include "cli/cmd_hook.h"
#include "cli/options.h"
#include "hook/install.h"
#include "hook/output.h"
#include "hook/push.h"
#include "report/report.h"
#include "yaml/scalar.h"
#include "yaml/date.h"
#include "base/i18n.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LISTED 10   /* platform ids named in a commit's header line */

static const char *const help = N_("usage: ppreg hook pre-receive [PATH] [options]  (server: reads OLD NEW REF lines)\n"
	"       ppreg hook update REF OLD NEW [options]  (server: one reference)\n"
	"       ppreg hook pre-commit [PATH] [options]   (checkout: the staged content)\n"
	"       ppreg hook install [PATH] [--hook NAME] [--force] [options]\n\n"
	"Runs ppreg as a Git hook. pre-receive and update judge every commit a push\n"
	"brings to a branch or a tag (other references are accepted unjudged), each\n"
	"against its first parent, and reject the push when one has a finding of\n"
	"severity error. pre-commit judges what `git commit` would record. With a\n"
	"--format other than text, stdout is one document for the whole run and the\n"
	"header and verdict lines go to stderr.\n"
	"install writes a hook where Git runs hooks from, in the repository at PATH\n"
	"(default .): pre-receive in a bare repository, pre-commit in a checkout (PATH\n"
	"may be the registry's folder inside it); it refuses to replace a hook that\n"
	"is not exactly one it writes.\n\n"
	"  --policy FILE     use this policy instead of the one registry.yaml names\n"
	"  --plugin-dir DIR  load plugins from DIR\n"
	"  --as-of DATE      'today' for every date rule (default: current UTC date)\n"
	"  --format F        text (default), json, tap, sarif, junit, github\n"
	"  --strict          warnings count as errors\n"
	"  --jobs N          platforms checked in parallel\n"
	"  --files           pre-commit: the arguments are files (as the pre-commit\n"
	"                    framework passes them); their platforms are judged too,\n"
	"                    changed or not, so `pre-commit run --all-files` judges all\n"
	"  --hook NAME       install: pre-receive, update or pre-commit\n"
	"  --force           install: replace any hook\n\n"
	"Exit status: 0 accepted, 1 rejected for a finding, 2 rejected: nothing judged.\n");

static int parse_options(hook_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"policy", required_argument, 0, 'P'}, {"plugin-dir", required_argument, 0, 'D'},
		{"as-of", required_argument, 0, 'a'}, {"format", required_argument, 0, 'f'},
		{"strict", no_argument, 0, 's'}, {"jobs", required_argument, 0, 'j'},
		{"hook", required_argument, 0, 'H'}, {"force", no_argument, 0, 'F'},
		{"files", no_argument, 0, 'L'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *format = NULL, *jobs = NULL;
	int c, bad = 0;
	options_reset();
	while (!bad && (c = getopt_long(argc, argv, "hj:", longopts, NULL)) != -1) {
		switch (c) {
		case 'P': bad = option_once("hook", &o->run.policy_file, "--policy"); break;
		case 'D': bad = option_once("hook", &o->run.plugin_dir, "--plugin-dir"); break;
		case 'a': bad = option_once("hook", &o->as_of_text, "--as-of"); break;
		case 'f': bad = option_once("hook", &format, "--format"); break;
		case 's': bad = flag_once("hook", &o->run.strict, "--strict"); break;
		case 'j': bad = option_once("hook", &jobs, "--jobs") || option_jobs("hook", jobs, &o->jobs); break;
		case 'H': bad = option_once("hook", &o->hook, "--hook"); break;
		case 'F': bad = flag_once("hook", &o->force, "--force"); break;
		case 'L': bad = flag_once("hook", &o->files, "--files"); break;
		case 'h': fputs(_(help), stdout); return 1;
		default: return option_error("hook", longopts, argv);
		}
	}
	if (bad)
		return 2;
	if (format)
		o->format = format;
	while (optind < argc)
		ptrvec_push(&o->args, argv[optind++]);
	if (option_as_of("hook", o->as_of_text, &o->run.as_of))
		return 2;
	if (!report_format_named(o->format))
		return usage_error("hook", _("unknown --format '%s' (%s)"), o->format, report_format_names());
	return 0;
}

/* ---- judging one state of the registry ---- */

static void print_ids(FILE *f, const char *what, char **ids, size_t n)
{
	fprintf(f, _("; %s "), what);
	for (size_t i = 0; i < n && i < MAX_LISTED; i++)
		fprintf(f, "%s%s", i ? ", " : "", ids[i]);
	if (n > MAX_LISTED)
		fprintf(f, _(" and %zu more"), n - MAX_LISTED);
}

/* One line that says what was judged, so the pusher sees it was:
 * "ppreg: LABEL: ok; checked a, b; removed c; registry.yaml checked". */
static void print_header(FILE *f, const char *label, const registry_changes *ch, int rejected)
{
	fprintf(f, _("ppreg: %s: %s"), label, rejected ? _("REJECTED") : _("ok"));
	if (!ch->n_checked && !ch->n_removed && !ch->registry_yaml && !ch->n_outside)
		fprintf(f, _("; nothing in the registry changed"));
	if (ch->n_checked)
		print_ids(f, _("checked"), ch->checked, ch->n_checked);
	if (ch->n_removed)
		print_ids(f, _("removed"), ch->removed, ch->n_removed);
	if (ch->registry_yaml)
		fprintf(f, _("; registry.yaml checked"));
	if (ch->n_outside)
		fprintf(f, i18n_ntext("; %zu file changed outside the platform folders",
		                      "; %zu files changed outside the platform folders", ch->n_outside + ch->n_outside_more),
		        ch->n_outside + ch->n_outside_more);
	fputc('\n', f);
}

static int id_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* pre-commit --files: the platforms the files are in, judged whether they
 * changed or not (the framework's --all-files passes every file), when the
 * state holds them. */
static int add_named(const hook_options *o, run *r, registry_changes *ch)
{
	ch->registry_yaml |= o->also_registry_yaml;
	for (size_t i = 0; i < o->also.n; i++) {
		const char *id = o->also.v[i];
		platform_tree *t = NULL;
		/* bsearch() of an empty list may not take NULL (C11 7.22.5) */
		if (ch->n_checked && bsearch(&id, ch->checked, ch->n_checked, sizeof *ch->checked, id_cmp))
			continue;
		int rc = registry_platform(r->reg, id, &t);
		platform_tree_free(t);
		if (rc == PPREG_ABSENT)
			continue; /* a file of a folder the commit removes */
		if (rc < 0)
			return ERR_FAIL;
		ch->checked = xrealloc(ch->checked, (ch->n_checked + 1) * sizeof *ch->checked);
		ch->checked[ch->n_checked++] = xstrdup(id);
		qsort(ch->checked, ch->n_checked, sizeof *ch->checked, id_cmp);
	}
	return 0;
}

/*
 * Judges the state at `rev` (NULL: the index) against its parent (or
 * HEAD), says what was judged and writes or keeps the report. Returns the
 * exit status this state alone deserves.
 */
static int judge_state(const hook_options *o, hook_output *h, const char *ref, const char *rev,
                       const char *label, const char *policy_file)
{
	run_options ro = o->run;
	ro.rev = rev;
	if (policy_file)
		ro.policy_file = policy_file;
	ro.worktree = rev ? 0 : REGISTRY_INDEX;
	run *r = NULL;
	registry_changes ch = {0};
	changed_result judged = {0};
	report rep = {0};
	judge_options jo = {.jobs = o->jobs};
	report_state id = {ref, rev, label, 0, NULL};
	int rc;
	if (run_open(&r, &ro) < 0 || registry_changes_since(r->reg, NULL, 0, &ch) < 0 ||
	    add_named(o, r, &ch) < 0 || changed_judge(r, &ch, &jo, &judged) < 0) {
		rc = hook_cannot_judge(h, &id, error_last());
		goto done;
	}
	report_set_change(&rep, &judged);
	rep.run = r;
	rep.registry_path = ro.registry_path;
	rep.commit = registry_commit(r->reg);
	date_format(ro.as_of, rep.as_of);
	report_summary s;
	report_summarize(&rep, &s);
	rc = id.status = report_exit_status(&s);
	print_header(h->msg, label, &ch, rc);
	if (hook_write_report(h, &rep, &id, s.errors || s.warnings || s.invalid) < 0) {
		char *why = xasprintf(_("cannot write the report: %s"), error_last());
		rc = hook_cannot_judge(h, &id, why);
		free(why);
	}
done:
	fflush(stdout);
	fflush(h->msg);
	changed_result_free(&judged);
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

typedef struct {
	ptrvec ids;  /* commits already judged in this push */
	/* A reference whose last commit passes while an earlier one fails:
	 * the base the history is to be rewritten on ("" when none). */
	char *fixed_later;
} seen_set;

static int seen_before(seen_set *seen, const char *id)
{
	for (size_t i = 0; i < seen->ids.n; i++)
		if (!strcmp(seen->ids.v[i], id))
			return 1;
	ptrvec_push(&seen->ids, xstrdup(id));
	return 0;
}

static int cannot_judge_ref(hook_output *h, const char *ref, const char *what)
{
	char *why = xasprintf("%s: %s", what, error_last());
	report_state id = {ref, NULL, ref, 0, NULL};
	int rc = hook_cannot_judge(h, &id, why);
	free(why);
	return rc;
}

static int listed(const ptrvec *v, const char *id)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->v[i], id))
			return 1;
	return 0;
}

/* One new commit's content, under each policy that judges it (hook/push.h). */
static int judge_commit(const hook_options *o, hook_output *h, const push_base *pb, const char *ref,
                        const char *id, int by_authority)
{
	const char *files[2];
	size_t n;
	int rc = 0;
	push_policies(pb, o->run.registry_path, id, by_authority, files, &n);
	for (size_t k = 0; k < n; k++) {
		char *l = n == 1 ? xasprintf(_("%s commit %.12s"), ref, id)
		        : files[k] ? xasprintf(_("%s commit %.12s, under the base's policy %s"), ref, id, pb->base_ref)
		                   : xasprintf(_("%s commit %.12s, under the policy it names"), ref, id);
		rc = worse(rc, judge_state(o, h, ref, id, l, files[k]));
		free(l);
	}
	return rc;
}

/* One reference update: every new commit it brings, oldest first. */
static int judge_update(const hook_options *o, hook_output *h, const char *old, const char *new,
                        const char *ref, seen_set *seen)
{
	if (!is_object_id(old) || !is_object_id(new) || !*ref) {
		char *why = xasprintf(_("'%s %s %s' is not OLD NEW REF"), old, new, ref);
		report_state id = {*ref ? ref : NULL, NULL, *ref ? ref : "input", 0, NULL};
		int rc = hook_cannot_judge(h, &id, why);
		free(why);
		return rc;
	}
	if (!registry_is_state_ref(ref))
		return fprintf(h->msg, _("ppreg: %s: %s\n"), ref, push_is_zero_id(new) ? _("deleted; nothing to check")
		               : _("not a branch or tag; accepted without judging")), 0;
	char **ids = NULL;
	size_t n = 0;
	push_base pb;
	int moved = push_base_open(&pb, o->run.registry_path, old, o->run.policy_file);
	if (moved == 0)
		moved = push_check_move(&pb, o->run.registry_path, old, new, ref, h->msg);
	if (moved != 0 || push_is_zero_id(new)) {
		push_base_close(&pb);
		if (moved < 0)
			return cannot_judge_ref(h, ref, _("cannot read its base"));
		return moved ? 1 : (fprintf(h->msg, _("ppreg: %s: deleted; nothing to check\n"), ref), 0);
	}
	if (registry_new_commits(o->run.registry_path, new, &ids, &n) < 0) {
		push_base_close(&pb);
		return cannot_judge_ref(h, ref, _("cannot list its commits"));
	}
	if (!n)
		fprintf(h->msg, _("ppreg: %s: %s; no new commit to check\n"), ref,
		        push_is_zero_id(old) ? _("created") : _("updated"));
	/* who signed what, over all the branch gains; then what is new, judged */
	ptrvec by_authority = {0};
	int rc = trust_check_range(&pb.trust, ref, *pb.base ? pb.base : NULL, new, h->msg, &by_authority);
	if (rc < 0)
		rc = cannot_judge_ref(h, ref, _("cannot check who signed its commits"));
	int earlier = 0, last = 0;
	for (size_t i = 0; i < n; i++)
		if (!seen_before(seen, ids[i])) {
			earlier = worse(earlier, last);
			last = judge_commit(o, h, &pb, ref, ids[i], listed(&by_authority, ids[i]));
			rc = worse(rc, last);
		}
	if (earlier == 1 && last == 0 && !seen->fixed_later) /* fixed by a later commit: pushing it again cannot pass */
		seen->fixed_later = xasprintf("%.12s", *pb.base ? pb.base : "");
	registry_free_ids(ids, n);
	registry_free_ids((char **)by_authority.v, by_authority.n);
	push_base_close(&pb);
	return rc;
}

static int verdict_line(const hook_output *h, int rc, const seen_set *seen)
{
	const char *base = seen->fixed_later;
	if (rc == 1 && base)
		fprintf(h->msg, _("ppreg: push rejected: a commit above has findings that a later commit fixes; "
		                  "every commit a push brings is judged, so pushing again cannot pass. Rewrite the "
		                  "history so that no commit has them: `git rebase -i %s` and mark the fixing commit "
		                  "`fixup` under the one it fixes (or squash them all: `git reset --soft %s && git "
		                  "commit`), then push again (`git push --force-with-lease` if the branch was pushed "
		                  "before)\n"), *base ? base : "@{upstream}", *base ? base : "@{upstream}");
	else if (rc == 1)
		fprintf(h->msg, _("ppreg: push rejected: fix the findings above (`ppreg rules RULE` explains "
		        "one) and push again\n"));
	else if (rc)
		fprintf(h->msg, _("ppreg: push rejected: it could not be judged\n"));
	fflush(h->msg);
	return rc;
}

static int hook_pre_receive(const hook_options *o)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	seen_set seen = {{0}, NULL};
	hook_output h;
	int rc = 0, any = 0;
	if (hook_output_init(&h, "pre-receive", o->format) < 0)
		return usage_error("hook", "%s", error_last());
	while ((len = getline(&line, &cap, stdin)) > 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len)
			continue;
		char *save = NULL;
		char *old = strtok_r(line, " ", &save), *new = strtok_r(NULL, " ", &save);
		char *ref = strtok_r(NULL, "", &save);
		any = 1;
		rc = worse(rc, judge_update(o, &h, old ? old : "", new ? new : "", ref ? ref : "", &seen));
	}
	free(line);
	registry_free_ids((char **)seen.ids.v, seen.ids.n);
	if (!any)
		fprintf(h.msg, _("ppreg: no reference updated; nothing to check\n"));
	rc = verdict_line(&h, hook_finish(&h, rc), &seen);
	free(seen.fixed_later);
	return rc;
}

static int hook_update(const hook_options *o)
{
	if (o->args.n != 3)
		return usage_error("hook", _("update takes REF OLD NEW (as Git gives them)"));
	seen_set seen = {{0}, NULL};
	hook_output h;
	if (hook_output_init(&h, "update", o->format) < 0)
		return usage_error("hook", "%s", error_last());
	int rc = judge_update(o, &h, o->args.v[1], o->args.v[2], o->args.v[0], &seen);
	registry_free_ids((char **)seen.ids.v, seen.ids.n);
	rc = verdict_line(&h, hook_finish(&h, rc), &seen);
	free(seen.fixed_later);
	return rc;
}

static int hook_pre_commit_judge(hook_options *o);

/* The registry a file passed by the framework is in, as the folder
 * before its "platforms/<id>/" or "registry.yaml"; *id the platform (NULL
 * for registry.yaml). 0 for a file of neither (not the registry's). */
static int file_place(const char *file, char **root, char **id)
{
	const char *p = !strncmp(file, "platforms/", 10) ? file : strstr(file, "/platforms/");
	size_t len = strlen(file);
	*id = NULL;
	if (p) {
		const char *start = p == file ? p + 10 : p + 11, *slash = strchr(start, '/');
		if (!slash || slash == start)
			return 0;
		*root = p == file ? xstrdup(".") : xstrndup(file, (size_t)(p - file));
		*id = xstrndup(start, (size_t)(slash - start));
		return 1;
	}
	if (!strcmp(file, "registry.yaml") || (len > 14 && !strcmp(file + len - 14, "/registry.yaml"))) {
		*root = len == 13 ? xstrdup(".") : xstrndup(file, len - 14);
		return 1;
	}
	return 0;
}

/* --files: the registry the files name (one), and their platforms. */
static int files_to_platforms(hook_options *o, char **root)
{
	*root = NULL;
	for (size_t i = 0; i < o->args.n; i++) {
		char *reg = NULL, *id = NULL;
		if (!file_place(o->args.v[i], &reg, &id))
			continue;
		if (*root && strcmp(*root, reg)) {
			int rc = usage_error("hook", _("pre-commit --files: files of two registries, %s and %s"), *root, reg);
			free(reg);
			free(id);
			return rc;
		}
		if (!*root)
			*root = reg;
		else
			free(reg);
		if (id)
			ptrvec_push(&o->also, id);
		else
			o->also_registry_yaml = 1;
	}
	return 0;
}

static int hook_pre_commit(hook_options *o)
{
	char *from_files = NULL;
	if (o->files && files_to_platforms(o, &from_files))
		return 2;
	if (o->args.n > 1 && !o->files)
		return usage_error("hook", _("pre-commit takes one registry PATH at most"));
	o->run.registry_path = o->files ? (from_files ? from_files : ".") : o->args.n ? o->args.v[0] : ".";
	int rc = hook_pre_commit_judge(o);
	free(from_files);
	for (size_t i = 0; i < o->also.n; i++)
		free(o->also.v[i]);
	free(o->also.v);
	return rc;
}

static int hook_pre_commit_judge(hook_options *o)
{
	hook_output h;
	if (hook_output_init(&h, "pre-commit", o->format) < 0)
		return usage_error("hook", "%s", error_last());
	int rc = hook_finish(&h, judge_state(o, &h, NULL, NULL, "staged changes", NULL));
	if (rc == 1)
		fprintf(h.msg, _("ppreg: commit refused: fix the findings above, `git add` the files, commit again\n"));
	fflush(h.msg);
	return rc;
}

/* `ppreg hook install`: every failure is exit 2 with one line. */
static int install(const hook_options *o)
{
	char *file;
	if (hook_install(o, &file) < 0)
		return usage_error("hook", "%s", error_last());
	printf(_("ppreg: installed %s\n"), file);
	free(file);
	return 0;
}

int cmd_hook(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("hook", _("which hook? see 'ppreg hook --help'"));
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs(_(help), stdout);
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
		rc = o.args.n > 1 ? usage_error("hook", _("pre-receive takes one repository PATH at most "
		                                "(Git's updates come on stdin)"))
		                  : hook_pre_receive(&o);
	}
	else if (!strcmp(sub, "update"))
		rc = hook_update(&o);
	else if (!strcmp(sub, "pre-commit"))
		rc = hook_pre_commit(&o);
	else if (!strcmp(sub, "install"))
		rc = install(&o);
	else
		rc = usage_error("hook", _("'%s' is not a hook (pre-receive, update, pre-commit, install)"), sub);
	free(o.args.v);
	return rc;
}
