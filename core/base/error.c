/*
 * base/error.c - the buffer that keeps the last failure's message.
 */
#include "base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local char error_buf[1024];

int error_set(const char *fmt, ...)
{
	/* Format aside first: callers often build on the previous message
	 * (error_set("x: %s", error_last())), and vsnprintf must not read the
	 * buffer it writes. */
	char msg[sizeof error_buf];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	memcpy(error_buf, msg, sizeof error_buf);
	return ERR_FAIL;
}

const char *error_last(void)
{
	return error_buf[0] ? error_buf : "unknown error";
}
