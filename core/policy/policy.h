/*
 * policy/policy.h - the versioned policy: which plugins run, with which numbers.
 *
 * A policy is a YAML file (policies/<id>-<version>.yaml) that a regulator
 * edits without recompiling. It names the declaration files a platform must
 * hold, the parser limits, severity overrides, attestation bounds and, for
 * each plugin to load, its parameters (handed to the plugin as a node tree).
 */
#ifndef PPREG_POLICY_H
#define PPREG_POLICY_H

#include "yaml/loader.h"
#include "base/findings.h"

/* The most plugins a policy may list: a platform's worker remembers the
 * plugins that crashed on it as the bits of one 64-bit mask (judge/wire.h). */
#define POLICY_MAX_PLUGINS 64

typedef struct {
	char *name;
	const ppreg_node *params;  /* may be NULL */
} policy_plugin;

/* The attestation block, checked at load: attest's bounds on what it signs.
 * Without max_valid_for, the default validity is also the maximum (a bound
 * is never lifted by leaving it out); without the block, both are P1Y. */
typedef struct {
	const char *default_valid_for, *max_valid_for; /* ISO-8601 durations */
	ppreg_duration default_duration, max_duration;
	const char *verified_level;                    /* NULL: not given */
} policy_attestation;

typedef struct {
	char *path;          /* as opened */
	char *dir;           /* its folder, for files shipped beside it */
	char sha256[65];     /* of the file's bytes */
	char *id, *version;
	ydoc *doc;
	/* The declaration files read: first the n_required ones every platform
	 * holds (declaration_files), then the ones it may hold (optional_files,
	 * absent from policies older than 2026.2). */
	char **files;
	size_t n_files, n_required;
	yaml_limits limits;
	unsigned plugin_seconds; /* limits.plugin_seconds: one platform's time in the plugins */
	unsigned plugin_memory_mb; /* limits.plugin_memory_mb: the memory a worker may take */
	/* limits.plugin_timeouts_in_a_row (default 3): after a plugin ran out of
	 * time on so many platforms in a row, it is not run again in the run */
	unsigned plugin_timeouts_in_a_row;
	severity_override *overrides;
	size_t n_overrides;
	policy_plugin *plugins;
	size_t n_plugins;
	policy_attestation attestation;
} policy;

/* Loads and validates a policy file. On failure returns ERR_FAIL with error_last(). */
int policy_load(policy **out, const char *path);
void policy_free(policy *p);

/* The policy file a reference "fr-model/2026.1" names in `dir`. The reference
 * comes from the registry (hostile): only [a-z0-9.-] parts are accepted. */
int policy_path_for_ref(char **out, const char *dir, const char *ref);

/* The default policy folder: $PPREG_POLICY_DIR, else next to the executable
 * (build tree), else the installed share/ppreg/policies. */
const char *policy_default_dir(void);

/* The limits used before a policy is known (for registry.yaml itself). */
extern const yaml_limits policy_default_limits;

#endif
