/*
 * ppreg/plugin.h - the one header a ppreg plugin includes.
 *
 * A plugin is a shared object that checks one obligation. The core loads it
 * with dlopen() from the configured plugin directory when the policy names it,
 * calls its single exported entry point, ppreg_plugin_entry(), and receives a
 * descriptor: name, version, rules, the schema of the declaration fields it
 * owns, and a check function. The core then calls check() once per platform.
 *
 * Compatibility works in both directions with size-prefixed structs, the way
 * OpenSSL providers use dispatch tables:
 *   - ppreg_api (core -> plugin) only grows at its end. A plugin that needs a
 *     function added later tests PPREG_API_HAS(api, member) before calling it,
 *     so a new plugin degrades gracefully in an older core.
 *   - ppreg_plugin (plugin -> core) only grows at its end too. The core reads a
 *     member only when the plugin's `size` covers it, so a plugin built against
 *     an older header keeps loading in a newer core.
 *   - PPREG_ABI_VERSION changes only when an existing member changes meaning;
 *     the core refuses a plugin whose abi_version it does not support, naming it.
 *
 * Plugins see declarations only through this API: a read-only tree of nodes
 * that keep their file, line and column, so a finding reported "at" a node
 * points at the offending line without the plugin computing it. Nothing here
 * is global: everything a check needs arrives in its ppreg_check, so platforms
 * may be checked in parallel.
 */
#ifndef PPREG_PLUGIN_H
#define PPREG_PLUGIN_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PPREG_ABI_VERSION 1

/* Return codes of typed access and of the folder functions. */
#define PPREG_OK        0
#define PPREG_ABSENT   (-1) /* the node or file is not there */
#define PPREG_BADTYPE  (-2) /* present, but not of the type asked (the core reported it) */
#define PPREG_SYMLINK  (-3) /* the path is a symbolic link or other non-regular entry */
#define PPREG_ESCAPES  (-4) /* the path is absolute or leaves the folder ("..") */
#define PPREG_ERROR    (-5) /* the environment failed (I/O, memory) */

/* The schemes ppreg_api.url_scheme() tells apart. */
#define PPREG_URL_HTTP  1
#define PPREG_URL_HTTPS 2

typedef enum {
	PPREG_SEV_DEFAULT = -1, /* in report(): the rule's severity after the policy */
	PPREG_SEV_OFF = 0,
	PPREG_SEV_WARNING = 1,
	PPREG_SEV_ERROR = 2
} ppreg_severity;

typedef enum {
	PPREG_NODE_NULL = 0,  /* an empty value, `~` or `null` */
	PPREG_NODE_SCALAR,
	PPREG_NODE_LIST,
	PPREG_NODE_MAP
} ppreg_node_kind;

typedef struct ppreg_node ppreg_node;   /* opaque, owned by the core */
typedef struct ppreg_check ppreg_check;

typedef struct { int year, month, day; } ppreg_date;
typedef struct { int years, months, weeks, days, hours, minutes, seconds; } ppreg_duration;

/* One rule a plugin provides. Ids are "<plugin>.<check>", kebab-case, stable,
 * and written out as a string literal where a finding of it is reported (no
 * macro, table or pieces), so that grepping a finding's rule lands on its
 * check. */
typedef struct {
	const char *id;
	ppreg_severity severity;   /* default: PPREG_SEV_ERROR or PPREG_SEV_WARNING */
	const char *summary;       /* one line: what is checked */
	const char *legal_source;  /* e.g. "CSP L.1191-4 (draft), registration" */
	const char *fix;           /* how a platform makes the finding go away */
} ppreg_rule;

/*
 * Declarative schema of the fields a plugin owns. The core validates every
 * document against the union of the loaded plugins' schemas before any check
 * runs: unknown keys are core.unknown-field, wrong types core.type, and a
 * missing PPREG_REQUIRED field is reported under `rule` (or core.type when
 * `rule` is NULL). A field is required only when its parent is present.
 *
 * Paths: "legal_entity.address.postal_code"; "[]" stands for every item of a
 * list: "services[]" (the items), "services[].id" (a key of each item).
 */
