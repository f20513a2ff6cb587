/*
 * cmd_verify.c - `ppreg verify`: check an attestation offline: signature by
 * the given key over DSSE's PAE, payload and statement types, the result,
 * the validity window, and with --registry that the commit still gives the
 * same platform digests under the policy shipped.
 */
#include "commands.h"
#include "dsse.h"
#include "judge.h"
#include "scalar.h"
#include "signer.h"
#include "statement.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
	"usage: ppreg verify ATTESTATION --pubkey PUB [--registry PATH] [--as-of DATE]\n"
	"                    [--policy FILE] [--plugin-dir DIR]\n\n"
	"Exit 0 when the attestation is valid, 1 with one line saying why when it is not,\n"
	"2 when the key or the attestation cannot be read or the key is of an unknown type.\n";

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

/* The registry at the attested commit must still give the attested digests. */
static int check_registry(const statement_view *v, run_options *ro, char *why, size_t cap)
{
	run *r = NULL;
	platform_result p = {0};
	char *ids[1] = {v->platform}, content[65];
	judge_options jo = {.jobs = 1};
	ro->rev = v->commit;
	ro->want_digests = 1;
	int rc = 1;
	if (run_open(&r, ro) < 0)
		snprintf(why, cap, "registry: %s", error_last());
	else if (judge_platforms(r, ids, 1, &jo, &p) < 0)
		snprintf(why, cap, "registry: %s", error_last());
	else if (folder_content_digest(p.files, p.n_files, content) < 0 || strcmp(content, v->content_sha256) ||
	         (v->tree_id && strcmp(p.tree_id, v->tree_id)))
		snprintf(why, cap, "platforms/%s at %.12s no longer gives the attested digests", v->platform, v->commit);
	else if (strcmp(r->pol->sha256, v->policy_sha256))
		snprintf(why, cap, "the policy's digest %s is not the attested %s", r->pol->sha256, v->policy_sha256);
	else
		rc = 0;
	platform_result_free(&p);
	run_free(r);
	return rc;
}

int cmd_verify(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"pubkey", required_argument, 0, 'k'}, {"registry", required_argument, 0, 'r'},
		{"as-of", required_argument, 0, 'a'}, {"policy", required_argument, 0, 'P'},
		{"plugin-dir", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *pub = NULL, *as_of_text = NULL;
	run_options ro = {0};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'k') pub = optarg;
		else if (c == 'r') ro.registry_path = optarg;
		else if (c == 'a') as_of_text = optarg;
		else if (c == 'P') ro.policy_file = optarg;
		else if (c == 'D') ro.plugin_dir = optarg;
		else if (c == 'h') return fputs(help, stdout), 0;
		else return usage_error("verify", "see 'ppreg verify --help'");
	}
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
	} else if (read_file_nofollow(file, DSSE_MAX_ENVELOPE, &data, &len) < 0) {
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
	} else if (ro.registry_path && check_registry(&v, &ro, why, sizeof why)) {
		rc = reject(file, why);
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
