/*
 * judge/judge.c - the scheduler: a pool of forked workers judging platforms.
 *
 * Why processes: plugins are third-party code run on hostile input. A
 * segfault, abort(), exit() or endless loop in one must cost one platform's
 * verdict from that plugin, not the run. Workers are forked after the
 * plugins are loaded (no reload cost) and judge the platforms the scheduler
 * sends them over a pipe, sending results back (wire.c).
 *
 * Why batches: handing one platform at a time to a worker and waiting for
 * its answer put both processes to sleep and woke them again for every
 * platform, and on a virtual machine those wake-ups cost a large part of
 * what a check adds to the raw parse (docs/benchmark.md). So each worker
 * holds a window of up to WINDOW platforms it has been sent but not
 * answered, always has the next one queued, and writes its results
 * FLUSH_EVERY at a time, or when it runs out of work.
 *
 * Blame: before judging a platform a worker writes its index and the start
 * time into a slot of shared memory, and before calling each plugin that
 * plugin's index. When the worker dies, or overruns the time a platform may
 * take, the slot names the platform and the culprit. That platform gets a
 * core.plugin-error finding and is queued again with the plugin skipped, so
 * the other plugins' findings are still reported; the other platforms the
 * worker held are queued again as they were (any results it had not yet
 * written are judged anew). Results are handed on in registry order (those
 * that arrive early wait for the ones before them): the output is the same
 * for any number of jobs, and a full check keeps only the results still
 * waiting.
 *
 * Memory: a worker may take limits.plugin_memory_mb of data (RLIMIT_DATA,
 * above what it holds when forked), so a plugin that allocates without end
 * on one platform fails there, in its worker, as a crash. A worker whose
 * resident memory passes half of that, from a plugin that leaks a little
 * on every platform, answers what it has judged and retires; and every
 * worker is replaced after RECYCLE_AFTER platforms, which bounds what
 * libgit2's caches (delta bases, objects) hold. A new worker starts with
 * them cold, yet how often workers are replaced changed the time by no
 * more than noise while the peak memory grew with the number of platforms
 * between replacements (docs/benchmark.md): memory decides RECYCLE_AFTER.
 */
#include "judge/judge.h"
#include "base/i18n.h"
#include "judge/wire.h"
#include "judge/digest_memo.h"
#include "judge/platform_check.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WINDOW 64        /* platforms sent to a worker and not answered yet */
#define FLUSH_EVERY 16   /* results a worker collects before one write */
#define RECYCLE_AFTER 512
#define DEFAULT_TIMEOUT 30

/* Shared between a worker (writer) and the scheduler (reader). */
typedef struct {
	volatile int plugin;           /* the plugin being called, -1 between plugins */
	_Atomic uint32_t platform;     /* the platform being judged... */
	_Atomic long long started_ms;  /* ...since then; 0 between platforms */
	volatile int retired;          /* it left on its own, over its memory */
	/* per plugin, the platforms it finished in this place, ever: a
	 * timeout after one of them is not "in a row" with the one before */
	_Atomic uint32_t finished[POLICY_MAX_PLUGINS];
} worker_slot;

