/*
 * sitedir.c: the publish folder through descriptors (see sitedir.h).
 */
#include "news/sitedir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/file.h"
#include "base/xalloc.h"
#include "base/banned.h"

/* A file written under its temporary name, renamed at commit. */
typedef struct Staged {
	char *rel, *tmp;
	dev_t dev;
	ino_t ino;
} Staged;

struct SiteDir {
	int fd;
	char *path;
	bool fresh;      /* a new folder being built: rename at once, sync at commit */
	char *last;      /* the folder last opened by a path walk, and its descriptor */
	int last_fd;
	char stage_name[64]; /* the private folder (0700) temporary files are made in */
	int stage_fd;
	Staged *staged;
	size_t n, cap;
};

#define DIR_FLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

static int open_parent(SiteDir *d, const char *rel, bool create, const char **leaf, char *err,
		       size_t errlen);

SiteDir *sitedir_open(const char *path, bool create, char *err, size_t errlen)
{
	SiteDir *d;
	int fd;

	if (create && !file_mkdirs(path, err, errlen))
		return NULL;
	fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "cannot open the publish folder '%s': %s", path,
			 strerror(errno));
		return NULL;
	}
	d = xcalloc(1, sizeof(*d));
	d->fd = fd;
	d->last_fd = -1;
	d->stage_fd = -1;
	d->path = xstrdup(path);
	return d;
}

static void staged_drop(SiteDir *d)
{
	for (size_t i = 0; i < d->n; i++) {
		unlinkat(d->stage_fd, d->staged[i].tmp, 0);
		free(d->staged[i].rel);
		free(d->staged[i].tmp);
	}
	d->n = 0;
}

void sitedir_close(SiteDir *d)
{
	if (!d)
		return;
	staged_drop(d);
	free(d->staged);
	if (d->last_fd >= 0)
		close(d->last_fd);
	free(d->last);
	if (d->stage_fd >= 0) {
		close(d->stage_fd);
		unlinkat(d->fd, d->stage_name, AT_REMOVEDIR);
	}
	close(d->fd);
	free(d->path);
	free(d);
}

const char *sitedir_path(const SiteDir *d)
{
	return d->path;
}

bool sitedir_lock(SiteDir *d, int wait_ms, char *err, size_t errlen)
{
	struct timespec nap = {0, 50 * 1000 * 1000};

	for (int waited = 0;; waited += 50) {
		if (flock(d->fd, wait_ms < 0 ? LOCK_EX : LOCK_EX | LOCK_NB) == 0)
			return true;
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK || waited >= wait_ms)
			break;
		nanosleep(&nap, NULL);
	}
	snprintf(err, errlen, errno == EWOULDBLOCK ? "the publish folder '%s' is busy (a rebuild "
		 "may be running)" : "cannot lock the publish folder '%s': %s", d->path,
		 strerror(errno));
	return false;
}

static bool in_the_way(const char *path, const char *rel, const char *what, char *err,
		       size_t errlen)
{
	snprintf(err, errlen, "'%s/%s' is in the way: it is %s toasoan did not make; move it "
		 "away", path, rel, what);
	return false;
}

/*
 * Opens the folder holding rel's last component, walking from the root without following a
 * link; *leaf points into rel at that component. create makes missing folders. -1 on
 * failure (ENOENT without create is reported as errno ENOENT, no message).
 */
