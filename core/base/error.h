/*
 * base/error.h - the core's one error model.
 *
 * As in libgit2, a function returns 0 (or a count) when it succeeds and a
 * negative code when it does not, and the one-line message of the last
 * failure is kept aside in a per-thread buffer (error_set / error_last)
 * until the next one: return values stay uniform, the caller decides how
 * to print. The negative codes are of two kinds:
 *
 * - ERR_FAIL: the operation failed (I/O, a corrupt or missing Git object,
 *   input it cannot go on with). error_last() says why and names the file,
 *   path or object. error_set() returns it: `return error_set(...)`.
 * - answers a caller handles, with no message to rely on: the public codes
 *   of include/ppreg/plugin.h (PPREG_ABSENT: not there; PPREG_BADTYPE,
 *   PPREG_SYMLINK, PPREG_ESCAPES), whose values are the plugin ABI's and
 *   never change, and the core's own below. A plugin is told PPREG_ERROR
 *   where the core had an ERR_FAIL.
 *
 * The core's codes start at -100, away from the public ones (which a later
 * ABI may extend), so that a failure never reads as "not there". libgit2's
 * codes never leave core/registry: a libgit2 failure becomes ERR_FAIL with
 * libgit2's message and the object or path it concerns, and only "no entry
 * by that name" becomes PPREG_ABSENT. Errors are told apart by their code,
 * never by the text of their message.
 *
 * Allocation failure is the one error nobody can handle usefully: x*alloc()
 * (base/util.h) print and exit 2.
 */
#ifndef PPREG_ERROR_H
#define PPREG_ERROR_H

#include "ppreg/plugin.h"

typedef enum {
	ERR_OK = PPREG_OK,
	ERR_FAIL = -100,         /* failed; error_last() says why */
	ERR_TOO_LARGE = -101,    /* a file over the size its reader was given */
	ERR_OTHER_FORMAT = -102, /* registry.yaml is of a format this ppreg does not judge (with a message) */
} err_code;

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

/* Keeps the message aside; always returns ERR_FAIL. */
int error_set(const char *fmt, ...) PRINTF_LIKE(1, 2);
const char *error_last(void);

#endif