typedef enum {
	PPREG_T_ANY = 0,
	PPREG_T_STRING,    /* any non-null scalar but a boolean; numbers keep their text */
	PPREG_T_INT,       /* a plain integer that fits in 64 bits */
	PPREG_T_NUMBER,    /* a plain finite decimal */
	PPREG_T_BOOL,      /* true or false, nothing else */
	PPREG_T_DATE,      /* YYYY-MM-DD, a real calendar date */
	PPREG_T_DURATION,  /* ISO-8601 duration: P3Y, P18M, PT72H */
	PPREG_T_ENUM,      /* one of `values`, "a|b|c" */
	PPREG_T_URL,       /* http:// or https:// with a host */
	PPREG_T_EMAIL,     /* local@domain.tld */
	PPREG_T_COUNTRY,   /* ISO 3166-1 alpha-2 */
	PPREG_T_SHA256,    /* 64 lowercase hex digits */
	PPREG_T_LIST,
	PPREG_T_MAP,
	/* Added later (a core that predates it refuses the plugin at load): */
	PPREG_T_AMOUNT     /* a plain decimal exact to the cent: at most two
	                    * decimals, at most 92233720368547758.07 in size */
} ppreg_type;

#define PPREG_REQUIRED 1u

typedef struct {
	const char *path;
	ppreg_type type;
	unsigned flags;       /* PPREG_REQUIRED */
	const char *values;   /* PPREG_T_ENUM: "a|b|c"; otherwise NULL */
	const char *rule;     /* rule reporting it missing; NULL: core.type */
} ppreg_field;

typedef struct {
	const char *file;           /* declaration file name, e.g. "gdpr.yaml" */
	const ppreg_field *fields;
	size_t n_fields;
} ppreg_schema;

