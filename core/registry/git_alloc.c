/*
 * registry/git_alloc.c - libgit2's allocator with a ceiling (git_alloc.h).
 *
 * The functions are libgit2's standard ones (malloc, calloc, realloc and
 * free, with its overflow checks) plus one test against the ceiling. A
 * refusal returns NULL, which libgit2 reports as out of memory and unwinds
 * from; nothing is half-allocated.
 *
 * git_allocator has nine functions in libgit2 1.0 to 1.6 and three from 1.7
 * on (malloc, realloc, free; libgit2 sets the error itself); both are
 * filled by name, so a structure of another shape fails to compile rather
 * than to run. Before 1.0 the allocator is not installed, and read_blob
 * asks every blob's size first.
 */
#include "registry/git_alloc.h"

#include <git2.h>
#include <git2/sys/alloc.h>
#include <stdlib.h>
#include <string.h>

static size_t ceiling;  /* 0: none */
static int refused;

void git_alloc_limit(size_t max)
{
	ceiling = max;
	refused = 0;
}

int git_alloc_refused(void)
{
	return refused;
}

#define CEILING_WORKS (LIBGIT2_VER_MAJOR >= 1)
#define NINE_FUNCTIONS (LIBGIT2_VER_MAJOR == 1 && LIBGIT2_VER_MINOR <= 6)

#if CEILING_WORKS

static int over(size_t n)
{
	if (ceiling && n > ceiling) {
		refused = 1;
		return 1;
	}
	return 0;
}

/* As libgit2's own allocator: a failed allocation sets the error. */
static void *checked(void *p)
{
	if (!p)
		git_error_set_oom();
	return p;
}

static void *a_malloc(size_t n, const char *file, int line)
{
	(void)file, (void)line;
	return checked(over(n) ? NULL : malloc(n));
}

static void *a_realloc(void *ptr, size_t size, const char *file, int line)
{
	(void)file, (void)line;
	return checked(over(size) ? NULL : realloc(ptr, size));
}

static void a_free(void *ptr)
{
	free(ptr);
}

#if NINE_FUNCTIONS

/* n * m, or 0 with *overflow set. */
static size_t product(size_t n, size_t m, int *overflow)
{
	*overflow = m && n > (size_t)-1 / m;
	return *overflow ? 0 : n * m;
}

static void *a_calloc(size_t nelem, size_t elsize, const char *file, int line)
{
	int overflow;
	(void)file, (void)line;
	return checked(over(product(nelem, elsize, &overflow)) || overflow ? NULL : calloc(nelem, elsize));
}

static char *a_substrdup(const char *str, size_t n, const char *file, int line)
{
	if (n == (size_t)-1)
		return checked(NULL);
	char *p = a_malloc(n + 1, file, line);
	if (p) {
		memcpy(p, str, n);
		p[n] = '\0';
	}
	return p;
}

static char *a_strdup(const char *str, const char *file, int line)
{
	return a_substrdup(str, strlen(str), file, line);
}

static char *a_strndup(const char *str, size_t n, const char *file, int line)
{
	const char *end = memchr(str, '\0', n);
	return a_substrdup(str, end ? (size_t)(end - str) : n, file, line);
}

static void *a_reallocarray(void *ptr, size_t nelem, size_t elsize, const char *file, int line)
{
	int overflow;
	size_t n = product(nelem, elsize, &overflow);
	return overflow ? checked(NULL) : a_realloc(ptr, n, file, line);
}

static void *a_mallocarray(size_t nelem, size_t elsize, const char *file, int line)
{
	return a_reallocarray(NULL, nelem, elsize, file, line);
}

#endif

int git_alloc_install(void)
{
	static git_allocator allocator = {
		.gmalloc = a_malloc, .grealloc = a_realloc, .gfree = a_free,
#if NINE_FUNCTIONS
		.gcalloc = a_calloc, .gstrdup = a_strdup, .gstrndup = a_strndup, .gsubstrdup = a_substrdup,
		.greallocarray = a_reallocarray, .gmallocarray = a_mallocarray,
#endif
	};
	return git_libgit2_opts(GIT_OPT_SET_ALLOCATOR, &allocator) < 0 ? -1 : 0;
}

#else

int git_alloc_install(void)
{
	return -1;
}

#endif
