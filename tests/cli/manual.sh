# manual.sh: the manual pages say what the program does. toasoan(1) lists the same commands
# as `toasoan --help`, in the same order, each with its usage line word for word;
# toasoan-config(5) names every setting the config reader takes and every theme slot; both
# pages format without a warning.
. "$(dirname "$0")/lib.sh"
root=$(cd "$(dirname "$0")/../.." && pwd)
page=$root/doc/toasoan.1
conf=$root/doc/toasoan-config.5

# The usage lines of the COMMANDS section, roff escapes undone.
sed -n '/^\.SH COMMANDS/,/^\.SH /p' "$page" | grep '^\\fB' |
	sed -e 's/\\fB//g; s/\\fR//g; s/\\-/-/g; s/\\(dq/"/g' >"$T/man-usage"
cut -d' ' -f1 "$T/man-usage" >"$T/man-commands"
run --help
sed -n '/^commands:/,/^$/p' "$T/out" | sed '1d;$d' | awk '{ print $1 }' >"$T/help-commands"
check '[ "$(wc -l <"$T/help-commands")" -gt 15 ]' "--help lists the commands"
check 'diff -u "$T/help-commands" "$T/man-commands" >"$T/diff"' \
	"the manual lists the commands of --help, in order: $(grep '^[-+][a-z]' "$T/diff" 2>/dev/null | tr '\n' ' ')"
while read -r c; do
	"$TOASOAN" "$c" --help | sed -n 's/^usage: toasoan //p' >"$T/usage"
	check 'grep -qxF -f "$T/usage" "$T/man-usage"' "the manual gives '$c' its usage line: $(cat "$T/usage")"
done <"$T/help-commands"
for s in OPTIONS COMMANDS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES; do
	check 'grep -qx ".SH $s" "$page"' "toasoan(1) has the section $s"
done
for v in TOASOAN_DB NO_COLOR LC_ALL; do
	check 'grep -q "$v" "$page"' "toasoan(1) documents $v"
done

# Every setting and every theme slot is in toasoan-config(5).
for k in $(grep -o '{"[a-z.]*", offsetof' "$root/src/news/config.c" | cut -d'"' -f2); do
	check 'grep -q "^\.B[IR]* $k:" "$conf"' "toasoan-config(5) documents '$k'"
done
slots=$(grep -o 'X(SLOT_[A-Z_]*, "[a-z-]*"' "$root/src/tui/theme.h" | cut -d'"' -f2)
missing=""
for s in $slots; do
	grep -q "$(sed 's/-/\\\\-/g' <<<"$s")" "$conf" || missing="$missing $s"
done
check '[ -z "$missing" ]' "toasoan-config(5) names every theme slot${missing:+: missing$missing}"

if command -v groff >/dev/null; then
	groff -k -man -ww -z -Tutf8 "$page" "$conf" >"$T/out" 2>"$T/err"; rc=$?
	check '[ "$rc" = 0 ] && [ ! -s "$T/err" ]' "both pages format without a warning"
else
	skip "both pages format without a warning" "groff is not installed"
fi