typedef struct {
	pid_t pid;            /* 0: no worker in this place */
	int task_fd;          /* -1 once the worker is told to finish */
	int result_fd;
	wire_task flight[WINDOW]; /* sent and not answered, in the order sent */
	size_t f_head, f_n;
	unsigned sent;        /* platforms sent to this worker */
	wire_buf in;          /* bytes read from result_fd, not parsed yet */
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
	worker_slot *slots;
	wire_task *queue;       /* pending tasks: queue[q_head..q_tail) */
	size_t q_head, q_tail, q_cap;
	finding_list *crashes;  /* per platform: core.plugin-error findings */
	size_t n;
	/* Per plugin, the platforms it ran out of time on since it last
	 * finished one; past the policy's number it is given up (a bit of
	 * given_up) and no longer run: a plugin that loops on every platform
	 * would otherwise cost its time limit times the number of platforms. */
	unsigned timeouts_in_a_row[POLICY_MAX_PLUGINS];
	uint64_t finished_at_timeout[POLICY_MAX_PLUGINS]; /* finished_total() at the last one */
	unsigned long long given_up;
	/* step()'s poll set, one place per worker. Here rather than on
	 * run_workers()'s stack: a worker forked from inside step() still
	 * points at it through the scheduler, so valgrind does not count what
	 * the worker inherited and never frees as lost. */
	struct pollfd *pfd;
	size_t *who;
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

static void enqueue(sched *s, wire_task t)
{
	if (s->q_tail == s->q_cap) {
		s->q_cap = s->q_cap ? s->q_cap * 2 : 64;
		s->queue = xrealloc(s->queue, s->q_cap * sizeof *s->queue);
	}
	s->queue[s->q_tail++] = t;
}

/* A platform taken back from a lost worker goes first, so the results
 * after it that already arrived do not wait long. */
static void enqueue_front(sched *s, wire_task t)
{
	if (s->q_head == 0) {
		enqueue(s, t); /* makes room */
		s->q_tail--;
		memmove(s->queue + 1, s->queue, s->q_tail * sizeof *s->queue);
		s->q_tail++;
	} else {
		s->q_head--;
	}
	s->queue[s->q_head] = t;
}

static wire_task *flight_at(worker *w, size_t i)
{
	return &w->flight[(w->f_head + i) % WINDOW];
}

/* ---- the worker process ---- */

static void judge_one(run *r, char *const *ids, worker_slot *slot, const wire_task *t, wire_buf *out)
{
	atomic_store(&slot->platform, t->index);
	atomic_store(&slot->started_ms, now_ms());
	r->skip_plugins = t->skip;
	platform_result res;
	int rc = run_check_platform(r, ids[t->index], &res);
	atomic_store(&slot->started_ms, 0);
	wire_put_result(out, t->index, rc, rc < 0 ? error_last() : "", &res);
	platform_result_free(&res);
}

/* Raises nothing, lowers `resource` to `bytes` when that is under its hard
 * limit. Best effort: without it, only the retiring guards. */
static void lower_limit(int resource, rlim_t bytes)
{
	struct rlimit rl;
	if (getrlimit(resource, &rl) == 0 && (rl.rlim_max == RLIM_INFINITY || bytes < rl.rlim_max)) {
		rl.rlim_cur = bytes;
		(void)setrlimit(resource, &rl);
	}
}

/* The worker's share of memory: what it already holds plus the policy's
 * allowance (an absolute limit would refuse a sanitizer's reservations),
 * for the heap and private mappings (RLIMIT_DATA) and for the whole
 * address space (RLIMIT_AS), which also bounds shared mappings: a plugin
 * could otherwise take memory without end through mmap(MAP_SHARED). */
static void limit_memory(unsigned allowance_mb)
{
	long size = 0, data = 0, page = sysconf(_SC_PAGESIZE); /* statm: 1st and 6th fields, in pages */
	FILE *f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%ld %*s %*s %*s %*s %ld", &size, &data) != 2)
			size = data = 0;
		fclose(f);
	}
	rlim_t page_bytes = (rlim_t)(page > 0 ? page : 4096), allowance = (rlim_t)allowance_mb << 20;
	lower_limit(RLIMIT_DATA, (rlim_t)data * page_bytes + allowance);
	if (size > 0)
		lower_limit(RLIMIT_AS, (rlim_t)size * page_bytes + allowance);
}

/* Whether the worker's resident memory passed half the allowance. */
static int over_memory(unsigned allowance_mb)
{
	struct rusage ru; /* ru_maxrss is in KiB */
	return getrusage(RUSAGE_SELF, &ru) == 0 && ru.ru_maxrss > (long)allowance_mb * 512;
}

