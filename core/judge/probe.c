/*
 * judge/probe.c - a rehearsal of the plugins' entry points in a child.
 *
 * The scheduler isolates check() in workers; the other entry points (the
 * one dlopen() finds, setup(), teardown()) used to run in the process that
 * writes the report, where a plugin calling exit(0) made a failing check
 * exit 0, a crash exited 139 instead of 2, a loop never ended, and what
 * setup() printed went into a JSON report. The child runs each of them
 * once, telling the parent on a pipe which plugin and which step it is in;
 * the parent then knows what failed, and how, without running it itself.
 * The main process still loads the plugins afterwards, to read their
 * descriptors: a plugin that passes the rehearsal and behaves otherwise the
 * second time is malice, which plugin isolation does not claim to stop.
 */
#include "judge/probe.h"
#include "base/i18n.h"
#include "judge/platform_check.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The child's messages, one line each: "<step> <plugin index>" before a
 * step, "F <why>" for a refusal, "K" at the end. */
enum { STEP_LOAD = 'L', STEP_SETUP = 'S', STEP_TEARDOWN = 'T', STEP_FAILED = 'F', STEP_DONE = 'K' };

static void say(int fd, char step, size_t plugin, const char *why)
{
	char line[1200];
	int n = why ? snprintf(line, sizeof line, "%c %.1100s\n", step, why)
	            : snprintf(line, sizeof line, "%c %zu\n", step, plugin);
	if (n > 0 && write(fd, line, (size_t)n) != n)
		_exit(3);
}

/* In the child: the same load and setup as a run, then each teardown. */
static void rehearse(run *r, int fd)
{
	(void)dup2(STDERR_FILENO, STDOUT_FILENO);
	r->probe_fd = fd;
	if (run_load_plugins(r) < 0 || run_setup_plugins(r) < 0) {
		fflush(NULL);
		say(fd, STEP_FAILED, 0, error_last());
		_exit(1);
	}
	for (size_t i = 0; i < r->n_plugins; i++) {
		say(fd, STEP_TEARDOWN, i, NULL);
		plugin_unload(&r->plugins[i]);
	}
	fflush(NULL); /* what the plugins printed, to stderr, before the end is told */
	say(fd, STEP_DONE, 0, NULL);
	_exit(0);
}

void probe_step(const run *r, char step, size_t plugin)
{
	if (r->probe_fd >= 0)
		say(r->probe_fd, step, plugin, NULL);
}

/* What the parent heard: the last step begun, a refusal, the end. */
typedef struct {
	char step;
	size_t plugin;
	int done;
	char why[1200];
	char buf[4096];
	size_t len;
} heard;

static void hear(heard *h, const char *line)
{
	if (line[0] == STEP_FAILED && line[1] == ' ')
		snprintf(h->why, sizeof h->why, "%.1100s", line + 2);
	else if (line[0] == STEP_DONE)
		h->done = 1;
	else if (line[0] && line[1] == ' ')
		h->step = line[0], h->plugin = strtoul(line + 2, NULL, 10);
}

/* Reads the child's lines until it closes the pipe or runs out of time
 * (seconds since its last line). 1 on time, 0 when it ran out. */
static int listen_to(int fd, unsigned seconds, heard *h)
{
	struct pollfd p = {fd, POLLIN, 0};
	for (;;) {
		int ready = poll(&p, 1, (int)seconds * 1000);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready <= 0)
			return 0;
		ssize_t got = read(fd, h->buf + h->len, sizeof h->buf - 1 - h->len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return 1;
		h->len += (size_t)got;
		h->buf[h->len] = '\0';
		char *nl;
		while ((nl = strchr(h->buf, '\n'))) {
			*nl = '\0';
			hear(h, h->buf);
			h->len -= (size_t)(nl + 1 - h->buf);
			memmove(h->buf, nl + 1, h->len + 1);
		}
		if (h->len == sizeof h->buf - 1)
			h->len = 0; /* a line longer than any the child writes */
	}
}

static const char *step_name(char step)
{
	return step == STEP_SETUP ? "setup()" : step == STEP_TEARDOWN ? "teardown()" : _("its entry point");
}

int probe_plugins(run *r)
{
	int fds[2];
	if (pipe(fds) < 0)
		return error_set(_("cannot create a pipe: %s"), strerror(errno));
	fflush(NULL);
	pid_t parent = getpid(), pid = fork();
	if (pid < 0) {
		close(fds[0]), close(fds[1]);
		return error_set(_("cannot fork: %s"), strerror(errno));
	}
	if (pid == 0) {
		close(fds[0]);
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
			_exit(3);
		rehearse(r, fds[1]);
	}
	close(fds[1]);
	heard h = {.step = STEP_LOAD};
	int in_time = listen_to(fds[0], r->pol->plugin_seconds, &h);
	close(fds[0]);
	if (!in_time)
		kill(pid, SIGKILL);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (h.done && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (h.why[0])
		return error_set("%s", h.why);
	const char *name = h.plugin < r->pol->n_plugins ? r->pol->plugins[h.plugin].name : "?";
	if (!in_time)
		return error_set(_("plugin %s: %s did not finish within %u s"), name, step_name(h.step),
		                 r->pol->plugin_seconds);
	if (WIFSIGNALED(status))
		return error_set(_("plugin %s: %s crashed (signal %d, %s)"), name, step_name(h.step),
		                 WTERMSIG(status), strsignal(WTERMSIG(status)));
	return error_set(_("plugin %s: %s exited with status %d"), name, step_name(h.step),
	                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}
