/*
 * hook/install.c - `ppreg hook install`: the hook script it writes (this
 * executable and the install's options, quoted for sh), and the recognition
 * of a hook ppreg wrote, the only kind it replaces without --force.
 */
#include "hook/install.h"
#include "base/i18n.h"
#include "registry/registry_diff.h"
#include "report/report.h"
#include "yaml/scalar.h"
#include "registry/registry_layout.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The hook install writes: HOOK_HEAD, the command line, HOOK_TAIL. The
 * mark is its second line. */
#define INSTALLED_MARK "# installed by ppreg"
#define HOOK_HEAD "#!/bin/sh\n" INSTALLED_MARK ": the registry's declarations are checked before Git\n" \
	"# accepts them. `ppreg hook install` rewrites this file; delete it to stop.\nexec "
#define HOOK_TAIL " \"$@\"\n"
/* A hook ppreg writes is a few hundred bytes (paths are at most PATH_MAX). */
#define MAX_HOOK_BYTES (64 * 1024)

/* `s` quoted for sh: inside single quotes, ' becomes '\''. */
static void put_quoted(ptrvec *parts, const char *s)
{
	size_t n = 2;
	for (const char *p = s; *p; p++)
		n += *p == '\'' ? 4 : 1;
	char *q = xmalloc(n + 1), *o = q;
	*o++ = '\'';
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			memcpy(o, "'\\''", 4), o += 4;
		else
			*o++ = *p;
	}
	*o++ = '\'';
	*o = '\0';
	ptrvec_push(parts, q);
}

/* `path` absolute, or each folder of a ':' list (--plugin-dir), an empty
 * element kept empty: it stands for the built-in directory. */
static int absolute(const char *path, ptrvec *parts, const char *option)
{
	char buf[PATH_MAX], *out = xstrdup("");
	int rc = 0;
	for (const char *p = path; rc == 0; p++) {
		size_t n = strcspn(p, ":");
		char *one = xstrndup(p, n), *grown;
		if (n && !realpath(one, buf))
			rc = error_set("%s: %s", one, strerror(errno));
		grown = xasprintf("%s%s%s", out, p == path ? "" : ":", n ? buf : "");
		free(one);
		free(out);
		out = grown;
		p += n;
		if (!*p)
			break;
	}
	if (rc == 0) {
		ptrvec_push(parts, xstrdup(option));
		put_quoted(parts, out);
	}
	free(out);
	return rc;
}

/* The hook's command line: this executable, absolute, and the options the
 * install was given, so the hook judges as the installer did. */
static int hook_command(const hook_options *o, const char *hook, const char *prefix, char **out)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return error_set(_("cannot find this executable's path"));
	exe[n] = '\0';
	ptrvec parts = {0};
	int rc = 0;
	put_quoted(&parts, exe);
	ptrvec_push(&parts, xasprintf("hook %s", hook));
	if (!strcmp(hook, "pre-commit") && *prefix)
		put_quoted(&parts, prefix);
	if (o->run.policy_file)
		rc |= absolute(o->run.policy_file, &parts, "--policy");
	if (o->run.plugin_dir)
		rc |= absolute(o->run.plugin_dir, &parts, "--plugin-dir");
	if (o->as_of_text)
		ptrvec_push(&parts, xasprintf("--as-of %s", o->as_of_text));
	if (o->run.strict)
		ptrvec_push(&parts, xstrdup("--strict"));
	if (strcmp(o->format, "text"))
		ptrvec_push(&parts, xasprintf("--format %s", o->format));
	if (i18n_lang_option()) /* "fr" or "en": nothing to quote */
		ptrvec_push(&parts, xasprintf("--lang %s", i18n_lang_option()));
	size_t len = 1;
	for (size_t i = 0; i < parts.n; i++)
		len += strlen(parts.v[i]) + 1;
	*out = xcalloc(1, len);
	for (size_t i = 0; i < parts.n; i++) {
		strcat(strcat(*out, i ? " " : ""), parts.v[i]);
		free(parts.v[i]);
	}
	free(parts.v);
	return rc ? ERR_FAIL : 0;
}

/*
 * Whether a hook file is one ppreg writes, byte for byte: the fixed lines
 * (the mark on the second), then `exec` with a command line of the shape
 * hook_command() gives, then nothing else. A mark alone is not enough: an
 * administrator who added a line to a hook ppreg installed, or put the
 * mark in a hook of their own, must not lose that work to a reinstall.
 */
typedef struct {
	const char *p, *end;
} cursor;

/* Consumes `lit` when it comes next. */
static int take(cursor *c, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n))
		return 0;
	c->p += n;
	return 1;
}

/* Consumes one word quoted as put_quoted() writes it: '...', each ' inside
 * written '\''. */
static int take_quoted(cursor *c)
{
	if (!take(c, "'"))
		return 0;
	for (;;) {
		const char *q = memchr(c->p, '\'', (size_t)(c->end - c->p));
		if (!q)
			return 0;
		c->p = q + 1;
		if (!take(c, "\\''"))
			return 1;
	}
}

