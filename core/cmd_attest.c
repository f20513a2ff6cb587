/*
 * cmd_attest.c - `ppreg attest`: judge one platform and, only when it is
 * compliant, sign a DSSE attestation of exactly what was judged.
 */
#include "commands.h"
#include "dsse.h"
#include "judge.h"
#include "report.h"
#include "scalar.h"
#include "signer.h"
#include "statement.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char help[] =
	"usage: ppreg attest [PATH] --key KEY --platform ID [--rev REV] [--as-of DATE]\n"
	"                    [--valid-for DURATION] [-o FILE] [--policy FILE] [--plugin-dir DIR]\n\n"
	"Checks platform ID of the registry at PATH (default .) at REV (default HEAD) and,\n"
	"when it is compliant, writes a signed attestation (DSSE envelope over an in-toto\n"
	"Statement v1 with a SLSA verification summary) to FILE (atomically) or stdout.\n"
	"--valid-for defaults to the policy's attestation.default_valid_for (P1Y) and\n"
	"may not exceed attestation.max_valid_for. A non-compliant platform is refused\n"
	"(exit 1) and nothing is signed. SOURCE_DATE_EPOCH fixes timeVerified.\n";

typedef struct {
	run_options run;
	const char *key, *platform, *output, *valid_for;
} attest_options;

static int parse(attest_options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"key", required_argument, 0, 'k'}, {"platform", required_argument, 0, 'p'},
		{"rev", required_argument, 0, 'r'}, {"as-of", required_argument, 0, 'a'},
		{"valid-for", required_argument, 0, 'v'}, {"policy", required_argument, 0, 'P'},
		{"plugin-dir", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *as_of = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'k': o->key = optarg; break;
		case 'p': o->platform = optarg; break;
		case 'r': o->run.rev = optarg; break;
		case 'a': as_of = optarg; break;
		case 'v': o->valid_for = optarg; break;
		case 'P': o->run.policy_file = optarg; break;
		case 'D': o->run.plugin_dir = optarg; break;
		case 'o': o->output = optarg; break;
		case 'h': fputs(help, stdout); return 1;
		default: return usage_error("attest", "see 'ppreg attest --help'");
		}
	}
	o->run.registry_path = optind < argc ? argv[optind++] : ".";
	if (optind < argc)
		return usage_error("attest", "one registry PATH at most");
	if (!o->key || !o->platform)
		return usage_error("attest", "--key and --platform are required");
	if (parse_as_of(as_of, &o->run.as_of) < 0)
		return usage_error("attest", "--as-of '%s' is not a date YYYY-MM-DD", as_of);
	return 0;
}

/* The end of validity: as-of + --valid-for, bounded by the policy. */
static int validity(const run *r, const attest_options *o, char out[11])
{
	ppreg_duration want, max;
	const char *def = NULL, *maxs = NULL;
	node_str(node_get(r->pol->attestation, "default_valid_for"), &def);
	node_str(node_get(r->pol->attestation, "max_valid_for"), &maxs);
	const char *text = o->valid_for ? o->valid_for : def ? def : "P1Y";
	if (scalar_duration(text, &want) < 0)
		return error_set("--valid-for '%s' is not an ISO-8601 duration", text);
	ppreg_date end = date_add(o->run.as_of, &want, 1);
	if (maxs && scalar_duration(maxs, &max) == 0 && date_cmp(end, date_add(o->run.as_of, &max, 1)) > 0)
		return error_set("--valid-for %s exceeds the policy's maximum %s", text, maxs);
	if (date_cmp(end, o->run.as_of) <= 0)
		return error_set("--valid-for %s ends before it starts", text);
	date_format(end, out);
	return 0;
}

static void now_utc(char out[21])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) : time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int sign_and_write(run *r, const attest_options *o, const platform_result *p, signer_key *key)
{
	char as_of[11], until[11], now[21], keyid[65];
	if (validity(r, o, until) < 0 || signer_keyid(key, keyid) < 0)
		return -1;
	date_format(o->run.as_of, as_of);
	now_utc(now);
	const char *level = NULL;
	node_str(node_get(r->pol->attestation, "verified_level"), &level);
	attest_input in = {o->run.registry_path, registry_commit(r->reg), p->id, p->tree_id, p->files, p->n_files,
	                   r, as_of, until, now, level ? level : "PPREG_COMPLIANT", &p->findings};
	size_t len, pae_len, sig_len;
	char *statement = statement_build(&in, &len);
	if (!statement)
		return -1;
	unsigned char *pae = dsse_pae(DSSE_INTOTO_TYPE, (unsigned char *)statement, len, &pae_len), *sig = NULL;
	char *env = NULL;
	int rc = signer_sign(key, pae, pae_len, &sig, &sig_len);
	if (rc == 0)
		env = dsse_serialize(DSSE_INTOTO_TYPE, (unsigned char *)statement, len, keyid, sig, sig_len);
	if (rc == 0 && !env)
		rc = error_set("cannot write the envelope");
	if (rc == 0)
		rc = o->output ? write_file_atomic(o->output, env, strlen(env), 0644)
		               : (fputs(env, stdout) < 0 || fflush(stdout) ? error_set("cannot write to stdout") : 0);
	free(statement), free(pae), free(sig), free(env);
	return rc;
}

int cmd_attest(int argc, char **argv)
{
	attest_options o = {.run = {.want_digests = 1}};
	int rc = parse(&o, argc, argv);
	if (rc)
		return rc == 1 ? 0 : rc;
	signer_key *key = NULL;
	run *r = NULL;
	platform_result p = {0};
	char *ids[1] = {(char *)o.platform};
	judge_options jo = {.jobs = 1};
	if (signer_load_private(&key, o.key) < 0 || run_open(&r, &o.run) < 0 ||
	    judge_platforms(r, ids, 1, &jo, &p) < 0) {
		rc = usage_error("attest", "%s", error_last());
		goto done;
	}
	if (p.verdict != VERDICT_COMPLIANT) {
		for (size_t i = 0; i < p.findings.n; i++)
			fprintf(stderr, "%s:%u:%u: %s: %s: %s\n", p.findings.v[i].file, p.findings.v[i].line,
			        p.findings.v[i].column, p.findings.v[i].severity == PPREG_SEV_ERROR ? "error" : "warning",
			        p.findings.v[i].rule, p.findings.v[i].message);
		fprintf(stderr, "ppreg attest: platforms/%s is %s: nothing signed\n", p.id, verdict_name(p.verdict));
		rc = 1;
		goto done;
	}
	rc = sign_and_write(r, &o, &p, key) < 0 ? usage_error("attest", "%s", error_last()) : 0;
done:
	platform_result_free(&p);
	run_free(r);
	signer_free(key);
	return rc;
}
