/*
 * yaml/date.h - calendar arithmetic on ppreg_date: comparing, adding an ISO
 * 8601 duration, formatting, today's date in UTC.
 */
#ifndef PPREG_DATE_H
#define PPREG_DATE_H

#include "ppreg/plugin.h"

int date_cmp(ppreg_date a, ppreg_date b);
/* d + sign * dur, months first (a day past the month's end is clamped),
 * then weeks and days. An end outside 0001-01-01 .. 9999-12-31 is clamped
 * to that bound: date_add returns it, date_add_checked returns -1 (with
 * the bound in *out), for callers that must not sign a clamped date. */
ppreg_date date_add(ppreg_date d, const ppreg_duration *dur, int sign);
int date_add_checked(ppreg_date d, const ppreg_duration *dur, int sign, ppreg_date *out);
int date_valid(ppreg_date d);
void date_format(ppreg_date d, char out[11]);
ppreg_date date_today_utc(void);

#endif
