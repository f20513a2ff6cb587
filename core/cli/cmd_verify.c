/*
 * cli/cmd_verify.c - `ppreg verify`: check an attestation offline: signature by
 * the given key over DSSE's PAE, payload and statement types, the result,
 * the validity window, and with --registry that the commit still gives the
 * same platform digests under the policy shipped.
 */
#include "cli/cmd_verify.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "attest/dsse.h"
#include "judge/judge.h"
#include "yaml/scalar.h"
#include "attest/signer.h"
#include "attest/statement.h"
#include "yaml/date.h"
#include "judge/platform_check.h"
#include "judge/authority.h"
#include "yaml/node.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char *const help = N_("usage: ppreg verify ATTESTATION --pubkey PUB [--platform ID] [--commit SHA]\n"
	"                    [--registry PATH] [--as-of DATE] [--policy FILE] [--plugin-dir DIR]\n\n"
	"--platform and --commit state what the caller expects: an attestation of another\n"
	"platform, or of a commit whose id does not start with SHA (7 to 64 hex digits), is\n"
	"not valid for this caller. --as-of must fall within the attestation's validity,\n"
	"from its own as_of to its valid_until.\n"
	"Exit 0 when the attestation is valid, 1 with one line saying why when it is not,\n"
	"2 when the key or the attestation cannot be read, the key is of an unknown type,\n"
	"or the registry given cannot be judged (no repository, no registry.yaml, a\n"
	"policy or plugin that does not load).\n");

static int reject(const char *file, const char *why)
{
	fprintf(stderr, _("ppreg verify: %s: %s\n"), file, why);
	return 1;
}

/* The registry can be judged at all: it opens at HEAD with registry.yaml,
 * its policy and its plugins. Failing that is exit 2, so that "commit not
 * found" is only ever said of a registry that could be read. */
/* What the registry says now, at HEAD, of an attestation whose digests its
 * commit still gives: revoked by the authority's record (by the SHA-256 of
 * the attestation's payload), or superseded by a later state of the
 * platform's folder. 0 neither, 1 (with why) either. */
static int head_verdict(run *r, const statement_view *v, const char *payload_sha256, char *why, size_t cap)
{
	const ppreg_node *rev = authority_revocation(r, payload_sha256);
	platform_tree *t = NULL;
	if (rev) {
		const char *on = "?", *reason = "?";
		(void)node_str(node_get(rev, "revoked_on"), &on);
		(void)node_str(node_get(rev, "reason"), &reason);
		char *shown = display_text(reason);
		snprintf(why, cap, _("revoked by the authority on %.10s: %.200s"), on, shown);
		free(shown);
		return 1;
	}
	int rc = registry_platform(r->reg, v->platform, &t);
	if (rc == PPREG_ABSENT || (rc == 0 && v->tree_id && strcmp(t->tree_id, v->tree_id)))
		rc = 1, snprintf(why, cap, rc == PPREG_ABSENT
		                 ? _("superseded: platforms/%s at the registry's HEAD (%.12s) is gone, not the attested "
		                     "one of commit %.12s")
		                 : _("superseded: platforms/%s at the registry's HEAD (%.12s) is another folder than the "
		                     "attested one of commit %.12s"), v->platform, registry_commit(r->reg), v->commit);
	else if (rc < 0)
		rc = 2, snprintf(why, cap, "%s", error_last());
	platform_tree_free(t);
	return rc;
}

/* The registry can be judged at all: it opens at HEAD with registry.yaml,
 * its policy and its plugins (0, or ERR_FAIL with why: exit 2), and what
 * it says of the attestation at HEAD (*now: 0, or 1 with why). */
