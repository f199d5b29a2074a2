/*
 * config.c: the YAML settings. The file is loaded as one document and walked as a tree; the
 * settings are one table of dotted keys, so an unknown key or a value of the wrong shape is
 * reported with the line and column of the node that is wrong.
 */
#include "news/config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "base/file.h"
#include "base/str.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "news/msg.h"
#include "base/yamldoc.h"
#include "base/banned.h"

typedef struct Setting {
	const char *key;          /* dotted path */
	size_t offset;            /* of the char * in Config */
	const char *const *allowed; /* the values it may take, or NULL for any text */
} Setting;

static const char *const styles[] = {"old", "new", "any", NULL};
static const char *const languages[] = {"vi", "en", NULL};

static const Setting settings[] = {
	{"database", offsetof(Config, database), NULL},
	{"publish.dir", offsetof(Config, publish_dir), NULL},
	{"publish.url", offsetof(Config, site_url), NULL},
	{"publish.name", offsetof(Config, site_name), NULL},
	{"publish.templates", offsetof(Config, templates), NULL},
	{"publish.after", offsetof(Config, after), NULL},
	{"spell.style", offsetof(Config, spell_style), styles},
	{"spell.dict", offsetof(Config, dict_dir), NULL},
	{"spell.system", offsetof(Config, system_dict), NULL},
	{"ui.language", offsetof(Config, language), languages},
	{"ui.theme", offsetof(Config, theme), NULL},
	{"ssh.authorized_keys", offsetof(Config, ssh_keys), NULL},
	{"ssh.command", offsetof(Config, ssh_command), NULL},
	{"ssh.sshd_config", offsetof(Config, sshd_config), NULL},
};

void config_init(Config *c)
{
	memset(c, 0, sizeof(*c));
	c->spell_style = xstrdup("any");
	c->theme = xstrdup("default");
}

void config_release(Config *c)
{
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		free(*(char **)((char *)c + settings[i].offset));
	memset(c, 0, sizeof(*c));
}

typedef struct Walk {
	Config *c;
	yaml_document_t *doc;
	const char *path;
	char *err;
	size_t errlen;
} Walk;

static bool node_error(Walk *w, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool node_error(Walk *w, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), msg_say(fmt), ap);
	va_end(ap);
	snprintf(w->err, w->errlen, "%s:%zu:%zu: %s", w->path, n->start_mark.line + 1,
		 n->start_mark.column + 1, msg);
	return false;
}

static const Setting *find_setting(const char *key)
{
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		if (strcmp(settings[i].key, key) == 0)
			return &settings[i];
	return NULL;
}

static bool is_prefix(const char *key)
{
	size_t n = strlen(key);
	for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
		if (strncmp(settings[i].key, key, n) == 0 && settings[i].key[n] == '.')
			return true;
	return false;
}

static bool set_value(Walk *w, const Setting *s, const yaml_node_t *v)
{
	const char *text = (const char *)v->data.scalar.value;
	char **field = (char **)((char *)w->c + s->offset);

	if (v->type != YAML_SCALAR_NODE)
		return node_error(w, v, "'%s' must be a single value", s->key);
	if (!utf8_valid(text, v->data.scalar.length, NULL))
		return node_error(w, v, "'%s' is not valid UTF-8", s->key);
	if (s->allowed) {
		bool ok = false;
		for (const char *const *a = s->allowed; *a; a++)
			ok = ok || strcmp(*a, text) == 0;
		if (!ok) {
			char msg[200];
			Str list = STR_INIT;
			for (const char *const *a = s->allowed; *a; a++)
				str_addf(&list, "%s%s", a == s->allowed ? "" : ", ", *a);
			snprintf(msg, sizeof(msg), msg_say("'%s' must be one of %s"), s->key,
			         list.s);
			str_release(&list);
			return node_error(w, v, "%s", msg);
		}
	}
	free(*field);
	*field = xstrdup(text);
	return true;
}

