/*
 * judge/core_rules.h - the rules the validator itself owns (core.*), listed with the
 * plugins' in every catalogue.
 */
#ifndef PPREG_CORE_RULES_H
#define PPREG_CORE_RULES_H

#include "ppreg/plugin.h"

#include <stddef.h>

/* The core's rules, in catalogue order; *n is their number. */
const ppreg_rule *core_rules(size_t *n);

#endif
