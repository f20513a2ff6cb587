/*
 * base/findings.h - a finding is data: a rule broken at a place, with a message.
 *
 * Findings are collected per platform, then sorted (file, line, column, rule)
 * so that every output is identical whatever order plugins ran in. Severity
 * is resolved when a finding is added (rule default, then policy override,
 * then --strict); a finding switched off by policy is never stored.
 */
#ifndef PPREG_FINDINGS_H
#define PPREG_FINDINGS_H

#include <stddef.h>
#include "base/util.h"

typedef struct {
	char *rule;
	int severity; /* PPREG_SEV_WARNING or PPREG_SEV_ERROR */
	char *file;   /* relative to the registry root */
	unsigned line, column;
	char *message;
} finding;

typedef struct {
	finding *v;
	size_t n, cap;
} finding_list;

/* Where findings go while a platform is checked: the list, the policy's
 * severity overrides and --strict, applied once here for every producer. */
typedef struct { const char *rule; int severity; } severity_override;
typedef struct {
	finding_list *list;
	const severity_override *overrides;
	size_t n_overrides;
	int strict;
} finding_sink;

/* Adds a finding of `rule` with the given default severity (or the
 * override's); drops it when the policy switches the rule off. */
void sink_add(finding_sink *s, const char *rule, int default_severity, const char *file,
              unsigned line, unsigned column, const char *fmt, ...) PRINTF_LIKE(7, 8);
/* The severity a finding of `rule` gets in this sink: the override's or
 * the default, raised by --strict; 0 when the policy switches it off. */
int sink_severity(const finding_sink *s, const char *rule, int default_severity);
void sink_addv(finding_sink *s, const char *rule, int default_severity, const char *file,
               unsigned line, unsigned column, const char *message);

void findings_addv(finding_list *fl, const char *rule, int severity, const char *file,
                   unsigned line, unsigned column, const char *message);
void findings_sort(finding_list *fl);

/* Hostile text made printable: control characters (C0, DEL, C1), the
 * bidirectional overrides and isolates, and bytes that are not UTF-8
 * become '?', and so does the first ':' of a leading "::", which GitHub's
 * runner would take for a workflow command when a log is printed
 * (malloc'd). Used for every name and message a report prints. */
char *display_text(const char *s);
/* "error", "warning", or "none" for a rule switched off. */
const char *severity_name(int severity);
/* `file:line:column: severity: rule: message`, the line every text output
 * gives a finding (what compilers print, so editors jump to it). Free it. */
char *finding_line(const finding *f);
size_t findings_count(const finding_list *fl, int severity);
int findings_has_rule_prefix(const finding_list *fl, const char *prefix);
void findings_free(finding_list *fl);

#endif
