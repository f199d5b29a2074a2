/*
 * sshkey.c: validating public keys and rewriting the authorized_keys file.
 *
 * A key is accepted only in its plain form "TYPE BASE64 [COMMENT]": the options field of an
 * authorized_keys line is what toasoan writes itself, so anything that could become one
 * (a leading word that is not a key type, a quote, a second line) is refused rather than
 * cleaned. The type must be one the SSH server knows and must match the type named inside the
 * decoded blob, so a key pasted under the wrong name is caught too.
 */
#include "news/sshkey.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/digest.h"
#include "base/file.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "base/banned.h"

static const char *const key_types[] = {
	"ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
	"ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
	"sk-ecdsa-sha2-nistp256@openssh.com", NULL,
};

#define MANAGED_PREFIX "restrict,pty,command=\""
#define COMMENT_MAX 200

void key_record_release(KeyRecord *k)
{
	free(k->login);
	free(k->type);
	free(k->blob);
	free(k->comment);
	free(k->fingerprint);
	free(k->added_by);
	memset(k, 0, sizeof(*k));
}

KeyRecord *key_list_push(KeyList *l)
{
	xgrow(&l->items, &l->cap, l->n + 1, sizeof(*l->items));
	memset(&l->items[l->n], 0, sizeof(*l->items));
	return &l->items[l->n++];
}

void key_list_release(KeyList *l)
{
	for (size_t i = 0; i < l->n; i++)
		key_record_release(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static bool known_type(const char *s, size_t n)
{
	for (size_t i = 0; key_types[i]; i++)
		if (strlen(key_types[i]) == n && memcmp(key_types[i], s, n) == 0)
			return true;
	return false;
}

bool sshkey_fingerprint(const char *blob, Str *out)
{
	Str raw = STR_INIT;
	uint8_t digest[SHA256_BYTES];

	if (!base64_decode(blob, strlen(blob), &raw)) {
		str_release(&raw);
		return false;
	}
	sha256(str_cstr(&raw), raw.len, digest);
	str_adds(out, "SHA256:");
	base64_encode(digest, sizeof(digest), false, out);
	str_release(&raw);
	return true;
}

/* The blob starts with the key type as an SSH string: a 4-byte length, then the bytes. */
static bool blob_matches(const char *b64, size_t n, const char *type, char *err, size_t errlen)
{
	Str raw = STR_INIT;
	bool ok = false;

	if (!base64_decode(b64, n, &raw) || raw.len < 4) {
		snprintf(err, errlen, "the key is not valid base64");
		goto out;
	}
	const uint8_t *p = (const uint8_t *)raw.s;
	size_t len = (size_t)p[0] << 24 | (size_t)p[1] << 16 | (size_t)p[2] << 8 | p[3];
	if (len != strlen(type) || raw.len < 4 + len || memcmp(p + 4, type, len) != 0 ||
	    raw.len < 4 + len + 16) {
		snprintf(err, errlen, "the key's data is not a '%s' key", type);
		goto out;
	}
	ok = true;
out:
	str_release(&raw);
	return ok;
}

/* Refuses line breaks (but one at the end), control characters and invalid UTF-8. */
static bool plain_text(const char *text, size_t *len, char *err, size_t errlen)
{
	size_t n = *len, bad;

	if (n > SSHKEY_MAX_BYTES) {
		snprintf(err, errlen, "the key is longer than %d bytes", SSHKEY_MAX_BYTES);
		return false;
	}
	if (n && text[n - 1] == '\n')
		n--;
	if (n && text[n - 1] == '\r')
		n--;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n' || c == '\r') {
			snprintf(err, errlen, "give exactly one key: a line break at byte %zu", i);
			return false;
		}
		if ((c < 0x20 && c != '\t') || c == 0x7F) {
			snprintf(err, errlen, "the key has a control character at byte %zu", i);
			return false;
		}
	}
	if (!utf8_valid(text, n, &bad)) {
		snprintf(err, errlen, "invalid UTF-8 in the key at byte %zu", bad);
		return false;
	}
	*len = n;
	return true;
}

static size_t field(const char *s, size_t n, size_t *at)
{
	size_t start;
	while (*at < n && (s[*at] == ' ' || s[*at] == '\t'))
		(*at)++;
	start = *at;
	while (*at < n && s[*at] != ' ' && s[*at] != '\t')
		(*at)++;
	return *at - start;
}

