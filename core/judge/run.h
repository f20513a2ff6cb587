/*
 * judge/run.h - one run of the validator: a registry at a revision, a policy, its
 * plugins, and the verdict of each platform checked.
 *
 * This is the library the commands (check, attest, verify, hook) share:
 * run_open() sets up everything that can fail for environment reasons (exit
 * 2), run_check_platform() judges one platform as a pure function of
 * (snapshot, policy, as-of date), and the reporters read the results.
 */
#ifndef PPREG_RUN_H
#define PPREG_RUN_H

#include "base/findings.h"
#include "plugin/loader.h"
#include "policy/policy.h"
#include "registry/registry.h"
#include "policy/schema.h"

#include <stdatomic.h>
#include <stdint.h>

typedef struct {
	const char *registry_path;
	const char *rev;          /* NULL: HEAD */
	int worktree;
	const char *policy_file;  /* --policy, or NULL: the one registry.yaml names */
	const char *plugin_dir;   /* --plugin-dir, or NULL: plugin_default_dir() */
	ppreg_date as_of;
	int strict;
	int want_digests;         /* fill platform_result.files (for attestations) */
} run_options;

typedef enum { VERDICT_COMPLIANT, VERDICT_NON_COMPLIANT, VERDICT_INVALID } verdict;

typedef struct {
	char *path;        /* relative to the platform folder */
	char sha256[65];
} file_digest;

/* A blob's SHA-256 computed while judging a platform, by object id. */
typedef struct {
	unsigned char oid[32];
	size_t oid_len;
	char sha256[65];
} learned_digest;

/* The last valid day of a dated fact a verdict rests on (ppreg_api.lapse),
 * where it is declared and the rule that reads it. */
typedef struct {
	char *rule;
	char *file;          /* relative to the registry root */
	unsigned line;
	ppreg_date last_valid_day;
} lapse;

typedef struct {
	char *id;
	verdict verdict;
	finding_list findings;  /* sorted */
	char tree_id[65];       /* Git tree of the folder; "" with --worktree */
	file_digest *files;     /* with want_digests: every regular file, sorted */
	size_t n_files;
	/* Digests the run's memo did not hold (digest_memo.h): a worker hands
	 * them to the scheduler with the result, and the workers forked after
	 * start with them instead of hashing the same blobs again (judge.c). */
	learned_digest *learned;
	size_t n_learned;
	/* Why no attestation may be signed for this platform although it may
	 * be compliant (a plugin's ppreg_api.withhold), or NULL. */
	char *withheld;
	/* The lapses of rules that are errors after the policy, earliest
	 * first (then by file, line, rule), each once: lapses[0] is the last
	 * day the verdict holds (check's valid_until), when n_lapses > 0. */
	lapse *lapses;
	size_t n_lapses;
	/* What run.describe made of the platform's declarations where it was
	 * judged (opaque to the judge, carried with the result), or NULL. */
	unsigned char *attachment;
	size_t attachment_len;
} platform_result;

struct run;
/* Called where a platform was judged (a worker), with its verdict and its
 * declaration trees (roots[i] NULL for a file missing or unreadable),
 * before they are freed: a reader of verdicts (the site) takes what it
 * needs of the declarations there, into out->attachment, instead of
 * reading and parsing them again. It must not change the verdict. */
typedef void (*run_describe_fn)(void *ctx, const struct run *r, const char *const *files,
                                 const ppreg_node *const *roots, size_t n, platform_result *out);


/* The entry, after the platforms, that carries the findings on the
 * registry's own files in a --changed run or a hook: registry.yaml and
 * files changed outside platforms/. No platform id can take this name
 * (ids match ^[a-z0-9][a-z0-9-]{1,62}$). It is not counted as a platform. */
#define RUN_REGISTRY_ENTRY "(registry)"