static int walk_parent(SiteDir *d, const char *rel, bool create, const char **leaf, char *err,
		       size_t errlen)
{
	int fd = dup(d->fd);
	const char *p = rel, *slash;

	while (fd >= 0 && (slash = strchr(p, '/'))) {
		char name[256];
		size_t n = (size_t)(slash - p);
		int next;
		if (n == 0 || n >= sizeof(name) || (n <= 2 && p[0] == '.' && (n == 1 || p[1] == '.'))) {
			snprintf(err, errlen, "bad path '%s' in the publish folder", rel);
			close(fd);
			return -1;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		next = openat(fd, name, DIR_FLAGS);
		if (next < 0 && errno == ENOENT && create &&
		    (mkdirat(fd, name, 0755) == 0 || errno == EEXIST))
			next = openat(fd, name, DIR_FLAGS);
		if (next < 0) {
			int e = errno;
			if (e == ELOOP || e == ENOTDIR)
				in_the_way(d->path, rel, "a link or a file where a folder belongs",
					   err, errlen);
			else if (e != ENOENT || create)
				snprintf(err, errlen, "cannot open folder '%s' in '%s': %s", name,
					 d->path, strerror(e));
			close(fd);
			errno = e;
			return -1;
		}
		close(fd);
		fd = next;
		p = slash + 1;
	}
	*leaf = p;
	return fd;
}

/* walk_parent, remembering the last folder: a change writes several files into each. */
static int open_parent(SiteDir *d, const char *rel, bool create, const char **leaf, char *err,
		       size_t errlen)
{
	const char *slash = strrchr(rel, '/');
	size_t n = slash ? (size_t)(slash - rel) : 0;
	int fd;

	if (d->last && strlen(d->last) == n && strncmp(d->last, rel, n) == 0) {
		*leaf = slash ? slash + 1 : rel;
		return dup(d->last_fd);
	}
	fd = walk_parent(d, rel, create, leaf, err, errlen);
	if (fd >= 0) {
		if (d->last_fd >= 0)
			close(d->last_fd);
		free(d->last);
		d->last = xstrndup(rel, n);
		d->last_fd = dup(fd);
		if (d->last_fd < 0) {
			free(d->last);
			d->last = NULL;
		}
	}
	return fd;
}

/* True when leaf is free or a regular file, else false with the message. */
static bool leaf_free(SiteDir *d, int dfd, const char *leaf, const char *rel, char *err,
		      size_t errlen)
{
	struct stat st;

	if (fstatat(dfd, leaf, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return true;
	if (S_ISREG(st.st_mode))
		return true;
	return in_the_way(d->path, rel, S_ISLNK(st.st_mode) ? "a link" : S_ISDIR(st.st_mode) ?
			  "a folder" : "something", err, errlen);
}

static bool write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

static unsigned long long random64(unsigned salt)
{
	unsigned long long r = 0;

	if (getrandom(&r, sizeof(r), 0) != (ssize_t)sizeof(r))
		r = ((unsigned long long)getpid() << 32) ^ (unsigned long long)time(NULL) ^ salt;
	return r;
}

/*
 * The private folder temporary files are made in: created fresh (mode 0700, a random name),
 * so no one else can swap a file in it for a link between its writing and its renaming.
 */
static bool stage_open(SiteDir *d, char *err, size_t errlen)
{
	struct stat st;

	for (unsigned tries = 0; d->stage_fd < 0 && tries < 16; tries++) {
		snprintf(d->stage_name, sizeof(d->stage_name), ".toasoan-staging.%016llx",
			 random64(tries));
		if (mkdirat(d->fd, d->stage_name, 0700) != 0) {
			if (errno == EEXIST)
				continue;
			break;
		}
		d->stage_fd = openat(d->fd, d->stage_name, DIR_FLAGS);
		if (d->stage_fd >= 0 && (fstat(d->stage_fd, &st) != 0 || st.st_uid != geteuid() ||
					 (st.st_mode & 077))) {
			close(d->stage_fd); /* not the folder just made: someone swapped it */
			d->stage_fd = -1;
			errno = EPERM;
			break;
		}
	}
	if (d->stage_fd >= 0)
		return true;
	snprintf(err, errlen, "cannot make a private folder in '%s': %s", d->path,
		 strerror(errno));
	return false;
}

/* Creates a fresh temporary file in the private folder; its name goes into tmp. */
static int create_temp(SiteDir *d, char *tmp, size_t tmplen)
{
	for (unsigned tries = 0; tries < 16; tries++) {
		int fd;
		snprintf(tmp, tmplen, "%016llx.tmp", random64(tries));
		fd = openat(d->stage_fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			    0644);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

void sitedir_set_fresh(SiteDir *d)
{
	d->fresh = true;
}

/* Renames the temporary tmp over rel's leaf in dfd, if tmp is still the file written. */
static bool finish(SiteDir *d, int dfd, const char *leaf, const char *rel, const char *tmp,
		   dev_t dev, ino_t ino, char *err, size_t errlen)
{
	struct stat st;

	/* the temporary name must still be the file written (not a link swapped in for it), and
	 * a folder or link that appeared at the final name meanwhile stays */
	if (fstatat(d->stage_fd, tmp, &st, AT_SYMLINK_NOFOLLOW) != 0 || st.st_dev != dev ||
	    st.st_ino != ino)
		return in_the_way(d->path, rel, "a temporary file replaced by someone else", err,
				  errlen);
	if (!leaf_free(d, dfd, leaf, rel, err, errlen)) {
		unlinkat(d->stage_fd, tmp, 0);
		return false;
	}
	if (renameat(d->stage_fd, tmp, dfd, leaf) != 0) {
		snprintf(err, errlen, "cannot replace '%s/%s': %s", d->path, rel, strerror(errno));
		unlinkat(d->stage_fd, tmp, 0);
		return false;
	}
	return true;
}

bool sitedir_write(SiteDir *d, const char *rel, const char *data, size_t len, char *err,
		   size_t errlen)
{
	const char *leaf;
	char tmp[256];
	struct stat st;
	int dfd = open_parent(d, rel, true, &leaf, err, errlen), fd = -1;
	bool ok = false;

	if (dfd < 0)
		return false;
	if (!leaf_free(d, dfd, leaf, rel, err, errlen))
		goto fail;
	if (!stage_open(d, err, errlen))
		goto fail;
	fd = create_temp(d, tmp, sizeof(tmp));
	if (fd < 0) {
		snprintf(err, errlen, "cannot create a file in '%s': %s", d->path, strerror(errno));
		goto fail;
	}
	if (!write_all(fd, data, len) || fstat(fd, &st) != 0) {
		snprintf(err, errlen, "cannot write '%s/%s': %s", d->path, rel, strerror(errno));
		unlinkat(d->stage_fd, tmp, 0);
		goto fail;
	}
	if (d->fresh) {
		ok = finish(d, dfd, leaf, rel, tmp, st.st_dev, st.st_ino, err, errlen);
	} else {
		xgrow(&d->staged, &d->cap, d->n + 1, sizeof(*d->staged));
		d->staged[d->n++] = (Staged){xstrdup(rel), xstrdup(tmp), st.st_dev, st.st_ino};
		ok = true;
	}
fail:
	if (fd >= 0)
		close(fd);
	close(dfd);
	return ok;
}

bool sitedir_commit(SiteDir *d, char *err, size_t errlen)
{
	bool ok = true;

	/* A new folder is synced as a whole before it is switched in. The files of a change
	 * are not synced one by one (a sync costs more than the whole change): a rename gives
	 * readers the old bytes or the new, and after a power cut `publish --rebuild` makes the
	 * site again from the database. */
	if (d->fresh && syncfs(d->fd) != 0) {
		snprintf(err, errlen, "cannot write to '%s': %s", d->path, strerror(errno));
		return false;
	}
	for (size_t i = 0; i < d->n; i++) {
		Staged *st = &d->staged[i];
		const char *leaf;
		char e[512];
		int dfd = open_parent(d, st->rel, false, &leaf, e, sizeof(e));
		if (dfd < 0 || !finish(d, dfd, leaf, st->rel, st->tmp, st->dev, st->ino, e,
				       sizeof(e))) {
			if (ok)
				snprintf(err, errlen, "%s", e);
			ok = false;
		}
		if (dfd >= 0)
			close(dfd);
		free(st->rel);
		free(st->tmp);
	}
	d->n = 0;
	return ok;
}

bool sitedir_probe(SiteDir *d, const char *rel, char *err, size_t errlen)
{
	const char *leaf;
	int dfd = open_parent(d, rel, true, &leaf, err, errlen);
	bool ok;

	if (dfd < 0)
		return false;
	ok = leaf_free(d, dfd, leaf, rel, err, errlen);
	close(dfd);
	return ok;
}

bool sitedir_remove(SiteDir *d, const char *rel, char *err, size_t errlen)
{
	const char *leaf;
	struct stat st;
	int dfd = open_parent(d, rel, false, &leaf, err, errlen);
	bool ok = true;

	if (dfd < 0)
		return errno == ENOENT || errno == ELOOP || errno == ENOTDIR;
	if (fstatat(dfd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
	    unlinkat(dfd, leaf, 0) != 0 && errno != ENOENT) {
		snprintf(err, errlen, "cannot remove '%s/%s': %s", d->path, rel, strerror(errno));
		ok = false;
	}
	close(dfd);
	return ok;
}

bool sitedir_has(SiteDir *d, const char *rel)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->staged[i].rel, rel) == 0)
			return true;
	const char *leaf;
	char err[16];
	struct stat st;
	int dfd = open_parent(d, rel, false, &leaf, err, sizeof(err));
	bool ok;

	if (dfd < 0)
		return false;
	ok = fstatat(dfd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
	close(dfd);
	return ok;
}