static void worker_main(run *r, char *const *ids, worker_slot *slot, int task_fd, int result_fd)
{
	r->progress = &slot->plugin;
	r->finished = slot->finished;
	struct stat st;
	if (fstat(result_fd, &st) < 0)
		_exit(3);
	r->result_fd = result_fd;
	r->result_dev = (unsigned long long)st.st_dev;
	r->result_ino = (unsigned long long)st.st_ino;
	/* setup() runs here, in each worker, not in the scheduler: the probe
	 * tried it already, and a plugin that fails now ends this worker
	 * alone, blamed through the slot (worker_lost()) */
	if (run_setup_plugins(r) < 0)
		_exit(3);
	limit_memory(r->pol->plugin_memory_mb);
	wire_buf in = {0}, out = {0};
	unsigned collected = 0;
	for (;;) {
		wire_task t;
		if (!wire_take_task(&in, &t)) {
			/* about to wait for work: hand on what is done first */
			if (wire_flush(result_fd, &out) < 0)
				_exit(3);
			collected = 0;
			int got = wire_fill(task_fd, &in);
			if (got <= 0) /* end of file: the scheduler has no more for this worker */
				_exit(got == 0 ? 0 : 3);
			continue;
		}
		judge_one(r, ids, slot, &t, &out);
		if (over_memory(r->pol->plugin_memory_mb)) { /* the scheduler queues the rest again */
			int sent = wire_flush(result_fd, &out);
			slot->retired = 1;
			_exit(sent < 0 ? 3 : 0);
		}
		if (++collected == FLUSH_EVERY) {
			if (wire_flush(result_fd, &out) < 0)
				_exit(3);
			collected = 0;
		}
	}
}

/* The workers of the run under way, for the handler below. */
static worker *volatile running_workers;
static volatile size_t n_running_workers;

/* SIGTERM, SIGINT or SIGHUP while workers run: each worker's group is
 * killed (a terminal's Ctrl-C reaches only the scheduler's group, and a
 * plugin's own children would outlive a worker killed alone), then the
 * signal is taken as if no handler had been set. Async-signal-safe. */
static int spawn(sched *s, size_t k)
{
	int tp[2], rp[2];
	if (pipe(tp) < 0)
		return error_set(_("cannot create a pipe: %s"), strerror(errno));
	if (pipe(rp) < 0) {
		close(tp[0]), close(tp[1]);
		return error_set(_("cannot create a pipe: %s"), strerror(errno));
	}
	/* Every stream, the report's temporary file included: a worker inherits
	 * the buffers, and a plugin that calls exit() there (or valgrind's
	 * libc clean-up when a worker ends) would write what they hold again. */
	fflush(NULL);
	s->slots[k].plugin = -1;
	s->slots[k].retired = 0;
	atomic_store(&s->slots[k].started_ms, 0);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		close(tp[0]), close(tp[1]), close(rp[0]), close(rp[1]);
		return error_set(_("cannot fork a worker: %s"), strerror(errno));
	}
	if (pid == 0) {
		/* The worker leads a process group of its own, which is killed
		 * whole: what a plugin starts dies with the worker. It dies with
		 * the scheduler too, even one killed without a chance to clean up
		 * (a scheduler already gone before prctl() is seen by getppid()). */
		(void)setpgid(0, 0);
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
			_exit(3);
		running_workers = NULL; /* a worker's stop_workers() kills no one else */
		for (size_t j = 0; j < s->n_workers; j++) { /* others' pipes: keep EOFs exact */
			if (j == k || s->w[j].pid <= 0)
				continue;
			if (s->w[j].task_fd >= 0)
				close(s->w[j].task_fd);
			close(s->w[j].result_fd);
		}
		close(tp[1]), close(rp[0]);
		/* The report is the scheduler's, on its stdout, written at the
		 * end: what a plugin prints goes to stderr instead of into it
		 * (a failed dup2 leaves stdout as it was, no worse than before). */
		(void)dup2(STDERR_FILENO, STDOUT_FILENO);
		signal(SIGPIPE, SIG_DFL);
		worker_main(s->r, s->ids, &s->slots[k], tp[0], rp[1]);
	}
	(void)setpgid(pid, pid); /* the same from this side: no window where a kill misses it */
	close(tp[0]), close(rp[1]);
	s->w[k] = (worker){.pid = pid, .task_fd = tp[1], .result_fd = rp[0]};
	return 0;
}