/* The core's services, passed in every ppreg_check. Grows only at its end. */
typedef struct ppreg_api {
	size_t size;          /* sizeof(ppreg_api) as the core was built */
	unsigned abi_version; /* the core's PPREG_ABI_VERSION */

	/* The root map of a declaration file of this platform ("gdpr.yaml"),
	 * or NULL when the file is missing or could not be parsed (the core has
	 * reported why). */
	const ppreg_node *(*file)(ppreg_check *c, const char *name);

	/* Navigation. All accept NULL and then return NULL / 0. `get` follows a
	 * dotted path of map keys ("address.postal_code"). `item` is the i-th
	 * list item or the i-th map value; `key` the i-th map key. */
	const ppreg_node *(*get)(const ppreg_node *n, const char *path);
	ppreg_node_kind (*kind)(const ppreg_node *n);
	size_t (*count)(const ppreg_node *n);
	const ppreg_node *(*item)(const ppreg_node *n, size_t i);
	const char *(*key)(const ppreg_node *n, size_t i);
	/* Where a node is: file relative to the registry root, 1-based line/column. */
	void (*where)(const ppreg_node *n, const char **file, unsigned *line, unsigned *column);

	/* Typed reads: PPREG_OK, PPREG_ABSENT (n is NULL or null) or PPREG_BADTYPE.
	 * str() refuses a boolean and the empty string "" (a string field's
	 * value is never empty: the schema reports it). Every read of a value
	 * the schema refused (core.type) is PPREG_BADTYPE: a plugin stays
	 * silent on it. */
	int (*str)(const ppreg_node *n, const char **out);
	int (*integer)(const ppreg_node *n, long long *out);
	int (*number)(const ppreg_node *n, double *out);
	int (*boolean)(const ppreg_node *n, int *out);
	int (*date)(const ppreg_node *n, ppreg_date *out);
	int (*duration)(const ppreg_node *n, ppreg_duration *out);

	/* Calendar arithmetic, the same for every plugin. date_add adds `sign`
	 * (+1 or -1) times the duration; a day past the end of a month is clamped
	 * (2024-02-29 + P1Y = 2025-02-28). */
	int (*date_cmp)(ppreg_date a, ppreg_date b);
	ppreg_date (*date_add)(ppreg_date d, const ppreg_duration *dur, int sign);
	/* Parses a duration held in a C string (policy values, messages). */
	int (*parse_duration)(const char *text, ppreg_duration *out);

	/* A finding of `rule` (one of this plugin's) located at `at` (NULL: the
	 * platform folder). severity PPREG_SEV_DEFAULT uses the rule's severity
	 * after the policy's overrides; an override always wins. */
	void (*report)(ppreg_check *c, const char *rule, ppreg_severity severity,
	               const ppreg_node *at, const char *message);
	/* An environment or policy failure (not a finding): the run exits 2.
	 * Returns -1 so a check can `return api->fail(c, "...")`. */
	int (*fail)(ppreg_check *c, const char *message);

	/* A file of the platform folder at the same revision, by a path relative
	 * to the folder ("evidence/aipd.pdf"). sha256 writes 64 hex digits + NUL.
	 * PPREG_ABSENT, PPREG_SYMLINK (also submodules), PPREG_ESCAPES (absolute
	 * or ".."), PPREG_ERROR (the file cannot be read: the core then fails the
	 * platform's check with the cause, whatever the plugin does). */
	int (*file_sha256)(ppreg_check *c, const char *path, char hex[65]);
	int (*file_read)(ppreg_check *c, const char *path,
	                 const unsigned char **data, size_t *len);
	/* A file shipped beside the policy file, by a relative path
	 * ("charters/2026-1.md"); same return codes. */
	int (*policy_file_sha256)(ppreg_check *c, const char *path, char hex[65]);

	/* A finding at a line and column (1-based) of a file of the platform
	 * folder ("charter.yaml"), for what has no node, such as a YAML comment
	 * read through file_read(). A path refused by file_read() is placed at
	 * the platform folder. */
	void (*report_at)(ppreg_check *c, const char *rule, ppreg_severity severity,
	                  const char *path, unsigned line, unsigned column, const char *message);

	/* Later members: a plugin tests PPREG_API_HAS(api, member) first. */

	/* The text formats of the schema's PPREG_T_EMAIL, PPREG_T_URL and
	 * PPREG_T_COUNTRY, for a field a plugin declares a plain string so
	 * that a wrong value is a finding of its own rule: the core's reading,
	 * so that a value never passes one check and fails the other.
	 * email_valid and country_valid return 1 for a valid value, else 0;
	 * url_scheme PPREG_URL_HTTPS or PPREG_URL_HTTP for a valid web address,
	 * else 0. NULL is invalid.
	 *   e-mail: local@domain.tld, a local part of RFC 5322 dot-atoms, a
	 *           host name as below whose last label is 2 letters or more;
	 *   URL:    http(s)://host[:port][/?#...], the scheme in any case, a
	 *           host of at least two dotted labels (RFC 1123: letters,
	 *           digits, hyphens, none empty, none led or ended by a hyphen),
	 *           a port from 1 to 65535, no blank or control character;
	 *   country: an officially assigned ISO 3166-1 alpha-2 code ("FR"). */
	int (*email_valid)(const char *s);
	int (*url_scheme)(const char *s);
	int (*country_valid)(const char *s);

	/* The comments of a declaration file of this platform ("charter.yaml"),
	 * as the core's YAML parser read them: the i-th comment's text, from
	 * after its '#' to the end of its line, NUL-terminated, and the line
	 * and column (1-based, in characters) of its '#'. NULL past the last
	 * comment, and for a file that is missing or could not be parsed. The
	 * registry publishes files as written, comments included; a '#' inside
	 * a quoted or block scalar, or a URL, is text and no comment. */
	const char *(*comment)(ppreg_check *c, const char *file, size_t i, unsigned *line, unsigned *column);

	/* A PPREG_T_AMOUNT value in whole cents (a signed 64-bit count, so
	 * that sums of money are exact): "15000.5" is 1500050. PPREG_BADTYPE
	 * for more than two decimals, more cents than 64 bits hold, or
	 * anything but a plain decimal. Sums of amounts are the plugin's to
	 * check for overflow (__builtin_add_overflow). */
	int (*amount)(const ppreg_node *n, long long *cents);

	/* The authority's own record of this platform, from the registry's
	 * authority/ folder, which only the authority writes (docs/format.md):
	 * in authority/<record>.yaml, the item of the list <record> whose
	 * `platform` is this platform ("authorizations": number, status,
	 * granted_on, expires_on). PPREG_ABSENT when the registry keeps no such
	 * record; else PPREG_OK, *entry being NULL when the record has no
	 * entry for this platform. Its nodes name the authority's file and
	 * line, so a finding reported at them points there. */
	int (*authority)(ppreg_check *c, const char *record, const ppreg_node **entry);

	/* This platform may be compliant, yet no attestation may be signed for
	 * it (an authorization applied for, not granted): `attest` refuses it,
	 * exit 1, giving `reason`. The first reason a run gives is kept. */
	void (*withhold)(ppreg_check *c, const char *reason);

	/* The last valid day (inclusive: on that day the fact still holds) of
	 * a dated fact the verdict of `rule` (one of this plugin's) rests on,
	 * declared at `at` (NULL: the platform folder): an expiry date, a date
	 * plus the policy's maximum age, the 31 December before a year that
	 * becomes due. Reported whenever the date is read, whether or not it
	 * has passed; the core keeps every lapse whose rule is an error after
	 * the policy, each with its rule, file, line and date: the earliest is
	 * check's valid_until and bounds an attestation's validity, and all are
	 * `ppreg expiring`'s rows. An invalid date, or a rule
	 * the plugin does not declare, fails the check as report() does. */
	void (*lapse)(ppreg_check *c, const char *rule, const ppreg_node *at, ppreg_date last_valid_day);

	/* Translation (docs/i18n.md). `text` is msgid in the run's language
	 * (--lang, else the environment's LANGUAGE, LC_ALL, LC_MESSAGES,
	 * LANG): from the plugin's own catalogue, text domain
	 * "ppreg-<name>", which the core binds when it loads the plugin
	 * (locale/ beside the plugin when there is one, else the core's
	 * share/locale), else from the core's, else msgid itself. A plugin
	 * calls it through ppreg_tr(), and ppreg_reportf() translates its
	 * format through it. */
	const char *(*text)(ppreg_check *c, const char *msgid);
	/* An amount of `cents` in `currency` (ISO 4217: "EUR") and a date as
	 * the run's language writes them in a sentence: "15000.00 EUR" and
	 * "2028-01-31" in English, "15 000,00 €" and "31 janvier 2028" in
	 * French. They return buf, always terminated (PPREG_TEXT_MAX bytes
	 * hold any). For prose only: a date a machine reads stays ISO. */
	const char *(*amount_text)(ppreg_check *c, long long cents, const char *currency, char *buf, size_t size);
	const char *(*date_text)(ppreg_check *c, ppreg_date d, char *buf, size_t size);
} ppreg_api;

