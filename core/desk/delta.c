/*
 * desk/delta.c - findings gained and lost (delta.h).
 */
#include "desk/delta.h"

#include <stdlib.h>
#include <string.h>

static int same_cmp(const void *x, const void *y)
{
	const finding *a = *(const finding *const *)x, *b = *(const finding *const *)y;
	int c = strcmp(a->rule, b->rule);
	if (!c)
		c = a->severity - b->severity;
	if (!c)
		c = strcmp(a->file, b->file);
	if (!c)
		c = strcmp(a->message, b->message);
	if (!c)
		c = (a->line > b->line) - (a->line < b->line);
	return c ? c : (a->column > b->column) - (a->column < b->column);
}

/* Equal but for the place. */
static int same(const finding *a, const finding *b)
{
	return !strcmp(a->rule, b->rule) && a->severity == b->severity && !strcmp(a->file, b->file) &&
	       !strcmp(a->message, b->message);
}

static const finding **sorted(const finding_list *l, size_t *n)
{
	*n = l ? l->n : 0;
	const finding **v = xcalloc(*n ? *n : 1, sizeof *v);
	for (size_t i = 0; i < *n; i++)
		v[i] = &l->v[i];
	if (*n > 1)
		qsort(v, *n, sizeof *v, same_cmp);
	return v;
}

static void copy(finding_list *to, const finding *f)
{
	findings_addv(to, f->rule, f->severity, f->file, f->line, f->column, f->message);
}

void delta_findings(const finding_list *from, const finding_list *to, finding_list *gained, finding_list *lost)
{
	size_t na, nb, i = 0, j = 0;
	const finding **a = sorted(from, &na), **b = sorted(to, &nb);
	while (i < na || j < nb) {
		if (i < na && j < nb && same(a[i], b[j])) {
			i++, j++;
			continue;
		}
		if (j == nb || (i < na && same_cmp(&a[i], &b[j]) < 0))
			copy(lost, a[i++]);
		else
			copy(gained, b[j++]);
	}
	free(a), free(b);
	findings_sort(gained);
	findings_sort(lost);
}
