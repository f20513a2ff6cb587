/*
 * cli/cmd_attest.c - `ppreg attest`: judge one platform and, only when it is
 * compliant, sign a DSSE attestation of exactly what was judged.
 */
#include "cli/cmd_attest.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "base/findings.h"
#include "attest/bound.h"
#include "attest/dsse.h"
#include "judge/judge.h"
#include "report/report.h"
#include "yaml/scalar.h"
#include "attest/signer.h"
#include "attest/statement.h"
#include "yaml/date.h"
#include "judge/platform_check.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const help = N_("usage: ppreg attest [PATH] --key KEY --platform ID [--rev REV] [--as-of DATE]\n"
	"                    [--valid-for DURATION] [-o FILE] [--policy FILE] [--plugin-dir DIR]\n\n"
	"Checks platform ID of the registry at PATH (default .) at REV (default HEAD) and,\n"
	"when it is compliant, writes a signed attestation (DSSE envelope over an in-toto\n"
	"Statement v1 with a SLSA verification summary) to FILE (atomically) or stdout.\n"
	"--valid-for defaults to the policy's attestation.default_valid_for (P1Y) and\n"
	"may not exceed attestation.max_valid_for (default: the default validity) nor\n"
	"9999-12-31, and the attestation ends at the latest on the last valid day of the\n"
	"first dated fact the verdict rests on (check's valid_until), which it records.\n"
	"A non-compliant platform is refused (exit 1) and nothing is signed, and so is a\n"
	"compliant one whose authorization is not granted: by the authority's record\n"
	"(authority/authorizations.yaml) when the registry keeps one, else by its declaration.\n"
	"SOURCE_DATE_EPOCH (seconds, 0 to 253402300799) fixes timeVerified.\n");

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
	int c, bad = 0;
	options_reset();
	while (!bad && (c = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (c) {
		case 'k': bad = option_once("attest", &o->key, "--key"); break;
		case 'p': bad = option_once("attest", &o->platform, "--platform"); break;
		case 'r': bad = option_once("attest", &o->run.rev, "--rev"); break;
		case 'a': bad = option_once("attest", &as_of, "--as-of"); break;
		case 'v': bad = option_once("attest", &o->valid_for, "--valid-for"); break;
		case 'P': bad = option_once("attest", &o->run.policy_file, "--policy"); break;
		case 'D': bad = option_once("attest", &o->run.plugin_dir, "--plugin-dir"); break;
		case 'o': bad = option_once("attest", &o->output, "-o"); break;
		case 'h': fputs(_(help), stdout); return 1;
		default: return option_error("attest", longopts, argv);
		}
	}
	if (bad)
		return bad;
	o->run.registry_path = optind < argc ? argv[optind++] : ".";
	if (optind < argc)
		return usage_error("attest", _("one registry PATH at most"));
	if (!o->key || !o->platform)
		return usage_error("attest", _("--key and --platform are required"));
	if (option_as_of("attest", as_of, &o->run.as_of))
		return 2;
	return 0;
}

/* The end of validity: as-of + --valid-for (default: the policy's), at
 * most as-of + the policy's maximum. An end past 9999-12-31 is refused, not
 * clamped: the date signed would not be the one asked for. A maximum past
 * it bounds nothing, so its clamped value is the bound. */
static int validity(const run *r, const attest_options *o, ppreg_date *out)
{
	const policy_attestation *a = &r->pol->attestation;
	const char *text = o->valid_for ? o->valid_for : a->default_valid_for;
	ppreg_duration want;
	ppreg_date end, max;
	if (scalar_duration(text, &want) < 0)
		return error_set(_("--valid-for '%s' is not an ISO-8601 duration"), text);
	if (date_add_checked(o->run.as_of, &want, 1, &end) < 0)
		return error_set(_("--valid-for %s goes past 9999-12-31"), text);
	if (date_add_checked(o->run.as_of, &a->max_duration, 1, &max) < 0)
		max = (ppreg_date){9999, 12, 31};
	if (date_cmp(end, max) > 0)
		return error_set(_("--valid-for %s exceeds the policy's maximum %s"), text, a->max_valid_for);
	if (date_cmp(end, o->run.as_of) <= 0)
		return error_set(_("--valid-for %s ends before it starts"), text);
	*out = end;
	return 0;
}

/* timeVerified: now, or SOURCE_DATE_EPOCH for reproducible envelopes. A
 * malformed value is an error (reproducible-builds.org says so), never a
 * silent 1970 or a date gmtime cannot give. */
