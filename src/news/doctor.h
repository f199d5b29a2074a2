/*
 * doctor.h: the setup check of a newsroom server (`toasoan doctor`).
 *
 * It looks at what decides who can reach the newsroom's data: the owners and modes of the
 * database, its folder and the folders above it, the publish folder, the service account's
 * authorized_keys (every line must be a restricted toasoan key), the SSH server's settings
 * that would let a person change toasoan's environment, and this binary itself. Each finding
 * says exactly what is wrong and the command that fixes it.
 */
#ifndef NEWS_DOCTOR_H
#define NEWS_DOCTOR_H

#include "base/str.h"
#include "news/sshkey.h"

typedef struct DoctorSetup {
	const char *db_path;      /* the database file */
	const char *publish_dir;  /* the publish folder */
	const char *keys_path;    /* the service account's authorized_keys */
	const char *sshd_config;  /* the SSH server's config; NULL: /etc/ssh/sshd_config */
	const char *exe;          /* this program */
	const KeyList *keys;      /* the keys the database holds; NULL: not compared */
	const char *configs[3];   /* the config files read (NULL-terminated): they name the data */
} DoctorSetup;

/*
 * Runs every check. Appends one line per check to report: "ok   WHAT" or "FIX  WHAT" followed
 * by an indented "     fix: COMMAND" line; *problems gets how many need fixing.
 */
void doctor_run(const DoctorSetup *s, Str *report, int *problems);

/*
 * Checks SSH server settings given as "keyword value..." lines (the output of `sshd -T` or a
 * config file): PermitUserEnvironment must be no, AcceptEnv may pass only LANG and LC_*.
 * Findings go to report as above; returns how many problems.
 */
int doctor_sshd_settings(const char *text, const char *source, Str *report);

#endif
