/*
 * judge/core_rules.c - the rules the validator itself owns, before any plugin.
 *
 * They guard the reading of declarations: a plugin only ever sees documents
 * that passed them. Their ids are stable (docs/obligations.md, "core").
 */
#include "judge/run.h"
#include "judge/core_rules.h"
#include "base/i18n.h"

static const ppreg_rule rules[] = {
	{"core.yaml-syntax", PPREG_SEV_ERROR,
	 N_("every declaration file parses as one YAML 1.2 document"),
	 N_("ppreg registry format v1; needed to read any obligation of CSP L.1191-4 (draft)"),
	 N_("Fix the YAML at the line and column given; keep one document per file.")},
	{"core.duplicate-key", PPREG_SEV_ERROR,
	 N_("no mapping repeats a key (an ambiguous declaration is rejected)"),
	 N_("ppreg registry format v1"),
	 N_("Remove or merge the repeated key: YAML libraries disagree on which value wins.")},
	{"core.limits", PPREG_SEV_ERROR,
	 N_("file size, nesting depth, alias count and node count stay under the policy's limits"),
	 N_("ppreg registry format v1; policy `limits`"),
	 N_("Shorten the file, flatten its nesting or remove aliases; declarations are small.")},
	{"core.encoding", PPREG_SEV_ERROR,
	 N_("files are UTF-8 without NUL bytes"),
	 N_("ppreg registry format v1"),
	 N_("Save the file as UTF-8 (no UTF-16, no Latin-1) and remove control characters.")},
	{"core.tree-entry", PPREG_SEV_ERROR,
	 N_("a platform folder holds only regular files and folders: no symlink, submodule or executable bit"),
	 N_("ppreg registry format v1 (what is attested must be what is in the folder)"),
	 N_("Replace links and submodules by the files themselves; `git update-index --chmod=-x FILE`.")},
	{"core.unknown-field", PPREG_SEV_WARNING,
	 N_("a key the format does not define (warning; --strict makes it an error)"),
	 N_("ppreg registry format v1"),
	 N_("Check the key's spelling against docs/registry-format or remove it.")},
	{"core.type", PPREG_SEV_ERROR,
	 N_("a value has the type and format the format defines (dates, durations, enums, URLs, e-mails)"),
	 N_("ppreg registry format v1"),
	 N_("Write the value as the message says: dates YYYY-MM-DD, durations like P3Y, quoted identifiers.")},
	{"core.missing-file", PPREG_SEV_ERROR,
	 N_("each declaration file the policy lists is present in the platform folder"),
	 N_("CSP L.1191-4 (draft): registration, transparency, specification; policy `declaration_files`"),
	 N_("Add the file, starting with `format: ppreg/1`.")},
	{"core.plugin-error", PPREG_SEV_ERROR,
	 N_("a plugin crashed, aborted or exceeded its time or memory on this platform"),
	 N_("ppreg: a platform no plugin could fully judge is not compliant"),
	 N_("Report the plugin and the platform to the plugin's authors; the other plugins' findings stand.")},
	{"core.outside-change", PPREG_SEV_WARNING,
	 N_("a change (check --changed, a hook) touches files outside the platform folders and registry.yaml"),
	 N_("ppreg registry format v1: a registry holds registry.yaml and platforms/ only; policy `severity`"),
	 N_("Keep a platform's change inside platforms/<id>/; registry maintainers change other files "
	 "in a separate change (a policy can make this finding an error).")},
	{"core.authority-record", PPREG_SEV_WARNING,
	 N_("the authority's record (authority/authorizations.yaml) names only platforms the registry holds"),
	 N_("ppreg registry format v1, authority/ (docs/format.md): the record the authority keeps of the "
	 "authorizations it granted (draft L.1191-4 CSP)"),
	 N_("Correct the platform id in the authority's record, or remove the entry of a service that left "
	 "the registry.")},
};

const ppreg_rule *core_rules(size_t *n)
{
	*n = sizeof rules / sizeof *rules;
	return rules;
}
