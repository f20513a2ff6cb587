/*
 * cli/cmd_init.c - `ppreg init ID [PATH]`: a new platform folder holding
 * every declaration file, each with every required field left empty to
 * fill in, as the registry's policy and its plugins describe them.
 *
 * The folder appears whole or not at all: the files are written in a
 * temporary folder of the registry, which is then renamed to
 * platforms/ID, never over anything already there.
 */
#define _GNU_SOURCE /* renameat2 */
#include "cli/cmd_init.h"
#include "cli/describe.h"
#include "cli/options.h"
#include "base/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const help = N_("usage: ppreg init ID [PATH] [--policy FILE] [--plugin-dir DIR]\n\n"
	"Creates platforms/ID in the registry at PATH (default: .) with every\n"
	"declaration file its policy's plugins describe. Each required field is there\n"
	"with an empty value to fill in and, above it, its type and the rule that\n"
	"checks it; optional fields are commented out. An existing platform folder is\n"
	"never touched. Then 'ppreg check --worktree --platform ID PATH' says what is\n"
	"left to fill in.\n\n"
	"  --policy FILE     describe the files under this policy instead of the one\n"
	"                    registry.yaml names\n"
	"  --plugin-dir DIR  load plugins from DIR\n\n"
	"Exit status: 0 created, 2 nothing created (usage, an existing folder, a\n"
	"registry or policy that cannot be read).\n");

static const char header[] =
	"# platforms/%s/%s, started by 'ppreg init' under policy %s/%s.\n"
	"# Fill in every empty value (the comment above a key says what it takes),\n"
	"# uncomment the optional keys that apply, then run\n"
	"#   ppreg check --worktree --platform %s\n";

/* Removes the temporary folder and what was written in it. */
static void remove_tree(const char *dir, const char **files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *p = path_join(dir, files[i]);
		(void)unlink(p); /* best effort: the files may not all exist */
		free(p);
	}
	(void)rmdir(dir);
}

static int write_declarations(const run *r, const char *id, const char *dir, const char **files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *body = describe_file(r, files[i], 0);
		if (!body)
			return ERR_FAIL;
		char *text = xasprintf(header, id, files[i], r->pol->id, r->pol->version, id);
		char *all = xasprintf("%s%s", text, body);
		char *path = path_join(dir, files[i]);
		int rc = write_file_atomic(path, all, strlen(all), 0644);
		free(path), free(all), free(text), free(body);
		if (rc < 0)
			return ERR_FAIL;
	}
	return 0;
}

/* Writes the folder at `target` through a temporary one beside the
 * platforms/ folder (not in it, where a leftover would look like a
 * platform). */
static int create_platform(const run *r, const char *root, const char *id, const char *target)
{
	const char **files;
	size_t n = run_declaration_files(r, &files);
	char *tmp = xasprintf("%s/.ppreg-init-XXXXXX", root);
	int rc = ERR_FAIL;
	if (!mkdtemp(tmp)) {
		error_set(_("%s: cannot create a temporary folder: %s"), root, strerror(errno));
	} else if (chmod(tmp, 0755) < 0) {
		error_set(_("%s: %s"), tmp, strerror(errno));
	} else if (write_declarations(r, id, tmp, files, n) == 0) {
		if (renameat2(AT_FDCWD, tmp, AT_FDCWD, target, RENAME_NOREPLACE) == 0)
			rc = 0;
		else if (errno == EEXIST || errno == ENOTEMPTY)
			error_set(_("%s already exists; ppreg init never writes over a platform"), target);
		else
			error_set(_("%s: cannot create: %s"), target, strerror(errno));
	}
	if (rc < 0 && *tmp)
		remove_tree(tmp, files, n);
	if (rc == 0) {
		printf(_("created %s:"), target);
		for (size_t i = 0; i < n; i++)
			printf(" %s", files[i]);
		printf(_("\nfill in the empty values, then: ppreg check --worktree --platform %s%s%s\n"), id,
		       strcmp(root, ".") ? " " : "", strcmp(root, ".") ? root : "");
	}
	free(tmp);
	return rc;
}

static int init_platform(const char *id, const describe_options *o)
{
	const char *root = o->registry_path;
	char *platforms = path_join(root, "platforms"), *target = path_join(platforms, id);
	struct stat st;
	run *r = NULL;
	int rc = 2;
	if (lstat(target, &st) == 0)
		usage_error("init", _("%s already exists; ppreg init never writes over a platform"), target);
	else if (describe_open(&r, "init", o) != 0)
		; /* said why */
	else if (mkdir(platforms, 0755) < 0 && errno != EEXIST)
		usage_error("init", "%s: %s", platforms, strerror(errno));
	else if (lstat(platforms, &st) < 0 || !S_ISDIR(st.st_mode))
		usage_error("init", _("%s is not a folder; ppreg follows no link there"), platforms);
	else if (create_platform(r, root, id, target) < 0)
		usage_error("init", "%s", error_last());
	else
		rc = 0;
	run_free(r);
	free(target);
	free(platforms);
	return rc;
}

int cmd_init(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"policy", required_argument, 0, 'P'}, {"plugin-dir", required_argument, 0, 'D'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	describe_options o = {0};
	int c, bad = 0;
	optind = 1;
	while (!bad && (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'P') bad = option_once("init", &o.policy_file, "--policy");
		else if (c == 'D') bad = option_once("init", &o.plugin_dir, "--plugin-dir");
		else if (c == 'h') return fputs(_(help), stdout), 0;
		else return usage_error("init", _("see 'ppreg init --help'"));
	}
	if (bad)
		return bad;
	if (optind >= argc || argc - optind > 2)
		return usage_error("init", _("one platform ID, then the registry PATH at most"));
	const char *id = argv[optind];
	if (!registry_id_ok(id))
		return usage_error("init", _("'%s' is not a platform id: 2 to 63 of a-z, 0-9 and '-', not first"), id);
	o.registry_path = optind + 1 < argc ? argv[optind + 1] : ".";
	return init_platform(id, &o);
}
