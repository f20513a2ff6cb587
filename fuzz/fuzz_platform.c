/*
 * fuzz_platform.c - fuzz target for a whole platform check: the core's rules and
 * every real plugin of the model policy, on declaration files made from the
 * input, read from a scratch registry with --worktree (the path of
 * `ppreg check --worktree`); then every reporter on the result, with the
 * JSON ones parsed back.
 *
 * Input: byte 0 is a mask over the policy's declaration files (bit i: file i
 * comes from the input; otherwise it is entraide-sante's compliant file, so
 * the fuzzer can break one file of an otherwise compliant platform). The
 * rest is split on the line "#%%" into the selected files in order; a
 * selected file with no part left is absent from the folder. Bit 7 of
 * byte 0 also runs the reporters (a fifth of the time of a check).
 */
#define _GNU_SOURCE /* memmem */
#include "fuzz_env.h"
#include "report/report.h"
#include "judge/platform_check.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SEPARATOR "\n#%%\n"

/* The next part of the input, up to the separator or the end. */
static int next_part(const uint8_t **p, const uint8_t *end, const uint8_t **part, size_t *len)
{
	if (!*p)
		return 0;
	const uint8_t *sep = memmem(*p, (size_t)(end - *p), SEPARATOR, strlen(SEPARATOR));
	*part = *p;
	*len = (size_t)((sep ? sep : end) - *p);
	*p = sep ? sep + strlen(SEPARATOR) : NULL;
	return 1;
}

static void place_files(run *r, const uint8_t *data, size_t size)
{
	const char *dir = fuzz_env_platform_dir();
	const uint8_t *p = data + 1, *end = data + size;
	for (size_t i = 0; i < r->pol->n_files; i++) {
		const char *name = r->pol->files[i];
		const uint8_t *part;
		size_t len;
		if (!(data[0] >> i & 1)) {
			unsigned char *ex;
			if (fuzz_env_example_file(name, &ex, &len) < 0)
				abort();
			fuzz_write(dir, name, ex, len);
			free(ex);
		} else if (next_part(&p, end, &part, &len)) {
			fuzz_write(dir, name, part, len);
		} else {
			char path[600];
			snprintf(path, sizeof path, "%s/%s", dir, name);
			unlink(path);
		}
	}
}

/* Every format must write, and the JSON ones must parse back. */
static void report_all(run *r, platform_result *res)
{
	static const char *formats[] = {"text", "json", "tap", "sarif", "junit", "github"};
	report rep = {.run = r, .registry_path = "fuzz", .commit = "", .as_of = "2026-11-23",
	              .platforms = res, .n_platforms = 1};
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		const report_format *fmt = report_format_named(formats[i]);
		if (!fmt)
			continue;
		char *buf = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&buf, &len);
		if (!out)
			abort();
		(void)report_write(out, &rep, fmt);
		if (fclose(out) != 0)
			abort();
		if (!strcmp(formats[i], "json") || !strcmp(formats[i], "sarif")) {
			json_error_t err;
			json_t *j = json_loadb(buf, len, 0, &err);
			if (!j) {
				fprintf(stderr, "%s output is not JSON: %s\n%s\n", formats[i], err.text, buf);
				__builtin_trap();
			}
			json_decref(j);
		}
		free(buf);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run *r = fuzz_env_run();
	if (size < 1)
		return 0;
	place_files(r, data, size);
	platform_result res;
	if (run_check_platform(r, FUZZ_PLATFORM, &res) < 0) {
		/* Only a plugin failure may stop a check, and only on the policy
		 * (never on a declaration): that would be a plugin bug. */
		fprintf(stderr, "check failed: %s\n", error_last());
		__builtin_trap();
	}
	if (data[0] & 0x80)
		report_all(r, &res);
	platform_result_free(&res);
	return 0;
}
