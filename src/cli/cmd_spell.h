/*
 * cmd_spell.h: `toasoan spell` (check a text) and `toasoan dict` (the newsroom's words).
 */
#ifndef CLI_CMD_SPELL_H
#define CLI_CMD_SPELL_H

#include "cli/cmd.h"

/*
 * spell [--json] [--style old|new|any] [FILE|-]: prints one finding a line (or a JSON array)
 * and returns 0 with no error or warning, 1 with some, 2 when the check could not run.
 */
int cmd_spell(Cli *c, int argc, char **argv);

/* dict add WORD... | dict remove WORD... | dict list */
int cmd_dict(Cli *c, int argc, char **argv);

#endif
