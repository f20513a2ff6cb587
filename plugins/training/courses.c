/*
 * courses.c - does one declared course meet the specification? Four rules,
 * each reported at the value that breaks it:
 *   training.course-hours      provider named, total >= the minimum, the
 *                              modules' hours (each >= 0) add up to no more
 *                              than the total;
 *   training.required-modules  each required topic reaches its minimum, the
 *                              hours of several modules of one topic added;
 *                              other topics are allowed;
 *   training.co-delivery       enough patient partners and professionals
 *                              among the trainers;
 *   training.assessment        the assessment is described in words.
 * provider.name and assessment are judged by one test: blank (Unicode
 * white space included) or a placeholder ("n/a", "néant", "-") says nothing.
 * A value the core reported (missing, wrong type) is not reported again,
 * but the course is then not shown to meet the specification.
 */
#include "training.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A sum of hours may exceed a total by rounding only. */
#define HOURS_SLACK 1e-9

/* The length of `s` without the white space (ppreg_space_len) and periods
 * that end it ("None." is "None"). */
static size_t trimmed_length(const char *s)
{
	size_t i = 0, end = 0, n;
	while (s[i]) {
		if ((n = ppreg_space_len(s + i)) != 0)
			i += n;
		else if (s[i++] != '.')
			end = i;
	}
	return end;
}

/* Whether a text holds a letter or a digit: any non-ASCII byte counts, so
 * that a name in another script is one. */
static int has_alnum(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
			return 1;
	}
	return 0;
}

/* A text that stands for nothing: one of these words, compared folded
 * (case and Latin-1 accents: "NÉANT" is "neant"), without the white space
 * around it or a final period, or nothing but punctuation ("-", "?", "...").
 * The one test of provider.name and assessment. */
static int is_placeholder(const char *s)
{
	static const char *const words[] = {
		"none", "n/a", "na", "n.a", "nil", "null", "tbd", "tba", "todo", "no", "non", "nc", "n/c",
		"unknown", "aucun", "aucune", "neant", "rien", "sans", "inconnu", "a definir", "a preciser",
		"a completer", "xx", "xxx", "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\xa6", NULL};
	char word[32];
	size_t n;
	while ((n = ppreg_space_len(s)) != 0)
		s += n;
	if (text_fold(s, word, sizeof word) >= sizeof word)
		return 0; /* longer than any of the words */
	word[trimmed_length(word)] = '\0';
	if (!has_alnum(word, strlen(word)))
		return 1;
	for (const char *const *w = words; *w; w++)
		if (!strcmp(word, *w))
			return 1;
	return 0;
}

/* A blank text (Unicode white space and zero-width characters included,
 * ppreg_blank) or a placeholder says nothing. */
int training_unstated(const char *s)
{
	return ppreg_blank(s) || is_placeholder(s);
}

static int check_provider(ppreg_check *c, const ppreg_node *course)
{
	const ppreg_node *name = c->api->get(course, "provider.name");
	const char *text = ppreg_text(c, name);
	if (!text)
		return 0; /* missing provider or name: the core reported it under this rule */
	if (training_unstated(text)) {
		ppreg_reportf(c, "training.course-hours", name, "the course's provider has no name");
		return 0;
	}
	return 1;
}

/* The modules' hours that can be read, each >= 0; a negative one is
 * reported and counted as 0, so that it cannot offset another. */
static double module_hours(ppreg_check *c, const ppreg_node *modules, int *ok)
{
	const ppreg_api *api = c->api;
	double sum = 0, h;
	for (size_t i = 0; i < api->count(modules); i++) {
		const ppreg_node *hn = api->get(api->item(modules, i), "hours");
		if (api->number(hn, &h) != PPREG_OK)
			continue;
		if (h < 0) {
			ppreg_reportf(c, "training.course-hours", hn, "a module cannot last %g hours", h);
			*ok = 0;
			continue;
		}
		sum += h;
	}
	return sum;
}

static int check_hours(ppreg_check *c, const training_policy *pol, const ppreg_node *course)
{
	const ppreg_api *api = c->api;
	const ppreg_node *hn = api->get(course, "hours"), *modules = api->get(course, "modules");
	int ok = check_provider(c, course);
	double hours, sum = api->kind(modules) == PPREG_NODE_LIST ? module_hours(c, modules, &ok) : 0;
	if (api->number(hn, &hours) != PPREG_OK)
		return 0;
	if (hours < pol->min_hours) {
		ppreg_reportf(c, "training.course-hours", hn, "%g hours, fewer than the %g the specification requires", hours, pol->min_hours);
		ok = 0;
	}
	if (sum > hours + HOURS_SLACK * (hours > 1 ? hours : 1)) {
		ppreg_reportf(c, "training.course-hours", hn, "the modules add up to %g hours, more than the course's %g", sum, hours);
		ok = 0;
	}
	return ok;
}

/* What the modules of one topic give: their hours (> 0 only), how many
 * there are, and whether one of them has hours that could not be read. */
typedef struct {
	double hours;
	size_t modules;
	int unreadable;
} topic_tally;

/* The modules tallied by topic (tally[t] for the policy's topic t), in one
 * pass: each module's topic and hours are read once, not once per topic.
 * 0 when a module names no topic: any topic could then be the one it
 * teaches, so no topic is called short (the core reported the module).
 * *hours_read: whether every module gave its hours (without them, only its
 * own topic is not judged: one finding per defect; either way the course
 * does not meet the specification). */
