/*
 * base/suggest.c - the nearest known name to a mistyped one (suggest.h).
 */
#include "base/suggest.h"

#include <string.h>

/* Names longer than this are never a typo of a command-line word. */
#define MAX_LEN 64

void suggest_init(suggestion *s, const char *word)
{
	s->word = word;
	s->len = strlen(word);
	s->best = NULL;
	s->score = (size_t)-1;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

/* Levenshtein distance with adjacent transpositions (optimal string
 * alignment): "strcit" is one edit from "strict", as a person types. */
static size_t distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t d[MAX_LEN + 1][MAX_LEN + 1];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	return d[n][m];
}

void suggest_offer(suggestion *s, const char *name)
{
	size_t m = strlen(name), limit = s->len < 3 ? 1 : (s->len + 2) / 3;
	if (!m || s->len > MAX_LEN || m > MAX_LEN || (m == s->len && !memcmp(name, s->word, m)))
		return;
	size_t score = distance(s->word, s->len, name, m);
	size_t shorter = m < s->len ? m : s->len;
	if (score > limit && shorter >= 3 && !strncmp(name, s->word, shorter))
		score = limit; /* one begins the other: `share` for `share_percent` */
	if (score <= limit && score < s->score) {
		s->best = name;
		s->score = score;
	}
}

const char *suggest_best(const suggestion *s)
{
	return s->best;
}