static bool walk_map(Walk *w, const yaml_node_t *map, const char *prefix)
{
	if (map->type != YAML_MAPPING_NODE)
		return node_error(w, map, "%s",
		                  prefix[0] ? msg_say("expected a mapping of settings")
		                            : msg_say("the file must be a mapping of settings"));
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(w->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(w->doc, p->value);
		char key[128];
		const Setting *s;

		if (!k || !v || k->type != YAML_SCALAR_NODE)
			return node_error(w, map, "%s", msg_say("keys must be plain words"));
		snprintf(key, sizeof(key), "%s%s%s", prefix, prefix[0] ? "." : "",
			 (const char *)k->data.scalar.value);
		if ((s = find_setting(key))) {
			if (!set_value(w, s, v))
				return false;
		} else if (is_prefix(key)) {
			if (!walk_map(w, v, key))
				return false;
		} else {
			return node_error(w, k, "unknown setting '%s'", key);
		}
	}
	return true;
}

bool config_parse(Config *c, const char *name, const char *data, size_t len, char *err,
		  size_t errlen)
{
	yaml_document_t doc;
	yaml_node_t *root;
	bool ok = true;

	if (!yamldoc_load(name, data, len, &doc, err, errlen))
		return false;
	root = yaml_document_get_root_node(&doc);
	if (root && !(root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0)) {
		Walk w = {c, &doc, name, err, errlen};
		ok = walk_map(&w, root, "");
	}
	yaml_document_delete(&doc);
	return ok;
}

bool config_load(Config *c, const char *path, bool optional, char *err, size_t errlen)
{
	Str data = STR_INIT;
	char why[400];
	bool ok;

	if (!file_read(path, CONFIG_MAX_BYTES, &data, why, sizeof(why))) {
		str_release(&data); /* what was read before the limit */
		if (optional && access(path, F_OK) != 0 && errno == ENOENT)
			return true;
		snprintf(err, errlen, msg_say("config file: %s"), why);
		return false;
	}
	ok = config_parse(c, path, str_cstr(&data), data.len, err, errlen);
	str_release(&data);
	return ok;
}

/* $VAR/suffix, or $HOME/fallback/suffix when VAR is unset or empty. Caller frees. */
static char *xdg_path(const char *var, const char *fallback, const char *suffix)
{
	const char *base = getenv(var);
	const char *home = getenv("HOME");
	Str p = STR_INIT;

	if (base && base[0])
		str_addf(&p, "%s/%s", base, suffix);
	else
		str_addf(&p, "%s/%s/%s", home && home[0] ? home : ".", fallback, suffix);
	return str_detach(&p);
}

char *config_user_path(void)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", "toasoan/config.yaml");
}

bool config_load_default(Config *c, const char *explicit_path, char *err, size_t errlen)
{
	char *user;
	bool ok;

	if (explicit_path)
		return config_load(c, explicit_path, false, err, errlen);
	if (!config_load(c, "/etc/toasoan/config.yaml", true, err, errlen))
		return false;
	user = config_user_path();
	ok = config_load(c, user, true, err, errlen);
	free(user);
	return ok;
}

char *config_db_path(const Config *c, const char *cli_db)
{
	const char *env = getenv("TOASOAN_DB");

	if (cli_db && cli_db[0])
		return xstrdup(cli_db);
	if (env && env[0])
		return xstrdup(env);
	if (c->database && c->database[0])
		return xstrdup(c->database);
	return xdg_path("XDG_DATA_HOME", ".local/share", "toasoan/toasoan.db");
}

char *config_publish_dir(const Config *c)
{
	if (c->publish_dir && c->publish_dir[0])
		return xstrdup(c->publish_dir);
	return xdg_path("XDG_DATA_HOME", ".local/share", "toasoan/public");
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Finds a data folder (dict, themes): beside the binary in a source checkout (the binary is
 * build/plain/toasoan or the ./toasoan link), else the installed share folder.
 */
static char *data_dir(const char *name)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	static const char *const rel[] = {"/", "/../../", "/../share/toasoan/"};
	Str p = STR_INIT;

	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
			str_clear(&p);
			str_addf(&p, "%s%s%s", exe, rel[i], name);
			if (is_dir(p.s))
				return str_detach(&p);
		}
	}
	str_release(&p);
	str_addf(&p, "%s/%s", TOASOAN_DATADIR, name);
	return str_detach(&p);
}

char *config_dict_dir(const Config *c)
{
	if (c->dict_dir && c->dict_dir[0])
		return xstrdup(c->dict_dir);
	return data_dir("dict");
}

char *config_themes_dir(void)
{
	return data_dir("themes");
}
