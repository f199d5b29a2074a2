/*
 * cmd_key.c: `toasoan key add|list|remove`, people's SSH keys to the service account. The
 * desk checks the actor is an admin and validates the key; this file reads the key text and
 * prints.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/file.h"
#include "base/str.h"
#include "base/visible.h"
#include "base/when.h"
#include "cli/cmds.h"
#include "news/doctor.h"
#include "base/banned.h"

#define KEY_USAGE "key add LOGIN [FILE|-] | key list [LOGIN] | key remove LOGIN FINGERPRINT"

static int key_add(Cli *c, const char *login, const char *path)
{
	Str text = STR_INIT;
	KeyRecord k = {0};
	char err[512];
	int rc = EXIT_FAIL;

	if (cli_remote_path(c, path, "send the public key on standard input: "
			    "'ssh ACCOUNT@SERVER key add LOGIN < key.pub'"))
		return EXIT_USAGE;
	if (!file_read(path ? path : "-", SSHKEY_MAX_BYTES + 2, &text, err, sizeof(err))) {
		cli_error("%s", err);
		return EXIT_FAIL;
	}
	if (!cli_desk(c))
		goto out;
	if (!desk_key_add(c->desk, login, str_cstr(&text), text.len, &k)) {
		rc = cli_desk_fail(c);
		goto out;
	}
	Str shown = STR_INIT;
	visible_adds(&shown, k.comment, false);
	printf("added %s %s%s%s for %s\n", k.fingerprint, k.type, shown.len ? " " : "",
	       str_cstr(&shown), login);
	str_release(&shown);
	rc = EXIT_OK;
out:
	key_record_release(&k);
	str_release(&text);
	return rc;
}

static int key_list(Cli *c, const char *login)
{
	KeyList l = {0};
	Str out = STR_INIT;

	if (!cli_desk(c))
		return EXIT_FAIL;
	if (!desk_key_list(c->desk, login, &l))
		return cli_desk_fail(c);
	for (size_t i = 0; i < l.n; i++) {
		const KeyRecord *k = &l.items[i];
		str_addf(&out, "%-12s %s %-19s ", k->login, k->fingerprint, k->type);
		when_local(k->at, &out);
		str_adds(&out, "  ");
		visible_adds(&out, k->comment, false); /* someone else's text: shown, never obeyed */
		str_addc(&out, '\n');
	}
	fwrite(str_cstr(&out), 1, out.len, stdout);
	str_release(&out);
	key_list_release(&l);
	return EXIT_OK;
}

int cmd_key(Cli *c, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";

	if (strcmp(sub, "add") == 0 && (argc == 3 || argc == 4))
		return key_add(c, argv[2], argc == 4 ? argv[3] : NULL);
	if (strcmp(sub, "list") == 0 && argc <= 3)
		return key_list(c, argc == 3 ? argv[2] : NULL);
	if (strcmp(sub, "remove") == 0 && argc == 4) {
		if (!cli_desk(c))
			return EXIT_FAIL;
		if (!desk_key_remove(c->desk, argv[2], argv[3]))
			return cli_desk_fail(c);
		printf("removed %s from %s\n", argv[3], argv[2]);
		return EXIT_OK;
	}
	return cli_usage(KEY_USAGE, sub[0] ? "invalid 'key %s' command" : "'key' needs a "
			 "subcommand%s", sub);
}

int cmd_doctor(Cli *c, int argc, char **argv)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *db, *pub, *keys;
	Str report = STR_INIT;
	KeyList held = {0};
	int problems;

	if (argc != 1)
		return cli_usage("doctor", "'doctor' takes no arguments");
	if (!cli_desk(c))
		return EXIT_FAIL;
	if (!desk_require_admin(c->desk, "only admins can run 'doctor'"))
		return cli_desk_fail(c);
	if (!desk_key_list(c->desk, NULL, &held))
		return cli_desk_fail(c);
	exe[n > 0 ? n : 0] = '\0';
	db = config_db_path(&c->config, c->db);
	pub = config_publish_dir(&c->config);
	keys = desk_keys_path(&c->config);
	char *user_cfg = config_user_path();
	DoctorSetup s = {db, pub, keys, c->config.sshd_config, n > 0 ? exe : NULL, &held,
			 {c->config_path ? c->config_path : "/etc/toasoan/config.yaml",
			  c->config_path ? NULL : user_cfg, NULL}};
	doctor_run(&s, &report, &problems);
	fwrite(str_cstr(&report), 1, report.len, stdout);
	printf("%d problem%s found\n", problems, problems == 1 ? "" : "s");
	str_release(&report);
	free(db);
	free(pub);
	free(keys);
	key_list_release(&held);
	free(user_cfg);
	return problems ? EXIT_FAIL : EXIT_OK;
}
