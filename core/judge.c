/*
 * judge.c - the scheduler: a pool of forked workers judging platforms.
 *
 * Why processes: plugins are third-party code run on hostile input. A
 * segfault, abort(), exit() or endless loop in one must cost one platform's
 * verdict from that plugin, not the run. Workers are forked after the
 * plugins are loaded (no reload cost), each takes platforms one at a time
 * from the scheduler over a pipe and sends the result back (judge_wire.c).
 * Before calling each plugin a worker writes the plugin's index into a slot
 * of shared memory; when the worker dies or overruns its time, that slot
 * names the culprit. The platform then gets a core.plugin-error finding and
 * is queued again with that plugin skipped, so the other plugins' findings
 * are still reported. Results are handed on in registry order (those that
 * arrive early wait for the ones before them): the output is the same for
 * any number of jobs, and a full check keeps only the results still waiting.
 *
 * Workers are replaced after RECYCLE_AFTER platforms, so a plugin that leaks
 * memory cannot grow one process without bound.
 */
#include "judge.h"
#include "judge_wire.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RECYCLE_AFTER 256
#define DEFAULT_TIMEOUT 30

typedef struct {
	size_t index;
	unsigned long long skip;
} task;

typedef struct {
	pid_t pid;
	int task_fd, result_fd;
	long busy;          /* index into the task list, -1 idle */
	unsigned done;
	long long deadline_ms;
} worker;

typedef struct {
	run *r;
	char *const *ids;
	judge_emit_fn emit;
	void *emit_ctx;
	platform_result **held; /* per platform: its result, while one before it is still out */
	size_t next;            /* the first platform not handed on yet */
	const judge_options *o;
	worker *w;
	size_t n_workers;
	volatile int *slots;
	task *queue;        /* pending tasks, FIFO */
	size_t q_head, q_tail, q_cap;
	task *running;      /* per worker: the task it holds */
	finding_list *crashes; /* per platform: core.plugin-error findings */
	size_t n;
} sched;

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static unsigned timeout_of(const sched *s)
{
	return s->o->timeout_seconds ? s->o->timeout_seconds :
	       s->r->pol->plugin_seconds ? s->r->pol->plugin_seconds : DEFAULT_TIMEOUT;
}

static void enqueue(sched *s, task t)
{
	if (s->q_tail == s->q_cap) {
		s->q_cap = s->q_cap ? s->q_cap * 2 : 64;
		s->queue = xrealloc(s->queue, s->q_cap * sizeof *s->queue);
	}
	s->queue[s->q_tail++] = t;
}

/* ---- the worker process ---- */

static void worker_main(run *r, char *const *ids, volatile int *slot, int task_fd, int result_fd)
{
	r->progress = slot;
	for (;;) {
		uint32_t idx;
		unsigned long long skip;
		if (read_full(task_fd, &idx, sizeof idx) < 0 || read_full(task_fd, &skip, sizeof skip) < 0)
			_exit(0);
		r->skip_plugins = skip;
		platform_result res;
		int rc = run_check_platform(r, ids[idx], &res);
		int sent = wire_send_result(result_fd, idx, rc, rc < 0 ? error_last() : "", &res);
		platform_result_free(&res);
		if (sent < 0)
			_exit(3);
	}
}

static int spawn(sched *s, size_t k)
{
	int tp[2], rp[2];
	if (pipe(tp) < 0)
		return error_set("cannot create a pipe: %s", strerror(errno));
	if (pipe(rp) < 0) {
		close(tp[0]), close(tp[1]);
		return error_set("cannot create a pipe: %s", strerror(errno));
	}
	fflush(stdout);
	fflush(stderr);
	s->slots[k] = -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(tp[0]), close(tp[1]), close(rp[0]), close(rp[1]);
		return error_set("cannot fork a worker: %s", strerror(errno));
	}
	if (pid == 0) {
		for (size_t j = 0; j < s->n_workers; j++) /* others' pipes: keep EOFs exact */
			if (j != k && s->w[j].pid > 0)
				close(s->w[j].task_fd), close(s->w[j].result_fd);
		close(tp[1]), close(rp[0]);
		signal(SIGPIPE, SIG_DFL);
		worker_main(s->r, s->ids, &s->slots[k], tp[0], rp[1]);
	}
	close(tp[0]), close(rp[1]);
	s->w[k] = (worker){pid, tp[1], rp[0], -1, 0, 0};
	return 0;
}

static void reap(sched *s, size_t k, int kill_it, int *status)
{
	worker *w = &s->w[k];
	if (kill_it)
		kill(w->pid, SIGKILL);
	close(w->task_fd);
	close(w->result_fd);
	*status = 0;
	while (waitpid(w->pid, status, 0) < 0 && errno == EINTR)
		;
	w->pid = 0;
	w->busy = -1;
}

