/*
 * cli/cmd_inspect.c - `ppreg inspect ATTESTATION`: what an attestation
 * says, for a person (text) or a program (--format json): the platform,
 * commit, policy and plugins, the validity with its lapses, the warnings
 * and the files.
 *
 * Reading is not verifying: without --pubkey nothing shown is vouched for,
 * and the output says so first. With --pubkey it says whether a signature
 * verifies with that key; whether the attestation is valid (its dates, its
 * registry) is for `ppreg verify` to decide.
 */
#include "cli/cmd_inspect.h"
#include "cli/options.h"
#include "attest/dsse.h"
#include "attest/signer.h"
#include "report/report.h"
#include "base/i18n.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const help = N_("usage: ppreg inspect ATTESTATION [--pubkey PUB] [--format text|json]\n\n"
	"Shows what an attestation (ppreg attest's DSSE envelope) says: platform,\n"
	"commit, policy, plugins, as-of date, validity and the lapses that bound it,\n"
	"warnings and files. Without --pubkey the signature is not verified and the\n"
	"output says so: anyone can write such a file. 'ppreg verify' decides\n"
	"whether an attestation is valid.\n\n"
	"  --pubkey PUB      also say whether a signature verifies with this key\n"
	"  --format F        text (default) or json: {attestation, signature:\n"
	"                    {checked, verified, keyids}, payloadType, statement}\n\n"
	"Exit status: 0 shown (and, with --pubkey, a signature verifies), 1 with\n"
	"--pubkey when no signature verifies, 2 a file that cannot be read as an\n"
	"attestation, or a key that cannot be read.\n");

typedef struct {
	const char *file;
	int checked, verified;
	const dsse_envelope *env;
	json_t *statement;
} inspected;

/* The value at a path of keys and item numbers ("subject.0.name"). */
static json_t *at(json_t *j, const char *path)
{
	char *copy = xstrdup(path), *save = NULL;
	for (char *seg = strtok_r(copy, ".", &save); j && seg; seg = strtok_r(NULL, ".", &save))
		j = json_is_array(j) ? json_array_get(j, strtoul(seg, NULL, 10)) : json_object_get(j, seg);
	free(copy);
	return j;
}

/* A string of the statement, made safe to print (it is the file's word,
 * not ppreg's); "?" when absent. */
static void put(const char *label, json_t *j, const char *path)
{
	const char *s = json_string_value(at(j, path));
	char *shown = display_text(s ? s : "?");
	printf("%-14s %s\n", label, shown);
	free(shown);
}

static void put_signature(const inspected *in)
{
	if (!in->checked)
		printf("%-14s %s\n", _("signature:"),
		       _("NOT VERIFIED (no --pubkey given); what follows is what the file claims"));
	else
		printf("%-14s %s\n", _("signature:"),
		       in->verified ? _("verified with the given public key")
		                    : _("DOES NOT VERIFY with the given public key; what follows is unproven"));
	printf("%-14s %zu\n", _("signatures:"), in->env->n_sigs);
}

static void put_list_item(json_t *item, const char *fmt_paths[], size_t n)
{
	fputs("  ", stdout);
	for (size_t i = 0; i < n; i++) {
		json_t *v = at(item, fmt_paths[i]);
		char *shown = json_is_integer(v) ? xasprintf(":%lld", (long long)json_integer_value(v))
		                                 : display_text(json_string_value(v) ? json_string_value(v) : "?");
		printf("%s%s", i && !json_is_integer(v) ? "  " : "", shown);
		free(shown);
	}
	fputc('\n', stdout);
}

static void put_list(const char *label, json_t *a, const char *paths[], size_t n)
{
	if (json_array_size(a))
		printf("%s\n", label);
	else
		printf("%-14s %s\n", label, _("none"));
	for (size_t i = 0; i < json_array_size(a); i++)
		put_list_item(json_array_get(a, i), paths, n);
}