#define PPREG_API_HAS(api, member) \
	((api)->size >= offsetof(ppreg_api, member) + sizeof((api)->member))

/* What check() receives, once per platform. Grows only at its end. */
struct ppreg_check {
	size_t size;
	const ppreg_api *api;
	const char *platform;      /* the folder name, e.g. "entraide-sante" */
	ppreg_date as_of;          /* "today" for every date rule */
	const ppreg_node *params;  /* this plugin's `params` map in the policy, or NULL */
	void *core;                /* private to the core */
	/* A later member (a plugin tests PPREG_CHECK_HAS(c, state)): what
	 * this plugin's setup() returned for the run, or NULL. */
	void *state;
};

#define PPREG_CHECK_HAS(c, member) \
	((c)->size >= offsetof(ppreg_check, member) + sizeof((c)->member))

/* The descriptor a plugin returns. Grows only at its end: initialise it
 * with designated initializers (.name = ...), so that a member added later
 * is zero in a plugin that does not know it, and its build stays clean.
 *
 * The core validates it whole before it follows any pointer (the plugin is
 * refused, exit 2 naming it, otherwise): at most 1024 rules, each with an
 * id "<name>.<check>", a summary and a severity; at most 64 schemas of at
 * most 4096 fields, each field with a path, a known type (an enum with its
 * values), and a `rule` that is NULL or one of this plugin's rules. */
