/*
 * config.h: the settings, read from YAML.
 *
 * Files are read in order, later ones overriding earlier ones: /etc/toasoan/config.yaml,
 * then $XDG_CONFIG_HOME/toasoan/config.yaml (or ~/.config/...), or only the file given with
 * --config. A missing file is fine; a malformed one is an error naming file:line:column.
 *
 *	database: /srv/toasoan/toasoan.db
 *	publish:
 *	  dir: /srv/www/tin
 *	  url: https://bao.vn/    # the public address of the folder (feeds, sitemap, canonical)
 *	  name: Báo Quảng Trị     # the paper's name on every page
 *	  templates: /path        # layout.html and style.css of the site (default: built in)
 *	  after: rsync -a --files-from=- . web:/srv/www/   # run after each change of the site
 *	spell:
 *	  style: any          # old | new | any: the house tone placement
 *	  dict: /path         # our word lists (default: dict/ beside the program)
 *	  system: /path       # the system dictionaries (default /usr/share/hunspell)
 *	ui:
 *	  language: vi        # vi | en; unset: the locale's, else vi on the screen, en in commands
 *	  theme: default      # a name in themes/ or a path to a .yaml file
 *	ssh:                  # the newsroom server (see `toasoan key` and `toasoan shell`)
 *	  authorized_keys: /path   # default ~/.ssh/authorized_keys of the account running toasoan
 *	  command: /usr/local/bin/toasoan   # the forced command (default: this binary)
 *	  sshd_config: /etc/ssh/sshd_config # what `toasoan doctor` reads
 */
#ifndef NEWS_CONFIG_H
#define NEWS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/yamldoc.h"

typedef struct Config {
	char *database;     /* NULL: not set */
	char *publish_dir;  /* NULL: not set */
	char *site_url;     /* publish.url; NULL: relative links only, no sitemap */
	char *site_name;    /* publish.name; NULL: "Tin tức" */
	char *templates;    /* publish.templates: folder of layout.html, style.css; NULL: built in */
	char *after;        /* publish.after: a shell command; NULL: none */
	char *spell_style;  /* "old", "new" or "any" */
	char *language;     /* "vi" or "en"; NULL: follow the locale (base/lang.h) */
	char *theme;        /* theme name or path */
	char *dict_dir;     /* folder of our word lists; NULL: the built-in search path */
	char *system_dict;  /* folder of the system dictionaries (vi_VN, en_US); NULL: Debian's */
	char *ssh_keys;     /* ssh.authorized_keys; NULL: the account's own */
	char *ssh_command;  /* ssh.command: the forced command's program; NULL: this binary */
	char *sshd_config;  /* ssh.sshd_config; NULL: /etc/ssh/sshd_config */
} Config;

void config_init(Config *c);     /* the defaults */
void config_release(Config *c);

/*
 * Reads one YAML file into c. A missing file returns true when optional is set. On error
 * returns false and writes "file:line:column: what is wrong" into err.
 */
bool config_load(Config *c, const char *path, bool optional, char *err, size_t errlen);

/* The same on YAML text in memory; name is used in messages ("name:line:col: ..."). */
bool config_parse(Config *c, const char *name, const char *data, size_t len, char *err,
		  size_t errlen);

/* The largest config file read. */
#define CONFIG_MAX_BYTES YAMLDOC_MAX_BYTES

/* The user's own config file ($XDG_CONFIG_HOME/toasoan/config.yaml or ~/.config/...). */
char *config_user_path(void);

/* Reads the system file and the user's file (or only explicit_path when not NULL). */
bool config_load_default(Config *c, const char *explicit_path, char *err, size_t errlen);

/*
 * Where the database lives: cli_db (from --db), else $TOASOAN_DB, else the config's
 * database, else $XDG_DATA_HOME/toasoan/toasoan.db (~/.local/share/...). Caller frees.
 */
char *config_db_path(const Config *c, const char *cli_db);

/* Where published files go: publish.dir, else $XDG_DATA_HOME/toasoan/public. Caller frees. */
char *config_publish_dir(const Config *c);

/* The folder of our word lists: spell.dict, else dict/ of the source tree the binary was
 * built in, else the installed one. Caller frees. */
char *config_dict_dir(const Config *c);

/* The folder of the themes, found the same way. Caller frees. */
char *config_themes_dir(void);

#endif
