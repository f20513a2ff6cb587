/*
 * floor.c - the least work any checker of a registry must do, to measure
 * ppreg against: read the six declaration files of every platform through
 * libgit2 and run libyaml's event parser over them, doing nothing else (no
 * tree built, no schema, no rule, no report). scripts/bench divides
 * ppreg's time by this one.
 *
 * usage: floor [--rev REV] [--evidence] PATH
 * --evidence also reads every blob of each platform's evidence/ folder (not
 * parsed: they are documents), as gdpr.evidence must to hash them: the
 * floor of all the blobs ppreg reads, not of the declarations alone.
 * Prints the platforms, files, bytes and YAML events read, and the elapsed
 * time in seconds; exit 1 on any error (a file that does not parse counts as
 * read: ppreg reports it, the floor only pays for reading it).
 */
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

static const char *const declaration_files[] = {"registration.yaml", "transparency.yaml",
	"gdpr.yaml", "charter.yaml", "training.yaml", "alert.yaml"};

typedef struct {
	unsigned long platforms, files;
	unsigned long long bytes, events;
} tally;

static int fail(const char *what)
{
	const git_error *e = git_error_last();
	fprintf(stderr, "floor: %s: %s\n", what, e && e->message ? e->message : "error");
	return -1;
}

/* Parses a buffer event by event until the stream ends or an error. */
static void parse_events(const unsigned char *data, size_t len, tally *t)
{
	yaml_parser_t parser;
	yaml_event_t event;
	if (!yaml_parser_initialize(&parser))
		return;
	yaml_parser_set_input_string(&parser, data, len);
	for (;;) {
		if (!yaml_parser_parse(&parser, &event))
			break;
		t->events++;
		int end = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
		if (end)
			break;
	}
	yaml_parser_delete(&parser);
}

/* Reads each blob of the platform's evidence/ folder (one level). */
static int read_evidence(git_repository *repo, const git_tree *tree, tally *t)
{
	const git_tree_entry *de = git_tree_entry_byname(tree, "evidence");
	git_tree *dir;
	if (!de || git_tree_entry_type(de) != GIT_OBJECT_TREE)
		return 0;
	if (git_tree_lookup(&dir, repo, git_tree_entry_id(de)) < 0)
		return fail("evidence");
	for (size_t i = 0; i < git_tree_entrycount(dir); i++) {
		const git_tree_entry *e = git_tree_entry_byindex(dir, i);
		git_blob *blob;
		if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
			continue;
		if (git_blob_lookup(&blob, repo, git_tree_entry_id(e)) < 0) {
			git_tree_free(dir);
			return fail(git_tree_entry_name(e));
		}
		t->files++;
		t->bytes += (size_t)git_blob_rawsize(blob);
		git_blob_free(blob);
	}
	git_tree_free(dir);
	return 0;
}

static int read_platform(git_repository *repo, const git_tree_entry *pe, int evidence, tally *t)
{
	git_tree *tree;
	if (git_tree_entry_type(pe) != GIT_OBJECT_TREE)
		return 0;
	if (git_tree_lookup(&tree, repo, git_tree_entry_id(pe)) < 0)
		return fail(git_tree_entry_name(pe));
	t->platforms++;
	for (size_t i = 0; i < sizeof declaration_files / sizeof *declaration_files; i++) {
		const git_tree_entry *e = git_tree_entry_byname(tree, declaration_files[i]);
		git_blob *blob;
		if (!e || git_tree_entry_type(e) != GIT_OBJECT_BLOB)
			continue;
		if (git_blob_lookup(&blob, repo, git_tree_entry_id(e)) < 0) {
			git_tree_free(tree);
			return fail(declaration_files[i]);
		}
		size_t len = (size_t)git_blob_rawsize(blob);
		parse_events(git_blob_rawcontent(blob), len, t);
		t->files++;
		t->bytes += len;
		git_blob_free(blob);
	}
	int rc = evidence ? read_evidence(repo, tree, t) : 0;
	git_tree_free(tree);
	return rc;
}

static int read_registry(const char *path, const char *rev, int evidence, tally *t)
{
	git_repository *repo = NULL;
	git_object *obj = NULL;
	git_tree *root = NULL, *platforms = NULL;
	git_tree_entry *pe = NULL;
	int rc = -1;
	if (git_repository_open_ext(&repo, path, 0, NULL) < 0)
		fail(path);
	else if (git_revparse_single(&obj, repo, rev) < 0 ||
	         git_object_peel((git_object **)&root, obj, GIT_OBJECT_TREE) < 0)
		fail(rev);
	else if (git_tree_entry_bypath(&pe, root, "platforms") < 0 ||
	         git_tree_lookup(&platforms, repo, git_tree_entry_id(pe)) < 0)
		fail("platforms");
	else {
		rc = 0;
		for (size_t i = 0; i < git_tree_entrycount(platforms) && rc == 0; i++)
			rc = read_platform(repo, git_tree_entry_byindex(platforms, i), evidence, t);
	}
	git_tree_free(platforms);
	git_tree_entry_free(pe);
	git_tree_free(root);
	git_object_free(obj);
	git_repository_free(repo);
	return rc;
}

int main(int argc, char **argv)
{
	const char *rev = "HEAD", *path = NULL;
	int evidence = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rev") && i + 1 < argc)
			rev = argv[++i];
		else if (!strcmp(argv[i], "--evidence"))
			evidence = 1;
		else if (argv[i][0] == '-' || path) {
			fputs("usage: floor [--rev REV] [--evidence] PATH\n", stderr);
			return 2;
		} else
			path = argv[i];
	}
	if (!path)
		path = ".";
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	git_libgit2_init();
	tally t = {0};
	int rc = read_registry(path, rev, evidence, &t);
	git_libgit2_shutdown();
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rc < 0)
		return 1;
	printf("platforms %lu\nfiles %lu\nbytes %llu\nevents %llu\nseconds %.4f\n", t.platforms, t.files,
	       t.bytes, t.events, (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