typedef struct ppreg_plugin {
	unsigned abi_version;      /* PPREG_ABI_VERSION the plugin was built with */
	size_t size;               /* sizeof(ppreg_plugin) the plugin was built with */
	const char *name;          /* equals the file name: <name>.so */
	const char *version;       /* semantic version of the plugin */
	const char *summary;       /* one line: the obligation it checks */
	const ppreg_rule *rules;
	size_t n_rules;
	const ppreg_schema *schemas;
	size_t n_schemas;
	/* 0 when the platform was judged (findings reported through the API),
	 * -1 after api->fail() when it could not be. */
	int (*check)(ppreg_check *c);

	/* Later members, read only when `size` covers them; NULL: none.
	 * setup() is called with a ppreg_check whose `platform` is NULL and
	 * which holds no declaration file. It judges the plugin's `params`
	 * (-1 after api->fail(): the policy is unusable and the run exits 2
	 * before judging anything, even when no platform is to be judged) and
	 * may return in *state what every check shares, derived from the
	 * policy alone (a compiled pattern, a verified digest). check() finds
	 * it in c->state and must not change it. teardown(state) frees it.
	 *
	 * Where they run: never in the process that writes the report. A run
	 * first tries every plugin's entry point, setup() and teardown() once
	 * in a child process (a plugin that exits, crashes or loops there is
	 * exit 2 naming it and the entry point, within the policy's
	 * plugin_seconds), then calls setup() once in each worker process that
	 * judges platforms, so setup() may run several times in a run, in
	 * parallel processes; a worker ends without teardown(), its memory
	 * going with it. What these functions print goes to stderr. The entry
	 * point (and any constructor) also runs in the main process to read
	 * the descriptor: a plugin is trusted code from the plugin directory,
	 * isolated against its faults, not against malice. */
	int (*setup)(ppreg_check *c, void **state);
	void (*teardown)(void *state);

	/* Added in ppreg 1.1 (plugin ABI 1 still; read only when `size` covers
	 * it, so an older plugin has none): the files of this plugin's schemas
	 * that a platform may lack, a NULL-terminated list, NULL for none.
	 * Each loaded plugin's schema files are declaration files: read for
	 * every platform, and a missing one is core.missing-file, unless it is
	 * listed here (or the policy's declaration_files lists it: the policy
	 * then requires it). For a missing optional file api->file() is NULL
	 * and the plugin may report a finding of its own with report_at().
	 * Each name must be the file of one of its schemas, or the plugin is
	 * refused. PPREG_DEFINE_PLUGIN_OPTIONAL sets it. */
	const char *const *optional_files;
} ppreg_plugin;

/* The one symbol a plugin exports. `core_abi` is the core's ABI version; a
 * plugin may return NULL when it cannot work with that core. */
#define PPREG_ENTRY_SYMBOL "ppreg_plugin_entry"
typedef const ppreg_plugin *(*ppreg_entry_fn)(unsigned core_abi);