static int registry_usable(run_options *ro, const statement_view *v, const char *payload_sha256,
                           char *why, size_t cap, int *now)
{
	run *r = NULL;
	unsigned char *data = NULL;
	size_t len;
	int rc = ERR_FAIL;
	ro->rev = NULL;
	*now = 0;
	if (run_open(&r, ro) < 0)
		snprintf(why, cap, "%s", error_last());
	else if (registry_read_root_file(r->reg, "registry.yaml", 1, &data, &len) == PPREG_ABSENT)
		snprintf(why, cap, _("%s: not a ppreg registry (no registry.yaml)"), ro->registry_path);
	else if ((*now = head_verdict(r, v, payload_sha256, why, cap)) == 2)
		*now = 0;
	else
		rc = 0;
	free(data);
	run_free(r);
	return rc;
}

/* The attested commit by its exact id: the registry resolves a revision,
 * so the id it resolved must be the attested one (a branch or tag named
 * like the id would otherwise stand for another commit). 1 present, 0 not,
 * ERR_FAIL when the repository cannot tell (a corrupt object). */
static int commit_present(const char *path, const char *commit)
{
	registry *reg = NULL;
	int rc = registry_open(&reg, path, commit, 0);
	int found = rc == 0 && !strcmp(registry_commit(reg), commit);
	registry_free(reg);
	return rc == ERR_FAIL ? rc : found;
}

/* With --registry: 0 when the attested commit still gives the attested
 * digests under the policy shipped, 1 when it does not (or is not in the
 * registry), 2 when the registry cannot be judged. `why` says which. */
static int check_registry(const statement_view *v, const char *payload_sha256, run_options *ro, char *why,
                          size_t cap)
{
	run *r = NULL;
	platform_result p = {0};
	char *ids[1] = {v->platform}, content[65], now_why[600];
	judge_options jo = {.jobs = 1};
	int rc = 2, now;
	ro->want_digests = 1;
	if (registry_usable(ro, v, payload_sha256, now_why, sizeof now_why, &now) < 0) {
		snprintf(why, cap, "%s", now_why);
		return 2;
	}
	int present = commit_present(ro->registry_path, v->commit);
	if (present < 0) {
		snprintf(why, cap, "%s", error_last());
		return 2;
	}
	if (!present) {
		snprintf(why, cap, _("commit %s is not in the registry"), v->commit);
		return 1;
	}
	ro->rev = v->commit;
	if (run_open(&r, ro) < 0 || judge_platforms(r, ids, 1, &jo, &p) < 0)
		snprintf(why, cap, "%s", error_last());
	else if (folder_content_digest(p.files, p.n_files, content) < 0)
		snprintf(why, cap, "%s", error_last());
	else if (strcmp(content, v->content_sha256) || (v->tree_id && strcmp(p.tree_id, v->tree_id)))
		rc = 1, snprintf(why, cap, _("platforms/%s at %.12s no longer gives the attested digests"), v->platform, v->commit);
	else if (strcmp(r->pol->sha256, v->policy_sha256))
		rc = 1, snprintf(why, cap, _("the policy's digest %s is not the attested %s"), r->pol->sha256, v->policy_sha256);
	else if (now)
		rc = 1, snprintf(why, cap, "%s", now_why);
	else
		rc = 0;
	platform_result_free(&p);
	run_free(r);
	return rc;
}

/* What the caller says it expects to be attested (--platform, --commit). */
typedef struct {
	const char *platform;
	const char *commit;  /* a prefix of the commit id */
} expected;

static int is_commit_prefix(const char *s)
{
	size_t n = strlen(s);
	return n >= 7 && n <= 64 && strspn(s, "0123456789abcdef") == n;
}

/* A valid attestation of something else answers another question: it is
 * refused here (exit 1) rather than left for the caller to parse out of the
 * line, where a script that only tests the exit status would take it. */