/* Consumes a bare word of the bytes in `set` (at most 15), into `word`. */
static int take_bare(cursor *c, const char *set, char word[16])
{
	size_t n = 0;
	while (c->p + n < c->end && n < 15 && c->p[n] && strchr(set, c->p[n]))
		n++;
	if (!n || (c->p + n < c->end && c->p[n] != ' '))
		return 0;
	memcpy(word, c->p, n);
	word[n] = '\0';
	c->p += n;
	return 1;
}

/* An option hook_command() may write: `--name VALUE` or absent. */
static int take_quoted_option(cursor *c, const char *option)
{
	return !take(c, option) || take_quoted(c);
}

/* pre-commit's registry folder: ` 'FOLDER'` or absent. */
static int take_prefix(cursor *c)
{
	cursor word = *c;
	if (!take(&word, " '"))
		return 1;
	c->p++;
	return take_quoted(c);
}

static int take_as_of(cursor *c)
{
	char word[16];
	ppreg_date d;
	return !take(c, " --as-of ") || (take_bare(c, "0123456789-", word) && scalar_date(word, &d) == 0);
}

static int take_format(cursor *c)
{
	char word[16];
	return !take(c, " --format ") ||
	       (take_bare(c, "abcdefghijklmnopqrstuvwxyz", word) && strcmp(word, "text") &&
	        report_format_named(word));
}

static int is_hook_command(cursor *c)
{
	if (!take_quoted(c) || !take(c, " hook "))
		return 0;
	int pre_commit = take(c, "pre-commit");
	if (!pre_commit && !take(c, "pre-receive") && !take(c, "update"))
		return 0;
	if (pre_commit && !take_prefix(c))
		return 0;
	if (!take_quoted_option(c, " --policy ") || !take_quoted_option(c, " --plugin-dir ") ||
	    !take_as_of(c))
		return 0;
	take(c, " --strict");
	return take_format(c) && c->p == c->end;
}

static int is_ppreg_hook(const unsigned char *data, size_t len)
{
	size_t head = strlen(HOOK_HEAD), tail = strlen(HOOK_TAIL);
	if (len < head + tail || memcmp(data, HOOK_HEAD, head) || memcmp(data + len - tail, HOOK_TAIL, tail))
		return 0;
	cursor c = {(const char *)data + head, (const char *)data + len - tail};
	return is_hook_command(&c);
}

/* 0 when `file` can be written: absent, or exactly a hook ppreg writes. */
static int may_replace(const char *file, int force)
{
	struct stat st;
	unsigned char *data = NULL;
	size_t len = 0;
	if (lstat(file, &st) < 0)
		return errno == ENOENT ? 0 : error_set("%s: %s", file, strerror(errno));
	int ours = S_ISREG(st.st_mode) && read_file_nofollow(file, MAX_HOOK_BYTES, &data, &len) == 0 &&
	           is_ppreg_hook(data, len);
	free(data);
	if (ours || force)
		return 0;
	return error_set(_("%s exists and is not a hook as ppreg writes it (another program's, or one "
	                 "edited since); keep it, or replace it with --force"), file);
}

int hook_install(const hook_options *o, char **installed)
{
	*installed = NULL;
	if (o->args.n > 1)
		return error_set(_("install takes one repository PATH at most"));
	const char *path = o->args.n ? o->args.v[0] : ".";
	registry_layout l;
	char *file = NULL, *cmd = NULL, *script = NULL;
	int rc = ERR_FAIL;
	if (registry_hook_layout(path, &l) < 0)
		return ERR_FAIL;
	const char *hook = o->hook ? o->hook : l.bare ? "pre-receive" : "pre-commit";
	if (strcmp(hook, "pre-receive") && strcmp(hook, "update") && strcmp(hook, "pre-commit")) {
		error_set(_("--hook '%s': pre-receive, update or pre-commit"), hook);
		goto done;
	}
	if (l.bare && !strcmp(hook, "pre-commit")) {
		error_set(_("%s is bare: it has no commits made in it, install pre-receive"), path);
		goto done;
	}
	file = path_join(l.hooks_dir, hook);
	if (mkdir(l.hooks_dir, 0755) < 0 && errno != EEXIST) {
		error_set("%s: %s", l.hooks_dir, strerror(errno));
		goto done;
	}
	if (may_replace(file, o->force) < 0 || hook_command(o, hook, l.prefix, &cmd) < 0)
		goto done;
	script = xasprintf("%s%s%s", HOOK_HEAD, cmd, HOOK_TAIL);
	if (write_file_atomic(file, script, strlen(script), 0755) < 0)
		goto done;
	*installed = file;
	file = NULL;
	rc = 0;
done:
	free(script);
	free(cmd);
	free(file);
	registry_layout_free(&l);
	return rc;
}