static void describe_death(int status, int timed_out, unsigned timeout, char *out, size_t cap)
{
	if (timed_out)
		snprintf(out, cap, "did not finish within %u s", timeout);
	else if (WIFSIGNALED(status))
		snprintf(out, cap, "crashed (signal %d, %s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		snprintf(out, cap, "exited with status %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* A worker died or overran while holding a task: blame the plugin it was
 * running, note it on the platform, and queue the platform without it. */
static int worker_lost(sched *s, size_t k, int timed_out)
{
	task t = s->running[k];
	int plugin = s->slots[k], status;
	reap(s, k, timed_out, &status);
	char why[128];
	describe_death(status, timed_out, timeout_of(s),
	               why, sizeof why);
	if (plugin < 0 || (size_t)plugin >= s->r->n_plugins)
		return error_set("platforms/%s: the worker judging it %s outside any plugin", s->ids[t.index], why);
	const char *name = s->r->plugins[plugin].name;
	if (s->o->fail_on_plugin_error)
		return error_set("platforms/%s: plugin %s %s", s->ids[t.index], name, why);
	char *folder = xasprintf("platforms/%s", s->ids[t.index]);
	finding_sink sink = {&s->crashes[t.index], s->r->overrides, s->r->n_overrides, s->r->opts.strict};
	sink_add(&sink, "core.plugin-error", PPREG_SEV_ERROR, folder, 1, 1,
	         "plugin %s %s while judging this platform; its findings are missing", name, why);
	free(folder);
	t.skip |= 1ULL << plugin;
	enqueue(s, t);
	return 0;
}

/* Adds the platform's crash findings (core.plugin-error) to its result and
 * settles the verdict. */
static void merge_crashes(finding_list *c, platform_result *p)
{
	for (size_t j = 0; j < c->n; j++)
		findings_addv(&p->findings, c->v[j].rule, c->v[j].severity, c->v[j].file,
		              c->v[j].line, c->v[j].column, c->v[j].message);
	if (c->n) {
		findings_sort(&p->findings);
		if (p->verdict == VERDICT_COMPLIANT && findings_count(&p->findings, PPREG_SEV_ERROR))
			p->verdict = VERDICT_NON_COMPLIANT;
	}
	findings_free(c);
}

/* Hands a platform's final result on, with those after it that were
 * waiting for it; keeps it when one before it is still out. */
static int settle(sched *s, size_t idx, platform_result *res)
{
	merge_crashes(&s->crashes[idx], res);
	if (idx != s->next) {
		s->held[idx] = xmalloc(sizeof *res);
		*s->held[idx] = *res;
		return 0;
	}
	int rc = s->emit(s->emit_ctx, idx, res);
	platform_result_free(res);
	while (rc == 0 && ++s->next < s->n && s->held[s->next]) {
		platform_result *p = s->held[s->next];
		s->held[s->next] = NULL;
		rc = s->emit(s->emit_ctx, s->next, p);
		platform_result_free(p);
		free(p);
	}
	return rc;
}

static int receive(sched *s, size_t k)
{
	worker *w = &s->w[k];
	task t = s->running[k];
	unsigned idx;
	int rc;
	char *error = NULL;
	platform_result res = {0};
	if (wire_recv_result(w->result_fd, &idx, &rc, &error, &res) < 0 || idx != t.index) {
		free(error);
		platform_result_free(&res);
		return worker_lost(s, k, 0);
	}
	w->busy = -1;
	if (rc < 0) {
		error_set("%s", error);
		free(error);
		platform_result_free(&res);
		return -1;
	}
	free(error);
	res.id = display_text(s->ids[idx]);
	return settle(s, idx, &res);
}

static int dispatch(sched *s, size_t k)
{
	worker *w = &s->w[k];
	if (w->pid > 0 && w->done >= RECYCLE_AFTER) {
		int status;
		reap(s, k, 0, &status);
	}
	if (w->pid <= 0 && spawn(s, k) < 0)
		return -1;
	task t = s->queue[s->q_head++];
	uint32_t idx = (uint32_t)t.index;
	s->running[k] = t;
	w->busy = 1;
	w->done++;
	w->deadline_ms = now_ms() + (long long)timeout_of(s) * 1000;
	if (write_full(w->task_fd, &idx, sizeof idx) < 0 || write_full(w->task_fd, &t.skip, sizeof t.skip) < 0)
		return worker_lost(s, k, 0);
	return 0;
}

/* One round: give idle workers work, wait for a result or a deadline. */
static int step(sched *s)
{
	int rc = 0;
	for (size_t k = 0; k < s->n_workers && rc == 0; k++)
		if (s->w[k].busy < 0 && s->q_head < s->q_tail)
			rc = dispatch(s, k);
	/* allocated after dispatch() may fork, so no worker inherits them */
	struct pollfd *pfd = xcalloc(s->n_workers, sizeof *pfd);
	size_t *who = xcalloc(s->n_workers, sizeof *who), n = 0;
	long long next = -1, now = now_ms();
	for (size_t k = 0; k < s->n_workers && rc == 0; k++) {
		if (s->w[k].busy < 0)
			continue;
		pfd[n] = (struct pollfd){s->w[k].result_fd, POLLIN, 0};
		who[n++] = k;
		if (next < 0 || s->w[k].deadline_ms < next)
			next = s->w[k].deadline_ms;
	}
	if (rc == 0 && n) {
		int wait = next - now > 0 ? (int)(next - now) : 0;
		int ready = poll(pfd, n, wait);
		if (ready < 0 && errno != EINTR)
			rc = error_set("poll: %s", strerror(errno));
		for (size_t i = 0; i < n && rc == 0 && ready > 0; i++)
			if (pfd[i].revents)
				rc = receive(s, who[i]);
		now = now_ms();
		for (size_t i = 0; i < n && rc == 0; i++)
			if (s->w[who[i]].busy >= 0 && s->w[who[i]].pid > 0 && now >= s->w[who[i]].deadline_ms)
				rc = worker_lost(s, who[i], 1);
	}
	free(pfd);
	free(who);
	return rc;
}

static int busy_workers(const sched *s)
{
	for (size_t k = 0; k < s->n_workers; k++)
		if (s->w[k].busy >= 0)
			return 1;
	return 0;
}

/* Without isolation, in this process: for debuggers, and to measure what
 * isolation costs (PPREG_NO_ISOLATION=1; a crashing plugin then ends the run). */
static int judge_in_process(run *r, char *const *ids, size_t n, judge_emit_fn emit, void *ctx)
{
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		platform_result res;
		rc = run_check_platform(r, ids[i], &res);
		if (rc == 0)
			rc = emit(ctx, i, &res);
		platform_result_free(&res);
	}
	return rc;
}

int judge_platforms_each(run *r, char *const *ids, size_t n, const judge_options *o,
                         judge_emit_fn emit, void *ctx)
{
	if (n == 0)
		return 0;
	const char *no_iso = getenv("PPREG_NO_ISOLATION");
	if (no_iso && *no_iso == '1')
		return judge_in_process(r, ids, n, emit, ctx);
	long jobs = o->jobs > 0 ? o->jobs : sysconf(_SC_NPROCESSORS_ONLN);
	if (jobs < 1)
		jobs = 1;
	if ((size_t)jobs > n)
		jobs = (long)n;
	sched s = {.r = r, .ids = ids, .emit = emit, .emit_ctx = ctx, .o = o, .n_workers = (size_t)jobs, .n = n};
	s.slots = mmap(NULL, (size_t)jobs * sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (s.slots == MAP_FAILED)
		return error_set("cannot map shared memory: %s", strerror(errno));
	s.w = xcalloc(s.n_workers, sizeof *s.w);
	s.running = xcalloc(s.n_workers, sizeof *s.running);
	s.crashes = xcalloc(n, sizeof *s.crashes);
	s.held = xcalloc(n, sizeof *s.held);
	for (size_t k = 0; k < s.n_workers; k++)
		s.w[k].busy = -1;
	for (size_t i = 0; i < n; i++)
		enqueue(&s, (task){i, 0});
	void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
	int rc = 0;
	while (rc == 0 && (s.q_head < s.q_tail || busy_workers(&s)))
		rc = step(&s);
	for (size_t k = 0; k < s.n_workers; k++) {
		int status;
		if (s.w[k].pid > 0)
			reap(&s, k, rc < 0, &status);
	}
	signal(SIGPIPE, old_pipe);
	for (size_t i = 0; i < n; i++) { /* left by a failure */
		findings_free(&s.crashes[i]);
		if (s.held[i])
			platform_result_free(s.held[i]);
		free(s.held[i]);
	}
	munmap((void *)s.slots, (size_t)jobs * sizeof(int));
	free(s.w);
	free(s.running);
	free(s.crashes);
	free(s.held);
	free(s.queue);
	return rc;
}

/* Into an array: the result of platform i moves to results[i]. */
static int keep_result(void *ctx, size_t index, platform_result *res)
{
	platform_result *results = ctx;
	results[index] = *res;
	memset(res, 0, sizeof *res);
	return 0;
}

int judge_platforms(run *r, char *const *ids, size_t n, const judge_options *o,
                    platform_result *results)
{
	memset(results, 0, n * sizeof *results);
	int rc = judge_platforms_each(r, ids, n, o, keep_result, results);
	for (size_t i = 0; i < n; i++) /* every slot names its platform, even after a failure */
		if (!results[i].id)
			results[i].id = display_text(ids[i]);
	return rc;
}
