/*
 * judge/wire.h - what the scheduler and its workers say over their pipes.
 *
 * Tasks (scheduler to worker) are fixed-size records; results (worker to
 * scheduler) are length-prefixed records, read back with every length
 * checked. Both sides batch: a worker collects several results before one
 * write, and the scheduler parses as many records as one read brought, so a
 * platform does not cost a wake-up of each process (see judge.c).
 */
#ifndef PPREG_JUDGE_WIRE_H
#define PPREG_JUDGE_WIRE_H

#include "judge/run.h"

#include <stdint.h>

/* A growing byte buffer; `off` is how much of it has been consumed. */
typedef struct {
	unsigned char *v;
	size_t n, cap, off;
} wire_buf;

void wire_buf_free(wire_buf *b);

/* Platform `index`, judged with the plugins of bit mask `skip` left out. */
typedef struct {
	uint32_t index;
	unsigned long long skip;
} wire_task;

void wire_put_task(wire_buf *b, const wire_task *t);
/* 1: a task taken from b; 0: b holds no whole task. */
int wire_take_task(wire_buf *b, wire_task *t);

/* The largest platform_result.attachment a result carries; a larger one
 * is left out (the reader makes it again where it reads the result). */
#define WIRE_MAX_ATTACHMENT ((size_t)8 << 20)

/* Appends the result of platform `index` (rc: run_check_platform's). */
void wire_put_result(wire_buf *b, unsigned index, int rc, const char *error, const platform_result *p);
/* 1: a result taken from b (the caller frees error and p); 0: b holds no
 * whole result yet; -1: a malformed record (the worker is not to be trusted). */
int wire_take_result(wire_buf *b, unsigned *index, int *rc, char **error, platform_result *p);

/* Writes all of b to fd and empties it: 0, or -1 when the reader is gone. */
int wire_flush(int fd, wire_buf *b);
/* Appends what one read(2) of fd gives: 1 bytes came, 0 end of file, -1 error. */
int wire_fill(int fd, wire_buf *b);

#endif
