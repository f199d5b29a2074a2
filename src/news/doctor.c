/*
 * doctor.c: the checks behind `toasoan doctor`. Everything here only reads: it stats files,
 * reads authorized_keys and the SSH server's settings, and writes findings into a report.
 *
 * The rule it checks is the deployment's: the account running toasoan owns the data and
 * nobody else can read or write it (database and backups 0600/0640, folders 0700/0750), the
 * publish folder can be read by the web server but written only by the account, and nothing
 * lets a person reach the account except a key forced to `toasoan shell LOGIN`.
 */
#include "news/doctor.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <glob.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/file.h"
#include "base/xalloc.h"
#include "news/sshkey.h"
#include "base/banned.h"

typedef struct Doc {
	Str *out;
	int problems;
	uid_t uid;
	char account[64];
} Doc;

static void good(Doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bad(Doc *d, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void good(Doc *d, const char *fmt, ...)
{
	va_list ap;
	str_adds(d->out, "ok   ");
	va_start(ap, fmt);
	str_vaddf(d->out, fmt, ap);
	va_end(ap);
	str_addc(d->out, '\n');
}

static void bad(Doc *d, const char *fix, const char *fmt, ...)
{
	va_list ap;
	str_adds(d->out, "FIX  ");
	va_start(ap, fmt);
	str_vaddf(d->out, fmt, ap);
	va_end(ap);
	str_addf(d->out, "\n     fix: %s\n", fix);
	d->problems++;
}

/* Owner and mode of one path: owned by the account, no permission bit in forbidden. */
static bool check_mode(Doc *d, const char *what, const char *path, mode_t forbidden,
		       mode_t want, bool must_exist)
{
	struct stat st;
	char fix[1200];

	if (lstat(path, &st) != 0) {
		if (!must_exist)
			return true;
		snprintf(fix, sizeof(fix), "check the config, or create it as the account '%s'",
			 d->account);
		bad(d, fix, "%s '%s' is missing: %s", what, path, strerror(errno));
		return false;
	}
	if (S_ISLNK(st.st_mode)) {
		snprintf(fix, sizeof(fix), "replace the link with the real %s", what);
		bad(d, fix, "%s '%s' is a symbolic link", what, path);
		return false;
	}
	if (st.st_uid != d->uid) {
		snprintf(fix, sizeof(fix), "chown %s '%s'", d->account, path);
		bad(d, fix, "%s '%s' belongs to uid %ld, not to the account '%s'", what, path,
		    (long)st.st_uid, d->account);
		return false;
	}
	if (st.st_mode & forbidden) {
		snprintf(fix, sizeof(fix), "chmod %04o '%s'", (unsigned)want, path);
		bad(d, fix, "%s '%s' has mode %04o: others can %s it", what, path,
		    (unsigned)(st.st_mode & 07777),
		    st.st_mode & forbidden & 0222 ? "write to" : "read");
		return false;
	}
	good(d, "%s '%s' (%04o, %s)", what, path, (unsigned)(st.st_mode & 07777), d->account);
	return true;
}

/* A folder above the data that someone else could write could swap the data folder. */
static void check_ancestors(Doc *d, const char *dir)
{
	char *p = realpath(dir, NULL);
	char fix[1200];

	while (p && strcmp(p, "/") != 0) {
		char *up = file_dir_of(p);
		struct stat st;
		free(p);
		p = up;
		if (stat(p, &st) != 0)
			break;
		bool writable = (st.st_mode & 0022) && !(st.st_mode & S_ISVTX);
		if ((st.st_uid != 0 && st.st_uid != d->uid) || writable) {
			snprintf(fix, sizeof(fix), "chown root '%s' && chmod go-w '%s'", p, p);
			bad(d, fix, "the folder '%s' above the data can be changed by someone other than "
			    "root and '%s'", p, d->account);
		}
	}
	free(p);
}

static void check_database(Doc *d, const char *db)
{
	char *dir = file_dir_of(db);
	static const char *const extra[] = {"-wal", "-shm", "-journal"};

	check_mode(d, "the database folder", dir, 0027, 0750, true);
	check_ancestors(d, dir);
	check_mode(d, "the database", db, 0137, 0640, true);
	for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++) {
		Str p = STR_INIT;
		str_addf(&p, "%s%s", db, extra[i]);
		check_mode(d, "the database's side file", p.s, 0137, 0640, false);
		str_release(&p);
	}
	free(dir);
}

static void check_publish(Doc *d, const char *dir)
{
	struct stat st;
	char fix[1200];

	if (!check_mode(d, "the publish folder", dir, 0022, 02750, true))
		return;
	if (stat(dir, &st) == 0 && (st.st_mode & 0005) != 0005 && (st.st_mode & 0050) != 0050) {
		snprintf(fix, sizeof(fix), "chgrp www-data '%s' && chmod 2750 '%s' (the web "
			 "server's group)", dir, dir);
		bad(d, fix, "the web server cannot read the publish folder '%s'", dir);
	}
}

/* One line of authorized_keys that toasoan did not write. */
static void check_foreign_line(Doc *d, const char *path, int lineno, const char *line)
{
	char fix[1200];

	snprintf(fix, sizeof(fix), "remove line %d of '%s' and add the person's key with: "
		 "toasoan key add LOGIN key.pub", lineno, path);
	bad(d, fix, "line %d of '%s' is not a toasoan key (%.40s...): it may open a shell or "
	    "forwarding as the account '%s'", lineno, path, line, d->account);
}

/* The program a forced command runs: whoever can replace it owns the account. */
static void check_program(Doc *d, const char *line, Str *seen)
{
	const char *start = line + strlen("restrict,pty,command=\"");
	size_t n = strcspn(start, " \"");
	char *prog = xstrndup(start, n), fix[1200];
	struct stat st;

	if (seen->len == n && memcmp(str_cstr(seen), prog, n) == 0)
		goto out;
	str_clear(seen);
	str_add(seen, prog, n);
	if (stat(prog, &st) != 0 || !S_ISREG(st.st_mode) || access(prog, X_OK) != 0) {
		snprintf(fix, sizeof(fix), "install toasoan there, or set ssh.command in the config "
			 "and change any key to rewrite the file");
		bad(d, fix, "the forced command '%s' is not a program the account can run", prog);
	} else if ((st.st_mode & 0022) || (st.st_uid != 0 && st.st_uid != d->uid)) {
		snprintf(fix, sizeof(fix), "chown root '%s' && chmod 0755 '%s'", prog, prog);
		bad(d, fix, "the forced command '%s' can be replaced by someone else", prog);
	}
out:
	free(prog);
}

/* A toasoan line whose key the database does not hold for that login. */
static void check_known(Doc *d, const char *path, int lineno, const char *line,
			const char *login, const KeyList *keys)
{
	char fix[1200];

	for (size_t i = 0; keys && i < keys->n; i++) {
		const char *hit = strstr(line, keys->items[i].blob);
		size_t bl = strlen(keys->items[i].blob);
		if (strcmp(keys->items[i].login, login) == 0 && hit && hit[-1] == ' ' &&
		    (hit[bl] == ' ' || hit[bl] == '\0' || hit[bl] == '\r'))
			return;
	}
	if (!keys)
		return;
	snprintf(fix, sizeof(fix), "remove line %d of '%s', or register the key with: toasoan "
		 "key add %s key.pub", lineno, path, login);
	bad(d, fix, "line %d of '%s' lets in a key of '%s' that toasoan does not hold (removed, "
	    "disabled or written by hand)", lineno, path, login);
}

static void check_keys(Doc *d, const char *path, const KeyList *keys)
{
	Str text = STR_INIT;
	char err[600], login[33], *dir = file_dir_of(path);
	int lineno = 0, managed = 0;
	Str seen = STR_INIT;

	check_mode(d, "the SSH folder", dir, 0022, 0700, true);
	if (check_mode(d, "authorized_keys", path, 0022, 0600, true) &&
	    file_read(path, 4u << 20, &text, err, sizeof(err))) {
		const char *p = str_cstr(&text), *end = p + text.len;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
			char *line = xstrndup(p, n);
			lineno++;
			size_t skip = strspn(line, " \t");
			if (line[skip] && line[skip] != '#') {
				if (authkeys_managed(line, n, login)) {
					managed++;
					check_program(d, line, &seen);
					check_known(d, path, lineno, line, login, keys);
				} else
					check_foreign_line(d, path, lineno, line + skip);
			}
			free(line);
			p += n + (nl != NULL);
		}
		good(d, "%d restricted toasoan key%s in '%s'", managed, managed == 1 ? "" : "s",
		     path);
	}
	str_release(&text);
	str_release(&seen);
	free(dir);
}

