/*
 * fuzz_env.h - what the fuzz harnesses share: a real run (the model policy
 * and the real plugins of the build tree) over a scratch registry folder
 * read with --worktree, and small file helpers.
 */
#ifndef PPREG_FUZZ_ENV_H
#define PPREG_FUZZ_ENV_H

#include <stddef.h>
#include <stdint.h>

#include "judge/run.h"

/* The platform id every harness writes into. */
#define FUZZ_PLATFORM "fuzzed"

/* The run over the scratch registry, opened on first use (exits 1 when the
 * environment is broken: no plugins built, no policy). */
run *fuzz_env_run(void);
/* The scratch platform folder: <tmp>/platforms/fuzzed. */
const char *fuzz_env_platform_dir(void);
/* A file of the example registry's entraide-sante, read once. */
int fuzz_env_example_file(const char *name, unsigned char **data, size_t *len);

/* Writes `len` bytes to dir/name (creating or truncating it); exits on
 * failure, which can only be the environment's. */
void fuzz_write(const char *dir, const char *name, const void *data, size_t len);

/* The function libFuzzer calls, which each harness defines: declared here
 * for -Wmissing-prototypes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
