/*
 * fuzz_statement.c - fuzz target for the statement an attestation carries:
 * statement_read() on payload bytes, as `ppreg verify` does once the
 * signature verified. A signed payload is trusted only as far as it parses
 * strictly, so this is fuzzed on its own (the fuzzer cannot sign).
 *
 * Input: the payload's bytes (an in-toto Statement v1 JSON).
 */
#include "fuzz_env.h"
#include "attest/statement.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	statement_view v;
	memset(&v, 0, sizeof v);
	if (statement_read(&v, data, size, "2026-11-23") == 0) {
		if (!v.platform || !v.commit || !v.content_sha256 || !v.valid_until)
			__builtin_trap(); /* accepted without what verify compares */
	}
	statement_view_free(&v);
	return 0;
}
