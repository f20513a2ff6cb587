/*
 * base/i18n.c - the run's language, its catalogues, and amounts and dates
 * written the way that language writes them.
 */
#include "base/i18n.h"
#include "base/util.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int translating; /* a language is set that is not English */
static int english_only;
static const char *lang_option;

const char *i18n_text(const char *msgid)
{
	return translating && !english_only ? dgettext(PPREG_TEXT_DOMAIN, msgid) : msgid;
}

const char *i18n_ntext(const char *singular, const char *plural, unsigned long n)
{
	if (!translating || english_only)
		return n == 1 ? singular : plural;
	return dngettext(PPREG_TEXT_DOMAIN, singular, plural, n);
}

const char *i18n_plugin_text(const char *plugin, const char *msgid)
{
	if (!translating || english_only || !msgid)
		return msgid;
	char domain[80];
	snprintf(domain, sizeof domain, "ppreg-%s", plugin);
	const char *t = dgettext(domain, msgid);
	return t != msgid ? t : dgettext(PPREG_TEXT_DOMAIN, msgid);
}

int i18n_translating(void)
{
	return translating && !english_only;
}

int i18n_english_only(int on)
{
	int was = english_only;
	english_only = on;
	return was;
}

const char *i18n_locale_dir(void)
{
	static char dir[4096];
	return data_dir(dir, sizeof dir, "PPREG_LOCALE_DIR", "locale", PPREG_REL_LOCALE_DIR);
}

static void bind_domain(const char *domain, const char *dir)
{
	/* best effort: an unbound domain prints English */
	(void)bindtextdomain(domain, dir);
	(void)bind_textdomain_codeset(domain, "UTF-8");
}

void i18n_bind_plugin(const char *name, const char *so_path)
{
	char domain[80], own[4096];
	struct stat st;
	const char *slash = strrchr(so_path, '/');
	snprintf(domain, sizeof domain, "ppreg-%s", name);
	snprintf(own, sizeof own, "%.*s/locale", slash ? (int)(slash - so_path) : 1, slash ? so_path : ".");
	bind_domain(domain, stat(own, &st) == 0 && S_ISDIR(st.st_mode) ? own : i18n_locale_dir());
}

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* The languages gettext would try, or NULL for untranslated messages: the
 * locale of LC_MESSAGES (LC_ALL, else LC_MESSAGES, else LANG), whose
 * LANGUAGE list, when set, takes precedence, except in the C locale. */
static const char *env_languages(void)
{
	const char *loc = env("LC_ALL");
	loc = loc ? loc : env("LC_MESSAGES") ? env("LC_MESSAGES") : env("LANG");
	if (!loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX"))
		return NULL;
	return env("LANGUAGE") ? env("LANGUAGE") : loc;
}

/* English is the messages as written: no catalogue is looked up. */
static int is_english(const char *list)
{
	return !strncmp(list, "en", 2) && (!list[2] || strchr("_.@:", list[2]));
}

/* A locale that was never generated (fr_FR.UTF-8 on a fresh Debian) is
 * refused by setlocale; C.UTF-8 always exists, and LANGUAGE then names the
 * catalogue. LC_NUMERIC is never touched: strtod and printf stay C. */
static void use_languages(const char *list)
{
	translating = 0;
	if (!list || is_english(list))
		return;
	if (!setlocale(LC_CTYPE, ""))
		(void)setlocale(LC_CTYPE, "C.UTF-8");
	const char *m = setlocale(LC_MESSAGES, "");
	if (!m || !strcmp(m, "C") || !strcmp(m, "POSIX"))
		(void)setlocale(LC_MESSAGES, "C.UTF-8");
	setenv("LANGUAGE", list, 1);
	bind_domain(PPREG_TEXT_DOMAIN, i18n_locale_dir());
	/* a language without a catalogue (or none built) prints English,
	 * amounts and dates included */
	static const char probe[] = "January";
	translating = dgettext(PPREG_TEXT_DOMAIN, probe) != probe;
}

/* Takes `--lang X` or `--lang=X` out of argv; *value NULL when absent. */
static int take_lang_option(int *argc, char **argv, const char **value)
{
	*value = NULL;
	for (int i = 1; i < *argc && strcmp(argv[i], "--"); i++) {
		const char *v;
		int used;
		if (!strcmp(argv[i], "--lang"))
			v = i + 1 < *argc ? argv[i + 1] : "", used = i + 1 < *argc ? 2 : 1;
		else if (!strncmp(argv[i], "--lang=", 7))
			v = argv[i] + 7, used = 1;
		else
			continue;
		if (*value) {
			fprintf(stderr, _("ppreg: %s given twice\n"), "--lang");
			return 2;
		}
		*value = v;
		memmove(&argv[i], &argv[i + used], (size_t)(*argc - i - used + 1) * sizeof *argv);
		*argc -= used, i--;
	}
	return 0;
}

int i18n_setup(int *argc, char **argv)
{
	const char *lang;
	use_languages(env_languages());
	if (take_lang_option(argc, argv, &lang))
		return 2;
	if (!lang)
		return 0;
	if (strcmp(lang, "fr") && strcmp(lang, "en")) {
		fprintf(stderr, _("ppreg: --lang takes fr or en, not '%.40s'\n"), lang);
		return 2;
	}
	use_languages(lang);
	lang_option = lang;
	return 0;
}

int i18n_use(const char *lang)
{
	if (strcmp(lang, "fr") && strcmp(lang, "en"))
		return -1;
	use_languages(lang);
	return 0;
}

const char *i18n_lang_option(void)
{
	return lang_option;
}

char *i18n_amount(long long cents, const char *currency, char *buf, size_t cap)
{
	unsigned long long u = cents < 0 ? 0ULL - (unsigned long long)cents : (unsigned long long)cents;
	const char *sign = cents < 0 ? "-" : "";
	if (!i18n_translating()) {
		snprintf(buf, cap, "%s%llu.%02llu %s", sign, u / 100, u % 100, currency);
		return buf;
	}
	char units[32], grouped[48];
	size_t n = (size_t)snprintf(units, sizeof units, "%llu", u / 100), g = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[g++] = ' ';
		grouped[g++] = units[i];
	}
	grouped[g] = '\0';
	snprintf(buf, cap, "%s%s,%02llu %s", sign, grouped, u % 100, !strcmp(currency, "EUR") ? "€" : currency);
	return buf;
}

static const char *const months[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

char *i18n_date(ppreg_date d, char *buf, size_t cap)
{
	if (!i18n_translating() || d.month < 1 || d.month > 12) {
		snprintf(buf, cap, "%04d-%02d-%02d", d.year, d.month, d.day);
		return buf;
	}
	char day[16];
	if (d.day == 1)
		snprintf(day, sizeof day, "%s", _("1st"));
	else
		snprintf(day, sizeof day, "%d", d.day);
	snprintf(buf, cap, "%s %s %d", day, _(months[d.month - 1]), d.year);
	return buf;
}
