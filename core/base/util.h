/*
 * base/util.h - the few helpers every part of the core uses. They fail as
 * base/error.h says; allocation failure prints and exits 2.
 */
#ifndef PPREG_UTIL_H
#define PPREG_UTIL_H

#include "base/error.h"

#include <stddef.h>
#include <stdio.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* "dir/name", or name alone when dir is empty. Paths are joined for every
 * file of every platform: this costs a tenth of xasprintf's formatting. */
char *path_join(const char *dir, const char *name);
/* `s` as a URI path: every byte but RFC 3986's unreserved characters and
 * '/' percent-encoded (file names are bytes; a URI is not). Free it. */
char *uri_escape(const char *s);

/* Growable array of pointers, for lists whose length is not known ahead. */
typedef struct { void **v; size_t n, cap; } ptrvec;
void ptrvec_grow(ptrvec *pv);
/* Inline: the YAML loader pushes every node it reads. */
static inline void ptrvec_push(ptrvec *pv, void *p)
{
	if (pv->n == pv->cap)
		ptrvec_grow(pv);
	pv->v[pv->n++] = p;
}

/* Lowercase hex SHA-256 of a buffer (65 bytes with the NUL). */
int sha256_hex(const void *data, size_t len, char hex[65]);
int sha256_file_hex(const char *path, char hex[65]);
void hex_encode(const unsigned char *bin, size_t n, char *out);

/* Reads a whole regular file (no symlink followed) of at most `max` bytes;
 * ERR_TOO_LARGE when it is larger. */
int read_file_nofollow(const char *path, size_t max, unsigned char **data, size_t *len);
/* Writes a file atomically: temp file in the same folder, fsync, rename.
 * `path` is a new name or a regular file, whose mode is kept (`mode` is a
 * new file's); anything else (a device, a FIFO, a folder, a symbolic link)
 * is refused, since rename() would replace the node itself: as root,
 * `-o /dev/sda` would otherwise turn a disk's device into a file. */
int write_file_atomic(const char *path, const void *data, size_t len, int mode);

/* Where plugins or policies are: $ENV_VAR (NULL: none read), else BUILD_SUB next to the
 * executable when it exists (the build tree), else INSTALLED_REL relative to
 * the executable (bin/../lib/ppreg/plugins once installed). */
const char *data_dir(char *buf, size_t cap, const char *env_var, const char *build_sub,
                     const char *installed_rel);

/* Returns the directory of the running executable, or NULL. */
const char *exe_dir(void);

#endif
