/*
 * evidence.h - a claim is worth the document behind it: the reading of an
 * evidence item {path, sha256} the plugins that file documents share (the
 * static library plugin_evidence, plugins/lib), so that a document holds or
 * fails alike under every rule that names one. It judges; the plugin
 * reports, under its own rule id written where it reports.
 */
#ifndef PPREG_PLUGIN_EVIDENCE_H
#define PPREG_PLUGIN_EVIDENCE_H

#include "ppreg/plugin.h"

/* Judges the evidence map `item`: it holds only when `path` names a regular
 * file under the platform's evidence/ folder, at the same revision, whose
 * bytes give exactly the declared `sha256`. Returns 1 with a finding's
 * message in msg (NUL-terminated, cut to size) and the node it belongs at
 * in *at; 0 when it holds, or when a field is missing or mistyped (the
 * core reported it); -1 after api->fail() (the file could not be read). */
int evidence_judge(ppreg_check *c, const ppreg_node *item, const ppreg_node **at, char *msg, size_t size);

#endif /* PPREG_PLUGIN_EVIDENCE_H */
