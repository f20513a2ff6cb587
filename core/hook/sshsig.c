/*
 * hook/sshsig.c - `ssh-keygen -Y` for commit signatures (sshsig.h).
 *
 * The same three steps as Git's own verification: find-principals names
 * the principals of the signing key (it does not check the signature), then
 * verify checks the signature for one of them; a key the file does not name
 * is still checked (check-novalidate), so the refusal can name it.
 * ssh-keygen is run by fork and execvp, its arguments never through a
 * shell; its stdin is the signed data, read from a file of our folder.
 */
#include "hook/sshsig.h"
#include "base/i18n.h"
#include "base/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SSH_ARMOR "-----BEGIN SSH SIGNATURE-----"

static int write_in(const sshsig_files *f, const char *name, const void *data, size_t len, char **path)
{
	*path = path_join(f->dir, name);
	int fd = open(*path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
	int ok = fd >= 0 && write(fd, data, len) == (ssize_t)len;
	if (fd >= 0 && close(fd) < 0)
		ok = 0;
	return ok ? 0 : error_set(_("%s: cannot write: %s"), *path, strerror(errno));
}

int sshsig_open(sshsig_files *f, const char *allowed_signers)
{
	const char *tmp = getenv("TMPDIR");
	char *tpl = xasprintf("%s/ppreg-sig-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	memset(f, 0, sizeof *f);
	if (!mkdtemp(tpl)) {
		int rc = error_set(_("%s: cannot make a folder: %s"), tpl, strerror(errno));
		free(tpl);
		return rc;
	}
	f->dir = tpl;
	return write_in(f, "allowed_signers", allowed_signers, strlen(allowed_signers), &f->allowed);
}

void sshsig_close(sshsig_files *f)
{
	static const char *const names[] = {"allowed_signers", "sig", "data"};
	for (size_t i = 0; f->dir && i < sizeof names / sizeof *names; i++) {
		char *p = path_join(f->dir, names[i]);
		unlink(p);
		free(p);
	}
	if (f->dir)
		rmdir(f->dir);
	free(f->dir);
	free(f->allowed);
	memset(f, 0, sizeof *f);
}

static void child(char *const argv[], const char *input, int out)
{
	int in = open(input ? input : "/dev/null", O_RDONLY);
	if (in < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
		_exit(127);
	execvp(argv[0], argv);
	_exit(127);
}

/* Runs ssh-keygen with `argv`, stdin from `input`; its output (stdout and
 * stderr) in out[cap]. The exit status, or ERR_FAIL when it cannot run. */
static int keygen(char *const argv[], const char *input, char *out, size_t cap)
{
	int p[2];
	if (pipe(p) < 0)
		return error_set(_("ssh-keygen: %s"), strerror(errno));
	pid_t pid = fork();
	if (pid == 0)
		child(argv, input, p[1]);
	close(p[1]);
	size_t n = 0;
	ssize_t got;
	char drop[512];
	while ((got = read(p[0], n + 1 < cap ? out + n : drop, n + 1 < cap ? cap - 1 - n : sizeof drop)) != 0)
		if (got > 0 && n + 1 < cap)
			n += (size_t)got;
		else if (got < 0 && errno != EINTR)
			break;
	out[n] = '\0';
	close(p[0]);
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return error_set(_("ssh-keygen: cannot run: %s"), strerror(errno));
	if (!WIFEXITED(st) || WEXITSTATUS(st) == 127)
		return error_set(_("ssh-keygen cannot be run (is openssh-client installed?)"));
	return WEXITSTATUS(st);
}

/* "... with ED25519 key SHA256:xyz" at the end of ssh-keygen's line. */
static void key_named(const char *text, char *key, size_t cap)
{
	const char *w = strstr(text, " with ");
	if (w)
		snprintf(key, cap, "%.*s", (int)strcspn(w + 6, "\n"), w + 6);
}

static int verify(const sshsig_files *f, const char *sig, const char *data, sshsig_result *out)
{
	char text[2048];
	char *find[] = {"ssh-keygen", "-Y", "find-principals", "-s", (char *)sig, "-f", f->allowed, NULL};
	int rc = keygen(find, NULL, text, sizeof text);
	if (rc < 0)
		return rc;
	if (rc == 0 && *text) {
		/* one principal a line; kept comma-separated, as allowed_signers lists them */
		size_t k = strlen(text) < sizeof out->principals ? strlen(text) : sizeof out->principals - 1;
		memcpy(out->principals, text, k);
		out->principals[k] = '\0';
		for (char *c = out->principals; *c; c++)
			if (*c == '\n')
				*c = c[1] ? ',' : '\0';
		char first[sizeof out->principals];
		snprintf(first, sizeof first, "%.*s", (int)strcspn(text, ",\n"), text);
		char *check[] = {"ssh-keygen", "-Y", "verify", "-f", f->allowed, "-I", first, "-n", "git",
		                 "-s", (char *)sig, NULL};
		rc = keygen(check, data, text, sizeof text);
		out->status = rc == 0 ? SSHSIG_GOOD : SSHSIG_BAD;
	} else {
		char *check[] = {"ssh-keygen", "-Y", "check-novalidate", "-n", "git", "-s", (char *)sig, NULL};
		rc = keygen(check, data, text, sizeof text);
		out->status = rc == 0 ? SSHSIG_UNKNOWN_KEY : SSHSIG_BAD;
	}
	if (rc >= 0)
		key_named(text, out->key, sizeof out->key);
	return rc < 0 ? rc : 0;
}

int sshsig_check(const sshsig_files *f, const char *sig, const char *data, size_t len,
                 sshsig_result *out)
{
	memset(out, 0, sizeof *out);
	if (strncmp(sig, SSH_ARMOR, strlen(SSH_ARMOR))) {
		out->status = SSHSIG_NOT_SSH;
		return 0;
	}
	char *sig_path = NULL, *data_path = NULL;
	int rc = write_in(f, "sig", sig, strlen(sig), &sig_path);
	if (rc == 0)
		rc = write_in(f, "data", data, len, &data_path);
	if (rc == 0)
		rc = verify(f, sig_path, data_path, out);
	free(sig_path);
	free(data_path);
	return rc;
}
