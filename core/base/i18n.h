/*
 * base/i18n.h - marks the messages a person reads, so that xgettext finds
 * them and gettext translates them (po/, docs/i18n.md).
 *
 * _("text") translates at the point of use; N_("text") only marks a string
 * kept in a table and translated where it is printed. Rule ids, field names,
 * paths, JSON keys and enum values are never marked.
 *
 * The language is the process's, set once by i18n_setup() before any
 * command runs and inherited by the forked workers: the environment
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them), or
 * --lang. Only LC_MESSAGES and LC_CTYPE follow it: numbers are read and
 * written in the C locale whatever the language.
 */
#ifndef PPREG_BASE_I18N_H
#define PPREG_BASE_I18N_H

#include "ppreg/plugin.h"

#include <stddef.h>

#define PPREG_TEXT_DOMAIN "ppreg"

#if defined(__GNUC__)
#define FORMAT_ARG(n) __attribute__((format_arg(n)))
#else
#define FORMAT_ARG(n)
#endif

#define _(s) i18n_text(s)
#define N_(s) (s)

/* msgid in the run's language, from the core's catalogue (dgettext on the
 * "ppreg" domain); msgid itself in English. */
const char *i18n_text(const char *msgid) FORMAT_ARG(1);
/* The singular or plural form for n, as dngettext chooses it. */
const char *i18n_ntext(const char *singular, const char *plural, unsigned long n) FORMAT_ARG(1) FORMAT_ARG(2);
/* The same from a plugin's catalogue, domain "ppreg-<plugin>", falling
 * back on the core's (the helpers of ppreg/plugin.h are the core's). */
const char *i18n_plugin_text(const char *plugin, const char *msgid) FORMAT_ARG(2);

/* Reads the language from the environment, then takes `--lang fr|en` out
 * of argv (any position before "--"). 0, or 2 after a usage error printed
 * on stderr (an unknown language, --lang given twice). */
int i18n_setup(int *argc, char **argv);
/* Switches the run's language to "fr" or "en", for a command whose
 * default is not the environment's (the public site is French public
 * information); before any worker is forked. -1 for another language. */
int i18n_use(const char *lang);
/* The language --lang gave ("fr", "en"), or NULL: an installed hook
 * keeps it, as it keeps the install's other options. */
const char *i18n_lang_option(void);
/* Whether messages are translated (a language other than English). */
int i18n_translating(void);
/* English whatever the language while `on` (what an attestation records
 * never depends on the signer's locale); returns the previous state, to
 * give back to i18n_english_only(). */
int i18n_english_only(int on);
/* Binds the catalogue of plugin `name` loaded from `so_path`: the locale/
 * folder beside the shared object when there is one (a third-party
 * plugin's), else the core's. */
void i18n_bind_plugin(const char *name, const char *so_path);
/* The folder of the core's catalogues: $PPREG_LOCALE_DIR, else locale/
 * next to the executable (build tree), else the installed share/locale. */
const char *i18n_locale_dir(void);

/* Amounts and dates in the run's language, for prose: "15000.00 EUR" and
 * "2028-01-31" in English, "15 000,00 €" and "31 janvier 2028" in French.
 * `currency` is an ISO 4217 code. Both return buf, always terminated. */
char *i18n_amount(long long cents, const char *currency, char *buf, size_t cap);
char *i18n_date(ppreg_date d, char *buf, size_t cap);

#endif
