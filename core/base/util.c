/*
 * base/util.c - checked allocation, digests, whole-file I/O.
 */
#include "base/util.h"
#include "base/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

static void *die_oom(void)
{
	fputs(_("ppreg: out of memory\n"), stderr);
	exit(2);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	return p ? p : die_oom();
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	return p ? p : die_oom();
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	return q ? q : die_oom();
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return xstrdup("");
	char *p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

char *path_join(const char *dir, const char *name)
{
	size_t d = strlen(dir), n = strlen(name);
	char *p = xmalloc(d + (d ? 1 : 0) + n + 1);
	memcpy(p, dir, d);
	if (d)
		p[d++] = '/';
	memcpy(p + d, name, n + 1);
	return p;
}

char *uri_escape(const char *s)
{
	char *out = xmalloc(strlen(s) * 3 + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	*o = '\0';
	return out;
}

void ptrvec_grow(ptrvec *pv)
{
	pv->cap = pv->cap ? pv->cap * 2 : 8;
	pv->v = xrealloc(pv->v, pv->cap * sizeof *pv->v);
}

void hex_encode(const unsigned char *bin, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[bin[i] >> 4];
		out[2 * i + 1] = digits[bin[i] & 15];
	}
	out[2 * n] = '\0';
}

int sha256_hex(const void *data, size_t len, char hex[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32)
		return error_set(_("SHA-256 failed"));
	hex_encode(md, 32, hex);
	return 0;
}

int sha256_file_hex(const char *path, char hex[65])
{
	unsigned char *data;
	size_t len;
	if (read_file_nofollow(path, (size_t)1 << 31, &data, &len) < 0)
		return ERR_FAIL;
	int rc = sha256_hex(data, len, hex);
	free(data);
	return rc;
}

int read_file_nofollow(const char *path, size_t max, unsigned char **data, size_t *len)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then
	 * refuses it (for a regular file the flag changes nothing). */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return error_set("%s: %s", path, errno == ELOOP ? _("is a symbolic link") : strerror(errno));
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return error_set(_("%s: not a regular file"), path);
	}
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		return error_set(_("%s: larger than %zu bytes"), path, max), ERR_TOO_LARGE;
	}
	size_t cap = (size_t)st.st_size, n = 0;
	unsigned char *buf = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) { /* the file grew while we read it: allow up to max */
			if (cap >= max) break;
			cap = cap * 2 + 4096 > max ? max : cap * 2 + 4096;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			close(fd);
			return error_set("%s: %s", path, strerror(errno));
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

int write_file_atomic(const char *path, const void *data, size_t len, int mode)
{
	struct stat st;
	if (lstat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return error_set(_("%s: not a regular file; ppreg writes only a new file or replaces a "
			                 "regular one"), path);
		mode = (int)(st.st_mode & 07777);
	} else if (errno != ENOENT) {
		return error_set("%s: %s", path, strerror(errno));
	}
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		error_set(_("%s: cannot create a temporary file: %s"), path, strerror(errno));
		free(tmp);
		return ERR_FAIL;
	}
	const unsigned char *p = data;
	size_t left = len;
	int ok = fchmod(fd, (mode_t)mode) == 0;
	while (ok && left) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) { ok = 0; break; }
		p += w;
		left -= (size_t)w;
	}
	ok = ok && fsync(fd) == 0;
	ok = (close(fd) == 0) && ok;
	ok = ok && rename(tmp, path) == 0;
	if (!ok) {
		error_set(_("%s: cannot write: %s"), path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return ok ? 0 : ERR_FAIL;
}

const char *data_dir(char *buf, size_t cap, const char *env_var, const char *build_sub,
                     const char *installed_rel)
{
	const char *env = env_var ? getenv(env_var) : NULL;
	if (env && *env)
		return env;
	const char *exe = exe_dir();
	if (!exe)
		return installed_rel;
	struct stat st;
	snprintf(buf, cap, "%s/%s", exe, build_sub);
	if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
		return buf;
	snprintf(buf, cap, "%s/%s", exe, installed_rel);
	return buf;
}

const char *exe_dir(void)
{
	static char dir[PATH_MAX];
	if (dir[0])
		return dir;
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n <= 0)
		return NULL;
	dir[n] = '\0';
	char *slash = strrchr(dir, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return dir;
}
