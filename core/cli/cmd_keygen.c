/*
 * cli/cmd_keygen.c - `ppreg keygen`: a key pair for signing attestations.
 */
#include "cli/cmd_keygen.h"
#include "base/i18n.h"
#include "cli/options.h"
#include "attest/signer.h"
#include "base/util.h"

#include <getopt.h>
#include <stdio.h>

static const char *const help = N_("usage: ppreg keygen --key KEY --pubkey PUB [--algorithm ed25519|ecdsa-p256]\n\n"
	"Writes a new private key to KEY (PEM PKCS#8, mode 0600) and its public key to\n"
	"PUB (PEM). Refuses to overwrite either file. Prints the key id (SHA-256 of the\n"
	"public key's DER encoding), never the key.\n");

int cmd_keygen(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"key", required_argument, 0, 'k'}, {"pubkey", required_argument, 0, 'p'},
		{"algorithm", required_argument, 0, 'a'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *key = NULL, *pub = NULL, *algorithm = NULL;
	int c, bad = 0;
	options_reset();
	while (!bad && (c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'k') bad = option_once("keygen", &key, "--key");
		else if (c == 'p') bad = option_once("keygen", &pub, "--pubkey");
		else if (c == 'a') bad = option_once("keygen", &algorithm, "--algorithm");
		else if (c == 'h') return fputs(_(help), stdout), 0;
		else return option_error("keygen", longopts, argv);
	}
	if (bad)
		return 2;
	if (!algorithm)
		algorithm = "ed25519";
	if (!key || !pub || optind < argc)
		return usage_error("keygen", _("--key and --pubkey are required"));
	if (signer_keygen(key, pub, algorithm) < 0)
		return usage_error("keygen", "%s", error_last());
	signer_key *k;
	char id[65];
	if (signer_load_public(&k, pub) < 0 || signer_keyid(k, id) < 0)
		return usage_error("keygen", "%s", error_last());
	signer_free(k);
	printf(_("%s key written to %s (public key %s), key id %s\n"), algorithm, key, pub, id);
	return 0;
}