bool sshkey_parse(const char *text, size_t len, KeyRecord *out, char *err, size_t errlen)
{
	size_t at = 0, tlen, blen, cstart;
	const char *type, *blob;
	Str fp = STR_INIT;

	if (!plain_text(text, &len, err, errlen))
		return false;
	tlen = field(text, len, &at);
	type = text + at - tlen;
	if (tlen == 0) {
		snprintf(err, errlen, "the key is empty");
		return false;
	}
	if (!known_type(type, tlen)) {
		if (memchr(type, '=', tlen) || memchr(type, ',', tlen) || memchr(type, '"', tlen))
			snprintf(err, errlen, "options before the key are not accepted ('%.*s'); give "
				 "only 'TYPE KEY [COMMENT]'", (int)(tlen > 60 ? 60 : tlen), type);
		else
			snprintf(err, errlen, "unknown key type '%.*s': use ssh-ed25519, ssh-rsa or "
				 "ecdsa-sha2-nistp256/384/521", (int)(tlen > 60 ? 60 : tlen), type);
		return false;
	}
	blen = field(text, len, &at);
	blob = text + at - blen;
	out->type = xstrndup(type, tlen);
	if (!blen) {
		snprintf(err, errlen, "the key has no data after '%s'", out->type);
		return false;
	}
	if (!blob_matches(blob, blen, out->type, err, errlen))
		return false;
	out->blob = xstrndup(blob, blen);
	cstart = at;
	while (cstart < len && (text[cstart] == ' ' || text[cstart] == '\t'))
		cstart++;
	while (len > cstart && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len - cstart > COMMENT_MAX) {
		snprintf(err, errlen, "the key's comment is longer than %d bytes", COMMENT_MAX);
		return false;
	}
	out->comment = xstrndup(text + cstart, len - cstart);
	sshkey_fingerprint(out->blob, &fp);
	out->fingerprint = str_detach(&fp);
	return true;
}

bool sshkey_command_ok(const char *command)
{
	if (!command || !command[0] || command[0] != '/')
		return false;
	for (const char *p = command; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("/._-+=:,@ ", *p))
			return false;
	return true;
}

static bool login_char(char c)
{
	return islower((unsigned char)c) || isdigit((unsigned char)c) || strchr("._-", c);
}

bool authkeys_managed(const char *line, size_t len, char login[33])
{
	size_t plen = strlen(MANAGED_PREFIX), end, start;

	if (len < plen || memcmp(line, MANAGED_PREFIX, plen) != 0)
		return false;
	for (end = plen; end < len && line[end] != '"'; end++)
		;
	if (end + 1 >= len || line[end + 1] != ' ')
		return false; /* more options after the command: not a line toasoan wrote */
	start = end;
	while (start > plen && login_char(line[start - 1]))
		start--;
	if (start == end || end - start > 32 || start < plen + 7 ||
	    memcmp(line + start - 7, " shell ", 7) != 0)
		return false;
	memcpy(login, line + start, end - start);
	login[end - start] = '\0';
	return true;
}

/* Reads the current file (none is fine), refusing a symbolic link. */
static bool read_current(const char *path, Str *out, char *err, size_t errlen)
{
	struct stat st;
	char buf[8192];
	ssize_t n;
	int fd;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? true : (snprintf(err, errlen, "cannot read '%s': %s", path,
						strerror(errno)), false);
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "'%s' is not a regular file; toasoan rewrites only a plain file",
			 path);
		return false;
	}
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
		return false;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			str_add(out, buf, (size_t)n);
	close(fd);
	if (n < 0) {
		snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
		return false;
	}
	return true;
}

/* Keeps the lines toasoan does not manage, then adds one line per key. */
static void compose(const Str *old, const char *command, const KeyList *keys, Str *out)
{
	const char *p = str_cstr(old), *end = p + old->len;
	char login[33];

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (!authkeys_managed(p, n, login)) {
			str_add(out, p, n);
			str_addc(out, '\n');
		}
		p += n + (nl != NULL);
	}
	for (size_t i = 0; i < keys->n; i++) {
		const KeyRecord *k = &keys->items[i];
		str_addf(out, MANAGED_PREFIX "%s shell %s\" %s %s", command, k->login, k->type,
			 k->blob);
		if (k->comment && k->comment[0])
			str_addf(out, " %s", k->comment);
		str_addc(out, '\n');
	}
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Writes data to a new file beside path, flushes it and renames it over path. */
static bool replace_file(const char *path, const char *dir, const Str *data, char *err,
			 size_t errlen)
{
	Str tmp = STR_INIT;
	bool ok = false;
	int fd, dfd;

	str_addf(&tmp, "%s/.authorized_keys.toasoan.XXXXXX", dir);
	fd = mkstemp(tmp.s);
	if (fd < 0) {
		snprintf(err, errlen, "cannot create a file in '%s': %s", dir, strerror(errno));
		goto out;
	}
	if (fchmod(fd, 0600) != 0 || !write_all(fd, str_cstr(data), data->len) || fsync(fd) != 0) {
		snprintf(err, errlen, "cannot write '%s': %s", tmp.s, strerror(errno));
		close(fd);
		unlink(tmp.s);
		goto out;
	}
	close(fd);
	if (rename(tmp.s, path) != 0) {
		snprintf(err, errlen, "cannot replace '%s': %s", path, strerror(errno));
		unlink(tmp.s);
		goto out;
	}
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	ok = true;
out:
	str_release(&tmp);
	return ok;
}

bool authkeys_write(const char *path, const char *command, const KeyList *keys, char *err,
		    size_t errlen)
{
	Str old = STR_INIT, data = STR_INIT;
	char *dir = file_dir_of(path);
	bool ok = false;

	if (!sshkey_command_ok(command)) {
		snprintf(err, errlen, "the forced command '%s' must be an absolute path without "
			 "quotes or shell characters (ssh.command in the config)", command);
		goto out;
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "cannot create folder '%s': %s", dir, strerror(errno));
		goto out;
	}
	if (!read_current(path, &old, err, errlen))
		goto out;
	compose(&old, command, keys, &data);
	ok = replace_file(path, dir, &data, err, errlen);
out:
	str_release(&old);
	str_release(&data);
	free(dir);
	return ok;
}
