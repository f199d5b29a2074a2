/*
 * file.c: whole-file reads with a size limit, and atomic writes. A reader never sees a half
 * written file: the data goes to a temporary name beside the target and is renamed over it
 * only after it has reached the disk.
 */
#include "base/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "base/banned.h"

bool file_read(const char *path, size_t max, Str *out, char *err, size_t errlen)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	size_t start = out->len;
	char buf[65536];
	struct stat st;
	ssize_t n;

	if (fd < 0) {
		snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
		return false;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "'%s' is a folder, not a file", path);
		goto fail;
	}
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
			goto fail;
		}
		if (out->len - start + (size_t)n > max) {
			snprintf(err, errlen, "'%s' is larger than %zu KiB", is_stdin ? "stdin" : path,
				 max / 1024);
			goto fail;
		}
		str_add(out, buf, (size_t)n);
	}
	if (!is_stdin)
		close(fd);
	return true;
fail:
	str_truncate(out, start);
	if (!is_stdin)
		close(fd);
	return false;
}

bool file_mkdirs(const char *path, char *err, size_t errlen)
{
	char *p = xstrdup(path);
	bool ok = true;

	for (char *s = p + 1; ok; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			snprintf(err, errlen, "cannot create folder '%s': %s", p, strerror(errno));
			ok = false;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return ok;
}

bool file_mkparent(const char *path, char *err, size_t errlen)
{
	char *dir = file_dir_of(path);
	struct stat st;
	bool ok = stat(dir, &st) == 0 || file_mkdirs(dir, err, errlen);

	free(dir);
	return ok;
}

static bool write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* data in a new file beside path, written through to the disk; its name in *tmp. */
static bool write_beside(const char *path, const char *data, size_t len, Str *tmp, char *err,
	size_t errlen)
{
	int fd;

	if (!file_mkparent(path, err, errlen))
		return false;
	str_addf(tmp, "%s.tmp.%ld", path, (long)getpid());
	fd = open(tmp->s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create '%s': %s", tmp->s, strerror(errno));
		return false;
	}
	if (!write_all(fd, data, len) || fsync(fd) != 0) {
		snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		unlink(tmp->s);
		return false;
	}
	close(fd);
	return true;
}

bool file_write_atomic(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
	Str tmp = STR_INIT;
	bool ok = write_beside(path, data, len, &tmp, err, errlen);

	if (ok && rename(tmp.s, path) != 0) {
		snprintf(err, errlen, "cannot replace '%s': %s", path, strerror(errno));
		unlink(tmp.s);
		ok = false;
	}
	str_release(&tmp);
	return ok;
}

bool file_write_new(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
	Str tmp = STR_INIT;
	bool ok = write_beside(path, data, len, &tmp, err, errlen);
	int why = 0;

	/* a link, unlike a rename, fails on a name already taken: nothing is replaced */
	if (ok && link(tmp.s, path) != 0) {
		why = errno;
		snprintf(err, errlen, "cannot create '%s': %s", path, strerror(why));
		ok = false;
	}
	if (tmp.s && tmp.len)
		unlink(tmp.s);
	str_release(&tmp);
	errno = why;
	return ok;
}

char *file_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}
