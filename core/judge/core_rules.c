/*
 * judge/core_rules.c - the rules the validator itself owns, before any plugin.
 *
 * They guard the reading of declarations: a plugin only ever sees documents
 * that passed them. Their ids are stable (docs/obligations.md, "core").
 */
#include "judge/run.h"
#include "judge/core_rules.h"

static const ppreg_rule rules[] = {
	{"core.yaml-syntax", PPREG_SEV_ERROR,
	 "every declaration file parses as one YAML 1.2 document",
	 "ppreg registry format v1; needed to read any obligation of CSP L.1191-4 (draft)",
	 "Fix the YAML at the line and column given; keep one document per file."},
	{"core.duplicate-key", PPREG_SEV_ERROR,
	 "no mapping repeats a key (an ambiguous declaration is rejected)",
	 "ppreg registry format v1",
	 "Remove or merge the repeated key: YAML libraries disagree on which value wins."},
	{"core.limits", PPREG_SEV_ERROR,
	 "file size, nesting depth, alias count and node count stay under the policy's limits",
	 "ppreg registry format v1; policy `limits`",
	 "Shorten the file, flatten its nesting or remove aliases; declarations are small."},
	{"core.encoding", PPREG_SEV_ERROR,
	 "files are UTF-8 without NUL bytes",
	 "ppreg registry format v1",
	 "Save the file as UTF-8 (no UTF-16, no Latin-1) and remove control characters."},
	{"core.tree-entry", PPREG_SEV_ERROR,
	 "a platform folder holds only regular files and folders: no symlink, submodule or executable bit",
	 "ppreg registry format v1 (what is attested must be what is in the folder)",
	 "Replace links and submodules by the files themselves; `git update-index --chmod=-x FILE`."},
	{"core.unknown-field", PPREG_SEV_WARNING,
	 "a key the format does not define (warning; --strict makes it an error)",
	 "ppreg registry format v1",
	 "Check the key's spelling against docs/registry-format or remove it."},
	{"core.type", PPREG_SEV_ERROR,
	 "a value has the type and format the format defines (dates, durations, enums, URLs, e-mails)",
	 "ppreg registry format v1",
	 "Write the value as the message says: dates YYYY-MM-DD, durations like P3Y, quoted identifiers."},
	{"core.missing-file", PPREG_SEV_ERROR,
	 "each declaration file the policy lists is present in the platform folder",
	 "CSP L.1191-4 (draft): registration, transparency, specification; policy `declaration_files`",
	 "Add the file, starting with `format: ppreg/1`."},
	{"core.plugin-error", PPREG_SEV_ERROR,
	 "a plugin crashed, aborted or exceeded its time or memory on this platform",
	 "ppreg: a platform no plugin could fully judge is not compliant",
	 "Report the plugin and the platform to the plugin's authors; the other plugins' findings stand."},
	{"core.outside-change", PPREG_SEV_WARNING,
	 "a change (check --changed, a hook) touches files outside the platform folders and registry.yaml",
	 "ppreg registry format v1: a registry holds registry.yaml and platforms/ only; policy `severity`",
	 "Keep a platform's change inside platforms/<id>/; registry maintainers change other files "
	 "in a separate change (a policy can make this finding an error)."},
	{"core.authority-record", PPREG_SEV_WARNING,
	 "the authority's record (authority/authorizations.yaml) names only platforms the registry holds",
	 "ppreg registry format v1, authority/ (docs/format.md): the record the authority keeps of the "
	 "authorizations it granted (draft L.1191-4 CSP)",
	 "Correct the platform id in the authority's record, or remove the entry of a service that left "
	 "the registry."},
};

const ppreg_rule *core_rules(size_t *n)
{
	*n = sizeof rules / sizeof *rules;
	return rules;
}