#if defined(__GNUC__)
#define PPREG_EXPORT __attribute__((visibility("default")))
#define PPREG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define PPREG_FORMAT_ARG(n) __attribute__((format_arg(n)))
#else
#define PPREG_EXPORT
#define PPREG_PRINTF(f, a)
#define PPREG_FORMAT_ARG(n)
#endif

/* Translation, for plugins (docs/i18n.md): the messages are English in
 * the source, and xgettext finds them by these keywords:
 *   ppreg_reportf's and ppreg_reportf_sev's format, which they translate
 *   themselves: write it as a literal at the call;
 *   ppreg_tr(c, "text"): any other text a person reads (a piece of a
 *   message, a withhold() reason, a fail() message);
 *   PPREG_N_("text"): a string kept in a table, translated where it is
 *   used with ppreg_tr(); the core translates the descriptor's summary,
 *   legal_source and fix itself, which are marked with PPREG_N_ too.
 * Rule ids, field names, paths and enum values are never marked. */
#define PPREG_N_(s) (s)
#define PPREG_TEXT_MAX 64

/* (c is const for the helpers that only read it; the core's text() never
 * changes it.) */
static inline const char *ppreg_tr(const ppreg_check *c, const char *msgid) PPREG_FORMAT_ARG(2);
static inline const char *ppreg_tr(const ppreg_check *c, const char *msgid)
{
	return PPREG_API_HAS(c->api, text) && c->api->text ? c->api->text((ppreg_check *)c, msgid) : msgid;
}

/* Convenience for plugins: api->amount_text() and api->date_text() into a
 * buffer of PPREG_TEXT_MAX bytes, in English in an older core. */
static inline const char *ppreg_amount_text(const ppreg_check *c, long long cents, const char *currency,
                                            char buf[PPREG_TEXT_MAX])
{
	if (PPREG_API_HAS(c->api, amount_text) && c->api->amount_text)
		return c->api->amount_text((ppreg_check *)c, cents, currency, buf, PPREG_TEXT_MAX);
	unsigned long long u = cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
	snprintf(buf, PPREG_TEXT_MAX, "%s%llu.%02llu %s", cents < 0 ? "-" : "", u / 100, u % 100, currency);
	return buf;
}

static inline const char *ppreg_date_text(const ppreg_check *c, ppreg_date d, char buf[PPREG_TEXT_MAX])
{
	if (PPREG_API_HAS(c->api, date_text) && c->api->date_text)
		return c->api->date_text((ppreg_check *)c, d, buf, PPREG_TEXT_MAX);
	snprintf(buf, PPREG_TEXT_MAX, "%04d-%02d-%02d", d.year, d.month, d.day);
	return buf;
}

/* Declared here so that the compiler checks each plugin's definition
 * against the type the core calls through (ppreg_entry_fn). */
PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi);

/* Convenience for plugins: the text of a string node, or NULL when it is
 * absent or of another type (the schema check reported that already). */
static inline const char *ppreg_text(const ppreg_check *c, const ppreg_node *n)
{
	const char *s;
	return c->api->str(n, &s) == PPREG_OK ? s : NULL;
}

/* Convenience for plugins: `n` when it is a list, else NULL (a value of the
 * wrong type the core reported is never walked). */
static inline const ppreg_node *ppreg_list(const ppreg_check *c, const ppreg_node *n)
{
	return c->api->kind(n) == PPREG_NODE_LIST ? n : NULL;
}

/* Convenience for plugins: whether a list holds the string `s`. */
static inline int ppreg_list_has(const ppreg_check *c, const ppreg_node *list, const char *s)
{
	list = ppreg_list(c, list);
	for (size_t i = 0; s && i < c->api->count(list); i++) {
		const char *t = ppreg_text(c, c->api->item(list, i));
		if (t && !strcmp(t, s))
			return 1;
	}
	return 0;
}

/* Convenience for plugins: whether `s` is one of "a|b|c". */
static inline int ppreg_one_of(const char *s, const char *set)
{
	size_t len = strlen(s);
	for (const char *p = set; *p;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		if (n == len && !strncmp(p, s, n))
			return 1;
		p += n + (bar != NULL);
	}
	return 0;
}

