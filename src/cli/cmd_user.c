/*
 * cmd_user.c: `toasoan user add|list|role|disable`. The desk refuses non-admins.
 */
#include <stdio.h>
#include <string.h>

#include "base/str.h"
#include "base/utf8.h"
#include "base/visible.h"
#include "cli/args.h"
#include "cli/cmds.h"
#include "base/banned.h"

#define USER_USAGE "user add LOGIN --role reporter|editor|admin [--name \"Họ và tên\"] | " \
	"user list | user role LOGIN ROLE | user disable LOGIN"

static bool parse_role(const char *s, Role *r)
{
	if (s && role_parse(s, r))
		return true;
	cli_usage(USER_USAGE, "invalid role '%s': use reporter, editor or admin", s ? s : "");
	return false;
}

static int user_add(Cli *c, int argc, char **argv)
{
	const char *role_s = NULL, *name = NULL;
	ArgSpec specs[] = {{"--role", &role_s, NULL}, {"--name", &name, NULL}, {0}};
	Str nfc = STR_INIT;
	Args a;
	Role role;
	int rc = EXIT_FAIL;

	if (!args_parse(argc, argv, specs, USER_USAGE, &a))
		return EXIT_USAGE;
	if (a.npos != 1)
		return cli_usage(USER_USAGE, "'user add' takes one login");
	if (!role_s)
		return cli_usage(USER_USAGE, "'user add' needs --role");
	if (!parse_role(role_s, &role))
		return EXIT_USAGE;
	if (name && !utf8_nfc(name, strlen(name), &nfc)) {
		cli_error("the name is not valid UTF-8");
		return EXIT_FAIL;
	}
	if (!cli_desk(c))
		goto out;
	if (!desk_user_add(c->desk, a.pos[0], role, name ? nfc.s : NULL)) {
		rc = cli_desk_fail(c);
		goto out;
	}
	printf(cli_tr("added %s (%s)\n"), a.pos[0], role_name(role));
	rc = EXIT_OK;
out:
	str_release(&nfc);
	return rc;
}

static int user_list(Cli *c)
{
	UserList l = {0};

	if (!cli_desk(c))
		return EXIT_FAIL;
	if (!desk_user_list(c->desk, &l))
		return cli_desk_fail(c);
	for (size_t i = 0; i < l.n; i++) {
		Str login = STR_INIT, name = STR_INIT;
		visible_adds(&login, l.items[i].login, false);
		visible_adds(&name, l.items[i].name, false);
		printf("%-16s %-9s %-8s %s\n", str_cstr(&login), role_name(l.items[i].role),
		       l.items[i].active ? cli_tr("active") : cli_tr("disabled"), str_cstr(&name));
		str_release(&login);
		str_release(&name);
	}
	user_list_release(&l);
	return EXIT_OK;
}

int cmd_user(Cli *c, int argc, char **argv)
{
	Role role;
	bool enabled;
	const char *sub = argc > 1 ? argv[1] : "";

	if (strcmp(sub, "add") == 0)
		return user_add(c, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0 && argc == 2)
		return user_list(c);
	if (strcmp(sub, "role") == 0 && argc == 4) {
		if (!parse_role(argv[3], &role))
			return EXIT_USAGE;
		if (!cli_desk(c))
			return EXIT_FAIL;
		if (!desk_user_set_role(c->desk, argv[2], role, &enabled))
			return cli_desk_fail(c);
		printf(cli_tr(enabled ? "%s is now %s, and the disabled account is enabled again\n"
				      : "%s is now %s\n"), argv[2], role_name(role));
		return EXIT_OK;
	}
	if (strcmp(sub, "disable") == 0 && argc == 3) {
		if (!cli_desk(c))
			return EXIT_FAIL;
		if (!desk_user_disable(c->desk, argv[2]))
			return cli_desk_fail(c);
		printf(cli_tr("%s is disabled\n"), argv[2]);
		return EXIT_OK;
	}
	return sub[0] ? cli_usage(USER_USAGE, "invalid 'user %s' command", sub)
		      : cli_usage(USER_USAGE, "'user' needs a subcommand");
}
