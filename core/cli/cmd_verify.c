/*
 * cli/cmd_verify.c - `ppreg verify`: check an attestation offline: signature by
 * the given key over DSSE's PAE, payload and statement types, the result,
 * the validity window, and with --registry that the commit still gives the
 * same platform digests under the policy shipped.
 */
#include "cli/cmd_verify.h"
#include "cli/options.h"
#include "attest/dsse.h"
#include "judge/judge.h"
#include "yaml/scalar.h"
#include "attest/signer.h"
#include "attest/statement.h"
#include "yaml/date.h"
#include "judge/platform_check.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char help[] =
	"usage: ppreg verify ATTESTATION --pubkey PUB [--registry PATH] [--as-of DATE]\n"
	"                    [--policy FILE] [--plugin-dir DIR]\n\n"
	"Exit 0 when the attestation is valid, 1 with one line saying why when it is not,\n"
	"2 when the key or the attestation cannot be read, the key is of an unknown type,\n"
	"or the registry given cannot be judged (no repository, no registry.yaml, a\n"
	"policy or plugin that does not load).\n";

static int reject(const char *file, const char *why)
{
	fprintf(stderr, "ppreg verify: %s: %s\n", file, why);
	return 1;
}

/* 1 when one signature verifies with the key over PAE(type, payload). */
static int signature_ok(const dsse_envelope *env, signer_key *key)
{
	size_t pae_len;
	unsigned char *pae = dsse_pae(env->payload_type, env->payload, env->payload_len, &pae_len);
	int ok = 0;
	for (size_t i = 0; i < env->n_sigs && !ok; i++)
		ok = signer_verify(key, pae, pae_len, env->sigs[i].sig, env->sigs[i].sig_len);
	free(pae);
	return ok;
}

/* The registry can be judged at all: it opens at HEAD with registry.yaml,
 * its policy and its plugins. Failing that is exit 2, so that "commit not
 * found" is only ever said of a registry that could be read. */
static int registry_usable(run_options *ro, char *why, size_t cap)
{
	run *r = NULL;
	unsigned char *data = NULL;
	size_t len;
	int rc = -1;
	ro->rev = NULL;
	if (run_open(&r, ro) < 0)
		snprintf(why, cap, "%s", error_last());
	else if (registry_read_root_file(r->reg, "registry.yaml", 1, &data, &len) == PPREG_ABSENT)
		snprintf(why, cap, "%s: not a ppreg registry (no registry.yaml)", ro->registry_path);
	else
		rc = 0;
	free(data);
	run_free(r);
	return rc;
}

/* The attested commit by its exact id: the registry resolves a revision,
 * so the id it resolved must be the attested one (a branch or tag named
 * like the id would otherwise stand for another commit). */
static int commit_present(const char *path, const char *commit)
{
	registry *reg = NULL;
	int found = registry_open(&reg, path, commit, 0) == 0 && !strcmp(registry_commit(reg), commit);
	registry_free(reg);
	return found;
}

/* With --registry: 0 when the attested commit still gives the attested
 * digests under the policy shipped, 1 when it does not (or is not in the
 * registry), 2 when the registry cannot be judged. `why` says which. */
static int check_registry(const statement_view *v, run_options *ro, char *why, size_t cap)
{
	run *r = NULL;
	platform_result p = {0};
	char *ids[1] = {v->platform}, content[65];
	judge_options jo = {.jobs = 1};
	int rc = 2;
	ro->want_digests = 1;
	if (registry_usable(ro, why, cap) < 0)
		return 2;
	if (!commit_present(ro->registry_path, v->commit)) {
		snprintf(why, cap, "commit %s is not in the registry", v->commit);
		return 1;
	}
	ro->rev = v->commit;
	if (run_open(&r, ro) < 0 || judge_platforms(r, ids, 1, &jo, &p) < 0)
		snprintf(why, cap, "%s", error_last());
	else if (folder_content_digest(p.files, p.n_files, content) < 0)
		snprintf(why, cap, "%s", error_last());
	else if (strcmp(content, v->content_sha256) || (v->tree_id && strcmp(p.tree_id, v->tree_id)))
		rc = 1, snprintf(why, cap, "platforms/%s at %.12s no longer gives the attested digests", v->platform, v->commit);
	else if (strcmp(r->pol->sha256, v->policy_sha256))
		rc = 1, snprintf(why, cap, "the policy's digest %s is not the attested %s", r->pol->sha256, v->policy_sha256);
	else
		rc = 0;
	platform_result_free(&p);
	run_free(r);
	return rc;
}