/* Tells the worker it gets no more platforms: it exits once it has
 * answered those it holds. */
static void finish(worker *w)
{
	if (w->task_fd >= 0)
		close(w->task_fd);
	w->task_fd = -1;
}

static void reap(worker *w, int kill_it, int *status)
{
	if (kill_it)
		kill(-w->pid, SIGKILL), kill(w->pid, SIGKILL);
	finish(w);
	close(w->result_fd);
	/* The worker's end, then its group killed, then the worker reaped:
	 * while it is a zombie its pid, and so its group's id, cannot be
	 * given to another process, and whatever a plugin left running in
	 * the group is killed, not left to run on after the check. */
	siginfo_t info;
	while (waitid(P_PID, (id_t)w->pid, &info, WEXITED | WNOWAIT) < 0 && errno == EINTR)
		;
	kill(-w->pid, SIGKILL);
	*status = 0;
	while (waitpid(w->pid, status, 0) < 0 && errno == EINTR)
		;
	wire_buf_free(&w->in);
	w->pid = 0;
	w->f_n = 0;
}

static void describe_death(int status, int timed_out, unsigned timeout, char *out, size_t cap)
{
	if (timed_out)
		snprintf(out, cap, _("did not finish within %u s"), timeout);
	else if (WIFSIGNALED(status))
		snprintf(out, cap, _("crashed (signal %d, %s)"), WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		snprintf(out, cap, _("exited with status %d"), WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* The platform the slot says was being judged, if the worker holds it. */
static long culprit_of(worker *w, const worker_slot *slot)
{
	if (atomic_load(&slot->started_ms) == 0)
		return -1;
	uint32_t platform = atomic_load(&slot->platform);
	for (size_t i = 0; i < w->f_n; i++)
		if (flight_at(w, i)->index == platform)
			return (long)i;
	return -1;
}

/* The platforms a worker holds unanswered, in the order they were sent. */
static size_t held_by(worker *w, wire_task held[WINDOW])
{
	for (size_t i = 0; i < w->f_n; i++)
		held[i] = *flight_at(w, i);
	return w->f_n;
}

static void queue_again(sched *s, const wire_task *held, size_t n)
{
	for (size_t i = n; i-- > 0;)
		enqueue_front(s, held[i]);
}

/* A worker died, overran or sent garbage: blame the plugin it was running,
 * note it on the platform, and queue that platform again without it and
 * the others the worker held as they were. */
/* How many platforms a plugin finished in time, over every worker. */
static uint64_t finished_total(const sched *s, int plugin)
{
	uint64_t n = 0;
	for (size_t k = 0; k < s->n_workers; k++)
		n += atomic_load(&s->slots[k].finished[plugin]);
	return n;
}

/* A plugin ran out of time: in a row with its last timeout when it
 * finished no platform since, in any worker; given up at the policy's
 * number. Counted as the workers go, not as their results arrive, which
 * they hold back in batches. */
static void count_timeout(sched *s, int plugin)
{
	uint64_t finished = finished_total(s, plugin);
	if (finished != s->finished_at_timeout[plugin])
		s->timeouts_in_a_row[plugin] = 0;
	s->finished_at_timeout[plugin] = finished;
	if (++s->timeouts_in_a_row[plugin] >= s->r->pol->plugin_timeouts_in_a_row)
		s->given_up |= 1ULL << plugin;
}

static int worker_lost(sched *s, size_t k, int timed_out)
{
	worker *w = &s->w[k];
	worker_slot *slot = &s->slots[k];
	int plugin = slot->plugin, status;
	long culprit = culprit_of(w, slot);
	wire_task held[WINDOW];
	size_t n_held = held_by(w, held);
	reap(w, 1, &status);
	char why[128];
	describe_death(status, timed_out, timeout_of(s), why, sizeof why);
	if (plugin >= 0 && (size_t)plugin < s->r->n_plugins && culprit < 0)
		return error_set(_("plugin %s: a worker %s in setup()"), s->r->plugins[plugin].name, why);
	if (n_held == 0)
		return error_set(_("a worker %s between platforms"), why);
	if (culprit < 0 || plugin < 0 || (size_t)plugin >= s->r->n_plugins || plugin >= POLICY_MAX_PLUGINS)
		return error_set(_("platforms/%s: the worker judging it %s outside any plugin"),
		                 s->ids[held[culprit < 0 ? 0 : culprit].index], why);
	wire_task *t = &held[culprit];
	const char *name = s->r->plugins[plugin].name;
	if (s->o->fail_on_plugin_error)
		return error_set(_("platforms/%s: plugin %s %s"), s->ids[t->index], name, why);
	/* Not through the policy's severities: a platform a plugin did not
	 * judge is never compliant, whatever a policy says of this rule. */
	char *folder = path_join("platforms", s->ids[t->index]);
	char *message = xasprintf(_("plugin %s %s while judging this platform; its findings are missing"),
	                          name, why);
	findings_addv(&s->crashes[t->index], "core.plugin-error", PPREG_SEV_ERROR, folder, 1, 1, message);
	free(message);
	free(folder);
	if (timed_out)
		count_timeout(s, plugin);
	t->skip |= 1ULL << plugin;
	queue_again(s, held, n_held);
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

/* The plugins given up since task t was queued are skipped on it, and its
 * platform gets a core.plugin-error for each (not through the policy's
 * severities: the platform was not judged by them). */
static void skip_given_up(sched *s, wire_task *t)
{
	unsigned long long newly = s->given_up & ~t->skip;
	for (size_t p = 0; newly && p < s->r->n_plugins && p < POLICY_MAX_PLUGINS; p++) {
		if (!((newly >> p) & 1))
			continue;
		char *folder = path_join("platforms", s->ids[t->index]);
		char *message = xasprintf(_("plugin %s was not run: it did not finish within %u s on %u platforms "
		                          "in a row; its findings are missing"), s->r->plugins[p].name,
		                          timeout_of(s), s->r->pol->plugin_timeouts_in_a_row);
		findings_addv(&s->crashes[t->index], "core.plugin-error", PPREG_SEV_ERROR, folder, 1, 1, message);
		free(message);
		free(folder);
	}
	t->skip |= newly;
}

/* Settles the results one read brought: 1 more may come, 0 none (taken
 * care of), ERR_FAIL a failure. */
static int take_results(sched *s, size_t k)
{
	worker *w = &s->w[k];
	for (;;) {
		unsigned idx;
		int rc;
		char *error = NULL;
		platform_result res = {0};
		int got = wire_take_result(&w->in, &idx, &rc, &error, &res);
		if (got == 0)
			return 1;
		if (got < 0 || w->f_n == 0 || idx != flight_at(w, 0)->index) {
			free(error);
			platform_result_free(&res);
			return worker_lost(s, k, 0);
		}
		w->f_head = (w->f_head + 1) % WINDOW;
		w->f_n--;
		if (rc < 0) {
			error_set("%s", error);
			free(error);
			platform_result_free(&res);
			return ERR_FAIL;
		}
		free(error);
		/* what this worker hashed, the workers forked from now on know */
		for (size_t i = 0; i < res.n_learned; i++)
			digest_memo_put(&s->r->digests, res.learned[i].oid, res.learned[i].oid_len, res.learned[i].sha256);
		res.id = display_text(s->ids[idx]);
		if (settle(s, idx, &res) < 0)
			return ERR_FAIL;
	}
}

static int receive(sched *s, size_t k)
{
	worker *w = &s->w[k];
	int got = wire_fill(w->result_fd, &w->in);
	if (got > 0) {
		int rc = take_results(s, k);
		return rc < 0 ? ERR_FAIL : 0;
	}
	if (got < 0 || (w->f_n > 0 && !s->slots[k].retired)) /* died holding platforms */
		return worker_lost(s, k, 0);
	wire_task held[WINDOW]; /* done, as told (finish()), or retired */
	size_t n_held = held_by(w, held);
	int status;
	reap(w, 0, &status);
	queue_again(s, held, n_held);
	return 0;
}

/* How many platforms a worker may hold: WINDOW while there is plenty of
 * work, fewer towards the end, so that every worker gets a share. */
static size_t window_of(const sched *s)
{
	size_t share = (s->q_tail - s->q_head) / (2 * s->n_workers);
	return share < 1 ? 1 : share > WINDOW ? WINDOW : share;
}

/* Tops the worker's window up from the queue, in one write. */
static int dispatch(sched *s, size_t k)
{
	worker *w = &s->w[k];
	if (s->q_head == s->q_tail || (w->pid > 0 && w->task_fd < 0))
		return 0;
	size_t limit = window_of(s);
	if (w->f_n >= limit)
		return 0;
	if (w->pid <= 0 && spawn(s, k) < 0)
		return ERR_FAIL;
	wire_buf out = {0};
	while (w->f_n < limit && s->q_head < s->q_tail && w->sent < RECYCLE_AFTER) {
		wire_task t = s->queue[s->q_head++];
		skip_given_up(s, &t);
		*flight_at(w, w->f_n++) = t;
		w->sent++;
		wire_put_task(&out, &t);
	}
	int rc = wire_flush(w->task_fd, &out);
	wire_buf_free(&out);
	if (rc < 0 || w->sent == RECYCLE_AFTER)
		finish(w); /* a worker gone: its end of file tells why (receive()) */
	return 0;
}

/* When the scheduler must look at worker k again without hearing from it:
 * when the platform it judges runs out of time, or, between platforms,
 * one time limit from now (it may start one at any moment). -1: never. */
static long long deadline_of(const sched *s, size_t k, long long now)
{
	if (s->w[k].pid <= 0 || s->w[k].f_n == 0)
		return -1;
	long long started = atomic_load(&s->slots[k].started_ms);
	return (started ? started : now) + (long long)timeout_of(s) * 1000;
}

/* Whether worker k has judged one platform for longer than it may. */
static int overdue(const sched *s, size_t k, long long now)
{
	long long d = deadline_of(s, k, now);
	return d >= 0 && atomic_load(&s->slots[k].started_ms) && now >= d;
}

/* One round: top workers up, wait for results or a deadline. */
static int step(sched *s)
{
	struct pollfd *pfd = s->pfd;
	size_t *who = s->who;
	int rc = 0;
	for (size_t k = 0; k < s->n_workers && rc == 0; k++)
		rc = dispatch(s, k);
	size_t n = 0;
	long long wake = -1, now = now_ms();
	for (size_t k = 0; k < s->n_workers && rc == 0; k++) {
		if (s->w[k].pid <= 0)
			continue;
		pfd[n] = (struct pollfd){s->w[k].result_fd, POLLIN, 0};
		who[n++] = k;
		long long d = deadline_of(s, k, now);
		if (d >= 0 && (wake < 0 || d < wake))
			wake = d;
	}
	if (rc < 0 || n == 0)
		return rc;
	int ready = poll(pfd, n, wake < 0 ? -1 : wake > now ? (int)(wake - now) : 0);
	if (ready < 0 && errno != EINTR)
		return error_set(_("poll: %s"), strerror(errno));
	for (size_t i = 0; i < n && rc == 0 && ready > 0; i++)
		if (pfd[i].revents)
			rc = receive(s, who[i]);
	now = now_ms();
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (overdue(s, who[i], now))
			rc = worker_lost(s, who[i], 1);
	}
	return rc;
}

static int busy_workers(const sched *s)
{
	for (size_t k = 0; k < s->n_workers; k++)
		if (s->w[k].f_n > 0)
			return 1;
	return 0;
}

/* Without isolation, in this process: for debuggers, and to measure what
 * isolation costs (PPREG_NO_ISOLATION=1; a crashing plugin then ends the run). */
static int judge_in_process(run *r, char *const *ids, size_t n, judge_emit_fn emit, void *ctx)
{
	int rc = run_setup_plugins(r);
	for (size_t i = 0; i < n && rc == 0; i++) {
		platform_result res;
		rc = run_check_platform(r, ids[i], &res);
		if (rc == 0)
			rc = emit(ctx, i, &res);
		platform_result_free(&res);
	}
	return rc;
}

static void stop_workers(int sig)
{
	worker *w = running_workers;
	for (size_t k = 0; w && k < n_running_workers; k++)
		if (w[k].pid > 0)
			kill(-w[k].pid, SIGKILL);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int stop_signals[] = {SIGTERM, SIGINT, SIGHUP};

static void catch_stop_signals(sched *s, struct sigaction old[3])
{
	struct sigaction sa = {0};
	sa.sa_handler = stop_workers;
	sigemptyset(&sa.sa_mask);
	running_workers = s->w;
	n_running_workers = s->n_workers;
	for (size_t i = 0; i < 3; i++) {
		(void)sigaction(stop_signals[i], NULL, &old[i]);
		if (old[i].sa_handler != SIG_IGN) /* a signal ignored when we started stays ignored */
			(void)sigaction(stop_signals[i], &sa, NULL);
	}
}

static void restore_stop_signals(const struct sigaction old[3])
{
	for (size_t i = 0; i < 3; i++)
		(void)sigaction(stop_signals[i], &old[i], NULL);
	running_workers = NULL;
	n_running_workers = 0;
}

static int run_workers(sched *s)
{
	struct sigaction old_stop[3];
	void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
	catch_stop_signals(s, old_stop);
	int rc = 0;
	while (rc == 0 && (s->q_head < s->q_tail || busy_workers(s)))
		rc = step(s);
	for (size_t k = 0; k < s->n_workers; k++) {
		int status;
		if (s->w[k].pid > 0)
			reap(&s->w[k], rc < 0, &status);
	}
	restore_stop_signals(old_stop);
	signal(SIGPIPE, old_pipe);
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
	size_t slots_size = (size_t)jobs * sizeof *s.slots;
	s.slots = mmap(NULL, slots_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (s.slots == MAP_FAILED)
		return error_set(_("cannot map shared memory: %s"), strerror(errno));
	s.w = xcalloc(s.n_workers, sizeof *s.w);
	s.crashes = xcalloc(n, sizeof *s.crashes);
	s.held = xcalloc(n, sizeof *s.held);
	s.pfd = xcalloc(s.n_workers, sizeof *s.pfd);
	s.who = xcalloc(s.n_workers, sizeof *s.who);
	for (size_t i = 0; i < n; i++)
		enqueue(&s, (wire_task){(uint32_t)i, 0});
	int rc = run_workers(&s);
	for (size_t i = 0; i < n; i++) { /* left by a failure */
		findings_free(&s.crashes[i]);
		if (s.held[i])
			platform_result_free(s.held[i]);
		free(s.held[i]);
	}
	munmap(s.slots, slots_size);
	free(s.w);
	free(s.crashes);
	free(s.held);
	free(s.queue);
	free(s.pfd);
	free(s.who);
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
