# readme.sh: the README's key list is the key table of the program, word for word.
. "$(dirname "$0")/lib.sh"
readme=$(dirname "$0")/../../README.md
sed -n '/<!-- keys:begin -->/,/<!-- keys:end -->/p' "$readme" | sed '1d;$d' >"$T/readme-keys"
TOASOAN_KEYS=md-en "$TOASOAN" >"$T/keys" 2>"$T/err"; rc=$?
cp "$T/keys" "$T/out"
expect_rc 0 "the program prints its key list"
check 'diff -u "$T/keys" "$T/readme-keys" >"$T/diff"' "the README's key list matches the key table (run: TOASOAN_KEYS=md-en toasoan)"
check 'grep -q "C-s" "$T/keys"' "the key list names the save key"
sed -n '/^toasoan \[--db PATH\]/,/^```/p' "$readme" >"$T/commands"
for c in init user new import list show edit submit withdraw return approve publish unpublish history diff export spell dict backup check search shell key doctor; do
	check 'grep -qE "(^  |\| )$c( |$)" "$T/commands"' "the README documents '$c'"
done
