/*
 * base/utf8.h - UTF-8 validation.
 */
#ifndef PPREG_UTF8_H
#define PPREG_UTF8_H

#include <stddef.h>

/* UTF-8 validation: no overlong forms, surrogates or code points past
 * U+10FFFF, and no NUL byte. Returns the offset of the first bad byte, or
 * (size_t)-1 when the buffer is clean. */
size_t utf8_first_invalid(const unsigned char *s, size_t len);

#endif