static int as_expected(const statement_view *v, const expected *want, char *why, size_t cap)
{
	if (want->platform && strcmp(v->platform, want->platform)) {
		snprintf(why, cap, _("it attests platforms/%s, not platforms/%s"), v->platform, want->platform);
		return 0;
	}
	if (want->commit && strncmp(v->commit, want->commit, strlen(want->commit))) {
		snprintf(why, cap, _("it attests commit %s, not %s"), v->commit, want->commit);
		return 0;
	}
	return 1;
}

int cmd_verify(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"pubkey", required_argument, 0, 'k'}, {"registry", required_argument, 0, 'r'},
		{"as-of", required_argument, 0, 'a'}, {"policy", required_argument, 0, 'P'},
		{"plugin-dir", required_argument, 0, 'D'}, {"platform", required_argument, 0, 'p'},
		{"commit", required_argument, 0, 'c'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *pub = NULL, *as_of_text = NULL;
	expected want = {0};
	run_options ro = {0};
	int c, bad = 0;
	options_reset();
	while (!bad && (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'k') bad = option_once("verify", &pub, "--pubkey");
		else if (c == 'r') bad = option_once("verify", &ro.registry_path, "--registry");
		else if (c == 'a') bad = option_once("verify", &as_of_text, "--as-of");
		else if (c == 'P') bad = option_once("verify", &ro.policy_file, "--policy");
		else if (c == 'D') bad = option_once("verify", &ro.plugin_dir, "--plugin-dir");
		else if (c == 'p') bad = option_once("verify", &want.platform, "--platform");
		else if (c == 'c') bad = option_once("verify", &want.commit, "--commit");
		else if (c == 'h') return fputs(_(help), stdout), 0;
		else return option_error("verify", longopts, argv);
	}
	if (bad)
		return bad;
	if (optind != argc - 1 || !pub)
		return usage_error("verify", _("one ATTESTATION and --pubkey are required"));
	const char *file = argv[optind];
	if (want.commit && !is_commit_prefix(want.commit))
		return usage_error("verify", _("--commit '%s' is not 7 to 64 lowercase hex digits"), want.commit);
	if (option_as_of("verify", as_of_text, &ro.as_of))
		return 2;
	char as_of[11], why[600], payload_sha256[65];
	date_format(ro.as_of, as_of);
	signer_key *key = NULL;
	unsigned char *data = NULL;
	size_t len;
	dsse_envelope env = {0};
	statement_view v = {0};
	int rc;
	if (signer_load_public(&key, pub) < 0) {
		rc = usage_error("verify", "%s", error_last());
	} else if ((rc = dsse_read_file(file, &data, &len)) < 0) {
		rc = rc == ERR_TOO_LARGE ? reject(file, _("too large to be an attestation"))
		                         : usage_error("verify", "%s", error_last());
	} else if (dsse_parse(&env, data, len) < 0) {
		rc = reject(file, error_last());
	} else if (!signer_verify_envelope(key, &env)) {
		if (env.skipped)
			snprintf(why, sizeof why, _("no signature verifies with this public key (skipped %s)"), env.skipped);
		else
			snprintf(why, sizeof why, "%s", _("no signature verifies with this public key"));
		rc = reject(file, why);
	} else if (strcmp(env.payload_type, DSSE_INTOTO_TYPE)) {
		rc = reject(file, _("the payload type is not application/vnd.in-toto+json"));
	} else if (statement_read(&v, env.payload, env.payload_len, as_of) < 0) {
		rc = reject(file, error_last());
	} else if (sha256_hex(env.payload, env.payload_len, payload_sha256) < 0) {
		rc = usage_error("verify", "%s", error_last());
	} else if (!as_expected(&v, &want, why, sizeof why)) {
		rc = reject(file, why);
	} else if (ro.registry_path && (rc = check_registry(&v, payload_sha256, &ro, why, sizeof why)) != 0) {
		rc = rc == 1 ? reject(file, why) : usage_error("verify", "%s", why);
	} else {
		printf(_("%s: valid: platforms/%s at commit %.12s, policy %s, valid until %s%s\n"), file, v.platform,
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