static int tally_modules(const ppreg_check *c, const ppreg_node *modules, const ppreg_node *topics,
                         topic_tally *tally, int *hours_read)
{
	const ppreg_api *api = c->api;
	size_t n_topics = api->count(topics);
	*hours_read = 1;
	for (size_t i = 0; i < api->count(modules); i++) {
		const ppreg_node *m = api->item(modules, i);
		const char *name = ppreg_text(c, api->get(m, "topic"));
		if (!name)
			return 0;
		double h;
		int read = api->number(api->get(m, "hours"), &h) == PPREG_OK;
		*hours_read &= read;
		for (size_t t = 0; t < n_topics; t++) {
			const char *topic = api->key(topics, t);
			if (name[0] != topic[0] || strcmp(name, topic))
				continue;
			tally[t].modules++;
			if (!read)
				tally[t].unreadable = 1;
			else if (h > 0)
				tally[t].hours += h;
			break; /* the policy's topics are the keys of one map: distinct */
		}
	}
	return 1;
}

/* Appends "; item" to a bounded text; once full, the text ends with "...". */
static void append(char *buf, size_t size, size_t *len, const char *item)
{
	if (*len + 4 >= size)
		return;
	int n = snprintf(buf + *len, size - *len, "%s%s", *len ? "; " : "", item);
	if (n < 0 || (size_t)n >= size - *len) {
		memcpy(buf + size - 4, "...", 4);
		*len = size;
		return;
	}
	*len += (size_t)n;
}

/* One finding per course, at its modules, listing every topic short of its
 * minimum: the hours of a topic may be spread over several modules, so no
 * single module is "the" offending value. A topic one of whose modules has
 * hours the core reported unreadable is not judged again here, but the
 * course then does not meet the specification. */
static int check_modules(ppreg_check *c, const training_policy *pol, const ppreg_node *course)
{
	const ppreg_api *api = c->api;
	const ppreg_node *modules = api->get(course, "modules");
	char gaps[400] = "", item[160];
	size_t len = 0;
	int ok = 1, hours_read;
	if (api->kind(modules) != PPREG_NODE_LIST)
		return 0; /* missing or not a list: the core reported it */
	size_t n_topics = api->count(pol->topics);
	topic_tally *tally = calloc(n_topics ? n_topics : 1, sizeof *tally);
	if (!tally) {
		api->fail(c, ppreg_tr(c, "out of memory"));
		return 0;
	}
	if (!tally_modules(c, modules, pol->topics, tally, &hours_read)) {
		free(tally);
		return 0;
	}
	for (size_t t = 0; t < n_topics; t++) {
		const char *topic = api->key(pol->topics, t);
		double need = 0;
		topic_tally have = tally[t];
		if (api->number(api->item(pol->topics, t), &need) != PPREG_OK || have.hours >= need)
			continue;
		ok = 0;
		if (have.unreadable)
			continue;
		if (have.modules)
			snprintf(item, sizeof item, ppreg_tr(c, "%.80s has %g hours of %g"), topic, have.hours, need);
		else
			snprintf(item, sizeof item, ppreg_tr(c, "%.80s is missing (%g hours)"), topic, need);
		append(gaps, sizeof gaps, &len, item);
	}
	free(tally);
	if (len)
		ppreg_reportf(c, "training.required-modules", modules, "the modules fall short of the specification: %s", gaps);
	return ok && hours_read;
}

static int check_trainer_count(ppreg_check *c, const ppreg_node *trainers, const char *kind,
                               const char *label, long long need)
{
	const ppreg_node *n = c->api->get(trainers, kind);
	long long have;
	if (c->api->integer(n, &have) != PPREG_OK)
		return 0; /* missing or not an integer: the core reported it */
	if (have < need) {
		ppreg_reportf(c, "training.co-delivery", n, "%lld %s among the trainers, at least %lld required", have, label, need);
		return 0;
	}
	return 1;
}

static int check_trainers(ppreg_check *c, const training_policy *pol, const ppreg_node *course)
{
	const ppreg_node *trainers = c->api->get(course, "trainers");
	int ok = check_trainer_count(c, trainers, "patient_partners", ppreg_tr(c, "patient partners"),
	                             pol->min_patient_partners);
	return check_trainer_count(c, trainers, "professionals", ppreg_tr(c, "professionals"), pol->min_professionals) && ok;
}

static int check_assessment(ppreg_check *c, const ppreg_node *course)
{
	const ppreg_node *n = c->api->get(course, "assessment");
	const char *s = ppreg_text(c, n);
	if (!s)
		return 0; /* missing: reported by the core under this rule; not text: core.type */
	if (training_unstated(s)) {
		ppreg_reportf(c, "training.assessment", n, "the assessment of learners is not described");
		return 0;
	}
	return 1;
}

int training_check_course(ppreg_check *c, const training_policy *pol, const ppreg_node *course)
{
	if (c->api->kind(course) != PPREG_NODE_MAP)
		return 0;
	int ok = check_hours(c, pol, course);
	ok = check_modules(c, pol, course) && ok;
	ok = check_trainers(c, pol, course) && ok;
	ok = check_assessment(c, course) && ok;
	return ok;
}