typedef struct run {
	run_options opts;
	registry *reg;
	policy *pol;
	char *policy_path;
	loaded_plugin *plugins;
	size_t n_plugins;
	const char *plugin_dir;
	severity_override *overrides;  /* the policy's, checked against known rules */
	size_t n_overrides;
	/* The declaration files every platform is read for: the policy's
	 * declaration_files, then each loaded plugin's schema files, in the
	 * policy's order; optional[i] when a platform may lack files[i] (a
	 * plugin's optional_files the policy does not list). */
	char **files;
	unsigned char *optional;
	size_t n_files;
	struct schema **schemas;       /* per declaration file (files), compiled once */
	/* Set by the scheduler (judge.c) in a worker: which plugin is running
	 * (index, -1 none) goes to shared memory, and plugins that crashed on
	 * this platform before are skipped (bit i = plugins[i]). */
	volatile int *progress;
	_Atomic uint32_t *finished;    /* per plugin: platforms it finished (judge.c) */
	unsigned long long skip_plugins;
	/* In a worker: the pipe its results go to, as it was when the worker
	 * started (fstat's device and inode). A plugin that closed it (or put
	 * another file in its place) is blamed before progress moves on: the
	 * worker ends while the slot still names that plugin. */
	int result_fd;                 /* -1: not in a worker */
	int probe_fd;                  /* in the probe's child, its pipe (probe.c); else -1 */
	int plugins_set_up;            /* run_setup_plugins() ran in this process */
	unsigned long long result_dev, result_ino;
	struct digest_memo *digests;   /* blob digests already computed (digest_memo.h) */
	struct authority *authority;   /* the authority's record (authority.h) */
	run_describe_fn describe;      /* NULL: none (check, attest, hooks) */
	void *describe_ctx;
} run;

/* Opens the registry, reads registry.yaml, loads the policy and its plugins
 * (after probe_plugins() has tried them in a child). No plugin's setup()
 * runs in this process: the scheduler's workers call it (judge.c).
 * ERR_FAIL (exit 2) with error_last() on any failure. */
int run_open(run **out, const run_options *opts);
void run_free(run *r);

/* Loads the plugins the policy names into r->plugins, checks the policy's
 * severities against their rules. Part of run_open(), and of the probe. */
int run_load_plugins(run *r);

/* The fields the loaded plugins declare for one declaration file. */
field_set run_fields_for(const run *r, const char *file);

/* The files a platform declares: the policy's declaration_files, then any
 * other file a loaded plugin describes, each once (run.files). *out is the
 * run's, valid while it is. */
size_t run_declaration_files(const run *r, const char ***out);

/* A rule of the core or of a loaded plugin, or NULL. */
const ppreg_rule *run_find_rule(const run *r, const char *id);

/* The policy reference ("fr-model/2026.1") registry.yaml names in `reg`,
 * opened at `rev` (for messages; NULL: HEAD); *ref is malloc'd. 0;
 * PPREG_ABSENT when there is no registry.yaml, ERR_OTHER_FORMAT for a
 * registry of another format, ERR_FAIL: each with error_last(). */
int run_policy_ref(registry *reg, const char *rev, char **ref);

/* ERR_FAIL with a message for a platform the registry lacks: that it is
 * in the work tree but not committed (use --worktree), or the id that was
 * probably meant. */
int run_no_platform(run *r, const char *id);

/* The platform ids of the registry, sorted. */
int run_platform_ids(run *r, char ***ids, size_t *n);
/* Copies of the ids named (--platform), or when none is, every platform's
 * (run_platform_ids). Free with registry_free_ids. */
int run_named_ids(run *r, char *const *named, size_t n_named, char ***ids, size_t *n);

const char *verdict_name(verdict v);
/* The verdict in the run's language, for prose (verdict_name is the
 * machine formats' value). */
const char *verdict_text(verdict v);

/* Every rule known to this run (core's, then each plugin's), for reporters. */
typedef struct {
	const ppreg_rule *rule;
	const char *plugin;  /* "core" for the core's own */
} rule_ref;
size_t run_rules(const run *r, rule_ref **out);

#endif