/* The length of the white space or invisible character at s (Unicode
 * White_Space, and the zero-width U+200B-U+200D, U+2060, U+FEFF), 0 when
 * there is none: a name of no-break spaces is as blank as one of spaces. */
static inline size_t ppreg_space_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r'))
		return 1;
	if (u[0] == 0xc2 && (u[1] == 0x85 || u[1] == 0xa0))
		return 2;
	if (u[0] == 0xe1 && u[1] == 0x9a && u[2] == 0x80)
		return 3; /* U+1680 */
	if (u[0] == 0xe2 && u[1] == 0x80 && ((u[2] >= 0x80 && u[2] <= 0x8d) || u[2] == 0xa8 || u[2] == 0xa9 ||
	                                     u[2] == 0xaf))
		return 3; /* U+2000-U+200D, U+2028, U+2029, U+202F */
	if (u[0] == 0xe2 && u[1] == 0x81 && (u[2] == 0x9f || u[2] == 0xa0))
		return 3; /* U+205F, U+2060 */
	if ((u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80) || (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf))
		return 3; /* U+3000, U+FEFF */
	return 0;
}

/* Convenience for plugins: a string of nothing but white space (see
 * ppreg_space_len), or empty. */
static inline int ppreg_blank(const char *s)
{
	size_t n;
	while ((n = ppreg_space_len(s)) != 0)
		s += n;
	return *s == '\0';
}

/* Convenience for plugins: api->lapse() when the core has it (an older core
 * keeps no lapses, and the plugin judges as before). */
static inline void ppreg_lapse(ppreg_check *c, const char *rule, const ppreg_node *at, ppreg_date last_valid_day)
{
	if (PPREG_API_HAS(c->api, lapse) && c->api->lapse)
		c->api->lapse(c, rule, at, last_valid_day);
}

/* Convenience for plugins: a printf-style report, truncated to 512 bytes,
 * its format translated (ppreg_tr). */
static inline void ppreg_reportf(ppreg_check *c, const char *rule, const ppreg_node *at,
                                 const char *fmt, ...) PPREG_PRINTF(4, 5);
static inline void ppreg_reportf(ppreg_check *c, const char *rule, const ppreg_node *at,
                                 const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, ppreg_tr(c, fmt), ap);
	va_end(ap);
	c->api->report(c, rule, PPREG_SEV_DEFAULT, at, msg);
}

/* Same with an explicit severity (e.g. a warning case of an error rule). */
static inline void ppreg_reportf_sev(ppreg_check *c, const char *rule, ppreg_severity sev,
                                     const ppreg_node *at, const char *fmt, ...) PPREG_PRINTF(5, 6);
static inline void ppreg_reportf_sev(ppreg_check *c, const char *rule, ppreg_severity sev,
                                     const ppreg_node *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, ppreg_tr(c, fmt), ap);
	va_end(ap);
	c->api->report(c, rule, sev, at, msg);
}

/* Convenience for plugins, the setup() of every plugin that keeps what it
 * derives from the policy: a zeroed state of `size` bytes filled by
 * load(c, state), which judges c->params (-1 after api->fail()); on a
 * refusal, teardown(state) frees what load() left, and *state is NULL. */
static inline int ppreg_setup_state(ppreg_check *c, void **state, size_t size,
                                    int (*load)(ppreg_check *c, void *state), void (*teardown)(void *state))
{
	void *s = calloc(1, size);
	*state = NULL;
	if (!s)
		return c->api->fail(c, ppreg_tr(c, "out of memory"));
	if (load(c, s) < 0) {
		teardown(s);
		return -1;
	}
	*state = s;
	return 0;
}