static bool env_ok(const char *v)
{
	return strcmp(v, "LANG") == 0 || strcmp(v, "LC_*") == 0 ||
	       (strncmp(v, "LC_", 3) == 0 && !strpbrk(v + 3, "*?"));
}

int doctor_sshd_settings(const char *text, const char *source, Str *report)
{
	Doc d = {.out = report};
	const char *p = text;
	char fix[600];

	while (*p) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n), *save = NULL;
		char *key = strtok_r(line, " \t=", &save);
		if (key && key[0] != '#' && strcasecmp(key, "PermitUserEnvironment") == 0) {
			char *v = strtok_r(NULL, " \t", &save);
			if (v && strcasecmp(v, "no") != 0) {
				snprintf(fix, sizeof(fix), "set 'PermitUserEnvironment no' in %s and "
					 "reload the SSH server", source);
				bad(&d, fix, "the SSH server lets people set toasoan's environment "
				    "(PermitUserEnvironment %s)", v);
			}
		} else if (key && key[0] != '#' && strcasecmp(key, "AcceptEnv") == 0) {
			for (char *v; (v = strtok_r(NULL, " \t", &save));)
				if (!env_ok(v)) {
					snprintf(fix, sizeof(fix), "keep only 'AcceptEnv LANG LC_*' in %s "
						 "and reload the SSH server", source);
					bad(&d, fix, "the SSH server accepts the variable '%s' from "
					    "clients (AcceptEnv)", v);
				}
		}
		free(line);
		p += n + (p[n] == '\n');
	}
	if (!d.problems)
		str_addf(report, "ok   the SSH server passes no variable but LANG and LC_* (%s)\n",
			 source);
	return d.problems;
}

