/*
 * formats.c - platform ids and postcodes. Each function reads a
 * NUL-terminated string of any content and any length and looks at nothing
 * beyond it.
 */
#include "formats.h"

#include <string.h>

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define DIGITS "0123456789"

int slug_valid(const char *s)
{
	size_t n = strlen(s);
	return n >= 2 && n <= 63 && s[0] != '-' && strspn(s, LOWER DIGITS "-") == n;
}

int postcode_valid(const char *s)
{
	return strlen(s) == 5 && strspn(s, DIGITS) == 5;
}