#define EPOCH_MAX 253402300799LL /* 9999-12-31T23:59:59Z */
static int time_verified(char out[21])
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;
	if (epoch && *epoch) {
		char *end;
		errno = 0;
		long long v = strtoll(epoch, &end, 10);
		if (!isdigit((unsigned char)*epoch) || *end || errno || v > EPOCH_MAX) {
			char *shown = display_text(epoch);
			error_set(_("SOURCE_DATE_EPOCH '%.40s' is not a number of seconds from 0 to %lld"), shown, EPOCH_MAX);
			free(shown);
			return ERR_FAIL;
		}
		t = (time_t)v;
	}
	if (t == (time_t)-1 || !gmtime_r(&t, &tm) || strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) != 20)
		return error_set(_("cannot tell the time"));
	return 0;
}

/* resourceUri: a file:// URI of the registry's real path, whatever PATH
 * was given ("." says nothing once the envelope has left the machine);
 * bytes outside RFC 3986's unreserved set and '/' are percent-encoded. */
static char *registry_uri(const char *path)
{
	char *real = realpath(path, NULL);
	if (!real) {
		error_set("%s: %s", path, strerror(errno));
		return NULL;
	}
	char *escaped = uri_escape(real), *uri = xasprintf("file://%s", escaped);
	free(escaped);
	free(real);
	return uri;
}

static int sign_and_write(run *r, const attest_options *o, const platform_result *p, signer_key *key)
{
	char as_of[11], until[11], now[21], keyid[65];
	ppreg_date end;
	const char *reason;
	if (validity(r, o, &end) < 0 || attest_bound(p, o->run.as_of, &end, &reason) < 0 || time_verified(now) < 0 ||
	    signer_keyid(key, keyid) < 0)
		return ERR_FAIL;
	date_format(end, until);
	char *uri = registry_uri(o->run.registry_path);
	if (!uri)
		return ERR_FAIL;
	date_format(o->run.as_of, as_of);
	const char *level = r->pol->attestation.verified_level;
	attest_input in = {uri, registry_commit(r->reg), p->id, p->tree_id, p->files, p->n_files,
	                   r, as_of, until, now, level ? level : "PPREG_COMPLIANT", &p->findings,
	                   p->lapses, p->n_lapses, reason};
	size_t len, pae_len, sig_len;
	unsigned char *pae = NULL, *sig = NULL;
	char *env = NULL, *statement = statement_build(&in, &len);
	int rc = statement ? 0 : ERR_FAIL;
	if (rc == 0) {
		pae = dsse_pae(DSSE_INTOTO_TYPE, (unsigned char *)statement, len, &pae_len);
		rc = signer_sign(key, pae, pae_len, &sig, &sig_len);
	}
	if (rc == 0 && !(env = dsse_serialize(DSSE_INTOTO_TYPE, (unsigned char *)statement, len, keyid, sig, sig_len)))
		rc = error_set(_("cannot write the envelope"));
	if (rc == 0)
		rc = o->output ? write_file_atomic(o->output, env, strlen(env), 0644)
		               : (fputs(env, stdout) < 0 || fflush(stdout) ? error_set(_("cannot write to stdout")) : 0);
	free(uri), free(statement), free(pae), free(sig), free(env);
	return rc;
}

/* What a statement records never depends on the signer's locale: the
 * warnings' messages it carries are judged again in English. */
static int judge_in_english(run *r, char **ids, const judge_options *jo, platform_result *p)
{
	platform_result_free(p);
	memset(p, 0, sizeof *p);
	int was = i18n_english_only(1);
	int rc = judge_platforms(r, ids, 1, jo, p);
	i18n_english_only(was);
	return rc < 0 ? rc : p->verdict == VERDICT_COMPLIANT && !p->withheld ? 0
	       : error_set(_("platforms/%s: judged again in English, it is no longer compliant"), ids[0]);
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
		for (size_t i = 0; i < p.findings.n; i++) {
			char *line = finding_line(&p.findings.v[i]);
			fprintf(stderr, "%s\n", line);
			free(line);
		}
		fprintf(stderr, _("ppreg attest: platforms/%s is %s: nothing signed\n"), p.id, verdict_text(p.verdict));
		rc = 1;
		goto done;
	}
	if (p.withheld) { /* compliant, and yet not to be attested (an authorization not granted) */
		fprintf(stderr, _("ppreg attest: platforms/%s: %s: nothing signed\n"), p.id, p.withheld);
		rc = 1;
		goto done;
	}
	if (p.findings.n && i18n_translating() && judge_in_english(r, ids, &jo, &p) < 0) {
		rc = usage_error("attest", "%s", error_last());
		goto done;
	}
	rc = sign_and_write(r, &o, &p, key) < 0 ? usage_error("attest", "%s", error_last()) : 0;
done:
	platform_result_free(&p);
	run_free(r);
	signer_free(key);
	return rc;
}
