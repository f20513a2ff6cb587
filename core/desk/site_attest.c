/*
 * desk/site_attest.c - attestations read for the site (site_attest.h).
 */
#include "desk/site_attest.h"
#include "base/i18n.h"
#include "attest/dsse.h"
#include "attest/statement.h"
#include "base/util.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One envelope: 0 and *a filled, or -1 (with error_last()) when it is not
 * an attestation that holds on as_of. */
static int read_one(const char *path, const char *as_of, site_attestation *a, unsigned char **data, size_t *len)
{
	dsse_envelope env = {0};
	statement_view v;
	int rc = read_file_nofollow(path, DSSE_MAX_ENVELOPE, data, len);
	if (rc == 0 && (rc = dsse_parse(&env, *data, *len)) == 0) {
		if (strcmp(env.payload_type, DSSE_INTOTO_TYPE))
			rc = error_set(_("payload type is not %s"), DSSE_INTOTO_TYPE);
		else if ((rc = statement_read(&v, env.payload, env.payload_len, as_of)) == 0) {
			a->platform = v.platform, a->commit = v.commit, a->tree_id = v.tree_id;
			a->as_of = v.as_of, a->valid_until = v.valid_until;
			v.platform = v.commit = v.tree_id = v.as_of = v.valid_until = NULL;
			statement_view_free(&v);
		}
	}
	dsse_free(&env);
	return rc;
}

static int attestation_cmp(const void *x, const void *y)
{
	const site_attestation *a = x, *b = y;
	int c = strcmp(a->platform, b->platform);
	if (!c)
		c = strcmp(b->valid_until, a->valid_until);
	return c ? c : strcmp(a->file, b->file);
}

static int wanted(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 5 && !strcmp(e->d_name + n - 5, ".json");
}

int site_attestations_load(const char *dir, const char *as_of, const char *copy_to, site_attestations *out)
{
	struct dirent **names = NULL;
	int n = scandir(dir, &names, wanted, alphasort), rc = 0;
	memset(out, 0, sizeof *out);
	if (n < 0)
		return error_set(_("--attestations %s: cannot be read"), dir);
	out->v = xcalloc((size_t)n + 1, sizeof *out->v);
	for (int i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]->d_name);
		unsigned char *data = NULL;
		size_t len = 0;
		site_attestation a = {0};
		struct stat st;
		if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
			/* a link or a folder named *.json: not an envelope */
		} else if (rc == 0 && read_one(path, as_of, &a, &data, &len) < 0) {
			fprintf(stderr, _("ppreg site: %s: left out: %s\n"), path, error_last());
		} else if (rc == 0) {
			a.file = xstrdup(names[i]->d_name);
			char *copy = path_join(copy_to, a.file);
			rc = write_file_atomic(copy, data, len, 0644);
			free(copy);
			out->v[out->n++] = a;
		}
		free(data);
		free(path);
		free(names[i]);
	}
	free(names);
	qsort(out->v, out->n, sizeof *out->v, attestation_cmp);
	return rc;
}

void site_attestations_free(site_attestations *a)
{
	for (size_t i = 0; i < a->n; i++) {
		site_attestation *x = &a->v[i];
		free(x->file), free(x->platform), free(x->commit), free(x->tree_id), free(x->as_of), free(x->valid_until);
	}
	free(a->v);
	memset(a, 0, sizeof *a);
}

size_t site_attestations_of(const site_attestations *a, const char *id, const site_attestation **first)
{
	size_t lo = 0, hi = a->n; /* sorted by platform: the first of id */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(a->v[mid].platform, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t n = 0;
	while (lo + n < a->n && !strcmp(a->v[lo + n].platform, id))
		n++;
	*first = n ? &a->v[lo] : NULL;
	return n;
}

const site_attestation *site_attestation_for(const site_attestations *a, const char *id, const char *tree_id)
{
	const site_attestation *v;
	size_t n = site_attestations_of(a, id, &v);
	for (size_t i = 0; i < n; i++)
		if (!tree_id || (v[i].tree_id && !strcmp(v[i].tree_id, tree_id)))
			return &v[i];
	return NULL;
}
