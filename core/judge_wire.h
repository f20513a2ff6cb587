/*
 * judge_wire.h - how a worker sends a platform's result to the scheduler:
 * length-prefixed fields over a pipe, read back with every length checked.
 */
#ifndef PPREG_JUDGE_WIRE_H
#define PPREG_JUDGE_WIRE_H

#include "run.h"

/* Sends the result of platform `index` (rc: run_check_platform's). */
int wire_send_result(int fd, unsigned index, int rc, const char *error, const platform_result *p);
/* Reads one result; -1 on EOF or a malformed message (the worker died). */
int wire_recv_result(int fd, unsigned *index, int *rc, char **error, platform_result *p);

int write_full(int fd, const void *buf, size_t n);
int read_full(int fd, void *buf, size_t n);

#endif
