/*
 * fuzz_env.c - the scratch registry the harnesses judge: registry.yaml and
 * the example platform's evidence copied from the source tree into a
 * temporary folder, opened once with the model policy and the plugins built
 * beside the harness. The folder is removed at exit.
 */
#include "fuzz_env.h"
#include "judge/platform_check.h"
#include "yaml/scalar.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXAMPLE PPREG_FUZZ_SOURCE_DIR "/registry/platforms/entraide-sante"

static char scratch[256];
static char platform_dir[300];
static run *the_run;

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz: %s: %s\n", what, detail);
	exit(1);
}

void fuzz_write(const char *dir, const char *name, const void *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0)
		die(path, strerror(errno));
}

static void copy_file(const char *from, const char *to_dir, const char *name)
{
	unsigned char *data;
	size_t len;
	if (read_file_nofollow(from, (size_t)64 << 20, &data, &len) < 0)
		die(from, error_last());
	fuzz_write(to_dir, name, data, len);
	free(data);
}

int fuzz_env_example_file(const char *name, unsigned char **data, size_t *len)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", EXAMPLE, name);
	return read_file_nofollow(path, (size_t)1 << 20, data, len);
}

/* rm -r of the scratch folder (two levels of folders at most, no links). */
static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char path[1024];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static void cleanup(void)
{
	run_free(the_run);
	the_run = NULL;
	if (scratch[0])
		remove_tree(scratch);
}

static void make_scratch(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(scratch, sizeof scratch, "%s/ppreg-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(scratch))
		die("mkdtemp", strerror(errno));
	atexit(cleanup);
	char dir[400];
	snprintf(dir, sizeof dir, "%s/platforms", scratch);
	snprintf(platform_dir, sizeof platform_dir, "%s/%s", dir, FUZZ_PLATFORM);
	char evidence[400];
	snprintf(evidence, sizeof evidence, "%s/evidence", platform_dir);
	if (mkdir(dir, 0700) < 0 || mkdir(platform_dir, 0700) < 0 || mkdir(evidence, 0700) < 0)
		die("mkdir", strerror(errno));
	copy_file(PPREG_FUZZ_SOURCE_DIR "/registry/registry.yaml", scratch, "registry.yaml");
	DIR *d = opendir(EXAMPLE "/evidence");
	if (!d)
		die(EXAMPLE "/evidence", strerror(errno));
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char from[600];
		snprintf(from, sizeof from, "%s/evidence/%s", EXAMPLE, e->d_name);
		copy_file(from, evidence, e->d_name);
	}
	closedir(d);
}

run *fuzz_env_run(void)
{
	if (the_run)
		return the_run;
	make_scratch();
	const char *plugins = getenv("PPREG_PLUGIN_DIR");
	const char *policies = getenv("PPREG_POLICY_DIR");
	char policy[512];
	snprintf(policy, sizeof policy, "%s/fr-model-2026.2.yaml",
	         policies && *policies ? policies : PPREG_FUZZ_BUILD_DIR "/policies");
	run_options o = {
		.registry_path = scratch,
		.worktree = REGISTRY_WORKTREE,
		.policy_file = policy,
		.plugin_dir = plugins && *plugins ? plugins : PPREG_FUZZ_BUILD_DIR "/plugins",
	};
	if (scalar_date("2026-11-23", &o.as_of) != 0)
		die("as-of", "2026-11-23 is not a date");
	if (run_open(&the_run, &o) < 0)
		die("run_open", error_last());
	if (run_setup_plugins(the_run) < 0) /* in this process: the fuzzer judges without workers */
		die("run_setup_plugins", error_last());
	return the_run;
}

const char *fuzz_env_platform_dir(void)
{
	fuzz_env_run();
	return platform_dir;
}
