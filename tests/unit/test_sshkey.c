/* test_sshkey.c: SHA-256 and base64, public key validation, the authorized_keys rewrite and
 * the doctor's reading of SSH server settings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "base/digest.h"
#include "base/file.h"
#include "news/doctor.h"
#include "news/sshkey.h"

/* A real ed25519 public key and the fingerprint the key tools print for it. */
#define ED_BLOB "AAAAC3NzaC1lZDI1NTE5AAAAINggI+PbD+3Lsj6J+kSQC3zPWh2cKvLttEUL7IVPerHj"
#define ED_FP "SHA256:r26gOxf8u5LcJda188Ky0R0vwloGgKmR3xzE6Kkr04c"

static void hex(const uint8_t *d, char out[65])
{
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

START_TEST(sha256_vectors)
{
	uint8_t d[32];
	char h[65], *million = malloc(1000000);

	sha256("", 0, d);
	hex(d, h);
	ck_assert_str_eq(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256("abc", 3, d);
	hex(d, h);
	ck_assert_str_eq(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, d);
	hex(d, h);
	ck_assert_str_eq(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(million, 'a', 1000000);
	sha256(million, 1000000, d);
	hex(d, h);
	ck_assert_str_eq(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
}
END_TEST

START_TEST(base64_both_ways)
{
	static const char *const plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
	static const char *const coded[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=",
					    "Zm9vYmFy"};
	static const char *const bad[] = {"Zg=", "Z===", "Zg==Zg==", "Zm9v!", "Zm 9v", "=Zm9"};

	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		Str e = STR_INIT, d = STR_INIT;
		base64_encode((const uint8_t *)plain[i], strlen(plain[i]), true, &e);
		ck_assert_str_eq(str_cstr(&e), coded[i]);
		ck_assert(base64_decode(coded[i], strlen(coded[i]), &d));
		ck_assert_str_eq(str_cstr(&d), plain[i]);
		str_release(&e);
		str_release(&d);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		Str d = STR_INIT;
		ck_assert_msg(!base64_decode(bad[i], strlen(bad[i]), &d), "'%s' decoded", bad[i]);
		str_release(&d);
	}
}
END_TEST

static void parse_bad(const char *text, const char *want)
{
	KeyRecord k = {0};
	char err[300] = "";
	ck_assert_msg(!sshkey_parse(text, strlen(text), &k, err, sizeof(err)), "'%s' accepted", text);
	ck_assert_msg(strstr(err, want), "'%s': got '%s'", text, err);
	key_record_release(&k);
}

START_TEST(key_parse)
{
	const char *line = "ssh-ed25519 " ED_BLOB "  mai@laptop (work) \n";
	KeyRecord k = {0};
	char err[300];

	ck_assert_msg(sshkey_parse(line, strlen(line), &k, err, sizeof(err)), "%s", err);
	ck_assert_str_eq(k.type, "ssh-ed25519");
	ck_assert_str_eq(k.blob, ED_BLOB);
	ck_assert_str_eq(k.comment, "mai@laptop (work)");
	ck_assert_str_eq(k.fingerprint, ED_FP);
	key_record_release(&k);
	parse_bad("", "empty");
	parse_bad("command=\"sh\" ssh-ed25519 " ED_BLOB, "options before the key");
	parse_bad("no-pty,restrict ssh-ed25519 " ED_BLOB, "options before the key");
	parse_bad("ssh-ed25519 " ED_BLOB " a\nssh-ed25519 " ED_BLOB, "exactly one key");
	parse_bad("ssh-ed25519 " ED_BLOB " a\rb", "exactly one key");
	parse_bad("ssh-ed25519 " ED_BLOB " a\x1b]2;x\x07", "control character");
	parse_bad("ssh-rsa " ED_BLOB, "is not a 'ssh-rsa' key");
	parse_bad("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5", "is not a 'ssh-ed25519' key");
	parse_bad("ssh-ed25519 AAAA$$$$", "not valid base64");
	parse_bad("ssh-dss AAAA", "unknown key type");
	parse_bad("ssh-ed25519", "no data");
}
END_TEST

START_TEST(managed_lines)
{
	char login[33];
	const char *ok = "restrict,pty,command=\"/usr/local/bin/toasoan shell mai.2\" ssh-ed25519 X";

	ck_assert(authkeys_managed(ok, strlen(ok), login));
	ck_assert_str_eq(login, "mai.2");
	static const char *const not_ours[] = {
		"ssh-ed25519 " ED_BLOB " owner",
		"restrict,pty,command=\"/usr/local/bin/toasoan shell mai\",permitopen=\"*:*\" ssh-ed25519 X",
		"restrict,command=\"/usr/local/bin/toasoan shell mai\" ssh-ed25519 X",
		"restrict,pty,command=\"/bin/sh\" ssh-ed25519 X",
		"restrict,pty,command=\"/usr/local/bin/toasoan shell Mai\" ssh-ed25519 X",
		"# restrict,pty,command=\"/usr/local/bin/toasoan shell mai\" ssh-ed25519 X",
	};
	for (size_t i = 0; i < sizeof(not_ours) / sizeof(not_ours[0]); i++)
		ck_assert_msg(!authkeys_managed(not_ours[i], strlen(not_ours[i]), login), "%s",
			      not_ours[i]);
	ck_assert(sshkey_command_ok("/usr/local/bin/toasoan --config /etc/toasoan/x.yaml"));
	ck_assert(!sshkey_command_ok("toasoan"));
	ck_assert(!sshkey_command_ok("/bin/toasoan\" ssh-ed25519"));
	ck_assert(!sshkey_command_ok("/bin/toasoan; sh"));
	ck_assert(!sshkey_command_ok("/bin/toasoan $(id)"));
}
END_TEST

START_TEST(rewrite_keeps_other_lines)
{
	char dir[] = "/tmp/test_sshkey.XXXXXX", err[600], path[128];
	KeyList l = {0};
	Str text = STR_INIT;
	struct stat st;

	ck_assert(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/ssh/authorized_keys", dir);
	ck_assert(authkeys_write(path, "/usr/bin/toasoan", &l, err, sizeof(err)));
	ck_assert(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600 && st.st_size == 0);
	FILE *f = fopen(path, "w");
	fputs("# kept\nssh-ed25519 OWNER owner\n"
	      "restrict,pty,command=\"/old/toasoan shell gone\" ssh-ed25519 OLD old\nno newline", f);
	fclose(f);
	KeyRecord *k = key_list_push(&l);
	k->login = strdup("mai");
	k->type = strdup("ssh-ed25519");
	k->blob = strdup(ED_BLOB);
	k->comment = strdup("mai@laptop");
	ck_assert_msg(authkeys_write(path, "/usr/bin/toasoan", &l, err, sizeof(err)), "%s", err);
	ck_assert(file_read(path, 1 << 20, &text, err, sizeof(err)));
	ck_assert_str_eq(str_cstr(&text), "# kept\nssh-ed25519 OWNER owner\nno newline\n"
			 "restrict,pty,command=\"/usr/bin/toasoan shell mai\" ssh-ed25519 " ED_BLOB
			 " mai@laptop\n");
	ck_assert(!authkeys_write(path, "/usr/bin/toasoan\" x", &l, err, sizeof(err)));
	unlink(path);
	ck_assert(symlink("/etc/hostname", path) == 0);
	ck_assert(!authkeys_write(path, "/usr/bin/toasoan", &l, err, sizeof(err)));
	ck_assert(strstr(err, "not a regular file"));
	unlink(path);
	snprintf(path, sizeof(path), "%s/ssh", dir);
	rmdir(path);
	rmdir(dir);
	str_release(&text);
	key_list_release(&l);
}
END_TEST

START_TEST(sshd_settings)
{
	Str r = STR_INIT;

	ck_assert_int_eq(doctor_sshd_settings("permituserenvironment no\nacceptenv LANG\n"
					      "acceptenv LC_*\nAcceptEnv LC_PAPER\n", "x", &r), 0);
	ck_assert_int_eq(doctor_sshd_settings("PermitUserEnvironment yes\n", "x", &r), 1);
	ck_assert_int_eq(doctor_sshd_settings("permituserenvironment TOASOAN_DB,PATH\n", "x", &r), 1);
	ck_assert_int_eq(doctor_sshd_settings("AcceptEnv LANG LC_* *\n", "x", &r), 1);
	ck_assert_int_eq(doctor_sshd_settings("AcceptEnv LANG TOASOAN_DB LD_PRELOAD\n", "x", &r), 2);
	ck_assert_int_eq(doctor_sshd_settings("# AcceptEnv *\n", "x", &r), 0);
	ck_assert(strstr(str_cstr(&r), "fix: keep only 'AcceptEnv LANG LC_*' in x"));
	str_release(&r);
}
END_TEST

static Suite *sshkey_suite(void)
{
	Suite *s = suite_create("sshkey");
	ADD_TEST(s, sha256_vectors);
	ADD_TEST(s, base64_both_ways);
	ADD_TEST(s, key_parse);
	ADD_TEST(s, managed_lines);
	ADD_TEST(s, rewrite_keeps_other_lines);
	ADD_TEST(s, sshd_settings);
	return s;
}

CHECK_MAIN(sshkey_suite)
