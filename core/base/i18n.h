/*
 * base/i18n.h - marks the messages a person reads, so that xgettext finds
 * them and gettext translates them (po/, docs/i18n.md).
 *
 * _("text") translates at the point of use; N_("text") only marks a string
 * kept in a table and translated where it is printed. Rule ids, field names,
 * paths, JSON keys and enum values are never marked.
 */
#ifndef PPREG_BASE_I18N_H
#define PPREG_BASE_I18N_H

#define _(s) (s)
#define N_(s) (s)

#endif
