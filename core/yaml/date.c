/*
 * yaml/date.c - calendar arithmetic on the dates declarations give
 * (proleptic Gregorian, 0001-01-01 to 9999-12-31).
 */
#include "yaml/date.h"

#include <stdio.h>
#include <time.h>

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int date_valid(ppreg_date d)
{
	return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 &&
	       d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

int date_cmp(ppreg_date a, ppreg_date b)
{
	if (a.year != b.year) return a.year < b.year ? -1 : 1;
	if (a.month != b.month) return a.month < b.month ? -1 : 1;
	if (a.day != b.day) return a.day < b.day ? -1 : 1;
	return 0;
}

/* Days since 0001-01-01 and back (proleptic Gregorian), for adding days. */
static long days_from_civil(ppreg_date d)
{
	long y = d.year - (d.month <= 2);
	long era = y / 400, yoe = y - era * 400;
	long mp = (d.month + 9) % 12, doy = (153 * mp + 2) / 5 + d.day - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
}

static ppreg_date civil_from_days(long z)
{
	long era = z / 146097, doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	ppreg_date d;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

int date_add_checked(ppreg_date d, const ppreg_duration *dur, int sign, ppreg_date *out)
{
	static const ppreg_date first = {1, 1, 1}, last = {9999, 12, 31};
	long months = (long)d.year * 12 + (d.month - 1) + sign * ((long)dur->years * 12 + dur->months);
	long days = (long)dur->weeks * 7 + dur->days + (dur->hours + dur->minutes / 60 + dur->seconds / 3600) / 24;
	if (months < 12 || months > 9999L * 12 + 11) {
		*out = months < 12 ? first : last;
		return -1;
	}
	d.year = (int)(months / 12);
	d.month = (int)(months % 12) + 1;
	if (d.day > days_in_month(d.year, d.month))
		d.day = days_in_month(d.year, d.month);
	long z = days_from_civil(d) + sign * days;
	if (z < days_from_civil(first) || z > days_from_civil(last)) {
		*out = z < days_from_civil(first) ? first : last;
		return -1;
	}
	*out = civil_from_days(z);
	return 0;
}

ppreg_date date_add(ppreg_date d, const ppreg_duration *dur, int sign)
{
	ppreg_date r;
	(void)date_add_checked(d, dur, sign, &r); /* clamped: plugins compare, never sign */
	return r;
}

void date_format(ppreg_date d, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u, (unsigned)d.month % 100u,
	         (unsigned)d.day % 100u);
}

ppreg_date date_today_utc(void)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	ppreg_date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	return d;
}
