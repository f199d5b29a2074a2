/*
 * sshkey.h: people's public keys and the service account's authorized_keys file.
 *
 * On a newsroom server people reach toasoan over SSH, each with their own key, to one service
 * account. Each key toasoan manages is one line of that account's authorized_keys:
 *
 *	restrict,pty,command="/usr/local/bin/toasoan shell mai" ssh-ed25519 AAAA... mai@laptop
 *
 * so the key gives no shell, no forwarding and no file transfer: only `toasoan shell LOGIN`.
 * Keys are validated before they reach the file (a known type, valid base64 whose blob names
 * the same type, no options, no line breaks), and the file is rewritten atomically keeping
 * every line toasoan does not manage exactly as it was.
 */
#ifndef NEWS_SSHKEY_H
#define NEWS_SSHKEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"

/* One registered key. Every string is owned; release with key_record_release. */
typedef struct KeyRecord {
	char *login;        /* whose key */
	char *type;         /* "ssh-ed25519", "ssh-rsa", ... */
	char *blob;         /* the base64 text of the key */
	char *comment;      /* "" when none */
	char *fingerprint;  /* "SHA256:" and the unpadded base64 of the blob's digest */
	char *added_by;     /* the admin who added it */
	int64_t at;         /* when */
} KeyRecord;

typedef struct KeyList {
	KeyRecord *items;
	size_t n, cap;
} KeyList;

void key_record_release(KeyRecord *k);
KeyRecord *key_list_push(KeyList *l);   /* a zeroed slot */
void key_list_release(KeyList *l);

/* The longest public key line accepted (large RSA keys are about 1 KB). */
#define SSHKEY_MAX_BYTES 16384

/*
 * Parses one public key as a key tool writes it: "TYPE BASE64 [COMMENT]", with at most one
 * trailing newline. Fills type, blob, comment and fingerprint of out (the caller releases it).
 * Returns false with a message in err for anything else: options before the key, an unknown
 * type, bad base64, a blob of another type, several lines, control characters.
 */
bool sshkey_parse(const char *text, size_t len, KeyRecord *out, char *err, size_t errlen);

/* The fingerprint of a base64 blob ("SHA256:..."), appended to out; false if not base64. */
bool sshkey_fingerprint(const char *blob, Str *out);

/*
 * True when command may stand in a forced command: printable ASCII with no quote, backslash
 * or shell metacharacter (sshd hands it to the account's shell).
 */
bool sshkey_command_ok(const char *command);

/*
 * If line is one that toasoan manages, returns true and puts the login it is for in
 * login (NUL-terminated, at most 32 bytes).
 */
bool authkeys_managed(const char *line, size_t len, char login[33]);

/*
 * Rewrites the authorized_keys file at path: every line toasoan does not manage is kept as it
 * was, then one managed line per key, forcing "COMMAND shell LOGIN". Written to a new file in
 * the same folder (mode 0600), flushed to disk and renamed over the old one; the folder is
 * created (0700) if missing. A symbolic link at path is refused. False with a message in err.
 */
bool authkeys_write(const char *path, const char *command, const KeyList *keys, char *err,
		    size_t errlen);

#endif