/* `sshd -T` output when the server can give it (it needs root), else "". */
static void sshd_effective(const char *config, Str *out)
{
	int fd[2];
	pid_t pid;
	char buf[4096];
	ssize_t n;
	int status;

	if (geteuid() != 0 || access("/usr/sbin/sshd", X_OK) != 0 || pipe(fd) != 0)
		return;
	pid = fork();
	if (pid == 0) {
		dup2(fd[1], STDOUT_FILENO);
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, STDERR_FILENO);
		close(fd[0]);
		execl("/usr/sbin/sshd", "sshd", "-T", "-f", config, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	while (pid > 0 && ((n = read(fd[0], buf, sizeof(buf))) > 0 || (n < 0 && errno == EINTR)))
		if (n > 0)
			str_add(out, buf, (size_t)n);
	close(fd[0]);
	if (pid > 0 && (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
			WEXITSTATUS(status) != 0))
		str_clear(out);
}

/* The config file and the files it includes, one after the other. */
static void sshd_files(const char *config, Str *out, int depth)
{
	Str text = STR_INIT;
	char err[300];

	if (depth > 4 || !file_read(config, 4u << 20, &text, err, sizeof(err))) {
		str_release(&text);
		return;
	}
	str_add(out, str_cstr(&text), text.len);
	str_addc(out, '\n');
	for (const char *p = str_cstr(&text); *p;) {
		size_t n = strcspn(p, "\n"), skip = strspn(p, " \t");
		if (n > skip + 8 && strncasecmp(p + skip, "Include", 7) == 0) {
			char *pattern = xstrndup(p + skip + 8, n - skip - 8);
			glob_t g;
			Str full = STR_INIT;
			str_addf(&full, "%s%s", pattern[0] == '/' ? "" : "/etc/ssh/", pattern);
			if (glob(full.s, 0, NULL, &g) == 0)
				for (size_t i = 0; i < g.gl_pathc; i++)
					sshd_files(g.gl_pathv[i], out, depth + 1);
			globfree(&g);
			str_release(&full);
			free(pattern);
		}
		p += n + (p[n] == '\n');
	}
	str_release(&text);
}

static void check_sshd(Doc *d, const char *config)
{
	Str text = STR_INIT, source = STR_INIT;

	sshd_effective(config, &text);
	if (text.len) {
		str_addf(&source, "%s (as 'sshd -T' reads it)", config);
	} else {
		sshd_files(config, &text, 0);
		str_addf(&source, "%s", config);
	}
	if (!text.len)
		bad(d, "give the SSH server's config with ssh.sshd_config in toasoan's config",
		    "cannot read the SSH server's settings from '%s'", config);
	else
		d->problems += doctor_sshd_settings(text.s, source.s, d->out);
	str_release(&text);
	str_release(&source);
}

static void check_binary(Doc *d, const char *exe)
{
	struct stat st;
	char fix[1200];

	if (!exe || stat(exe, &st) != 0)
		return;
	if (st.st_mode & (S_ISUID | S_ISGID)) {
		snprintf(fix, sizeof(fix), "chmod u-s,g-s '%s'", exe);
		bad(d, fix, "the program '%s' is setuid or setgid; toasoan refuses to run so", exe);
	} else if (st.st_mode & 0022 || (st.st_uid != 0 && st.st_uid != d->uid)) {
		snprintf(fix, sizeof(fix), "chown root '%s' && chmod 0755 '%s'", exe, exe);
		bad(d, fix, "the program '%s' can be replaced by someone else", exe);
	} else {
		good(d, "the program '%s'", exe);
	}
}

/* The SSH server runs the forced command through the account's shell. */
static void check_account(Doc *d, const struct passwd *pw)
{
	char fix[600];
	const char *sh = pw && pw->pw_shell && pw->pw_shell[0] ? pw->pw_shell : "/bin/sh";
	const char *base = strrchr(sh, '/') ? strrchr(sh, '/') + 1 : sh;

	if (strcmp(base, "nologin") == 0 || strcmp(base, "false") == 0 || access(sh, X_OK) != 0) {
		snprintf(fix, sizeof(fix), "usermod --shell /bin/sh %s", d->account);
		bad(d, fix, "the account '%s' has the shell '%s': the SSH server cannot run toasoan's "
		    "forced command through it", d->account, sh);
	} else {
		good(d, "the account '%s' (uid %ld, shell %s)", d->account, (long)d->uid, sh);
	}
}

/* A settings file others could change would point toasoan at data of their choosing. */
static void check_config(Doc *d, const char *path)
{
	struct stat st;
	char fix[1200];

	if (stat(path, &st) != 0)
		return;
	if ((st.st_mode & 0022) || (st.st_uid != 0 && st.st_uid != d->uid)) {
		snprintf(fix, sizeof(fix), "chown root '%s' && chmod 0644 '%s'", path, path);
		bad(d, fix, "the settings file '%s' can be changed by someone other than root and "
		    "'%s'", path, d->account);
	} else {
		good(d, "the settings file '%s'", path);
	}
}

void doctor_run(const DoctorSetup *s, Str *report, int *problems)
{
	Doc d = {.out = report, .uid = geteuid()};
	struct passwd *pw = getpwuid(d.uid);

	snprintf(d.account, sizeof(d.account), "%s", pw ? pw->pw_name : "?");
	check_account(&d, pw);
	check_binary(&d, s->exe);
	for (int i = 0; i < 3 && s->configs[i]; i++)
		check_config(&d, s->configs[i]);
	check_database(&d, s->db_path);
	check_publish(&d, s->publish_dir);
	check_keys(&d, s->keys_path, s->keys);
	check_sshd(&d, s->sshd_config ? s->sshd_config : "/etc/ssh/sshd_config");
	*problems = d.problems;
}