/* Convenience for plugins, the one way to keep what setup() derives from
 * the policy: check() is `return ppreg_check_with_state(c, setup, teardown,
 * judge);` and judge(c, state) judges the platform with the state setup()
 * returned for the run. In a core that gives check() no state (one older
 * than setup()), the state is set up for this platform alone, with the
 * same refusals, and torn down after it. */
static inline int ppreg_check_with_state(ppreg_check *c, int (*setup)(ppreg_check *c, void **state),
                                         void (*teardown)(void *state),
                                         int (*judge)(ppreg_check *c, const void *state))
{
	void *state;
	if (PPREG_CHECK_HAS(c, state) && c->state)
		return judge(c, c->state);
	if (setup(c, &state) < 0)
		return -1;
	int rc = judge(c, state);
	teardown(state);
	return rc;
}

/* Convenience for plugins, the one way to declare one that keeps its state
 * as above: defines its check() (ppreg_check_with_state over JUDGE), its
 * descriptor, whose counts are the sizes of the RULES and SCHEMAS arrays,
 * and its entry point, ppreg_plugin_entry, which returns the descriptor
 * whatever the core's ABI: the core compares abi_version itself and names a
 * plugin it cannot use, which says more than a NULL returned would.
 *   PPREG_DEFINE_PLUGIN("gdpr", "1.0.0", "gdpr: ...", rules, schemas,
 *                       setup, judge, free);
 * TEARDOWN frees the state (free() for one without pointers of its own). */
#define PPREG_DEFINE_PLUGIN(NAME, VERSION, SUMMARY, RULES, SCHEMAS, SETUP, JUDGE, TEARDOWN) \
	PPREG_DEFINE_PLUGIN_OPTIONAL(NAME, VERSION, SUMMARY, RULES, SCHEMAS, NULL, SETUP, JUDGE, TEARDOWN)

/* The same for a plugin with files a platform may lack (optional_files):
 *   static const char *const optional[] = {"partnership.yaml", NULL};
 *   PPREG_DEFINE_PLUGIN_OPTIONAL("partnership", "1.0.0", "...", rules,
 *                                schemas, optional, setup, judge, free);
 * Added in ppreg 1.1. */
#define PPREG_DEFINE_PLUGIN_OPTIONAL(NAME, VERSION, SUMMARY, RULES, SCHEMAS, OPTIONAL, SETUP, JUDGE, TEARDOWN) \
	static int ppreg_plugin_check_(ppreg_check *c) \
	{ \
		return ppreg_check_with_state(c, SETUP, TEARDOWN, JUDGE); \
	} \
	static const ppreg_plugin ppreg_plugin_descriptor_ = { \
		.abi_version = PPREG_ABI_VERSION, \
		.size = sizeof(ppreg_plugin), \
		.name = NAME, \
		.version = VERSION, \
		.summary = SUMMARY, \
		.rules = RULES, \
		.n_rules = sizeof RULES / sizeof *RULES, \
		.schemas = SCHEMAS, \
		.n_schemas = sizeof SCHEMAS / sizeof *SCHEMAS, \
		.check = ppreg_plugin_check_, \
		.setup = SETUP, \
		.teardown = TEARDOWN, \
		.optional_files = OPTIONAL, \
	}; \
	PPREG_EXPORT const ppreg_plugin *ppreg_plugin_entry(unsigned core_abi) \
	{ \
		(void)core_abi; \
		return &ppreg_plugin_descriptor_; \
	}

/* Convenience for plugins: a finding of `rule` at map.key when that value
 * is a string of nothing but white space (ppreg_blank). A missing or
 * mistyped value, and the empty string "", are the core's to report. */
static inline void ppreg_require_text(ppreg_check *c, const char *rule, const ppreg_node *map, const char *key)
{
	const ppreg_node *n = c->api->get(map, key);
	const char *s = ppreg_text(c, n);
	if (s && ppreg_blank(s))
		ppreg_reportf(c, rule, n, "%s is blank", key);
}

#ifdef __cplusplus
}
#endif
#endif /* PPREG_PLUGIN_H */