static void put_text(const inspected *in)
{
	json_t *st = in->statement, *pp = at(st, "predicate.ppreg");
	char *file = display_text(in->file);
	printf("%-14s %s\n", _("attestation:"), file);
	free(file);
	put_signature(in);
	put(_("subject:"), st, "subject.0.name");
	put(_("commit:"), st, "subject.0.digest.gitCommit");
	put(_("tree:"), st, "subject.0.digest.gitTree");
	put(_("content:"), st, "subject.0.digest.sha256");
	put(_("result:"), st, "predicate.verificationResult");
	put(_("level:"), st, "predicate.verifiedLevels.0");
	put(_("registry:"), st, "predicate.resourceUri");
	put(_("signed at:"), st, "predicate.timeVerified");
	put(_("policy:"), st, "predicate.policy.uri");
	put(_("policy sha256:"), st, "predicate.policy.digest.sha256");
	static const char *plugin_keys[] = {"name", "version", "digest.sha256"};
	put_list(_("plugins:"), at(pp, "plugins"), plugin_keys, 3);
	put(_("as of:"), pp, "as_of");
	put(_("valid until:"), pp, "valid_until");
	put(_("because:"), pp, "valid_until_reason");
	static const char *lapse_keys[] = {"last_valid_day", "rule", "file", "line"};
	put_list(_("lapses:"), at(pp, "lapses"), lapse_keys, 4);
	static const char *warning_keys[] = {"rule", "file", "line", "message"};
	put_list(_("warnings:"), at(pp, "warnings"), warning_keys, 4);
	static const char *input_keys[] = {"digest.sha256", "uri"};
	put_list(_("files:"), at(st, "predicate.inputAttestations"), input_keys, 2);
}

static int put_json(const inspected *in)
{
	json_t *ids = json_array();
	for (size_t i = 0; ids && i < in->env->n_sigs; i++)
		json_array_append_new(ids, report_json_text(in->env->sigs[i].keyid ? in->env->sigs[i].keyid : ""));
	json_t *j = json_pack("{s:o, s:{s:b, s:b, s:o}, s:o, s:O}", "attestation", report_json_text(in->file),
	                      "signature", "checked", in->checked, "verified", in->verified, "keyids", ids,
	                      "payloadType", report_json_text(in->env->payload_type), "statement", in->statement);
	if (!j)
		return error_set(_("cannot build the JSON of %s"), in->file);
	int rc = report_json_put(stdout, j, 0);
	json_decref(j);
	fputc('\n', stdout);
	return rc;
}

/* The envelope of `file`, its payload read as a JSON statement: 0, or 2
 * with the reason printed. */
static int read_envelope(const char *file, dsse_envelope *env, json_t **statement)
{
	unsigned char *data = NULL;
	size_t len;
	json_error_t jerr;
	int rc = dsse_read_file(file, &data, &len);
	if (rc == ERR_TOO_LARGE)
		rc = usage_error("inspect", _("%s: too large to be an attestation"), file);
	else if (rc < 0)
		rc = usage_error("inspect", "%s", error_last());
	else if (dsse_parse(env, data, len) < 0)
		rc = usage_error("inspect", _("%s: not an attestation: %s"), file, error_last());
	else if (!(*statement = json_loadb((const char *)env->payload, env->payload_len, JSON_REJECT_DUPLICATES,
	                                   &jerr)) || !json_is_object(*statement))
		rc = usage_error("inspect", _("%s: the payload is not a JSON statement (%s)"), file,
		                 *statement ? _("not an object") : jerr.text);
	free(data);
	return rc;
}

int cmd_inspect(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"pubkey", required_argument, 0, 'k'}, {"format", required_argument, 0, 'f'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *pub = NULL, *format = NULL;
	int c, bad = 0;
	optind = 1;
	while (!bad && (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'k') bad = option_once("inspect", &pub, "--pubkey");
		else if (c == 'f') bad = option_once("inspect", &format, "--format");
		else if (c == 'h') return fputs(_(help), stdout), 0;
		else return usage_error("inspect", _("see 'ppreg inspect --help'"));
	}
	if (bad)
		return bad;
	if (optind != argc - 1)
		return usage_error("inspect", _("one ATTESTATION is required"));
	int json = format && !strcmp(format, "json");
	if (format && !json && strcmp(format, "text"))
		return usage_error("inspect", _("unknown --format '%s' (text, json)"), format);
	inspected in = {.file = argv[optind], .checked = pub != NULL};
	dsse_envelope env = {0};
	signer_key *key = NULL;
	int rc = 0;
	if (pub && signer_load_public(&key, pub) < 0)
		rc = usage_error("inspect", "%s", error_last());
	else
		rc = read_envelope(in.file, &env, &in.statement);
	if (rc == 0) {
		in.env = &env;
		in.verified = key && signer_verify_envelope(key, &env);
		if (json)
			rc = put_json(&in) < 0 ? usage_error("inspect", "%s", error_last()) : 0;
		else
			put_text(&in);
		if (rc == 0 && in.checked && !in.verified)
			rc = 1;
	}
	json_decref(in.statement);
	dsse_free(&env);
	signer_free(key);
	return rc;
}
