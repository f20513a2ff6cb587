/*
 * base/utf8.c - UTF-8 validation, for the loader (every declaration file)
 * and for the text findings and reports carry.
 */
#include "base/utf8.h"

#include <stdint.h>
#include <string.h>

size_t utf8_first_invalid(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		/* eight ASCII bytes without NUL at a time: most of a declaration */
		while (len - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) || ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
				break;
			i += 8;
		}
		if (i >= len)
			break;
		unsigned c = s[i];
		if (c == 0)
			return i;
		if (c < 0x80) { i++; continue; }
		size_t need;
		unsigned min, cp;
		if ((c & 0xe0) == 0xc0) need = 1, min = 0x80, cp = c & 0x1f;
		else if ((c & 0xf0) == 0xe0) need = 2, min = 0x800, cp = c & 0x0f;
		else if ((c & 0xf8) == 0xf0) need = 3, min = 0x10000, cp = c & 0x07;
		else return i;
		if (len - i <= need)
			return i;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += need + 1;
	}
	return (size_t)-1;
}