/* read_file_nofollow() would block opening a FIFO: anything but a regular
 * file is refused first (a symlink gets the reader's own message). */
static int read_attestation(const char *file, unsigned char **data, size_t *len)
{
	struct stat st;
	if (lstat(file, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
		return error_set("%s: not a regular file", file);
	return read_file_nofollow(file, DSSE_MAX_ENVELOPE, data, len);
}

int cmd_verify(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"pubkey", required_argument, 0, 'k'}, {"registry", required_argument, 0, 'r'},
		{"as-of", required_argument, 0, 'a'}, {"policy", required_argument, 0, 'P'},
		{"plugin-dir", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *pub = NULL, *as_of_text = NULL;
	run_options ro = {0};
	int c, bad = 0;
	optind = 1;
	while (!bad && (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'k') bad = option_once("verify", &pub, "--pubkey");
		else if (c == 'r') bad = option_once("verify", &ro.registry_path, "--registry");
		else if (c == 'a') bad = option_once("verify", &as_of_text, "--as-of");
		else if (c == 'P') bad = option_once("verify", &ro.policy_file, "--policy");
		else if (c == 'D') bad = option_once("verify", &ro.plugin_dir, "--plugin-dir");
		else if (c == 'h') return fputs(help, stdout), 0;
		else return usage_error("verify", "see 'ppreg verify --help'");
	}
	if (bad)
		return bad;
	if (optind != argc - 1 || !pub)
		return usage_error("verify", "one ATTESTATION and --pubkey are required");
	const char *file = argv[optind];
	if (parse_as_of(as_of_text, &ro.as_of) < 0)
		return usage_error("verify", "--as-of '%s' is not a date YYYY-MM-DD", as_of_text);
	char as_of[11], why[600];
	date_format(ro.as_of, as_of);
	signer_key *key = NULL;
	unsigned char *data = NULL;
	size_t len;
	dsse_envelope env = {0};
	statement_view v = {0};
	int rc;
	if (signer_load_public(&key, pub) < 0) {
		rc = usage_error("verify", "%s", error_last());
	} else if (read_attestation(file, &data, &len) < 0) {
		rc = strstr(error_last(), "larger than") ? reject(file, "too large to be an attestation")
		                                         : usage_error("verify", "%s", error_last());
	} else if (dsse_parse(&env, data, len) < 0) {
		rc = reject(file, error_last());
	} else if (!signature_ok(&env, key)) {
		snprintf(why, sizeof why, "no signature verifies with this public key%s%s%s",
		         env.skipped ? " (skipped " : "", env.skipped ? env.skipped : "", env.skipped ? ")" : "");
		rc = reject(file, why);
	} else if (strcmp(env.payload_type, DSSE_INTOTO_TYPE)) {
		rc = reject(file, "the payload type is not application/vnd.in-toto+json");
	} else if (statement_read(&v, env.payload, env.payload_len, as_of) < 0) {
		rc = reject(file, error_last());
	} else if (ro.registry_path && (rc = check_registry(&v, &ro, why, sizeof why)) != 0) {
		rc = rc == 1 ? reject(file, why) : usage_error("verify", "%s", why);
	} else {
		printf("%s: valid: platforms/%s at commit %.12s, policy %s, valid until %s%s\n", file, v.platform,
		       v.commit, v.policy_uri ? v.policy_uri : "?", v.valid_until,
		       ro.registry_path ? ", registry digests match" : "");
		rc = 0;
	}
	statement_view_free(&v);
	dsse_free(&env);
	free(data);
	signer_free(key);
	return rc;
}
