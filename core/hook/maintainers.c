/*
 * hook/maintainers.c - reading authority/maintainers.yaml (maintainers.h).
 *
 * A key is checked before it reaches ssh-keygen: a known type, strict
 * base64, and a blob that starts with its own type, as every OpenSSH public
 * key does. The allowed-signers file is written from the type and base64
 * only, never from the comment, and platform ids are checked against the
 * registry's id pattern: nothing a maintainer writes can add a principal,
 * a pattern or an option to it.
 */
#include "hook/maintainers.h"
#include "base/i18n.h"
#include "attest/dsse.h"
#include "policy/policy.h"
#include "yaml/loader.h"
#include "yaml/node.h"
#include "registry/registry.h"

#include <stdlib.h>
#include <string.h>

static const char *const key_types[] = {
	"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa",
	"sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"};

static int fail_at(const ppreg_node *n, const char *what)
{
	return error_set("%s:%u:%u: %s", MAINTAINERS_FILE, n->line, n->column, what);
}

static int known_type(const char *t, size_t len)
{
	for (size_t i = 0; i < sizeof key_types / sizeof *key_types; i++)
		if (strlen(key_types[i]) == len && !memcmp(key_types[i], t, len))
			return 1;
	return 0;
}

/* "type base64 [comment]" to "type base64", or NULL when it does not parse. */
static char *parse_key(const char *line)
{
	size_t tlen = strcspn(line, " \t");
	const char *b = line + tlen + strspn(line + tlen, " \t");
	size_t blen = strcspn(b, " \t");
	if (!known_type(line, tlen) || !blen)
		return NULL;
	char *b64 = xstrndup(b, blen);
	unsigned char *blob = NULL;
	size_t n = 0;
	int ok = base64_decode(b64, &blob, &n) == 0 && n >= 4 + tlen && !memcmp(blob + 4, line, tlen) &&
	         ((size_t)blob[0] << 24 | (size_t)blob[1] << 16 | (size_t)blob[2] << 8 | blob[3]) == tlen &&
	         !strpbrk(b64, "-_");
	free(blob);
	char *key = ok ? xasprintf("%.*s %s", (int)tlen, line, b64) : NULL;
	free(b64);
	return key;
}

/* Adds `principal` to the key (a new one or one listed before). */
static void add_key(maintainers *m, char *key, const char *principal)
{
	for (size_t i = 0; i < m->n_keys; i++)
		if (!strcmp(m->keys[i].key, key)) {
			char *p = xasprintf("%s,%s", m->keys[i].principals, principal);
			free(m->keys[i].principals);
			m->keys[i].principals = p;
			free(key);
			return;
		}
	m->keys = xrealloc(m->keys, (m->n_keys + 1) * sizeof *m->keys);
	m->keys[m->n_keys++] = (maintainer_key){key, xstrdup(principal)};
}

static int read_keys(maintainers *m, const ppreg_node *list, const char *principal)
{
	if (node_kind(list) != PPREG_NODE_LIST)
		return fail_at(list, _("expected a list of SSH public keys"));
	for (size_t i = 0; i < node_count(list); i++) {
		const ppreg_node *n = node_item(list, i);
		const char *s;
		if (node_str(n, &s) != PPREG_OK)
			return fail_at(n, _("expected an SSH public key, 'type base64 [comment]'"));
		char *key = parse_key(s);
		if (!key) {
			char *why = xasprintf(_("key '%.60s' does not parse as an OpenSSH public key"), s);
			fail_at(n, why);
			free(why);
			return ERR_FAIL;
		}
		add_key(m, key, principal);
	}
	return 0;
}

static int read_platforms(maintainers *m, const ppreg_node *map)
{
	if (node_kind(map) != PPREG_NODE_MAP)
		return fail_at(map, _("expected 'platforms:' to map platform ids to lists of keys"));
	for (size_t i = 0; i < node_count(map); i++) {
		const char *id = node_key(map, i);
		if (!registry_id_ok(id)) {
			char *why = xasprintf("'%.64s' is not a platform id (^[a-z0-9][a-z0-9-]{1,62}$)", id);
			fail_at(node_item(map, i), why);
			free(why);
			return ERR_FAIL;
		}
		char *principal = xasprintf("platform/%s", id);
		int rc = read_keys(m, node_item(map, i), principal);
		free(principal);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int read_root(maintainers *m, const ppreg_node *root)
{
	const char *s;
	if (node_kind(root) != PPREG_NODE_MAP)
		return fail_at(root, _("expected a map with format, authority and platforms"));
	for (size_t i = 0; i < node_count(root); i++) {
		const char *k = node_key(root, i);
		if (strcmp(k, "format") && strcmp(k, "authority") && strcmp(k, "platforms"))
			return fail_at(node_item(root, i), _("unknown key (format, authority, platforms)"));
	}
	if (node_str(node_get(root, "format"), &s) != PPREG_OK || strcmp(s, "ppreg/1"))
		return fail_at(root, _("expected 'format: ppreg/1'"));
	const ppreg_node *a = node_get(root, "authority"), *p = node_get(root, "platforms");
	if (!a)
		return fail_at(root, _("'authority:' lists the authority's keys and is required"));
	int rc = read_keys(m, a, MAINTAINERS_AUTHORITY);
	return rc < 0 || !p ? rc : read_platforms(m, p);
}

int maintainers_parse(maintainers *m, const unsigned char *data, size_t len)
{
	finding_list fl = {0};
	finding_sink sink = {.list = &fl};
	memset(m, 0, sizeof *m);
	ydoc *doc = ydoc_parse(MAINTAINERS_FILE, data, len, &policy_default_limits, &sink);
	int rc;
	if (!doc || fl.n) {
		findings_sort(&fl);
		rc = fl.n ? error_set("%s:%u:%u: %s", MAINTAINERS_FILE, fl.v[0].line, fl.v[0].column, fl.v[0].message)
		          : error_set(_("%s: cannot be parsed"), MAINTAINERS_FILE);
	} else
		rc = read_root(m, ydoc_root(doc));
	findings_free(&fl);
	ydoc_free(doc);
	if (rc < 0)
		maintainers_free(m);
	return rc;
}

void maintainers_free(maintainers *m)
{
	for (size_t i = 0; i < m->n_keys; i++) {
		free(m->keys[i].key);
		free(m->keys[i].principals);
	}
	free(m->keys);
	memset(m, 0, sizeof *m);
}

char *maintainers_allowed_signers(const maintainers *m)
{
	char *out = xstrdup("");
	for (size_t i = 0; i < m->n_keys; i++) {
		char *next = xasprintf("%s%s %s\n", out, m->keys[i].principals, m->keys[i].key);
		free(out);
		out = next;
	}
	return out;
}
