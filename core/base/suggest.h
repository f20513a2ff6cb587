/*
 * base/suggest.h - "did you mean": the one way ppreg finds the name a
 * person probably meant, for a mistyped command, option, rule, field or
 * platform.
 *
 * The caller offers every name it knows, one by one, whatever holds them;
 * the best is the nearest by edit distance (a swap of two neighbours counts
 * as one edit), within about a third of the word's length, or a name the
 * word begins (`share` for `share_percent`) or that begins the word.
 */
#ifndef PPREG_SUGGEST_H
#define PPREG_SUGGEST_H

#include <stddef.h>

typedef struct {
	const char *word;
	size_t len;
	const char *best;
	size_t score;
} suggestion;

void suggest_init(suggestion *s, const char *word);
void suggest_offer(suggestion *s, const char *name);
/* The best name offered, or NULL when none is near enough. */
const char *suggest_best(const suggestion *s);

#endif
